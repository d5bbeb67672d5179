"""`kiosk run` and `kiosk set-pin` as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from kiosk.cli import main
from kiosk.store import Store
from kiosk.ui.pin import verify_pin


def kiosk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_smoke_run_paints_the_welcome_screen_and_exits_zero(tmp_path: Path):
    db = tmp_path / "demo.db"
    assert kiosk("demo", "--db", str(db)).returncode == 0
    result = kiosk("-v", "run", "--db", str(db), "--smoke")
    assert result.returncode == 0, result.stderr
    assert "screen (none) -> welcome (start)" in result.stderr
    assert "kiosk stopped" in result.stderr


def test_run_without_a_database_is_one_plain_sentence(tmp_path: Path):
    result = kiosk("run", "--db", str(tmp_path / "missing.db"), "--smoke")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "There is no event database at" in result.stderr


def test_set_pin_stores_only_a_scrypt_hash(db_path: Path, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("4321\n"))
    assert main(["set-pin", "--db", str(db_path), "--stdin"]) == 0
    stored = Store.open(db_path).setting("kiosk.pin_hash")
    assert stored is not None and "4321" not in stored
    assert verify_pin("4321", stored)
    assert main(["set-pin", "--db", str(db_path), "--clear"]) == 0
    assert Store.open(db_path).setting("kiosk.pin_hash") is None


def test_set_pin_refuses_a_short_pin(db_path: Path, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("12\n"))
    assert main(["set-pin", "--db", str(db_path), "--stdin"]) == 2
    assert "A PIN is 4 to 8 digits from 0 to 9." in capsys.readouterr().err


def damaged_demo(tmp_path: Path, backups: str = "backups") -> tuple[Path, Path]:
    """A demo event backed up into `backups`, then a page of it overwritten."""
    from kiosk.store.backup import rotate_backup

    db = tmp_path / "event.db"
    assert kiosk("demo", "--db", str(db)).returncode == 0
    good = rotate_backup(db, tmp_path / backups)
    store = Store.open(db)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(db.read_bytes())
    data[8192:16384] = b"\xee" * 8192
    db.write_bytes(bytes(data))
    return db, good


def test_smoke_run_on_a_damaged_file_paints_the_recovery_screen_and_exits_zero(tmp_path: Path):
    db, good = damaged_demo(tmp_path)
    damaged = db.read_bytes()
    result = kiosk("-v", "run", "--db", str(db), "--smoke")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert f"recovery screen shown (newest good backup: {good.name})" in result.stderr
    assert "screen (none) -> recovery (event file damaged)" in result.stderr
    assert "screen welcome" not in result.stderr  # check-in never opened
    assert db.read_bytes() == damaged  # nothing restored without staff
    assert not list(tmp_path.glob("event-replaced-*"))


def test_smoke_run_on_a_damaged_file_without_a_backup_still_paints_the_screen(tmp_path: Path):
    db, _ = damaged_demo(tmp_path, backups="elsewhere")
    result = kiosk("-v", "run", "--db", str(db), "--smoke")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "recovery screen shown (newest good backup: none)" in result.stderr


def test_a_running_kiosk_backs_up_at_once_to_an_owner_only_file(tmp_path: Path):
    db = tmp_path / "event.db"
    assert kiosk("demo", "--db", str(db)).returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    running = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--db", str(db), "--windowed"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    folder = tmp_path / "backups"
    try:
        for _ in range(600):  # the limit only stops a broken run hanging
            copies = sorted(folder.glob("*.db")) if folder.exists() else []
            if copies and running.poll() is None:
                break
            assert running.poll() is None, running.communicate()[1]
            time.sleep(0.05)
    finally:
        running.terminate()
        running.communicate(timeout=30)
    assert copies, "no backup appeared"
    assert copies[0].stat().st_mode & 0o777 == 0o600
    copy = Store.open(copies[0])
    try:
        assert copy.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.conn.execute("SELECT count(*) FROM attendees").fetchone()[0] > 0
    finally:
        copy.close()

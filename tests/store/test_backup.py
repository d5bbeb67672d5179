"""Backups during a stream of check-ins, and restores that refuse to lose data."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kiosk.checkin import Station
from kiosk.cli import main
from kiosk.domain.models import Event
from kiosk.store import Store, StoreError
from kiosk.store.backup import (
    BackupScheduler,
    backups_in,
    newest_good_backup,
    quick_check,
    restore_database,
    rotate_backup,
)


def make_event(path: Path, attendees: int) -> None:
    store = Store.open(path, create=True)
    store.save_event(Event("Backup test"))
    with store.transaction():
        for index in range(attendees):
            store.add_attendee({"code": f"C{index:05d}", "first_name": "Test"})
    store.close()


def test_backup_during_check_ins_holds_every_earlier_commit(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    make_event(path, 3000)
    started = threading.Event()
    stop = threading.Event()

    def scan_stream() -> None:
        station = Station(Store.open(path), name="stream")
        for index in range(3000):
            if stop.is_set():
                break
            station.scan(f"C{index:05d}")
            if index == 200:
                started.set()

    scanner = threading.Thread(target=scan_stream)
    scanner.start()
    assert started.wait(30)
    reader = Store.open(path)
    committed_before = {entry.id for entry in reader.log_entries()}
    backup = rotate_backup(path, tmp_path / "backups")
    stop.set()
    scanner.join()

    assert quick_check(backup) is None
    assert backup.stat().st_mode & 0o077 == 0
    restored_path = tmp_path / "restored.db"
    restore_database(backup, restored_path)
    restored = Store.open(restored_path)
    restored_ids = {entry.id for entry in restored.log_entries()}
    assert len(committed_before) > 200
    assert committed_before <= restored_ids
    assert restored.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_to_replace_newer_data(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    make_event(path, 5)
    backup = rotate_backup(path, tmp_path / "b")
    Station(Store.open(path)).scan("C00001")  # a change after the backup
    with pytest.raises(StoreError, match="newer"):
        restore_database(backup, path)
    restore_database(backup, path, force=True)
    assert Store.open(path).log_entries() == []


def test_rotation_keeps_the_newest_and_finds_a_good_one(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    make_event(path, 5)
    folder = tmp_path / "b"
    written = [rotate_backup(path, folder, keep=3) for _ in range(5)]
    assert backups_in(folder) == sorted(written[-3:], reverse=True)
    backups_in(folder)[0].write_bytes(b"damaged" * 1000)
    assert newest_good_backup(folder) == sorted(written[-3:], reverse=True)[1]


def test_scheduler_backs_up_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    make_event(path, 5)
    scheduler = BackupScheduler(path, tmp_path / "auto", interval=0.05, keep=2)
    scheduler.start()
    try:
        deadline = threading.Event()
        for _ in range(200):
            if len(backups_in(tmp_path / "auto")) >= 2:
                break
            deadline.wait(0.05)
    finally:
        scheduler.stop()
    assert len(backups_in(tmp_path / "auto")) == 2


def test_cli_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "event.db"
    make_event(path, 5)
    assert main(["backup", "--db", str(path), "-o", str(tmp_path / "copy.db")]) == 0
    Station(Store.open(path)).scan("C00002")
    assert main(["restore", str(tmp_path / "copy.db"), "--db", str(path)]) == 2
    assert "newer" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "copy.db"), "--db", str(path), "--force"]) == 0
    assert main(["restore", str(tmp_path / "missing.db"), "--db", str(path)]) == 2


@pytest.mark.expected_log("kiosk.store", "failed its integrity check", level="ERROR")
def test_a_damaged_file_names_the_newest_good_backup(tmp_path: Path) -> None:
    from kiosk.store.backup import check_on_start

    path = tmp_path / "event.db"
    make_event(path, 2000)
    folder = tmp_path / "backups"
    good = rotate_backup(path, folder)
    store = Store.open(path)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    check_on_start(path, folder)  # healthy: no complaint
    data = bytearray(path.read_bytes())
    data[8192:16384] = b"\xee" * 8192
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged") as caught:
        check_on_start(path, folder)
    assert str(good) in str(caught.value) and "kiosk restore" in str(caught.value)

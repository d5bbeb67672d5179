"""The hub's connection string (with its password) stays in the station's
owner-only private file: never in the event file, never in a backup, kept
across a restore, and moved out of files an older version wrote it into."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.backup import backup_database, restore_database
from kiosk.store.private import private_file
from kiosk.store.purge import delete_event_file

PASSWORD = "pw-7f3a9c1e5b2d4086"
URL = f"postgresql://door:{PASSWORD}@hub.example/event"


def file_bytes(path: Path) -> bytes:
    """The file and SQLite's companions of it, as they are on disk."""
    return b"".join(
        Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(f"{path}{suffix}").exists()
    )


def test_the_hub_password_lives_beside_the_event_file_owner_only(db_path: Path) -> None:
    store = Store.open(db_path)
    Settings(store).set("sync.server", URL)
    assert store.setting("sync.server") == URL
    assert PASSWORD.encode() not in file_bytes(db_path)
    kept = private_file(db_path)
    assert PASSWORD.encode() in kept.read_bytes()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    store.close()
    # Another process (a fresh store) finds it; clearing it removes the file.
    again = Store.open(db_path)
    assert again.setting("sync.server") == URL
    Settings(again).set("sync.server", "")
    assert again.setting("sync.server") is None
    assert not kept.exists()
    again.close()


def test_a_backup_holds_no_password_bytes_and_a_restore_keeps_the_station_s(
    db_path: Path, tmp_path: Path
) -> None:
    store = Store.open(db_path)
    store.set_setting("sync.server", URL)
    backup = backup_database(db_path, tmp_path / "backup.db")
    store.close()
    assert PASSWORD.encode() not in backup.read_bytes()
    restore_database(backup, db_path, force=True)
    restored = Store.open(db_path)
    try:
        assert restored.setting("sync.server") == URL
    finally:
        restored.close()


def test_a_password_an_older_version_kept_in_the_event_file_is_moved_out(
    db_path: Path, tmp_path: Path
) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('sync.server', ?)", (URL,))
    conn.commit()
    conn.close()
    # A backup of such a file is already clean, free pages included.
    backup = backup_database(db_path, tmp_path / "backup.db")
    assert PASSWORD.encode() not in backup.read_bytes()
    store = Store.open(db_path)
    assert store.setting("sync.server") == URL  # moved on first use
    store.close()
    assert PASSWORD.encode() not in file_bytes(db_path)
    assert PASSWORD.encode() in private_file(db_path).read_bytes()


def test_purge_deletes_the_private_file_too(db_path: Path) -> None:
    store = Store.open(db_path)
    store.set_setting("sync.server", URL)
    store.close()
    delete_event_file(db_path)
    assert list(db_path.parent.iterdir()) == []


def test_an_in_memory_store_keeps_it_in_memory() -> None:
    store = Store.open(":memory:")
    store.set_setting("sync.server", URL)
    assert store.setting("sync.server") == URL
    assert store.conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0

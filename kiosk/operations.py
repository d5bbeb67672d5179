"""Start-of-day safety shared by the kiosk and the help desk: the integrity
check before anything opens, and backups every few minutes while it runs."""

from __future__ import annotations

from pathlib import Path

from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.backup import BackupScheduler, check_on_start, default_backup_folder


def backup_folder(store: Store, db_path: Path) -> Path:
    """The `backup.folder` setting, else a `backups` folder beside the event file."""
    return default_backup_folder(db_path, Settings(store).get("backup.folder"))


def check_event_file(db_path: Path) -> None:
    """Raise StoreError (one sentence, naming the newest good backup) if the
    event file is missing, foreign or damaged."""
    store = Store.open(db_path)
    try:
        folder = backup_folder(store, db_path)
    finally:
        store.close()
    check_on_start(db_path, folder)


def start_backups(store: Store, db_path: Path) -> BackupScheduler:
    """Back up the event file every `backup.interval_minutes` while the program runs."""
    settings = Settings(store)
    scheduler = BackupScheduler(
        db_path,
        backup_folder(store, db_path),
        settings.get("backup.interval_minutes") * 60,
        settings.get("backup.keep"),
    )
    scheduler.start()
    return scheduler

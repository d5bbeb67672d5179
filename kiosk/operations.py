"""Start-of-day safety shared by the kiosk and the help desk: the integrity
check before anything opens, backups every few minutes while it runs, and
what the kiosk offers staff when the check finds the event file damaged."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.backup import (
    BackupScheduler,
    check_on_start,
    default_backup_folder,
    newest_good_backup,
    restore_database,
    setting_in_copy,
)
from kiosk.store.faults import Fault, StoreError, StoreFault


def backup_folder(store: Store, db_path: Path) -> Path:
    """The `backup.folder` setting, else a `backups` folder beside the event file."""
    return default_backup_folder(db_path, Settings(store).get("backup.folder"))


def _backup_folder_of(db_path: Path) -> Path:
    """The folder the event file names for its backups, or the default one
    when damage hides the setting."""
    try:
        store = Store.open(db_path)
    except StoreFault as error:
        if error.kind is not Fault.DAMAGED:
            raise
        return default_backup_folder(db_path, None)
    try:
        return backup_folder(store, db_path)
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # a damaged settings page
        return default_backup_folder(db_path, None)
    finally:
        store.close()


def check_event_file(db_path: Path) -> None:
    """Raise StoreError (one sentence, naming the newest good backup) if the
    event file is missing, foreign or damaged."""
    check_on_start(db_path, _backup_folder_of(db_path))


class _BackupSettings:
    """A backup's settings, read-only (a `SettingsStore`): the damaged file's
    own may be unreadable, and the backup is what staff are about to restore."""

    def __init__(self, backup: Path | None) -> None:
        self.backup = backup

    def setting(self, key: str, default: str | None = None) -> str | None:
        value = setting_in_copy(self.backup, key) if self.backup is not None else None
        return default if value is None else value

    def set_setting(self, key: str, value: str | None) -> None:
        raise StoreError("The settings of a backup cannot be changed.")


@dataclass(frozen=True)
class DamagedFile:
    """An event file that failed its integrity check, and what staff can restore."""

    path: Path
    backup: Path | None  # the newest good backup; None when there is none
    settings: Settings  # the backup's (the staff PIN, the language), else the defaults

    def backup_time(self) -> dt.datetime | None:
        """When the backup was written, in this machine's time."""
        if self.backup is None:
            return None
        return dt.datetime.fromtimestamp(self.backup.stat().st_mtime)


def damaged_event_file(db_path: Path) -> DamagedFile | None:
    """None when the event file passes its integrity check; for a damaged one,
    the newest good backup to offer. Other faults (missing, read-only, locked)
    raise their one sentence as before."""
    folder = _backup_folder_of(db_path)
    try:
        check_on_start(db_path, folder)
    except StoreFault as error:
        if error.kind is not Fault.DAMAGED:
            raise
        backup = newest_good_backup(folder)
        return DamagedFile(db_path, backup, Settings(_BackupSettings(backup)))
    return None


def restore_newest_backup(damaged: DamagedFile) -> Path | None:
    """Put the backup in place of the damaged file; returns the dated copy kept
    of the damaged one. Raises StoreError (one sentence) when it cannot."""
    if damaged.backup is None:
        raise StoreError(f"There is no good backup of {damaged.path} to restore.")
    return restore_database(damaged.backup, damaged.path)


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

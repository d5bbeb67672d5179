"""Consistent copies of an event file while it is in use, and restoring one.

SQLite's online backup API copies the database page by page under its own
locks, so a backup taken during a stream of check-ins holds every
transaction committed before it started and nothing half-written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import threading
from pathlib import Path

from kiosk.store.database import StoreError

log = logging.getLogger("kiosk.store")

BACKUP_PREFIX = "event-backup-"
DEFAULT_KEEP = 12
DEFAULT_INTERVAL_S = 300.0


def backup_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` (owner-only), atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A backup should be one self-contained file, not WAL plus pages.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except sqlite3.DatabaseError as error:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise StoreError(f"Could not back up {source} ({error}).") from error
    log.info("backup written: %s", target.name)
    return target


def quick_check(path: Path) -> str | None:
    """None when SQLite's quick integrity check passes, else what it found."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if rows == ["ok"] else "; ".join(rows[:5])


def backups_in(folder: Path) -> list[Path]:
    """Backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{BACKUP_PREFIX}*.db"), reverse=True)


def newest_good_backup(folder: Path) -> Path | None:
    for candidate in backups_in(folder):
        if quick_check(candidate) is None:
            return candidate
    return None


def rotate_backup(source: Path, folder: Path, keep: int = DEFAULT_KEEP) -> Path:
    """Write a timestamped backup into `folder` and keep only the newest `keep`."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    written = backup_database(source, folder / f"{BACKUP_PREFIX}{stamp}.db")
    for old in backups_in(folder)[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return written


def last_change(path: Path) -> str:
    """The time of the newest change recorded in an event file ('' if none)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        row = conn.execute(
            "SELECT max(coalesce((SELECT max(at) FROM checkins), ''),"
            " coalesce((SELECT max(updated_at) FROM attendees), ''))"
        ).fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a readable event database ({error}).") from error
    finally:
        conn.close()
    return str(row[0] or "")


def restore_database(backup: Path, target: Path, *, force: bool = False) -> None:
    """Put `backup` in place of `target`. Refuses to replace a database that
    holds newer changes than the backup unless `force`."""
    if not backup.is_file():
        raise StoreError(f"There is no backup at {backup}.")
    if (problem := quick_check(backup)) is not None:
        raise StoreError(f"The backup {backup} is damaged ({problem}).")
    if target.exists() and not force and last_change(target) > last_change(backup):
        raise StoreError(
            f"{target} has changes newer than the backup; use --force to replace it anyway."
        )
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{target}{suffix}").unlink()
    backup_database(backup, target)


class BackupScheduler:
    """Backs up an event file at start and every `interval` seconds, on its own thread."""

    def __init__(
        self,
        source: Path,
        folder: Path,
        interval: float = DEFAULT_INTERVAL_S,
        keep: int = DEFAULT_KEEP,
    ) -> None:
        self.source, self.folder, self.interval, self.keep = source, folder, interval, keep
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backup", daemon=True)
        self.last_error: str | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        # The first copy is taken at once: the state before the doors open is
        # the one worth having if the file is damaged in the first minutes.
        while True:
            try:
                rotate_backup(self.source, self.folder, self.keep)
                self.last_error = None
            except (StoreError, OSError) as error:
                # A missing USB stick must not stop check-in; staff see it.
                self.last_error = str(error)
                log.warning("backup failed: %s", error)
            if self._stop.wait(self.interval):
                return


def default_backup_folder(db_path: Path, configured: str | None) -> Path:
    return Path(configured) if configured else db_path.parent / "backups"


def check_on_start(db_path: Path, backup_folder: Path) -> None:
    """Refuse to start on a damaged file, naming the backup to restore."""
    problem = quick_check(db_path)
    if problem is None:
        return
    log.error("event file failed its integrity check: %s", problem)
    good = newest_good_backup(backup_folder)
    advice = (
        f"The newest good backup is {good}; restore it with: kiosk restore {good} --db {db_path}"
        if good
        else "No good backup was found; restore one you keep elsewhere with kiosk restore."
    )
    raise StoreError(f"The event file {db_path} is damaged. {advice}")

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
import shutil
import sqlite3
import threading
from pathlib import Path

from kiosk.store import identity
from kiosk.store.faults import Fault, StoreError, classify, fault
from kiosk.store.live import no_live_stations
from kiosk.store.private import PRIVATE_SETTINGS, read_private, write_private

log = logging.getLogger("kiosk.store")

BACKUP_PREFIX = "event-backup-"
DEFAULT_KEEP = 12
DEFAULT_INTERVAL_S = 300.0


# Faults of the place a copy is written to (others are the source's).
WRITE_FAULTS = frozenset({Fault.DISK_FULL, Fault.READ_ONLY, Fault.DISK_ERROR})


def backup_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` (owner-only), atomically.

    The copy gets its own file tag (see `identity`). The station's private
    settings (the hub's password) are kept outside the event file
    (`kiosk.store.private`); a file from an older version that still holds
    them has them wiped from the copy.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    try:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        dst = sqlite3.connect(partial, isolation_level=None)
        try:
            src.backup(dst)
            # A backup should be one self-contained file, not WAL plus pages.
            dst.execute("PRAGMA journal_mode=DELETE")
            _make_own_copy(dst)
        finally:
            dst.close()
            src.close()
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        # The half-written copy and the journal SQLite kept beside it.
        for leftover in (partial, Path(f"{partial}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        log.warning("backup of %s failed: %s", source.name, type(error).__name__)
        known = classify(error, target)
        if known is not None and known.kind in WRITE_FAULTS:
            raise known from error
        raise StoreError(f"Could not back up {source} ({error}).") from error
    log.info("backup written: %s", target.name)
    return target


def _make_own_copy(conn: sqlite3.Connection) -> None:
    keys = sorted(PRIVATE_SETTINGS)
    marks = ", ".join("?" for _ in keys)
    held = conn.execute(f"SELECT count(*) FROM settings WHERE key IN ({marks})", keys)
    if held.fetchone()[0]:
        conn.execute(f"DELETE FROM settings WHERE key IN ({marks})", keys)
        # Deleted text stays in free pages (and older versions of the
        # row may sit there already): rebuild the copy without them.
        conn.execute("VACUUM")
    identity.set_tag(conn, identity.new_tag())


def quick_check(path: Path) -> str | None:
    """None when SQLite's quick integrity check passes, else what it found."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
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


def _read_one(path: Path, sql: str, params: tuple[str, ...] = ()) -> str | None:
    """One value from a healthy file, or None (no such table, unreadable)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            row = conn.execute(sql, params).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    return None if row is None or row[0] is None else str(row[0])


def event_uid(path: Path) -> str | None:
    return _read_one(path, "SELECT uid FROM event_identity WHERE id = 1")


def event_name(path: Path) -> str:
    return _read_one(path, "SELECT name FROM event WHERE id = 1") or "no event"


def setting_in_copy(path: Path, key: str) -> str | None:
    """A setting of a healthy copy (a backup), read without writing to it;
    None when it is not set there or the copy cannot be read."""
    return _read_one(path, "SELECT value FROM settings WHERE key = ?", (key,))


def keep_safety_copy(target: Path) -> Path:
    """A dated byte-for-byte copy of `target` (and its WAL) beside it, owner-only.

    Bytes, not SQLite's backup: the file being replaced may be damaged.
    """
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    copy = target.with_name(f"{target.stem}-replaced-{stamp}{target.suffix or '.db'}")
    for suffix in ("", "-wal"):
        source = Path(f"{target}{suffix}")
        if source.exists():
            _copy_bytes(source, Path(f"{copy}{suffix}"))
    log.info("safety copy of the replaced file: %s", copy.name)
    return copy


def _copy_bytes(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with open(source, "rb") as src, os.fdopen(fd, "wb", closefd=False) as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(fd)
    finally:
        os.close(fd)


def restore_database(backup: Path, target: Path, *, force: bool = False) -> Path | None:
    """Put `backup` in place of `target`; returns the safety copy of what it replaced.

    Refuses while a station has `target` open; without `force`, also when
    the backup holds another event or `target` holds newer changes. A
    damaged `target` is replaced without `force` (its copy is kept).
    """
    if not backup.is_file():
        raise StoreError(f"There is no backup at {backup}.")
    if (problem := quick_check(backup)) is not None:
        raise StoreError(f"The backup {backup} is damaged ({problem}).")
    with no_live_stations(target) as live:
        if live:
            raise StoreError(
                f"{target} is open in {', '.join(live)}; stop those stations, then restore."
            )
        safety = None
        if target.exists():
            if quick_check(target) is None:
                if not force:
                    _refuse_unless_forced(backup, target)
                _keep_private_settings(target)
            safety = keep_safety_copy(target)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{target}{suffix}").unlink()
        backup_database(backup, target)
    return safety


def _refuse_unless_forced(backup: Path, target: Path) -> None:
    mine, theirs = event_uid(target), event_uid(backup)
    if mine and theirs and mine != theirs:
        raise StoreError(
            f"The backup holds another event ({event_name(backup)!r}) than {target} "
            f"({event_name(target)!r}); to replace it anyway, add --force "
            "(a dated copy of the replaced file is kept)."
        )
    if last_change(target) > last_change(backup):
        raise StoreError(
            f"{target} has changes newer than the backup; to replace it anyway, add --force "
            "(a dated copy of the replaced file is kept)."
        )


def _keep_private_settings(path: Path) -> None:
    """The station keeps its hub address across a restore: one an older
    version kept inside the file being replaced moves to the private file."""
    kept = read_private(path)
    for key in PRIVATE_SETTINGS - kept.keys():
        value = _read_one(path, f"SELECT value FROM settings WHERE key = '{key}'")
        if value is not None:
            write_private(path, key, value)


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
                log.warning("backup failed: %s", getattr(error, "kind", type(error).__name__))
            if self._stop.wait(self.interval):
                return


def default_backup_folder(db_path: Path, configured: str | None) -> Path:
    return Path(configured) if configured else db_path.parent / "backups"


def damage_advice(db_path: Path, backup_folder: Path | None = None) -> str:
    """Which backup to restore onto a damaged file, as a sentence."""
    good = newest_good_backup(backup_folder or default_backup_folder(db_path, None))
    if good:
        return (
            f"The newest good backup is {good}; restore it with: "
            f"kiosk restore {good} --db {db_path}"
        )
    return "No good backup was found; restore one you keep elsewhere with kiosk restore."


def check_on_start(db_path: Path, backup_folder: Path) -> None:
    """Refuse to start on a damaged file, naming the backup to restore."""
    problem = quick_check(db_path)
    if problem is None:
        return
    # Not SQLite's findings: they can quote undecodable text from a page.
    log.error("event file failed its integrity check")
    raise fault(Fault.DAMAGED, db_path, damage_advice(db_path, backup_folder))

"""The environment's faults: what the disk, the file system or another program
can do to the event file, each as a kind with one sentence and what to do.

A fault is not a bug: the station says it plainly, keeps what it has, and
carries on when the cause is gone. Anything that is not one of these is a
bug and is logged with its traceback by whoever catches it.
"""

from __future__ import annotations

import enum
import errno
import os
import shutil
import sqlite3
from pathlib import Path

# What a person is told about anything that is not a known fault: a bug, with
# its traceback in the log. Check-ins are committed before they are announced,
# so whatever failed afterwards cannot have lost one.
BUG_SENTENCE = "Something went wrong; check-ins so far are safe."


class StoreError(Exception):
    """A problem with the event file that a user can understand and fix."""


class Fault(enum.StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    FILE_REPLACED = "file_replaced"
    DAMAGED = "damaged"
    MISSING = "missing"
    DISK_ERROR = "disk_error"


class StoreFault(StoreError):
    """The event file cannot be used right now, for a reason outside the program."""

    def __init__(self, kind: Fault, sentence: str) -> None:
        super().__init__(sentence)
        self.kind = kind


# Below this, a write error from SQLite is taken to be a full disk.
NEARLY_FULL_BYTES = 256 * 1024


def fault(kind: Fault, path: Path | str, advice: str = "") -> StoreFault:
    """The sentence for `kind` on `path`; `advice` adds what to do for damage."""
    sentences = {
        Fault.DISK_FULL: f"The disk holding {path} is full; free some space, "
        "for example old exports or backups.",
        Fault.READ_ONLY: f"{path} cannot be written: the file, its folder or its disk is "
        "read-only; make it writable again.",
        Fault.LOCKED: f"{path} is held by another program for too long; close any program "
        "copying or syncing it.",
        Fault.FILE_REPLACED: f"{path} was deleted, moved or replaced while this station had "
        "it open; put the original back, or restart the station on the file the event uses.",
        Fault.DAMAGED: f"The event file {path} is damaged. {advice}".strip(),
        Fault.MISSING: f"There is no event database at {path}.",
        Fault.DISK_ERROR: f"The disk holding {path} reported an error; check the disk "
        "or move the event file to another one.",
    }
    return StoreFault(kind, sentences[kind])


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent if path.parent != Path() else Path.cwd()).free < (
            NEARLY_FULL_BYTES
        )
    except OSError:
        return False


def _writable_place(path: Path) -> bool:
    target = path if path.exists() else path.parent
    return os.access(target, os.W_OK) and os.access(path.parent, os.W_OK)


def sqlite_fault_kind(error: sqlite3.Error, path: Path) -> Fault | None:
    """The fault behind an SQLite error, or None when it is not the environment's."""
    if isinstance(error, sqlite3.DataError | sqlite3.IntegrityError | sqlite3.ProgrammingError):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL:
        return Fault.DISK_FULL
    if primary == sqlite3.SQLITE_READONLY:
        return Fault.READ_ONLY
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return Fault.LOCKED
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return Fault.DAMAGED
    if primary == sqlite3.SQLITE_CANTOPEN:
        if not path.exists():
            return Fault.MISSING
        return Fault.DISK_ERROR if _writable_place(path) else Fault.READ_ONLY
    if primary == sqlite3.SQLITE_IOERR:
        if code == sqlite3.SQLITE_IOERR_SHORT_READ:
            return Fault.DAMAGED  # a truncated file
        return Fault.DISK_FULL if _nearly_full(path) else Fault.DISK_ERROR
    if "could not decode" in str(error).lower():
        return Fault.DAMAGED  # undecodable text in a damaged page
    return None


def os_fault_kind(error: OSError) -> Fault | None:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return Fault.DISK_FULL
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return Fault.READ_ONLY
    if error.errno == errno.ENOENT:
        return Fault.MISSING
    if error.errno == errno.EIO:
        return Fault.DISK_ERROR
    return None


def loggable(error: BaseException) -> str:
    """An error as its class and SQLite's error name, never its text: a damaged
    page's "could not decode" message quotes the bytes, which can be a name."""
    name = getattr(error, "sqlite_errorname", None)
    return f"{type(error).__name__} {name}" if name else type(error).__name__


def classify(error: BaseException, path: Path | str, advice: str = "") -> StoreFault | None:
    """`error` as a fault of the event file at `path`, or None for a bug."""
    path = Path(path)
    if isinstance(error, StoreFault):
        return error
    kind: Fault | None = None
    if isinstance(error, sqlite3.Error):
        kind = sqlite_fault_kind(error, path)
    elif isinstance(error, UnicodeDecodeError):
        kind = Fault.DAMAGED  # text in the file that is not text any more
    elif isinstance(error, OSError):
        kind = os_fault_kind(error)
    if kind is None:
        return None
    return fault(kind, path, advice)

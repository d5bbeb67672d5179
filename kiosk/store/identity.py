"""Is the file at this path still the file a station opened?

Two marks together: the device and inode of the path (a delete, a rename, or
a copy moved into place gives another inode, or none), and a random file tag
kept in the database header's application id (a copy written over the file
in place keeps the inode but brings its own tag). Every copy this program
makes (backups, restores) gets a fresh tag, so a backup copied over a live
file is noticed too.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

# The application id sits at byte 68 of SQLite's 100-byte header, big-endian.
_TAG_OFFSET = 68
_HEADER_SIZE = 100


@dataclass(frozen=True, slots=True)
class FileIdentity:
    device: int
    inode: int
    tag: int


def new_tag() -> int:
    """A random non-zero tag that fits SQLite's signed 32-bit application id."""
    return secrets.randbelow(2**31 - 1) + 1


def on_disk(path: Path, opened: FileIdentity | None = None) -> FileIdentity | None:
    """The identity of whatever is at `path` now (None: nothing there).

    Never opens the file: closing any descriptor of a file drops every POSIX
    lock this process holds on it, SQLite's included, and another process
    could then checkpoint and remove the WAL under this one. The header's tag
    is read through a descriptor SQLite already has open (see `_header_tag`).
    """
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    tag = 0
    if opened is not None and (stat.st_dev, stat.st_ino) == (opened.device, opened.inode):
        tag = _header_tag(stat.st_dev, stat.st_ino)
    return FileIdentity(stat.st_dev, stat.st_ino, tag)


# This process's open descriptors: Linux's /proc, macOS's and the BSDs' /dev/fd.
# Windows has neither (and no pread): there the header's tag is not read and
# the file is known by volume and file index alone. A file SQLite has open
# cannot be deleted or renamed on Windows, so what goes unseen there is a
# copy written over it in place.
_FD_FOLDERS = (Path("/proc/self/fd"), Path("/dev/fd"))
_last_fd: dict[tuple[int, int], int] = {}


def _open_descriptors() -> list[int]:
    for folder in _FD_FOLDERS:
        with contextlib.suppress(OSError, ValueError):
            return [int(name) for name in os.listdir(folder)]
    return []


def _header_tag(device: int, inode: int) -> int:
    """The tag in the header on disk, 0 where it cannot be read without opening.

    In WAL mode the header on disk is written only at a checkpoint, so 0
    there means "not written yet", never a mismatch.
    """
    key = (device, inode)
    if not hasattr(os, "pread"):
        return 0  # Windows: inode alone (see _FD_FOLDERS)
    candidates = [_last_fd[key]] if key in _last_fd else _open_descriptors()
    for fd in candidates:
        try:
            stat = os.fstat(fd)
            if (stat.st_dev, stat.st_ino) != key:
                continue
            header = os.pread(fd, _HEADER_SIZE, 0)
        except OSError:
            continue
        _last_fd[key] = fd
        if len(header) < _HEADER_SIZE:
            return 0
        return int.from_bytes(header[_TAG_OFFSET : _TAG_OFFSET + 4], "big", signed=True)
    _last_fd.pop(key, None)
    return 0


def same_file(opened: FileIdentity, now: FileIdentity | None) -> bool:
    if now is None or (now.device, now.inode) != (opened.device, opened.inode):
        return False
    return opened.tag == 0 or now.tag in (0, opened.tag)


def ensure_tag(conn: sqlite3.Connection) -> int:
    """The file's tag, giving it one first if it has none (older files).

    A file that cannot be written keeps 0: it is then known by inode alone.
    """
    tag = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if tag:
        return tag
    try:
        set_tag(conn, new_tag())
    except sqlite3.OperationalError:
        return 0
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def set_tag(conn: sqlite3.Connection, tag: int) -> None:
    conn.execute(f"PRAGMA application_id = {int(tag)}")
    # Into the main file now, where a station checking the header reads it;
    # PASSIVE never waits for other stations' readers.
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def identity_of(path: Path, conn: sqlite3.Connection) -> FileIdentity | None:
    """The identity of the file `conn` has open at `path`."""
    tag = ensure_tag(conn)
    stat = os.stat(path)
    return FileIdentity(stat.st_dev, stat.st_ino, tag)

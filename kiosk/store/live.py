"""Which station processes have an event file open, so a restore can refuse.

Each running station (kiosk, desk, headless scanner) holds an exclusive
lock on its own small file in a folder beside the event file
(`event.db-stations/`), naming its station and process. The kernel drops the
lock when the process ends, however it ends (kill -9 included), so a file
that can be locked is a station that is gone. Lock files, not rows in the
database: a restore must work when the event file is damaged or read-only,
and rows of crashed stations would need cleaning up. See README, Design.

A restore holds the folder's gate exclusively while it checks and replaces
the file; a station takes the gate shared while it registers, so none can
slip in between the check and the replacement.

Locks: `flock` on Linux and macOS (tested there, fault suite); on Windows
`msvcrt.locking` on one byte far past the station's few bytes of text, since
Windows forbids even reading a locked range and has no shared locks (so
stations there take the gate one at a time, briefly). Windows, too, drops a
process's locks when it ends. The Windows branch is not run by this
machine's tests; see docs/sync.md "Tests and figures".
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # Linux, macOS
    msvcrt = None  # type: ignore[assignment]

log = logging.getLogger("kiosk.store")

_GATE = ".gate"
# Where Windows locks (a byte range there; reads of a locked range fail).
_LOCK_OFFSET = 1 << 20
_RETRY_S = 0.05
LOCKING = fcntl is not None or msvcrt is not None
# os.open on Windows opens in text mode unless told otherwise.
_BINARY = getattr(os, "O_BINARY", 0)


def lock_fd(fd: int, *, shared: bool = False, wait: bool = True) -> bool:
    """Lock `fd`'s file for this process; False when `wait` is off and another holds it."""
    if fcntl is not None:
        flags = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(fd, flags)
        except BlockingIOError:
            return False
        return True
    assert msvcrt is not None
    os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
    try:
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:  # held by another process
                if not wait:
                    return False
                time.sleep(_RETRY_S)
    finally:
        os.lseek(fd, 0, os.SEEK_SET)


def registry_folder(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}-stations")


class LiveStation:
    """This process's registration; released by `close` or by the process ending."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd, self.path = fd, path

    def close(self) -> None:
        if self._fd < 0:
            return
        if msvcrt is not None:  # Windows deletes no file that is open
            os.close(self._fd)
        with contextlib.suppress(OSError):
            self.path.unlink()
        if msvcrt is None:
            os.close(self._fd)
        self._fd = -1


@contextlib.contextmanager
def _gate(folder: Path, exclusive: bool) -> Iterator[None]:
    fd = os.open(folder / _GATE, os.O_CREAT | os.O_RDWR | _BINARY, 0o600)
    try:
        lock_fd(fd, shared=not exclusive)
        yield
    finally:
        os.close(fd)  # releases the lock


def register(db_path: Path, station: str, command: str) -> LiveStation | None:
    """Say that this process has `db_path` open. None where that cannot be
    written (a read-only folder: this station cannot write the file either)."""
    if not LOCKING or str(db_path) == ":memory:":
        return None
    folder = registry_folder(db_path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        with _gate(folder, exclusive=False):
            path = folder / f"{os.getpid()}-{secrets.token_hex(4)}"
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR | _BINARY, 0o600)
            lock_fd(fd, wait=False)  # a new file of our own: nobody else holds it
            about = {"station": station, "command": command, "pid": os.getpid()}
            os.write(fd, json.dumps(about).encode())
    except OSError as error:
        log.warning("cannot register this station beside %s: %s", db_path.name, error)
        return None
    return LiveStation(fd, path)


def _describe(path: Path) -> str:
    try:
        about = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        about = {}
    station = about.get("station") or "a station"
    return f"{station} ({about.get('command') or 'kiosk'}, process {about.get('pid', '?')})"


def _live_in(folder: Path) -> list[str]:
    live = []
    for path in sorted(folder.iterdir()):
        if path.name == _GATE:
            continue
        try:
            fd = os.open(path, os.O_RDONLY | _BINARY)
        except FileNotFoundError:
            continue  # a station that just stopped
        try:
            held = not lock_fd(fd, wait=False)
        finally:
            os.close(fd)
        if held:
            live.append(_describe(path))
        else:
            with contextlib.suppress(OSError):
                path.unlink()  # left by a station that crashed
    return live


@contextlib.contextmanager
def no_live_stations(db_path: Path) -> Iterator[list[str]]:
    """Hold off new stations while the body runs; yields the ones running now."""
    folder = registry_folder(db_path)
    if not LOCKING or not folder.is_dir():
        yield []
        return
    with _gate(folder, exclusive=True):
        yield _live_in(folder)


def live_stations(db_path: Path) -> list[str]:
    with no_live_stations(db_path) as live:
        return live

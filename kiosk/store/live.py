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
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: a file open elsewhere cannot be replaced there anyway
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("kiosk.store")

_GATE = ".gate"


def registry_folder(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}-stations")


class LiveStation:
    """This process's registration; released by `close` or by the process ending."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd, self.path = fd, path

    def close(self) -> None:
        if self._fd < 0:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = -1


@contextlib.contextmanager
def _gate(folder: Path, exclusive: bool) -> Iterator[None]:
    assert fcntl is not None
    fd = os.open(folder / _GATE, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the lock


def register(db_path: Path, station: str, command: str) -> LiveStation | None:
    """Say that this process has `db_path` open. None where that cannot be
    written (a read-only folder: this station cannot write the file either)."""
    if fcntl is None or str(db_path) == ":memory:":
        return None
    folder = registry_folder(db_path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        with _gate(folder, exclusive=False):
            path = folder / f"{os.getpid()}-{secrets.token_hex(4)}"
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
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
    assert fcntl is not None
    live = []
    for path in sorted(folder.iterdir()):
        if path.name == _GATE:
            continue
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            continue  # a station that just stopped
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            live.append(_describe(path))
        else:
            with contextlib.suppress(OSError):
                path.unlink()  # left by a station that crashed
        finally:
            os.close(fd)
    return live


@contextlib.contextmanager
def no_live_stations(db_path: Path) -> Iterator[list[str]]:
    """Hold off new stations while the body runs; yields the ones running now."""
    folder = registry_folder(db_path)
    if fcntl is None or not folder.is_dir():
        yield []
        return
    with _gate(folder, exclusive=True):
        yield _live_in(folder)


def live_stations(db_path: Path) -> list[str]:
    with no_live_stations(db_path) as live:
        return live

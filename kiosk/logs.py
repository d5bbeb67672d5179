"""Logging: a rotating, owner-only file for the detail; stderr only when asked.

Loggers are per concern (`kiosk.scan`, `kiosk.print`, `kiosk.store`, ...).
Log lines carry attendee ids, never names, emails or ticket codes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from kiosk.paths import data_dir

LOG_FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"
MAX_BYTES = 2_000_000
BACKUPS = 5


def log_dir() -> Path:
    return Path(os.environ.get("KIOSK_LOG_DIR") or data_dir() / "logs")


class OwnerOnlyFileHandler(logging.FileHandler):
    """Appends to the log, creating it readable by the owner only.

    Several station processes can share one log file (ten `kiosk scan`
    processes, a kiosk and a desk): every line is one O_APPEND write, and
    rotation happens only when a process starts (`rotate_if_large`), because a
    rollover inside one process would pull the file from under the others.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        """A log line that cannot be written (the log's disk full or read-only)
        is dropped: logging's default prints a traceback on stderr, which a
        station's terminal and `kiosk scan`'s callers must never see."""

    def _open(self):  # type: ignore[no-untyped-def]
        old = os.umask(0o077)
        try:
            return super()._open()
        finally:
            os.umask(old)


def rotate_if_large(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
    """kiosk.log -> kiosk.log.1 -> ... ; a race with another starting process
    costs at most one rotation, never a lost line."""
    try:
        if path.stat().st_size < max_bytes:
            return
    except FileNotFoundError:
        return
    for index in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{index}")
        if older.exists():
            with contextlib.suppress(FileNotFoundError):
                os.replace(older, path.with_name(f"{path.name}.{index + 1}"))
    with contextlib.suppress(FileNotFoundError):
        os.replace(path, path.with_name(f"{path.name}.1"))


def setup_logging(verbose: bool = False) -> Path | None:
    """Send logs to the log file (and to stderr with `verbose`).

    Returns the log file, or None when it could not be opened (a read-only
    home must not stop a check-in station; stderr then gets warnings).
    """
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    formatter = logging.Formatter(LOG_FORMAT)
    path: Path | None = log_dir() / "kiosk.log"
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        rotate_if_large(path)
        file_handler = OwnerOnlyFileHandler(path, encoding="utf-8")
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    except OSError:
        path = None
    if verbose or path is None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(formatter)
        stream.setLevel(logging.INFO if verbose else logging.WARNING)
        root.addHandler(stream)
    return path

"""Writing report files: atomically, and readable by the owner only."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from kiosk.store.backup import WRITE_FAULTS
from kiosk.store.faults import classify


def _write_fault(error: OSError, path: Path) -> Exception:
    """A full or read-only disk as one sentence naming `path`; anything else unchanged."""
    known = classify(error, path)
    return known if known is not None and known.kind in WRITE_FAULTS else error


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file that appears under `path` complete or not at all.

    The data goes to a temporary file in the same folder (mode 0600, as
    mkstemp makes it), is flushed to disk, then renamed over `path`. A full
    or read-only disk removes the temporary file and raises a `StoreFault`
    naming `path`.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise _write_fault(error, path) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise _write_fault(error, path) from error
        raise
    with contextlib.suppress(OSError):  # not every platform can fsync a folder
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    with atomic_file(path) as handle:
        write(handle)
    return path


# A spreadsheet treats a cell starting with one of these as a formula (or,
# for tab and carriage return, a cell break some importers act on).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def needs_neutralising(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def neutralise_for_csv(value: str) -> str:
    """Prefix a formula-like cell with an apostrophe, as OWASP advises."""
    return "'" + value if needs_neutralising(value) else value

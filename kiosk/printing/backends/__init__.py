"""Print backends, chosen per station by name.

`cups:QUEUE`, `qt:PRINTER NAME`, `folder:PATH` and `none` (save PDFs only).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kiosk.printing.backends import cups
from kiosk.printing.backends.base import (
    Backend,
    PrinterInfo,
    PrintError,
    SpoolerStatus,
    Submission,
    media_size_mm,
    media_warning,
)
from kiosk.printing.backends.cups import CupsBackend
from kiosk.printing.backends.folder import (
    FolderBackend,
    NoneBackend,
    badge_folder_for,
    write_atomically,
)
from kiosk.printing.backends.qt import QtBackend, printer_names

log = logging.getLogger("kiosk.print")

KINDS = ("cups", "qt", "folder", "none")


class UnknownPrinter(ValueError):
    """A printer name that is not of the form the station settings allow."""


def open_backend(
    name: str, *, save_dir: Path | None = None, platform: str = sys.platform
) -> Backend:
    """The backend for a printer name; `save_dir` is where "none" keeps
    badges (`badge_folder_for` the event file)."""
    kind, _, target = name.partition(":")
    kind = kind.strip().lower()
    if kind == "none" and not target:
        return NoneBackend(save_dir or Path.cwd() / "badges")
    if kind == "cups" and platform == "win32":
        raise UnknownPrinter(
            "Windows has no CUPS printers; choose qt:PRINTER NAME (any printer Windows "
            "knows, see kiosk printers) or folder:PATH."
        )
    if kind == "cups" and target:
        return CupsBackend(target)
    if kind == "qt" and target:
        return QtBackend(target)
    if kind == "folder" and target:
        return FolderBackend(Path(target).expanduser())
    raise UnknownPrinter(
        f"{name!r} is not a printer name; use cups:QUEUE, qt:PRINTER NAME, folder:PATH or none."
    )


def list_printers(*, with_media: bool = True, save_dir: Path | None = None) -> list[PrinterInfo]:
    """Every printer this station can reach: CUPS queues (with media), the
    printers Qt knows, and "none" (saving into `save_dir`). Folders are not
    listed: any folder will do."""
    found: list[PrinterInfo] = []
    for queue in cups.queues() if cups.available() else []:
        backend = CupsBackend(queue)
        try:
            found.append(backend.info() if with_media else PrinterInfo(name=backend.name))
        except PrintError as error:
            log.info("cannot read media of %s: %s", backend.name, error)
            found.append(PrinterInfo(name=backend.name, state=str(error)))
    for name in printer_names():
        backend_qt = QtBackend(name)
        try:
            found.append(backend_qt.info() if with_media else PrinterInfo(name=backend_qt.name))
        except PrintError as error:
            found.append(PrinterInfo(name=backend_qt.name, state=str(error)))
    found.append(NoneBackend(save_dir or Path("<event>-badges")).info())
    return found


__all__ = [
    "KINDS",
    "Backend",
    "CupsBackend",
    "FolderBackend",
    "NoneBackend",
    "PrintError",
    "PrinterInfo",
    "QtBackend",
    "SpoolerStatus",
    "Submission",
    "UnknownPrinter",
    "badge_folder_for",
    "list_printers",
    "media_size_mm",
    "media_warning",
    "open_backend",
    "write_atomically",
]

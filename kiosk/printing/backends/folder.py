"""Hot folder and "none": badges written as PDF files.

A hot folder is watched by a printer driver or another program, which may
pick a file up the moment its name appears. So a file is written under a
hidden temporary name in the same folder, flushed to disk, and only then
renamed to its final `.pdf` name: a rename within one file system is atomic,
so no partial file is ever visible under its final name.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kiosk.printing.backends.base import FinalBackend, PrinterInfo, PrintError, Submission

log = logging.getLogger("kiosk.print")


def write_atomically(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` to folder/name so that the name appears only when complete."""
    final = folder / name
    temporary = folder / f".{name}.part"
    try:
        # Owner-only: a badge carries a person's name.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, final)
    except OSError as error:
        log.warning("cannot write %s: %s", final, error)
        temporary.unlink(missing_ok=True)
        raise PrintError(f"Cannot write to the folder {folder} ({error.strerror}).") from error
    _sync_folder(folder)
    return final


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder entry is on disk.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FolderBackend(FinalBackend):
    def __init__(self, folder: Path, *, name: str | None = None) -> None:
        self.folder = Path(folder)
        self.name = name or f"folder:{self.folder}"

    def submit(
        self, pdf: bytes, *, title: str, width_mm: float, height_mm: float, copies: int = 1
    ) -> Submission:
        if not self.folder.is_dir():
            raise PrintError(f"The folder {self.folder} does not exist.")
        # The title is unique per attempt, so a retry after a crash replaces
        # the same file instead of adding a second badge.
        written = [
            write_atomically(
                self.folder, f"{title}.pdf" if n == 0 else f"{title}-copy{n + 1}.pdf", pdf
            )
            for n in range(copies)
        ]
        log.info("wrote %d file(s) to %s", len(written), self.folder)
        return Submission(spooler_job_id=None, finished=True)

    def file_for(self, title: str) -> Path:
        """The file a submission with this title became (its first copy)."""
        return self.folder / f"{title}.pdf"

    def info(self) -> PrinterInfo:
        state = "ready" if self.folder.is_dir() else "missing"
        return PrinterInfo(name=self.name, description=f"PDF files in {self.folder}", state=state)


def badge_folder_for(event_file: Path) -> Path:
    """Where printer "none" saves an event's badges: `<name>-badges` beside
    the event file (event-badges/ for event.db). Named after the file, so two
    events in one folder keep apart, and apart from the organisers' own
    `badges/` templates folder."""
    event_file = Path(event_file)
    return event_file.with_name(f"{event_file.stem}-badges")


class NoneBackend(FolderBackend):
    """No printer at this station: each badge is saved as a PDF file in the
    event's badge folder, for the help desk to open, print or hand on."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, name="none")

    def submit(
        self, pdf: bytes, *, title: str, width_mm: float, height_mm: float, copies: int = 1
    ) -> Submission:
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise PrintError(f"Cannot create the folder {self.folder}.") from error
        return super().submit(pdf, title=title, width_mm=width_mm, height_mm=height_mm, copies=1)

    def info(self) -> PrinterInfo:
        # The folder is made with the first badge; a parent that cannot hold it is a fault.
        parent = next((p for p in (self.folder, *self.folder.parents) if p.exists()), None)
        usable = parent is not None and parent.is_dir() and os.access(parent, os.W_OK)
        return PrinterInfo(
            name="none",
            description=f"no printer: badges saved as PDF files in {self.folder}",
            state="ready" if usable else "not writable",
        )

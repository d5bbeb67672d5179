"""Where a badge went, for the help desk: printed, or saved as a PDF file.

With printer "none" every badge is a PDF file in the event's badge folder;
the kiosk tells the attendee to collect it at the help desk, and this bar is
how the desk finds it: the chosen person's newest badge file, with buttons to
open it (in the system's PDF viewer, to print or show) or save a copy
elsewhere (a USB stick, a shared printer's folder). It also follows a badge
the desk just asked for and says where it went when the printer is done.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.desk import BadgePrinter
from kiosk.printing.jobs import OPEN_STATES, JobState
from kiosk.printing.service import PrintService
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")


def copy_owner_only(source: Path, target: Path) -> None:
    """Copy a badge (it carries a name) readable by its owner only."""
    data = source.read_bytes()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def where_it_goes(printer: BadgePrinter | None, job_id: int) -> str:
    """What the desk says the moment a badge is queued: where it is going."""
    if getattr(printer, "saves_only", False):
        return translate("Console", "Saving the badge as a PDF file for the help desk…")
    queue = getattr(printer, "queue", None)  # a print service's (a bare queue names no printer)
    job = queue.job(job_id) if queue is not None else None
    name = (job.printer if job is not None else None) or getattr(printer, "printer", "")
    if name:
        return translate("Console", "The badge is on its way to the printer {printer}.").format(
            printer=name
        )
    return translate("Console", "The badge is on its way to the printer.")


class BadgeFileBar(FollowsLanguage, QWidget):
    """The chosen person's badge file, with Open and Save a copy."""

    # attendee id, a sentence for the desk's message line
    news = Signal(int, str)

    def __init__(self, printer: BadgePrinter | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A print service follows jobs and knows their files; a bare queue
        # (or no printing) has nothing to show.
        self.printer = printer if isinstance(printer, PrintService) else None
        self.attendee_id: int | None = None
        self.path: Path | None = None
        self._followed: dict[int, int] = {}  # job id -> attendee id
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_file)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_copy)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        if self.printer is not None:
            self.printer.job_changed.connect(self._job_changed)
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.open_button.setText(translate("Console", "Open badge"))
        self.open_button.setAccessibleName(translate("Console", "Open the badge PDF"))
        self.save_button.setText(translate("Console", "Save a copy…"))
        self.save_button.setAccessibleName(translate("Console", "Save a copy of the badge PDF"))
        self._show_path()

    # -- which file --------------------------------------------------------

    def show_for(self, attendee_id: int | None) -> None:
        """Show the newest saved badge of this person (nothing if none)."""
        self.attendee_id = attendee_id
        path = None
        if self.printer is not None and attendee_id is not None:
            try:
                path = self.printer.latest_badge_file(attendee_id)
            except Exception:  # a broken printer setting must not break the desk
                log.exception("cannot look up the badge file of attendee %s", attendee_id)
        self.path = path
        self._show_path()

    def _show_path(self) -> None:
        if self.path is None:
            self.setVisible(False)
            return
        self.label.setText(
            translate("Console", "Badge saved as a PDF file: {file}").format(file=str(self.path))
        )
        self.label.setAccessibleName(self.label.text())
        self.setVisible(True)

    # -- following a badge the desk asked for -------------------------------

    def follow(self, job_id: int, attendee_id: int) -> None:
        self._followed[job_id] = attendee_id

    def _job_changed(self, job_id: int, state: JobState, error: str) -> None:
        attendee_id = self._followed.get(job_id)
        if attendee_id is None or self.printer is None or (state in OPEN_STATES and not error):
            return
        if state is JobState.DONE:
            del self._followed[job_id]
            path = self.printer.saved_file(job_id)
            if path is not None:  # the bar shows the file, with Open and Save a copy
                text = translate("Console", "The new badge is saved as a PDF file.")
            else:
                text = translate("Console", "The badge was printed.")
        elif state in (JobState.FAILED, JobState.CANCELLED):
            del self._followed[job_id]
            text = translate(
                "Console", "The badge was not printed: {error} See Needs attention on the overview."
            ).format(error=error or state)
        else:  # still waiting, with the printer's reason
            text = translate(
                "Console", "The badge is waiting: {error} See Needs attention on the overview."
            ).format(error=error)
        if attendee_id == self.attendee_id:
            self.show_for(attendee_id)
        self.news.emit(attendee_id, text)

    # -- actions -----------------------------------------------------------

    def open_file(self) -> None:
        """In the system's PDF viewer, to print it or show it."""
        if self.path is None:
            return
        log.info("badge file opened at the desk (attendee %s)", self.attendee_id)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            self.news.emit(
                self.attendee_id or 0,
                translate("Console", "No program here opens PDF files; save a copy instead."),
            )

    def save_copy(self) -> None:
        if self.path is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self,
            translate("Console", "Save a copy of the badge"),
            str(Path.home() / self.path.name),
            translate("Console", "PDF files (*.pdf)"),
        )
        if not target:
            return
        try:
            copy_owner_only(self.path, Path(target))
        except OSError as error:
            log.warning("badge copy failed: %s", error.strerror)
            text = translate("Console", "The copy could not be saved there ({reason}).").format(
                reason=error.strerror or ""
            )
        else:
            log.info("badge file copied at the desk (attendee %s)", self.attendee_id)
            text = translate("Console", "A copy of the badge is saved as {file}.").format(
                file=target
            )
        self.news.emit(self.attendee_id or 0, text)

"""The setup wizard: from nothing to a station ready for the doors to open.

It ends on a summary with buttons that start the kiosk and the help desk.
Cancel on an event file made in this run asks first, and can remove it.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget, QWizard

from kiosk.store import Store
from kiosk.ui.wizard.badge_page import BadgePage
from kiosk.ui.wizard.event_page import EventPage
from kiosk.ui.wizard.mail_page import MailPage
from kiosk.ui.wizard.printer_page import PrinterPage
from kiosk.ui.wizard.programme_page import ProgrammePage
from kiosk.ui.wizard.roster_page import RosterPage
from kiosk.ui.wizard.station_page import StationPage
from kiosk.ui.wizard.summary_page import SummaryPage

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")


class SetupWizard(QWizard):
    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Wizard", "Set up a check-in station"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.store: Store | None = None
        self.db_path: Path | None = None
        self.created = False  # the event file was made by this run of the wizard
        self.leaving: QMessageBox | None = None
        self.event_page = EventPage(default_folder)
        self.roster_page = RosterPage()
        self.programme_page = ProgrammePage()
        self.badge_page = BadgePage()
        self.printer_page = PrinterPage()
        self.station_page = StationPage()
        self.mail_page = MailPage()
        self.summary_page = SummaryPage()
        for page in (
            self.event_page,
            self.roster_page,
            self.programme_page,
            self.badge_page,
            self.printer_page,
            self.station_page,
            self.mail_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.resize(760, 560)

    def use_store(self, store: Store, path: Path, *, created: bool = False) -> None:
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store, self.db_path, self.created = store, path, created
        log.info("wizard: event file %s", "created" if created else "opened")

    def reject(self) -> None:
        """Cancel: an event file this run made and did not finish is half
        made, so ask whether to keep it or remove it."""
        if not self.created or self.db_path is None or self.currentPage() is self.summary_page:
            super().reject()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Wizard", "Leave the setup?"))
        box.setText(
            translate(
                "Wizard", "The event file {file} is only half set up. Keep it, or remove it?"
            ).format(file=self.db_path.name)
        )
        box.setInformativeText(
            translate("Wizard", "A kept file can be opened again from the first step.")
        )
        self.keep_button = box.addButton(
            translate("Wizard", "Keep the file and leave"), QMessageBox.ButtonRole.AcceptRole
        )
        self.remove_button = box.addButton(
            translate("Wizard", "Remove the file and leave"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.stay_button = box.addButton(
            translate("Wizard", "Go on with the setup"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(self.stay_button)
        box.buttonClicked.connect(self._leave_answered)
        self.leaving = box
        box.open()

    def _leave_answered(self, button: QPushButton) -> None:
        self.leaving = None
        if button is self.stay_button:
            return
        if button is self.remove_button:
            self._remove_event_file()
        super().reject()

    def _remove_event_file(self) -> None:
        """Close the half-made event file and delete it with SQLite's side files."""
        path = self.db_path
        assert path is not None
        if self.store is not None:
            self.store.close()
            self.store = None
        for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        log.info("wizard: half-made event file removed")
        self.db_path = None

    def done(self, result: int) -> None:
        if self.printer_page.service is not None:
            self.printer_page.service.stop()
        super().done(result)

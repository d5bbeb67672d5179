"""The setup wizard: from nothing to a station ready for the doors to open."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget, QWizard

from kiosk.store import Store
from kiosk.ui.wizard.badge_page import BadgePage
from kiosk.ui.wizard.event_page import EventPage
from kiosk.ui.wizard.printer_page import PrinterPage
from kiosk.ui.wizard.roster_page import RosterPage
from kiosk.ui.wizard.station_page import StationPage

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")


class SetupWizard(QWizard):
    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Wizard", "Set up a check-in station"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.store: Store | None = None
        self.db_path: Path | None = None
        self.event_page = EventPage(default_folder)
        self.roster_page = RosterPage()
        self.badge_page = BadgePage()
        self.printer_page = PrinterPage()
        self.station_page = StationPage()
        for page in (
            self.event_page,
            self.roster_page,
            self.badge_page,
            self.printer_page,
            self.station_page,
        ):
            self.addPage(page)
        self.resize(760, 560)

    def use_store(self, store: Store, path: Path) -> None:
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store, self.db_path = store, path
        log.info("wizard: event file chosen")

    def done(self, result: int) -> None:
        if self.printer_page.service is not None:
            self.printer_page.service.stop()
        super().done(result)

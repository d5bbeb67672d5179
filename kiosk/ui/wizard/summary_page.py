"""The last step: what was set up, and the kiosk or the help desk started
from here, so that nobody needs a terminal."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from kiosk.autostart import kiosk_command
from kiosk.badges import list_templates
from kiosk.domain.models import AttendeeStatus
from kiosk.settings import Settings
from kiosk.store.roster import status_counts
from kiosk.ui.wizard.badge_page import stock_text

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")


class SummaryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "Ready for the doors to open"))
        self.setSubTitle(
            translate("Wizard", "Check what was set up, then start the kiosk on this screen.")
        )
        self.rows: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("event", translate("Wizard", "Event")),
            ("file", translate("Wizard", "Event file")),
            ("roster", translate("Wizard", "Roster")),
            ("badge", translate("Wizard", "Badge stock")),
            ("printer", translate("Wizard", "Printer")),
            ("pin", translate("Wizard", "Staff PIN")),
            ("station", translate("Wizard", "Station")),
            ("organiser", translate("Wizard", "Organiser")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setAccessibleName(label)
            form.addRow(label, value)
            self.rows[key] = value
        self.start_kiosk = QPushButton(translate("Wizard", "Start the kiosk"), self)
        self.open_desk = QPushButton(translate("Wizard", "Open the help desk"), self)
        self.start_kiosk.clicked.connect(lambda: self.launch("run"))
        self.open_desk.clicked.connect(lambda: self.launch("desk"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("Wizard", "What was started"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_kiosk)
        buttons.addWidget(self.open_desk)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.started: list[int] = []  # process ids, newest last

    def initializePage(self) -> None:
        wizard = self.wizard()
        store, path = wizard.store, wizard.db_path  # type: ignore[attr-defined]
        event = store.event()
        settings = Settings(store)
        days = (
            f"{event.first_day:%d %b %Y}"
            if event.first_day == event.last_day
            else f"{event.first_day:%d %b} – {event.last_day:%d %b %Y}"
        )
        self.rows["event"].setText(", ".join(p for p in (event.name, event.venue, days) if p))
        self.rows["file"].setText(str(path))
        counts = status_counts(store)
        self.rows["roster"].setText(
            translate("Wizard", "{active} attendees, {cancelled} cancelled").format(
                active=counts[AttendeeStatus.ACTIVE], cancelled=counts[AttendeeStatus.CANCELLED]
            )
        )
        self.rows["badge"].setText(_stock_text(settings.get("badge.template")))
        printer = settings.get("printer")
        self.rows["printer"].setText(
            translate("Wizard", "none: nothing is printed; badges are saved as PDF files")
            if printer == "none"
            else printer
        )
        pin_set = bool(settings.get("kiosk.pin_hash"))
        self.rows["pin"].setText(
            translate("Wizard", "set") if pin_set else translate("Wizard", "not set")
        )
        hub = bool(settings.get("sync.server"))
        self.rows["station"].setText(
            translate("Wizard", "{name}, joining the hub").format(
                name=settings.get("kiosk.station_name")
            )
            if hub
            else translate("Wizard", "{name}, on its own").format(
                name=settings.get("kiosk.station_name")
            )
        )
        organiser = settings.get("organiser_name")
        self.rows["organiser"].setText(
            organiser
            or translate("Wizard", "not given: certificates will have no organiser's name")
        )
        self.status.clear()

    def command(self, what: str) -> list[str]:
        """`kiosk run` or `kiosk desk` on this event file, as this installation runs it."""
        path: Path = self.wizard().db_path  # type: ignore[attr-defined]
        return kiosk_command(what, "--db", str(path.resolve()))

    def launch(self, what: str) -> int | None:
        """Start the kiosk ("run") or the help desk ("desk") as its own process."""
        program, *arguments = self.command(what)
        ok, pid = QProcess.startDetached(program, arguments)
        if not ok:
            log.error("wizard: could not start kiosk %s", what)
            self.status.setText(
                translate("Wizard", "It could not be started; see the log for why.")
            )
            return None
        log.info("wizard: started kiosk %s (process %d)", what, pid)
        self.started.append(pid)
        self.status.setText(
            translate(
                "Wizard",
                "The kiosk is starting, full screen. Staff leave it with a long press in the "
                "top-left corner and the PIN.",
            )
            if what == "run"
            else translate("Wizard", "The help desk is opening in its own window.")
        )
        return pid


def _stock_text(template: str) -> str:
    for info in list_templates():
        if info.name == (template or "4x3in"):
            return stock_text(info)
    return template

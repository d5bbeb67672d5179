"""Step 1: create a new event file, or open one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from kiosk.domain.models import Event
from kiosk.settings import Settings
from kiosk.store import Store, StoreError

translate = QCoreApplication.translate
ZONES = ("Europe/London", "Europe/Dublin", "Europe/Paris", "America/New_York", "UTC")


class EventPage(QWizardPage):
    def __init__(self, default_folder: Path) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "Your event"))
        self.setSubTitle(translate("Wizard", "Start a new event, or open one set up before."))
        self.create = QRadioButton(translate("Wizard", "Create a new event"), self)
        self.open_existing = QRadioButton(translate("Wizard", "Open an existing event file"), self)
        self.create.setChecked(True)
        self.path = QLineEdit(str(default_folder / "event.db"), self)
        self.path.setAccessibleName(translate("Wizard", "Event file"))
        browse = QPushButton(translate("Wizard", "Browse…"), self)
        browse.clicked.connect(self._browse)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(translate("Wizard", "Event name"))
        self.venue = QLineEdit(self)
        self.venue.setAccessibleName(translate("Wizard", "Venue"))
        today = QDate.currentDate()
        self.first_day = QDateEdit(today, self)
        self.last_day = QDateEdit(today, self)
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.addItems(ZONES)
        self.organiser = QLineEdit(self)
        self.organiser.setAccessibleName(translate("Wizard", "Organiser's name"))
        self.organiser.setPlaceholderText(
            translate("Wizard", "who signs the certificates of attendance")
        )
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")

        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("Wizard", "Event file"), path_row)
        form.addRow(translate("Wizard", "Event name"), self.name)
        form.addRow(translate("Wizard", "Venue"), self.venue)
        form.addRow(translate("Wizard", "First day"), self.first_day)
        form.addRow(translate("Wizard", "Last day"), self.last_day)
        form.addRow(translate("Wizard", "Time zone"), self.zone)
        form.addRow(translate("Wizard", "Organiser's name"), self.organiser)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create)
        layout.addWidget(self.open_existing)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.open_existing.toggled.connect(self._mode_changed)
        self.name.textChanged.connect(self.completeChanged)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, translate("Wizard", "Event file"), self.path.text(), "Event (*.db)"
        )
        if name:
            self.path.setText(name)

    def _mode_changed(self) -> None:
        creating = self.create.isChecked()
        for widget in (self.name, self.venue, self.first_day, self.last_day, self.zone):
            widget.setEnabled(creating)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if not self.path.text().strip():
            return False
        return self.open_existing.isChecked() or bool(self.name.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip()).expanduser()
        try:
            if self.open_existing.isChecked():
                store = Store.open(path)
                store.event()
            else:
                store = self._create(path)
        except (StoreError, ValueError) as error:
            self.problem.setText(str(error))
            return False
        self.problem.clear()
        created = not self.open_existing.isChecked()
        self.wizard().use_store(store, path, created=created)  # type: ignore[attr-defined]
        if self.organiser.text().strip():  # an event opened again keeps its organiser
            Settings(store).set("organiser_name", self.organiser.text().strip())
        return True

    def _create(self, path: Path) -> Store:
        if path.exists():
            raise StoreError(
                translate("Wizard", "{path} already exists; open it instead.").format(path=path)
            )
        try:
            ZoneInfo(self.zone.currentText())
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(translate("Wizard", "That is not a time zone name.")) from None
        first = self.first_day.date().toPython()
        last = self.last_day.date().toPython()
        assert isinstance(first, dt.date) and isinstance(last, dt.date)
        if last < first:
            raise ValueError(translate("Wizard", "The last day is before the first day."))
        store = Store.open(path, create=True)
        store.save_event(
            Event(
                self.name.text().strip(),
                self.venue.text().strip(),
                self.zone.currentText(),
                first,
                last,
            )
        )
        return store

"""Step 5: this station's name, the staff PIN and, if any, the hub."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizardPage

from kiosk.settings import Settings
from kiosk.ui.pin import hash_pin, is_valid_pin

translate = QCoreApplication.translate


class StationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "This station"))
        self.setSubTitle(
            translate("Wizard", "Name it, and set the PIN that staff use to leave the kiosk.")
        )
        self.name = QLineEdit("kiosk-1", self)
        self.pin = QLineEdit(self)
        self.pin_again = QLineEdit(self)
        for edit in (self.pin, self.pin_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setInputMask("")
            edit.textChanged.connect(self.completeChanged)
        self.server = QLineEdit(self)
        self.server.setPlaceholderText(translate("Wizard", "optional: postgresql://…"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("Wizard", "Station name"), self.name)
        form.addRow(translate("Wizard", "Staff PIN (4 to 8 digits)"), self.pin)
        form.addRow(translate("Wizard", "PIN again"), self.pin_again)
        form.addRow(translate("Wizard", "Hub server"), self.server)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        for widget, name in (
            (self.name, translate("Wizard", "Station name")),
            (self.pin, translate("Wizard", "Staff PIN")),
            (self.pin_again, translate("Wizard", "PIN again")),
            (self.server, translate("Wizard", "Hub server")),
        ):
            widget.setAccessibleName(name)

    def _pin_problem(self) -> str | None:
        pin = self.pin.text()
        if not is_valid_pin(pin):
            return translate("Wizard", "The PIN is 4 to 8 digits.")
        if pin != self.pin_again.text():
            return translate("Wizard", "The two PINs are not the same.")
        return None

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and self._pin_problem() is None

    def validatePage(self) -> bool:
        if (problem := self._pin_problem()) is not None:
            self.problem.setText(problem)
            return False
        settings = Settings(self.wizard().store)  # type: ignore[attr-defined]
        settings.set("kiosk.station_name", self.name.text().strip())
        settings.set("kiosk.pin_hash", hash_pin(self.pin.text()))
        settings.set("sync.server", self.server.text().strip())
        return True

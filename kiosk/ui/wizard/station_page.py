"""Step 6: this station's name, the staff PIN and, if any, the hub."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizardPage

from kiosk.settings import Settings
from kiosk.ui.pin import MAX_PIN_LENGTH, hash_pin, is_valid_pin

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
            edit.textChanged.connect(self._pins_changed)
        self.server = QLineEdit(self)
        self.server.setPlaceholderText(translate("Wizard", "optional: postgresql://…"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")
        self.problem.setStyleSheet("color: #a40000;")  # the wizard has no theme of its own
        self.problem.setAccessibleName(translate("Wizard", "What is wrong with the PIN"))
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

    def _pins_changed(self) -> None:
        """Say what is wrong as soon as it is certain, instead of only
        greying Next: a PIN that cannot be one, or a second PIN that differs."""
        pin, again = self.pin.text(), self.pin_again.text()
        problem = self._pin_problem()
        typed_both = bool(pin) and len(again) >= len(pin)
        impossible = bool(pin) and (
            not (pin.isascii() and pin.isdigit()) or len(pin) > MAX_PIN_LENGTH
        )
        self.problem.setText(problem if problem and (typed_both or impossible) else "")
        self.completeChanged.emit()

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

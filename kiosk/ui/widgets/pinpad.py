"""A numeric keypad for the staff PIN."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget


class PinPad(QWidget):
    digit = Signal(str)
    backspace = Signal()
    submit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for index, label in enumerate("123456789"):
            self._add(label, index // 3, index % 3)
        self.delete = self._button("⌫")
        self.delete.clicked.connect(self.backspace)
        grid.addWidget(self.delete, 3, 0)
        self._add("0", 3, 1)
        self.ok = self._button("OK")
        self.ok.setProperty("role", "primary")
        self.ok.clicked.connect(self.submit)
        grid.addWidget(self.ok, 3, 2)
        self.retranslate()

    def _button(self, label: str) -> QPushButton:
        button = QPushButton(label, self)
        button.setProperty("role", "key")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return button

    def _add(self, label: str, row: int, column: int) -> None:
        button = self._button(label)
        button.setAccessibleName(label)
        button.clicked.connect(lambda _=False, d=label: self.digit.emit(d))
        grid = self.layout()
        assert isinstance(grid, QGridLayout)
        grid.addWidget(button, row, column)
        self.buttons[label] = button

    def set_enabled_keys(self, enabled: bool) -> None:
        for button in (*self.buttons.values(), self.delete, self.ok):
            button.setEnabled(enabled)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.delete.setAccessibleName(translate("PinPad", "Delete last digit"))
        self.ok.setText(translate("PinPad", "OK"))
        self.ok.setAccessibleName(translate("PinPad", "Confirm PIN"))

"""A placeholder staff screen behind the PIN: type a code, leave the kiosk, or go back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text

translate = QCoreApplication.translate


class StaffView(ScreenView):
    exit_requested = Signal()
    back = Signal()
    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("headline", self)
        self.note = label("body", self)
        self.code_label = label("muted", self)
        self.code = QLineEdit(self)
        self.code.returnPressed.connect(self._submit_code)
        self.check_in = button("", self)
        self.check_in.clicked.connect(self._submit_code)
        self.exit_button = button("", self)
        self.exit_button.clicked.connect(self.exit_requested)
        self.back_button = button("primary", self)
        self.back_button.clicked.connect(self.back)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.check_in)
        buttons = QHBoxLayout()
        buttons.addWidget(self.exit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        self.root = QVBoxLayout(self)
        self.root.addWidget(self.title)
        self.root.addWidget(self.note)
        self.root.addStretch(1)
        self.root.addWidget(self.code_label)
        self.root.addLayout(code_row)
        self.root.addStretch(1)
        self.root.addLayout(buttons)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeading)
        self.retranslate()

    def reset(self) -> None:
        self.code.clear()

    def _submit_code(self) -> None:
        text = self.code.text()
        self.code.clear()
        if text.strip():
            self.code_entered.emit(text)

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        margin = metrics.px(32)
        self.root.setContentsMargins(margin, metrics.px(20), margin, metrics.px(20))

    def retranslate(self) -> None:
        set_text(self.title, translate("StaffScreen", "Staff"))
        set_text(
            self.note,
            translate(
                "StaffScreen",
                "The staff console comes later. For now: check in a code, or leave the kiosk.",
            ),
        )
        set_text(self.code_label, translate("StaffScreen", "Type a ticket code"))
        self.code.setAccessibleName(translate("StaffScreen", "Type a ticket code"))
        set_text(self.check_in, translate("StaffScreen", "Check in"))
        set_text(self.exit_button, translate("StaffScreen", "Exit kiosk"))
        set_text(self.back_button, translate("StaffScreen", "Back"))

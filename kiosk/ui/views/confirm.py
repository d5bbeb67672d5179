"""Confirm before a find-me check-in: "Is this you?"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text

translate = QCoreApplication.translate


class ConfirmView(ScreenView):
    confirmed = Signal()
    rejected = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = label("headline", self)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.person = label("title", self)
        self.person.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.organisation = label("body", self)
        self.organisation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.yes = button("primary", self)
        self.yes.clicked.connect(self.confirmed)
        self.no = button("", self)
        self.no.clicked.connect(self.rejected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.no)
        buttons.addWidget(self.yes)
        buttons.addStretch(1)
        self.root = QVBoxLayout(self)
        self.root.addStretch(1)
        for widget in (self.question, self.person, self.organisation):
            self.root.addWidget(widget)
        self.root.addStretch(1)
        self.root.addLayout(buttons)
        self.root.addStretch(1)
        self.retranslate()

    def show_person(self, name: str, organisation: str) -> None:
        set_text(self.person, name)
        set_text(self.organisation, organisation)
        self.organisation.setVisible(bool(organisation))

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        self.root.setSpacing(metrics.px(16))
        for widget in (self.yes, self.no):
            widget.setMinimumWidth(metrics.px(240))
            widget.setMinimumHeight(max(metrics.touch, metrics.px(84)))

    def retranslate(self) -> None:
        set_text(self.question, translate("Confirm", "Is this you?"))
        set_text(self.yes, translate("Confirm", "Yes, check me in"))
        set_text(self.no, translate("Confirm", "No, go back"))

"""Shown while check-ins cannot be saved (disk full, file replaced, ...).

Calm and short for the attendee; the cause is for staff, on the staff
screen. The controller re-checks every few seconds and leaves by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, label, set_text

translate = QCoreApplication.translate


class UnavailableView(ScreenView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = label("headline", self)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = label("body", self)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.root = QVBoxLayout(self)
        self.root.addStretch(1)
        self.root.addWidget(self.headline)
        self.root.addWidget(self.body)
        self.root.addStretch(1)
        self.retranslate()

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        margin = metrics.px(48)
        self.root.setContentsMargins(margin, margin, margin, margin)
        self.root.setSpacing(metrics.px(24))

    def retranslate(self) -> None:
        set_text(
            self.headline, translate("Unavailable", "This station can't save check-ins right now.")
        )
        set_text(self.body, translate("Unavailable", "Please see the help desk."))

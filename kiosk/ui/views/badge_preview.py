"""The badge preview: after a check-in with printing on, the attendee sees
their badge before it prints, with Print and Fix my badge.

The screen runs its own countdown (`kiosk.preview_seconds`, given with each
badge): left alone, it asks for the badge to print, unchanged. Left for any
other screen, the countdown stops; what happens to the badge then is the
flow's (kiosk.ui.badge_check).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text

translate = QCoreApplication.translate


class BadgeImage(QWidget):
    """The rendered badge, as large as fits, its shape kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_png(self, png: bytes) -> None:
        self.image = QImage.fromData(png)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.image.isNull():
            return
        painter = QPainter(self)
        scaled = self.image.scaled(
            self.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        x, y = (self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2
        painter.fillRect(x + 4, y + 4, scaled.width(), scaled.height(), QColor(0, 0, 0, 60))
        painter.drawImage(x, y, scaled)
        painter.end()


class BadgePreviewView(ScreenView):
    print_requested = Signal(str)  # why: "print pressed" or "countdown"
    fix_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_name = ""
        self.can_fix = True
        self.seconds = 0  # set with each badge shown
        self.seconds_left = 0
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.badge = BadgeImage(self)
        self.headline = label("headline", self)
        self.body = label("body", self)
        self.countdown = label("countdown", self)
        self.print_button = button("primary", self)
        self.print_button.clicked.connect(lambda: self._print("print pressed"))
        self.fix_button = button("", self)
        self.fix_button.clicked.connect(self.fix_requested)
        side = QVBoxLayout()
        side.addStretch(1)
        for widget in (self.headline, self.body, self.countdown):
            side.addWidget(widget)
        side.addSpacing(12)
        side.addWidget(self.print_button)
        side.addWidget(self.fix_button)
        side.addStretch(1)
        self.side = side
        self.root = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.root.addWidget(self.badge, 3)
        self.root.addLayout(side, 2)
        self.retranslate()

    def show_badge(self, first_name: str, png: bytes, seconds: int, can_fix: bool) -> None:
        """Show this badge; once entered, it prints after `seconds` untouched."""
        self.first_name, self.seconds, self.can_fix = first_name, seconds, can_fix
        self.badge.set_png(png)
        self.fix_button.setVisible(can_fix)
        self.retranslate()

    def on_enter(self) -> None:
        self.set_countdown(self.seconds)
        self.ticker.start()

    def on_leave(self) -> None:
        self.ticker.stop()

    def _tick(self) -> None:
        if self.seconds_left <= 1:
            self._print("countdown")
        else:
            self.set_countdown(self.seconds_left - 1)

    def _print(self, reason: str) -> None:
        self.ticker.stop()
        self.print_requested.emit(reason)

    def set_countdown(self, seconds: int) -> None:
        self.seconds_left = seconds
        set_text(
            self.countdown,
            translate("BadgePreview", "Your badge prints in {n} s").format(n=seconds),
        )

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        margin = metrics.px(32)
        self.root.setContentsMargins(margin, metrics.px(20), margin, metrics.px(20))
        self.root.setSpacing(metrics.px(24))
        self.side.setSpacing(metrics.spacing * 2)
        self.root.setDirection(
            QBoxLayout.Direction.LeftToRight
            if metrics.landscape
            else QBoxLayout.Direction.TopToBottom
        )
        for widget in (self.print_button, self.fix_button):
            widget.setMinimumHeight(metrics.touch)

    def retranslate(self) -> None:
        set_text(
            self.headline,
            translate("BadgePreview", "Welcome, {name}!").format(name=self.first_name),
        )
        set_text(
            self.body,
            translate("BadgePreview", "Is your badge right? Check your name before it prints.")
            if self.can_fix
            else translate("BadgePreview", "Here is your badge."),
        )
        set_text(self.print_button, translate("BadgePreview", "Print"))
        set_text(self.fix_button, translate("BadgePreview", "Fix my badge"))
        self.set_countdown(self.seconds_left)

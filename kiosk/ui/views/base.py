"""What every screen shares: theming hooks, retranslation on a language change,
and being entered and left (a screen runs its own timers, and stops them)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.ui.i18n import FollowsLanguage
from kiosk.ui.theme import Metrics, Theme


class ScreenView(FollowsLanguage, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("screen", True)

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        """Sizes that a stylesheet cannot express (icons, spacing)."""

    def on_enter(self) -> None:
        """Now shown (see `kiosk.ui.screen_manager`): start what this screen runs."""

    def on_leave(self) -> None:
        """No longer shown: stop everything `on_enter` or the screen started."""


def label(role: str, parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(parent)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def button(role: str = "", parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(parent)
    if role:
        widget.setProperty("role", role)
    return widget


def set_text(widget: QLabel | QPushButton, text: str, accessible: str = "") -> None:
    """Text plus the name a screen reader announces (the text itself by default)."""
    widget.setText(text)
    widget.setAccessibleName(accessible or text)

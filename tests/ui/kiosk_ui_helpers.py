"""Reading what a screen shows, the way a person (or a screen reader) would."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kiosk.domain.models import Attendee
from kiosk.ui.console.console import ConsoleWidget
from kiosk.ui.flow import FlowController, Screen
from kiosk.ui.pin import hash_pin

LONDON = ZoneInfo("Europe/London")
# 10 March 2026 (the shared test event's first day), 09:00 at the venue.
NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=LONDON).astimezone(dt.UTC)
# A fast hash for tests: the cost parameters travel inside the stored string.
PIN_HASH = hash_pin("2468", n=2**10)


@dataclass
class Roster:
    zoe: Attendee
    omar: Attendee
    cancelled: Attendee
    many: list[Attendee]


def visible_texts(root: QWidget) -> list[str]:
    """Texts of the labels, buttons and fields a person can see under `root`."""
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.extend(t for t in (widget.text(), widget.placeholderText()) if t)
    return texts


def all_text(root: QWidget) -> str:
    return "\n".join(visible_texts(root))


def enter_pin(qtbot, pad, pin: str) -> None:  # type: ignore[no-untyped-def]
    """Tap `pin` and OK on a PIN pad (kiosk.ui.widgets.pinpad)."""
    for digit in pin:
        qtbot.mouseClick(pad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok, Qt.MouseButton.LeftButton)


def open_staff(qtbot, controller: FlowController) -> ConsoleWidget:  # type: ignore[no-untyped-def]
    """Open the staff screen the way staff do (corner, PIN 2468); returns its console."""
    controller.staff_requested()
    assert controller.current is Screen.PIN
    enter_pin(qtbot, controller.pin.pad, "2468")
    assert controller.current is Screen.STAFF
    assert controller.staff.tabs is not None
    return controller.staff.tabs.console


def search(qtbot, console: ConsoleWidget, text: str) -> list[int]:  # type: ignore[no-untyped-def]
    """Type like a person (slower than a scanner, so the wedge lets the keys through)."""
    qtbot.keyClicks(console.search, text, delay=80)
    qtbot.waitUntil(lambda: console.model.query["text"] == text, timeout=3000)
    return [console.model.attendee_id(r) for r in range(console.model.rowCount())]

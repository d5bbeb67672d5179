"""The keyboard-wedge filter: scanner bursts become scans, people typing stay typing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.scanning.wedge import KeyboardWedgeFilter, WedgeThresholds

SCANNER_GAP_MS = 4  # a USB scanner types a key every few milliseconds
HUMAN_GAP_MS = 140  # a quick typist


class Clock:
    def __init__(self) -> None:
        self.ms = 0.0

    def __call__(self) -> float:
        return self.ms


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def wedge(qapp: QApplication, clock: Clock) -> Iterator[KeyboardWedgeFilter]:
    wedge = KeyboardWedgeFilter(WedgeThresholds(max_gap_ms=35, min_length=4, pause_ms=80), clock)
    wedge.install(qapp)
    yield wedge
    qapp.removeEventFilter(wedge)


@pytest.fixture
def field(qtbot) -> QLineEdit:  # type: ignore[no-untyped-def]
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    return field


def press(widget: QLineEdit, key: Qt.Key, text: str = "", *, repeat: bool = False) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text, repeat)
    QApplication.sendEvent(widget, event)


def type_text(widget: QLineEdit, clock: Clock, text: str, gap_ms: float) -> None:
    for char in text:
        clock.ms += gap_ms
        if char.isupper():
            press(widget, Qt.Key.Key_Shift)  # as a scanner (or a person) types a capital
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
        press(widget, key, char)


def test_scanner_burst_ending_in_enter_is_one_scan(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        type_text(field, clock, "ABC-123-XYZ", SCANNER_GAP_MS)
        clock.ms += SCANNER_GAP_MS
        press(field, Qt.Key.Key_Return, "\r")
    assert blocker.args == ["ABC-123-XYZ"]
    assert field.text() == ""  # nothing leaked into the focused widget


def test_scanner_ending_in_tab_is_a_scan_too(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        type_text(field, clock, "TICKET42", SCANNER_GAP_MS)
        press(field, Qt.Key.Key_Tab, "\t")
    assert blocker.args == ["TICKET42"]


def test_scanner_without_terminator_is_ended_by_a_pause(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        type_text(field, clock, "NOENTER99", SCANNER_GAP_MS)
    assert blocker.args == ["NOENTER99"]
    assert field.text() == ""


def test_shift_between_scanner_keys_does_not_break_the_burst(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    # Capitals arrive as Shift + letter; the Shift press has no text.
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        type_text(field, clock, "AbCdEf12", SCANNER_GAP_MS)
        press(field, Qt.Key.Key_Return, "\r")
    assert blocker.args == ["AbCdEf12"]
    assert field.text() == ""


def test_a_person_typing_is_not_a_scan_and_keeps_every_key(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    type_text(field, clock, "Marie", HUMAN_GAP_MS)
    clock.ms += HUMAN_GAP_MS
    press(field, Qt.Key.Key_Return, "\r")
    qtbot.waitUntil(lambda: field.text() == "Marie", timeout=1000)
    qtbot.wait(150)  # past the pause: still no scan
    assert scans == []


def test_a_short_fast_burst_is_typing_not_a_scan(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    type_text(field, clock, "ab", SCANNER_GAP_MS)  # two keys rolled together by a person
    press(field, Qt.Key.Key_Return, "\r")
    assert field.text() == "ab"
    assert scans == []


def test_a_person_then_a_scanner(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    type_text(field, clock, "jo", HUMAN_GAP_MS)
    clock.ms += HUMAN_GAP_MS
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        type_text(field, clock, "CODE7777", SCANNER_GAP_MS)
        press(field, Qt.Key.Key_Enter, "\r")
    assert blocker.args == ["CODE7777"]
    assert field.text() == "jo"


def test_a_held_down_key_is_not_a_scan(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    for _ in range(8):
        clock.ms += 30
        press(field, Qt.Key.Key_A, "a", repeat=True)
    qtbot.wait(150)
    assert field.text() == "aaaaaaaa"
    assert scans == []


def test_thresholds_come_from_settings_and_a_slow_scanner_can_be_allowed(qtbot, qapp, field, clock):  # type: ignore[no-untyped-def]
    wedge = KeyboardWedgeFilter(WedgeThresholds(max_gap_ms=60, min_length=4, pause_ms=120), clock)
    wedge.install(qapp)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
            type_text(field, clock, "BT-SCAN-1", 45)  # a Bluetooth scanner, slower
            press(field, Qt.Key.Key_Return, "\r")
    finally:
        qapp.removeEventFilter(wedge)
    assert blocker.args == ["BT-SCAN-1"]

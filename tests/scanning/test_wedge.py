"""The keyboard-wedge filter: scanner bursts become scans, people typing stay typing.

Key events go through the real application event filter with timestamps from
a test clock: the pace is what the events say, never how fast this machine is.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

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
    wedge = KeyboardWedgeFilter(
        WedgeThresholds(max_gap_ms=35, min_length=4, pause_ms=80, enter_wait_ms=300), clock
    )
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


@pytest.fixture
def welcome_button(qtbot) -> QPushButton:  # type: ignore[no-untyped-def]
    """Focus where nothing takes text, as on the welcome or PIN screen."""
    button = QPushButton("Find me by name")
    qtbot.addWidget(button)
    button.show()
    button.setFocus()
    return button


def press(widget: QWidget, key: Qt.Key, text: str = "", *, repeat: bool = False) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text, repeat)
    QApplication.sendEvent(widget, event)


def type_text(widget: QWidget, clock: Clock, text: str, gap_ms: float) -> None:
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


# -- slow scanners, truncated reads and the learned pace ----------------------

SCANNER_PACES_MS = [8, 30, 50, 80]  # a good USB scanner down to a Bluetooth one


def scan_with_enter(widget: QWidget, clock: Clock, code: str, gap_ms: float) -> None:
    type_text(widget, clock, code, gap_ms)
    clock.ms += gap_ms
    press(widget, Qt.Key.Key_Return, "\r")


@pytest.mark.parametrize("gap_ms", SCANNER_PACES_MS)
@pytest.mark.parametrize("target", ["field", "welcome_button"])
def test_a_burst_ending_with_enter_is_a_scan_at_any_scanner_pace(
    qtbot, wedge, clock, request, gap_ms, target
):  # type: ignore[no-untyped-def]
    widget = request.getfixturevalue(target)
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        scan_with_enter(widget, clock, "SLOW-SCAN-42", gap_ms)
    assert blocker.args == ["SLOW-SCAN-42"]
    if isinstance(widget, QLineEdit):
        assert widget.text() == ""


@pytest.mark.parametrize("gap_ms", SCANNER_PACES_MS)
def test_without_enter_where_nobody_types_a_burst_is_a_scan_at_any_scanner_pace(
    qtbot, wedge, welcome_button, clock, gap_ms
):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        type_text(welcome_button, clock, "NOENTER-77", gap_ms)
    assert blocker.args == ["NOENTER-77"]


@pytest.mark.parametrize("gap_ms", [8, 30])
def test_without_enter_in_a_text_field_a_fast_burst_is_a_scan(qtbot, wedge, field, clock, gap_ms):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        type_text(field, clock, "NOENTER-77", gap_ms)
    assert blocker.args == ["NOENTER-77"]
    assert field.text() == ""


@pytest.mark.parametrize("gap_ms", [50, 80])
def test_without_enter_in_a_text_field_a_slow_unknown_burst_is_typing(
    qtbot, wedge, field, clock, gap_ms
):  # type: ignore[no-untyped-def]
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    type_text(field, clock, "Ahmed", gap_ms)
    qtbot.waitUntil(lambda: field.text() == "Ahmed", timeout=2000)
    assert scans == []


def test_a_jittery_scanner_at_30_ms_loses_no_scan(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    """Gaps of 16 to 44 ms, as a cheap scanner's wander around 30 ms: all forty read whole."""
    import random

    rng = random.Random(8)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    codes = [f"JIT-{n:03d}-ABCDEFGH" for n in range(40)]
    for code in codes:
        clock.ms += 500
        for char in code:
            clock.ms += 30 + rng.uniform(-14, 14)
            press(field, Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus, char)
        clock.ms += 30 + rng.uniform(-14, 14)
        press(field, Qt.Key.Key_Return, "\r")
    assert scans == codes
    assert field.text() == ""


def test_a_truncated_burst_is_a_misread_not_a_code(qtbot, wedge, welcome_button, clock):  # type: ignore[no-untyped-def]
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    scan_with_enter(welcome_button, clock, "FULL-CODE-0001", 50)  # this scanner sends Enter
    assert wedge.pace.sends_enter() is True
    clock.ms += 2000
    with qtbot.waitSignal(wedge.misread, timeout=2000):
        type_text(welcome_button, clock, "FULL-CO", 50)  # its end (and Enter) never came
    assert scans == ["FULL-CODE-0001"]


def test_a_truncated_fast_burst_in_a_text_field_is_a_misread(qtbot, wedge, field, clock):  # type: ignore[no-untyped-def]
    scan_with_enter(field, clock, "FULL-CODE-0001", 8)
    clock.ms += 2000
    with qtbot.waitSignal(wedge.misread, timeout=2000):
        type_text(field, clock, "FULL-CO", 8)
    assert field.text() == ""


def test_two_keys_and_enter_where_nobody_types_is_a_misread(qtbot, wedge, welcome_button, clock):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wedge.misread, timeout=1000):
        scan_with_enter(welcome_button, clock, "7Q", 30)


def test_the_pace_of_a_slow_scanner_without_enter_is_learned(
    qtbot, wedge, welcome_button, field, clock
):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wedge.scanned, timeout=2000):
        type_text(welcome_button, clock, "BT-0001", 80)  # seen where nobody types
    assert wedge.pace.sends_enter() is False
    clock.ms += 2000
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        type_text(field, clock, "BT-0002", 80)  # now known in a text field too
    assert blocker.args == ["BT-0002"]
    assert field.text() == ""
    clock.ms += 2000
    type_text(field, clock, "Ruth", HUMAN_GAP_MS)  # a person is still a person
    qtbot.waitUntil(lambda: field.text() == "Ruth", timeout=2000)


def test_a_fast_typist_without_enter_stays_typing_beside_a_learned_scanner(
    qtbot, wedge, field, clock
):  # type: ignore[no-untyped-def]
    scan_with_enter(field, clock, "BT-SCANNER-1", 80)
    clock.ms += 2000
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    type_text(field, clock, "Tomasz", 90)
    qtbot.waitUntil(lambda: field.text() == "Tomasz", timeout=2000)
    assert scans == []


def test_a_code_typed_by_hand_where_nobody_types_is_a_scan_but_not_a_pace(
    qtbot, wedge, welcome_button, clock
):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        scan_with_enter(welcome_button, clock, "HAND-TYPED", 250)
    assert blocker.args == ["HAND-TYPED"]
    assert wedge.pace.ceiling_ms() is None  # a person's pace teaches nothing

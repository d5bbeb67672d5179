"""The first hour at the kiosk: misreads, ways out of dead ends, and a person's
display choices kept while they are still at the screen."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import Roster, all_text
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.domain.models import Result
from kiosk.settings import Settings
from kiosk.ui.app import Kiosk
from kiosk.ui.flow import Screen
from kiosk.ui.theme import ThemeName


class Clock:
    def __init__(self) -> None:
        self.ms = 0.0

    def __call__(self) -> float:
        return self.ms


def type_burst(kiosk: Kiosk, clock: Clock, text: str, gap_ms: float, *, enter: bool) -> None:
    """Keys as a scanner types them, into whatever has the focus on the welcome screen."""
    target = kiosk.controller.welcome
    for char in text:
        clock.ms += gap_ms
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
        QApplication.sendEvent(
            target, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
        )
    if enter:
        clock.ms += gap_ms
        QApplication.sendEvent(
            target,
            QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
            ),
        )


def test_a_slow_scanner_checks_in_and_its_truncated_read_asks_for_another_scan(
    qtbot, kiosk: Kiosk, roster: Roster
):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    clock = Clock()
    kiosk.wedge.clock = clock
    type_burst(kiosk, clock, roster.omar.code, 60, enter=True)  # a Bluetooth scanner
    assert c.current is Screen.RESULT
    assert c.result.headline.text() == "Welcome, Omar!"
    c.result.done_button.click()
    clock.ms += 5000
    type_burst(kiosk, clock, roster.zoe.code[:6], 60, enter=False)  # its end was lost
    qtbot.waitUntil(lambda: c.current is Screen.RESULT, timeout=3000)
    assert c.result.headline.text() == "Couldn't read that"
    assert "Please scan your code again." in all_text(c.result)
    assert not c.result.find_me_button.isVisible()
    # Nothing was looked up or written for the half code.
    assert [e.attendee_id for e in c.store.log_entries()] == [roster.omar.id]


def test_unknown_and_cancelled_codes_offer_find_me_by_name(qtbot, kiosk: Kiosk, roster: Roster):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    for code, result in (
        ("NO-SUCH-CODE", Result.UNKNOWN_CODE),
        (roster.cancelled.code, Result.CANCELLED),
    ):
        kiosk.wedge.scanned.emit(code)
        assert c.result.scan is not None and c.result.scan.result is result
        assert c.result.find_me_button.isVisible()
        assert "Find me by name" in all_text(c.result)
        qtbot.mouseClick(c.result.find_me_button, Qt.MouseButton.LeftButton)
        assert c.current is Screen.FIND_ME
        assert c.find_me.field.text() == ""
        assert not c.result.ticker.isActive()  # the result's countdown stopped with it
        c.find_me.back_button.click()
    kiosk.wedge.scanned.emit(roster.zoe.code)
    assert not c.result.find_me_button.isVisible()  # a welcome needs no way out


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_no_find_me_offer_where_find_me_is_switched_off(qtbot, store, roster, languages):  # type: ignore[no-untyped-def]
    from kiosk.ui.app import build_kiosk

    Settings(store).set("kiosk.findme_enabled", False)
    kiosk = build_kiosk(store, camera=False, languages=languages, locked=False)
    qtbot.addWidget(kiosk.window)
    kiosk.window.show()
    kiosk.wedge.scanned.emit("NO-SUCH-CODE")
    assert not kiosk.controller.result.find_me_button.isVisible()


def test_back_on_find_me_keeps_the_persons_display_choices_until_idle(
    qtbot, kiosk: Kiosk, roster: Roster
):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    Settings(c.store).set("kiosk.idle_seconds", 1)
    qtbot.mouseClick(c.welcome.large_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(c.welcome.contrast_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(c.welcome.find_me, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(c.find_me.back_button, Qt.MouseButton.LeftButton)
    assert c.current is Screen.WELCOME
    assert kiosk.window.large_text and kiosk.window.theme.name is ThemeName.HIGH_CONTRAST
    assert c.welcome.large_button.isChecked() and c.welcome.contrast_button.isChecked()
    qtbot.mouseClick(c.welcome.find_me, Qt.MouseButton.LeftButton)
    assert kiosk.window.large_text  # the same person's next screen
    qtbot.mouseClick(c.find_me.back_button, Qt.MouseButton.LeftButton)
    # Left alone, the kiosk goes idle and the next person gets the defaults.
    qtbot.waitUntil(lambda: not kiosk.window.large_text, timeout=5000)
    assert c.history[-1] == (Screen.WELCOME, "idle")
    assert kiosk.window.theme.name is ThemeName.STANDARD
    assert not c.welcome.large_button.isChecked()


def test_cancelling_the_pin_pad_keeps_the_display_choices(qtbot, kiosk: Kiosk, roster: Roster):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    qtbot.mouseClick(c.welcome.large_button, Qt.MouseButton.LeftButton)
    c.staff_requested()
    qtbot.mouseClick(c.set_pin.cancel, Qt.MouseButton.LeftButton)
    assert c.current is Screen.WELCOME
    assert kiosk.window.large_text

"""With no staff PIN set, the corner gesture asks staff to choose one first:
the staff screen shows the console (emails included) and is never unguarded."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import all_text, enter_pin
from PySide6.QtCore import Qt

from kiosk.checkin import Station
from kiosk.settings import Settings
from kiosk.ui.app import Kiosk
from kiosk.ui.flow import FlowController, Screen
from kiosk.ui.pin import verify_pin
from kiosk.ui.window import KioskWindow


def type_pin(qtbot, kiosk: Kiosk, pin: str) -> None:  # type: ignore[no-untyped-def]
    enter_pin(qtbot, kiosk.controller.set_pin.pad, pin)


def test_without_a_pin_the_corner_asks_to_set_one_and_never_opens_staff(kiosk: Kiosk, roster):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    assert "No staff PIN set" in c.welcome.status.text()
    c.staff_requested()
    assert c.current is Screen.SET_PIN
    assert c.history[-1] == (Screen.SET_PIN, "no staff PIN set")
    assert Screen.STAFF not in [screen for screen, _ in c.history]
    assert c.staff.tabs is None  # the console was never even built
    shown = all_text(c.set_pin)
    assert "Set a staff PIN" in shown
    assert "No staff PIN is set yet. Choose one: 4 to 8 digits." in shown
    assert roster.zoe.email not in shown


def test_two_different_pins_are_refused_with_a_message(qtbot, kiosk: Kiosk, store):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.staff_requested()
    type_pin(qtbot, kiosk, "2468")
    assert c.set_pin.message.text() == "Type the same PIN again."
    type_pin(qtbot, kiosk, "1357")
    assert c.set_pin.message.text() == "The two PINs differ. Choose one again."
    assert c.current is Screen.SET_PIN
    assert not store.setting("kiosk.pin_hash")
    # After a mismatch the first PIN is forgotten: typing 1357 twice now sets 1357.
    type_pin(qtbot, kiosk, "1357")
    type_pin(qtbot, kiosk, "1357")
    assert c.current is Screen.STAFF
    assert verify_pin("1357", store.setting("kiosk.pin_hash"))


def test_a_pin_shorter_than_four_digits_is_refused(qtbot, kiosk: Kiosk, store):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.staff_requested()
    type_pin(qtbot, kiosk, "246")
    assert c.set_pin.message.text() == "A PIN is 4 to 8 digits. Choose one again."
    type_pin(qtbot, kiosk, "246")
    assert c.current is Screen.SET_PIN
    assert not store.setting("kiosk.pin_hash")


def test_a_pin_typed_twice_is_stored_as_the_set_pin_hash_and_opens_staff(
    qtbot, kiosk: Kiosk, store
):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.staff_requested()
    type_pin(qtbot, kiosk, "24681357")
    type_pin(qtbot, kiosk, "24681357")
    assert c.current is Screen.STAFF
    assert c.history[-1] == (Screen.STAFF, "staff PIN set")
    stored = store.setting("kiosk.pin_hash")
    # The same scrypt hash `kiosk set-pin` stores, never the PIN itself.
    assert stored.startswith("scrypt$16384$8$1$") and "24681357" not in stored
    assert verify_pin("24681357", stored)
    assert "No staff PIN set" not in c.welcome.status.text()


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
def test_next_time_the_pin_screen_asks_for_the_new_pin(qtbot, kiosk: Kiosk, store):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.staff_requested()
    type_pin(qtbot, kiosk, "2468")
    type_pin(qtbot, kiosk, "2468")
    qtbot.mouseClick(c.staff.back_button, Qt.MouseButton.LeftButton)
    assert c.current is Screen.WELCOME
    c.staff_requested()
    assert c.current is Screen.PIN
    enter_pin(qtbot, c.pin.pad, "1111")
    assert c.current is Screen.PIN and c.pin.message.text() == "Wrong PIN. Try again."
    enter_pin(qtbot, c.pin.pad, "2468")
    assert c.history[-1] == (Screen.STAFF, "PIN accepted")
    # A restarted kiosk on the same file asks for it too.
    window = KioskWindow(locked=False)
    qtbot.addWidget(window)  # closed and deleted on the GUI thread at the end
    again = FlowController(window, store, Station(store, name="test-kiosk"))
    again.staff_requested()
    assert again.current is Screen.PIN


def test_set_pin_screen_goes_back_to_welcome_when_left_or_cancelled(qtbot, kiosk: Kiosk, store):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.staff_requested()
    type_pin(qtbot, kiosk, "2468")  # half done, then walked away from
    assert c.idle.isActive()
    assert c.idle.interval() == Settings(store).get("kiosk.idle_seconds") * 1000
    c.idle.start(10)  # the same timer, run short: the test need not wait 45 s
    qtbot.waitUntil(lambda: c.current is Screen.WELCOME, timeout=5000)
    assert c.history[-1] == (Screen.WELCOME, "idle")
    c.staff_requested()
    assert c.set_pin.message.text() == "No staff PIN is set yet. Choose one: 4 to 8 digits."
    qtbot.mouseClick(c.set_pin.cancel, Qt.MouseButton.LeftButton)
    assert c.current is Screen.WELCOME
    assert not store.setting("kiosk.pin_hash")


def test_a_scan_on_the_set_pin_screen_returns_to_check_in_and_is_answered(
    kiosk: Kiosk, roster, store
):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.staff_requested()
    kiosk.wedge.scanned.emit(roster.zoe.code)
    assert c.current is Screen.RESULT
    assert c.result.headline.text() == "Welcome, Zoë!"
    assert [e.attendee_id for e in store.log_entries()] == [roster.zoe.id]
    assert not store.setting("kiosk.pin_hash")

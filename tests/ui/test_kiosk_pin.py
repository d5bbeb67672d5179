"""Lock-down: the hidden corner gesture, the PIN pad, its lock-outs and the staff screen."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import PIN_HASH, Roster, enter_pin
from PySide6.QtCore import QPoint, Qt

from kiosk.ui.app import Kiosk
from kiosk.ui.flow import Screen
from kiosk.ui.pin import PinGate, hash_pin, lockout_seconds, verify_pin


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def enter(qtbot, kiosk: Kiosk, pin: str) -> None:  # type: ignore[no-untyped-def]
    enter_pin(qtbot, kiosk.controller.pin.pad, pin)


@pytest.fixture
def locked(kiosk: Kiosk) -> FakeClock:
    clock = FakeClock()
    kiosk.controller.pin_gate = PinGate(PIN_HASH, clock=clock)
    kiosk.controller.welcome.status_info["pin"] = True
    return clock


def test_pin_hash_is_scrypt_salted_and_verifies():
    stored = hash_pin("2468")
    assert stored.startswith("scrypt$16384$8$1$")
    assert stored != hash_pin("2468")  # a fresh salt every time
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("2468", "plain-text")


def test_pin_must_be_four_to_eight_digits():
    for bad in ("123", "123456789", "12a4", ""):
        with pytest.raises(ValueError):
            hash_pin(bad)


def test_pin_digits_are_ascii_only():
    """Superscript and Devanagari digits pass str.isdigit() but no keypad types them."""
    for bad in ("\u00b2\u00b3\u00b9\u2074", "\u0967\u0968\u0969\u096a", "１２３４"):
        with pytest.raises(ValueError):
            hash_pin(bad)
    assert verify_pin("1234", hash_pin("1234", n=2**10))


def test_lockouts_grow_with_failures():
    assert [lockout_seconds(n) for n in range(1, 8)] == [0, 0, 10, 30, 120, 120, 120]


def test_long_press_in_the_corner_opens_the_pin_pad(qtbot, kiosk: Kiosk, locked: FakeClock):
    kiosk.window.long_press_ms = 50
    target = kiosk.controller.welcome
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(lambda: kiosk.controller.current is Screen.PIN, timeout=3000)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_a_short_press_or_another_place_does_nothing(qtbot, kiosk: Kiosk, locked: FakeClock):
    kiosk.window.long_press_ms = 200
    target = kiosk.controller.welcome
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=QPoint(500, 300))
    qtbot.wait(400)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=QPoint(500, 300))
    assert kiosk.controller.current is Screen.WELCOME


def test_right_pin_opens_staff_screen_and_exit_quits(qtbot, kiosk: Kiosk, locked: FakeClock):
    c = kiosk.controller
    c.staff_requested()
    enter(qtbot, kiosk, "2468")
    assert c.current is Screen.STAFF
    assert c.history[-1] == (Screen.STAFF, "PIN accepted")
    kiosk.window.allow_close = False
    qtbot.mouseClick(c.staff.exit_button, Qt.MouseButton.LeftButton)  # asks first
    with qtbot.waitSignal(c.quit_requested, timeout=1000):
        qtbot.mouseClick(c.staff.confirm_exit, Qt.MouseButton.LeftButton)
    assert kiosk.window.allow_close


def test_staff_back_returns_to_welcome(qtbot, kiosk: Kiosk, locked: FakeClock):
    c = kiosk.controller
    c.staff_requested()
    enter(qtbot, kiosk, "2468")
    qtbot.mouseClick(c.staff.back_button, Qt.MouseButton.LeftButton)
    assert c.current is Screen.WELCOME


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
def test_wrong_pins_lock_the_pad_for_growing_periods(qtbot, kiosk: Kiosk, locked: FakeClock):
    c = kiosk.controller
    c.staff_requested()
    enter(qtbot, kiosk, "1111")
    assert c.pin.message.text() == "Wrong PIN. Try again."
    enter(qtbot, kiosk, "1112")
    enter(qtbot, kiosk, "1113")
    assert c.pin.message.text() == "Too many wrong PINs. Try again in 10 s."
    assert not c.pin.pad.buttons["2"].isEnabled()
    # Even the right PIN is refused while locked.
    assert not c.pin_gate.attempt("2468")
    locked.now += 11
    c.staff_access.pin_guard.tick()
    assert c.pin.pad.buttons["2"].isEnabled()
    enter(qtbot, kiosk, "9999")  # fourth failure in a row: 30 s
    assert c.pin.message.text() == "Too many wrong PINs. Try again in 30 s."
    locked.now += 31
    c.staff_access.pin_guard.tick()
    enter(qtbot, kiosk, "9998")  # fifth: two minutes
    assert c.pin.message.text() == "Too many wrong PINs. Try again in 120 s."
    locked.now += 121
    c.staff_access.pin_guard.tick()
    enter(qtbot, kiosk, "2468")
    assert c.current is Screen.STAFF
    assert c.pin_gate.failures == 0


def test_pin_pad_cancel_returns_to_welcome(qtbot, kiosk: Kiosk, locked: FakeClock):
    c = kiosk.controller
    c.staff_requested()
    qtbot.mouseClick(c.pin.cancel, Qt.MouseButton.LeftButton)
    assert c.current is Screen.WELCOME


def test_a_scan_on_the_pin_pad_returns_to_check_in_and_is_answered(
    qtbot, kiosk: Kiosk, locked: FakeClock, roster: Roster
):
    c = kiosk.controller
    c.staff_requested()
    for digit in "12":  # staff half-way through a PIN
        qtbot.mouseClick(c.pin.pad.buttons[digit], Qt.MouseButton.LeftButton)
    kiosk.wedge.scanned.emit(roster.zoe.code)
    assert c.current is Screen.RESULT
    assert c.result.headline.text() == "Welcome, Zoë!"
    assert [e.attendee_id for e in c.store.log_entries()] == [roster.zoe.id]
    assert (Screen.WELCOME, "scan from scanner on the PIN screen") in c.history
    c.staff_requested()
    assert c.pin.dots.text() == "○○○○"  # the half-typed PIN is gone


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
def test_a_scan_during_a_lockout_is_answered_and_the_lockout_goes_on(
    qtbot, kiosk: Kiosk, locked: FakeClock, roster: Roster
):
    c = kiosk.controller
    c.staff_requested()
    for wrong in ("1111", "1112", "1113"):
        enter(qtbot, kiosk, wrong)
    assert c.pin.message.text() == "Too many wrong PINs. Try again in 10 s."
    kiosk.wedge.scanned.emit(roster.omar.code)
    assert c.current is Screen.RESULT
    assert c.result.headline.text() == "Welcome, Omar!"
    assert not c.pin.lock_timer.isActive()  # nothing counts down behind the result
    c.result.done_button.click()
    c.staff_requested()
    assert c.pin.message.text() == "Too many wrong PINs. Try again in 10 s."
    assert not c.pin.pad.buttons["2"].isEnabled()


def test_lockout_survives_a_restart_and_is_per_station(kiosk: Kiosk, store) -> None:  # type: ignore[no-untyped-def]
    from kiosk.checkin import Station
    from kiosk.settings import Settings
    from kiosk.ui.flow import FlowController
    from kiosk.ui.window import KioskWindow

    Settings(store).set("kiosk.pin_hash", PIN_HASH)
    before = FlowController(KioskWindow(locked=False), store, Station(store, name="door-1"))
    for _ in range(3):
        assert not before.pin_gate.attempt("0000")
    assert before.pin_gate.seconds_left() > 0
    # A restart of the same station: the count and the lock-out are still there.
    after = FlowController(KioskWindow(locked=False), store, Station(store, name="door-1"))
    assert after.pin_gate.failures == 3 and after.pin_gate.seconds_left() > 0
    # Another station on the same file counts its own.
    other = FlowController(KioskWindow(locked=False), store, Station(store, name="door-2"))
    assert other.pin_gate.failures == 0 and other.pin_gate.seconds_left() == 0

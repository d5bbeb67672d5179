"""The kiosk's staff screen with volunteer accounts: who is working is asked
on the screen itself (no shared PIN pad), each check-in names them, and
leaving or idling signs them out. Without accounts the PIN pad stays."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import Roster, enter_pin, search
from PySide6.QtCore import Qt

from kiosk.domain.pins import hash_pin
from kiosk.domain.roles import Role, StaffAction
from kiosk.settings import Settings
from kiosk.store.operators import add_operator
from kiosk.ui.flow import FlowController, Screen


@pytest.fixture
def volunteers(controller: FlowController) -> FlowController:
    add_operator(controller.store, "Sam", Role.SCANNER, hash_pin("2468"))
    add_operator(controller.store, "Ola", Role.SUPERVISOR, hash_pin("8642"))
    return controller


def open_signed_in(qtbot, controller: FlowController, name: str, pin: str):  # type: ignore[no-untyped-def]
    controller.staff_requested()
    assert controller.current is Screen.STAFF
    tabs = controller.staff.tabs
    assert tabs is not None and tabs.sign_in.isVisible()
    # Typed like a person: the scanner detector takes a fast burst for a scan.
    qtbot.keyClicks(tabs.sign_in.name, name, delay=80)
    qtbot.keyClicks(tabs.sign_in.pin, pin, delay=80)
    # The detector holds the last key until it knows it was no scan.
    qtbot.waitUntil(lambda: tabs.sign_in.pin.text() == pin, timeout=3000)
    qtbot.mouseClick(tabs.sign_in.button, Qt.MouseButton.LeftButton)
    assert not tabs.sign_in.isVisible()
    return tabs


def test_the_corner_asks_who_is_working_not_the_shared_pin(
    qtbot, volunteers: FlowController, roster: Roster
) -> None:  # type: ignore[no-untyped-def]
    volunteers.staff_requested()
    assert volunteers.current is Screen.STAFF  # no PIN pad on the way
    tabs = volunteers.staff.tabs
    assert tabs is not None and tabs.sign_in.isVisible()
    assert not tabs.console.isEnabled()
    assert not volunteers.staff.exit_button.isEnabled()  # nobody leaves kiosk mode unsigned


def test_a_scanner_checks_in_from_the_kiosk_and_the_entry_names_them(
    qtbot, volunteers: FlowController, roster: Roster
) -> None:  # type: ignore[no-untyped-def]
    tabs = open_signed_in(qtbot, volunteers, "Sam", "2468")
    console = tabs.console
    assert volunteers.staff.exit_button.isEnabled()
    search(qtbot, console, "omar")
    qtbot.mouseClick(console.buttons["check_in"], Qt.MouseButton.LeftButton)
    [entry] = volunteers.store.log_entries()
    assert (entry.station, entry.operator) == ("test-kiosk", "Sam")
    assert not console.buttons["undo"].isEnabled()
    assert "supervisor" in console.buttons["undo"].toolTip()


def test_leaving_signs_out_and_the_kiosks_own_scans_name_nobody(
    qtbot, volunteers: FlowController, roster: Roster
) -> None:  # type: ignore[no-untyped-def]
    tabs = open_signed_in(qtbot, volunteers, "Ola", "8642")
    qtbot.mouseClick(volunteers.staff.back_button, Qt.MouseButton.LeftButton)
    assert volunteers.current is Screen.WELCOME
    assert tabs.desk.signed_in is None and volunteers.station.operator == ""
    volunteers.staff_requested()
    assert volunteers.current is Screen.STAFF and tabs.sign_in.isVisible()


def test_an_idle_staff_screen_signs_out(qtbot, volunteers: FlowController, roster: Roster) -> None:  # type: ignore[no-untyped-def]
    Settings(volunteers.store).set("kiosk.staff_timeout_seconds", 1)
    tabs = open_signed_in(qtbot, volunteers, "Ola", "8642")
    volunteers.idle.follow_screen()
    qtbot.waitUntil(lambda: volunteers.current is Screen.WELCOME, timeout=5000)
    assert tabs.desk.signed_in is None


def test_without_accounts_the_shared_pin_opens_the_console_as_before(
    qtbot, controller: FlowController, roster: Roster
) -> None:  # type: ignore[no-untyped-def]
    controller.staff_requested()
    assert controller.current is Screen.PIN
    enter_pin(qtbot, controller.pin.pad, "2468")
    assert controller.current is Screen.STAFF
    tabs = controller.staff.tabs
    assert tabs is not None and not tabs.sign_in.isVisible()
    assert all(tabs.desk.may(action) for action in StaffAction)


def test_a_touch_only_volunteer_signs_in_with_the_keyboard_and_the_keypad(
    qtbot, volunteers: FlowController, roster: Roster
) -> None:  # type: ignore[no-untyped-def]
    volunteers.staff_requested()
    staff = volunteers.staff
    tabs = staff.tabs
    assert tabs is not None and tabs.sign_in.keypad is not None
    staff.keyboard_button.setChecked(True)
    for letter in "SAM":
        qtbot.mouseClick(staff.keyboard.keys[letter], Qt.MouseButton.LeftButton)
    assert tabs.sign_in.name.text() == "sam"
    staff.keyboard_button.setChecked(False)
    for digit in "2468":
        qtbot.mouseClick(tabs.sign_in.keypad.buttons[digit], Qt.MouseButton.LeftButton)
    assert tabs.console.search.text() == ""  # nothing went to the console behind
    qtbot.mouseClick(tabs.sign_in.keypad.ok, Qt.MouseButton.LeftButton)
    assert tabs.desk.signed_in is not None and tabs.desk.signed_in.name == "Sam"
    assert not tabs.sign_in.isVisible()

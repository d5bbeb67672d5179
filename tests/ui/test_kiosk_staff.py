"""The staff screen: the help-desk console behind the PIN, locked again when left alone."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import Roster, all_text, enter_pin, open_staff, search
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kiosk.settings import Settings
from kiosk.ui.app import Kiosk
from kiosk.ui.flow import FlowController, Screen


def test_the_console_is_built_only_when_staff_first_open_the_screen(
    qtbot, controller: FlowController
):
    assert controller.staff.tabs is None  # the kiosk's cold start does not pay for it
    console = open_staff(qtbot, controller)
    assert console.isVisible()
    assert controller.staff.title.text() == "Staff — station test-kiosk"
    assert not console.back_button.isVisibleTo(controller.staff)  # the header's Back is the one way
    assert console.search.hasFocus()


def test_searching_a_name_in_the_staff_console_finds_the_attendee(
    qtbot, controller: FlowController, roster: Roster
):
    console = open_staff(qtbot, controller)
    assert search(qtbot, console, "omar") == [roster.omar.id]
    assert console.current_id() == roster.omar.id
    assert "o@x.org" in console.details.text.text()


def test_checking_in_from_the_staff_console_logs_the_kiosk_station(
    qtbot, controller: FlowController, roster: Roster
):
    console = open_staff(qtbot, controller)
    search(qtbot, console, "omar")
    qtbot.mouseClick(console.buttons["check_in"], Qt.MouseButton.LeftButton)
    [entry] = controller.store.log_entries()
    assert entry.attendee_id == roster.omar.id
    assert entry.station == "test-kiosk"
    assert console.message.text() == "Checked in."
    assert controller.current is Screen.STAFF  # no public result screen for a desk check-in


def test_a_ticket_scanned_on_the_staff_screen_is_looked_up_not_checked_in(
    qtbot, kiosk: Kiosk, controller: FlowController, roster: Roster
):
    console = open_staff(qtbot, controller)
    kiosk.wedge.scanned.emit(roster.zoe.code)
    assert controller.current is Screen.STAFF
    assert console.search.text() == roster.zoe.code
    assert console.current_id() == roster.zoe.id
    assert controller.store.log_entries() == []


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
def test_back_returns_to_welcome_and_reopening_needs_the_pin(qtbot, controller: FlowController):
    open_staff(qtbot, controller)
    qtbot.mouseClick(controller.staff.back_button, Qt.MouseButton.LeftButton)
    assert controller.current is Screen.WELCOME
    assert controller.history[-1] == (Screen.WELCOME, "staff back")
    controller.staff_requested()
    assert controller.current is Screen.PIN
    enter_pin(qtbot, controller.pin.pad, "1357")
    assert controller.current is Screen.PIN
    enter_pin(qtbot, controller.pin.pad, "2468")
    assert controller.current is Screen.STAFF


def test_leaving_the_staff_screen_forgets_the_search_and_the_person(
    qtbot, controller: FlowController, roster: Roster
):
    console = open_staff(qtbot, controller)
    search(qtbot, console, "zoe")
    assert console.current_id() == roster.zoe.id
    controller.staff.tabs.setCurrentWidget(controller.staff.tabs.overview)  # type: ignore[union-attr]
    qtbot.mouseClick(controller.staff.back_button, Qt.MouseButton.LeftButton)
    assert console.search.text() == ""
    assert console.current_id() is None
    assert "Brennan" not in console.details.text.text()
    assert controller.staff.tabs.currentWidget() is console  # type: ignore[union-attr]
    open_staff(qtbot, controller)
    assert console.search.text() == ""
    assert console.current_id() is None
    assert "Brennan" not in all_text(controller.staff)


def test_staff_screen_locks_after_its_own_timeout(
    qtbot, controller: FlowController, roster: Roster
):
    console = open_staff(qtbot, controller)
    # Its own setting, longer than the public screens' 45 s; touches and keys restart it.
    assert controller.idle.isActive() and controller.idle.interval() == 120_000
    controller.idle.stop()
    controller.window.activity.emit()
    assert controller.idle.isActive() and controller.idle.interval() == 120_000
    qtbot.mouseClick(controller.staff.back_button, Qt.MouseButton.LeftButton)

    Settings(controller.store).set("kiosk.staff_timeout_seconds", 1)
    open_staff(qtbot, controller)
    search(qtbot, console, "zoe")
    qtbot.waitUntil(lambda: controller.current is Screen.WELCOME, timeout=5000)
    assert controller.history[-2:] == [(Screen.STAFF, "PIN accepted"), (Screen.WELCOME, "idle")]
    assert console.search.text() == ""
    controller.staff_requested()
    assert controller.current is Screen.PIN


def test_a_console_dialog_keeps_the_screen_awake_and_closes_when_it_locks(
    qtbot, controller: FlowController, roster: Roster
):
    console = open_staff(qtbot, controller)
    console.desk_actions.ask_walk_in()
    dialog = next(d for d in console.findChildren(QDialog) if d.isVisible())
    controller.idle.stop()
    qtbot.mouseClick(dialog, Qt.MouseButton.LeftButton)
    assert controller.idle.isActive()  # a press in the dialog counts as activity
    controller.idle.timeout.emit()
    assert controller.current is Screen.WELCOME
    assert not dialog.isVisible()


def test_opening_the_screen_shows_the_kiosks_own_scans_at_once(
    qtbot, controller: FlowController, roster: Roster
):
    console = open_staff(qtbot, controller)
    overview = controller.staff.tabs.overview  # type: ignore[union-attr]
    assert overview.total.text().startswith("0 of ")
    qtbot.mouseClick(controller.staff.back_button, Qt.MouseButton.LeftButton)
    assert not overview.timer.isActive()  # no polling behind the public screens
    assert controller.staff.tabs.window() is not controller.window  # type: ignore[union-attr]  # nor restyling

    controller.handle_scan(roster.omar.code)
    assert controller.current is Screen.RESULT
    controller._result_finished("test")
    open_staff(qtbot, controller)
    # At once, not at the overview's next one-second poll.
    assert overview.total.text().startswith("1 of ")
    omar = next(row for row in console.model.rows if row.attendee.id == roster.omar.id)
    assert omar.checked_in_at is not None
    assert overview.timer.isActive()


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1280, 800), (600, 1024)])
def test_every_staff_tab_fits_the_kiosk_screen(
    qtbot, controller: FlowController, roster: Roster, width: int, height: int, language: str
):
    controller.looks.set_language(language)  # French is longer
    controller.window.resize(width, height)
    qtbot.wait(10)
    before = controller.window.size()
    console = open_staff(qtbot, controller)
    search(qtbot, console, "mark")  # a chosen person: details filled, every action on
    tabs = controller.staff.tabs
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
        needed = controller.staff.minimumSizeHint()
        assert needed.width() <= width and needed.height() <= height, tabs.tabText(index)
        assert controller.window.size() == before  # a windowed kiosk does not grow for the console
    for button in console.buttons.values():  # touch targets, the text not squeezed
        assert button.height() >= 64 and button.width() >= button.sizeHint().width()

"""The staff screen on a touch-only kiosk: an on-screen keyboard for the search,
an exit that asks first and sits away from "Back to check-in", a calm Health tab."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import Roster, open_staff
from PySide6.QtCore import Qt

from kiosk.ui.flow import FlowController, Screen


def tap(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_on_screen_keyboard_searches_the_console_by_name(
    qtbot, controller: FlowController, roster: Roster
):  # type: ignore[no-untyped-def]
    console = open_staff(qtbot, controller)
    assert not controller.staff.keyboard.isVisible()
    tap(qtbot, controller.staff.keyboard_button)
    assert controller.staff.keyboard.isVisible()
    for letter in "HADX":
        tap(qtbot, controller.staff.keyboard.keys[letter])
    tap(qtbot, controller.staff.keyboard.delete)
    assert console.search.text() == "had"
    qtbot.waitUntil(lambda: console.model.query["text"] == "had", timeout=3000)
    assert [console.model.attendee_id(r) for r in range(console.model.rowCount())] == [
        roster.omar.id
    ]
    tap(qtbot, controller.staff.keyboard.clear)
    assert console.search.text() == ""


def test_the_keyboard_is_put_away_when_the_screen_is_left(qtbot, controller: FlowController):  # type: ignore[no-untyped-def]
    open_staff(qtbot, controller)
    tap(qtbot, controller.staff.keyboard_button)
    tap(qtbot, controller.staff.back_button)
    open_staff(qtbot, controller)
    assert (
        not controller.staff.keyboard.isVisible()
        and not controller.staff.keyboard_button.isChecked()
    )


def test_exit_asks_first_and_stay_keeps_the_kiosk_running(qtbot, controller: FlowController):  # type: ignore[no-untyped-def]
    open_staff(qtbot, controller)
    quits: list[bool] = []
    controller.quit_requested.connect(lambda: quits.append(True))
    tap(qtbot, controller.staff.exit_button)
    assert quits == []
    assert controller.staff.exit_question.isVisible()
    assert "Check-in stops at this station" in controller.staff.exit_text.text()
    assert controller.staff.stay_button.hasFocus()  # Enter or a stray tap on the default stays
    tap(qtbot, controller.staff.stay_button)
    assert not controller.staff.exit_question.isVisible()
    assert quits == [] and controller.current is Screen.STAFF
    tap(qtbot, controller.staff.exit_button)
    tap(qtbot, controller.staff.confirm_exit)
    assert quits == [True]


def test_a_half_asked_exit_is_forgotten_when_the_screen_locks(qtbot, controller: FlowController):  # type: ignore[no-untyped-def]
    open_staff(qtbot, controller)
    tap(qtbot, controller.staff.exit_button)
    controller.idle.timeout.emit()
    assert controller.current is Screen.WELCOME
    open_staff(qtbot, controller)
    assert not controller.staff.exit_question.isVisible()


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1920, 1080), (600, 1024)])
def test_exit_kiosk_is_kept_apart_from_back_to_check_in(
    qtbot, controller: FlowController, width: int, height: int
):  # type: ignore[no-untyped-def]
    controller.window.resize(width, height)
    qtbot.wait(10)
    open_staff(qtbot, controller)
    exit_box = controller.staff.exit_button.geometry()
    back_box = controller.staff.back_button.geometry()
    assert exit_box.right() < back_box.left()
    # At least a finger's breadth and another button between them.
    assert back_box.left() - exit_box.right() >= controller.staff.keyboard_button.width()


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1920, 1080), (600, 1024)])
def test_the_keyboard_leaves_the_search_and_first_matches_in_view(
    qtbot, controller: FlowController, roster: Roster, language: str, width: int, height: int
):  # type: ignore[no-untyped-def]
    controller.looks.set_language(language)
    controller.window.resize(width, height)
    qtbot.wait(10)
    before = controller.window.size()
    console = open_staff(qtbot, controller)
    tap(qtbot, controller.staff.keyboard_button)
    tap(qtbot, controller.staff.exit_button)  # the exit question showing too
    qtbot.wait(10)
    assert (
        controller.staff.minimumSizeHint().height() <= height
    )  # it takes no room from the console
    assert controller.window.size() == before
    keys = controller.staff.keyboard.geometry()
    assert controller.staff.rect().contains(keys)
    for key in controller.staff.keyboard.keys.values():
        assert key.height() >= 60  # a finger's target, as on find-me
    search_box = console.search.geometry()
    search_box.moveTo(console.search.mapTo(controller.staff, search_box.topLeft() * 0))
    assert search_box.bottom() < keys.top()
    table = console.table
    first_row = table.viewport().mapTo(controller.staff, table.viewport().rect().topLeft())
    assert first_row.y() + 2 * table.verticalHeader().defaultSectionSize() < keys.top()


def test_health_on_the_staff_screen_finds_no_fault_in_scanning_without_a_camera(
    qtbot, controller: FlowController
):  # type: ignore[no-untyped-def]
    open_staff(qtbot, controller)
    tabs = controller.staff.tabs
    assert tabs is not None
    health = tabs.health
    tabs.setCurrentWidget(health)
    lines = [health.findings.item(i).text() for i in range(health.findings.count())]
    camera = [line for line in lines if " camera:" in line]
    assert camera and all(line.startswith("OK") for line in camera), camera


def test_an_attendees_larger_text_does_not_push_the_console_off_a_small_screen(
    qtbot, controller: FlowController
):  # type: ignore[no-untyped-def]
    controller.window.resize(1024, 600)
    qtbot.mouseClick(
        controller.welcome.large_button, Qt.MouseButton.LeftButton
    )  # still on for staff
    open_staff(qtbot, controller)
    qtbot.wait(10)
    assert controller.window.large_text
    assert controller.staff.minimumSizeHint().height() <= 600

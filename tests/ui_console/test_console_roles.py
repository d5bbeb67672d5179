"""Volunteer accounts at the real help-desk window: who is working is asked
first, each role's buttons follow kiosk/domain/roles.py (greyed with a
tooltip saying who may), the actions themselves refuse too, and an idle desk
locks again. With no accounts, nothing of this shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kiosk.desk import HelpDesk
from kiosk.domain.pins import hash_pin
from kiosk.domain.roles import Role, may
from kiosk.printing import PrintQueue
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.operators import add_operator
from kiosk.ui.console.action_bar import NEEDS
from kiosk.ui.console.window import DeskTabs, desk_window

PINS = {"Sam": "2468", "Dana": "1357", "Ola": "8642"}
ROLES = {"Sam": Role.SCANNER, "Dana": Role.DESK, "Ola": Role.SUPERVISOR}
# What the issue names, spelled out rather than read back from roles.py.
REFUSED = {
    "Sam": {"undo", "cancel", "edit", "walk_in", "reprint", "reissue", "transfer", "flag"},
    "Dana": {"undo", "cancel"},
    "Ola": set(),
}


@pytest.fixture
def staffed(store: Store) -> Store:
    store.add_attendee({"code": "ADA", "first_name": "Ada", "last_name": "Lovelace"})
    for name, pin in PINS.items():
        add_operator(store, name, ROLES[name], hash_pin(pin))
    return store


@pytest.fixture
def tabs(qtbot, staffed: Store) -> Iterator[DeskTabs]:  # type: ignore[no-untyped-def]
    desk = HelpDesk(staffed, station="desk-1", printer=PrintQueue(staffed))
    desk.station.clock = lambda: dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    window, tabs = desk_window(desk)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield tabs


def sign_in(qtbot, tabs: DeskTabs, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    panel = tabs.sign_in
    qtbot.keyClicks(panel.name, name)
    qtbot.keyClicks(panel.pin, pin)
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)


def choose_ada(tabs: DeskTabs) -> None:
    tabs.console.search.setText("lovelace")
    tabs.console.refresh()
    tabs.console.choose_by_hand(1)


def test_the_desk_asks_who_is_working_before_anything(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    assert tabs.sign_in.isVisible()
    assert not tabs.console.isEnabled()
    assert not any(button.isEnabled() for button in tabs.console.buttons.values())
    tabs.console.desk_actions.check_in()  # a shortcut reaching the action
    assert tabs.desk.store.log_entries() == []


@pytest.mark.parametrize("who", list(PINS))
def test_each_role_gets_exactly_its_buttons_and_the_rest_say_who_may(
    qtbot, tabs: DeskTabs, who: str
) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, tabs, who, PINS[who])
    assert not tabs.sign_in.isVisible() and tabs.console.isEnabled()
    choose_ada(tabs)
    for key, button in tabs.console.buttons.items():
        refused = key in REFUSED[who]
        assert button.isEnabled() is not refused, key
        assert refused is not may(ROLES[who], NEEDS[key])  # the buttons follow roles.py
        if refused:
            assert "may do this" in button.toolTip(), key
    settings_tab = tabs.isTabEnabled(tabs.indexOf(tabs.settings))
    assert settings_tab is (who == "Ola")
    assert tabs.email is not None
    assert tabs.isTabEnabled(tabs.indexOf(tabs.email)) is (who == "Ola")
    jobs = tabs.overview.job_actions
    assert jobs is not None and jobs.isEnabled() is (who != "Sam")


def test_a_scanner_checks_in_and_each_refused_action_is_refused_in_itself(
    qtbot, tabs: DeskTabs
) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, tabs, "Sam", PINS["Sam"])
    choose_ada(tabs)
    store = tabs.desk.store
    qtbot.mouseClick(tabs.console.buttons["check_in"], Qt.MouseButton.LeftButton)
    assert [(e.kind.value, e.operator) for e in store.log_entries()] == [("entry", "Sam")]
    actions = tabs.console.desk_actions
    # What the shortcuts call, with the buttons greyed: no dialog, a sentence.
    for slot in (
        actions.ask_undo,
        actions.ask_cancel,
        actions.ask_edit,
        actions.ask_transfer,
        actions.ask_walk_in,
        actions.reprint,
    ):
        slot()
        assert "may do this" in tabs.console.message.text()
        assert tabs.console.findChildren(QDialog) == []
    assert len(store.log_entries()) == 1 and tabs.desk.audit_entries() == []
    # The settings tab's save refuses too, had it been reached.
    assert tabs.settings.save() is False
    assert "supervisor" in tabs.settings.message.text()
    # Mail to every attendee is the organiser's too: the Email tab's button refuses.
    assert tabs.email is not None
    tabs.email.send()
    assert "supervisor" in tabs.email.result.text() and tabs.email.worker is None
    assert PrintQueue(store).jobs() and tabs.overview.job_actions is not None
    tabs.overview.job_actions.set_jobs([PrintQueue(store).jobs()[0].id])
    tabs.overview.job_actions.cancel()
    assert "may do this" in tabs.overview.job_actions.result.text()
    assert PrintQueue(store).jobs()[0].state == "queued"


def test_a_supervisor_undoes_and_the_log_names_them(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, tabs, "Ola", PINS["Ola"])
    choose_ada(tabs)
    tabs.console.desk_actions.check_in()
    tabs.desk.undo(1, "wrong person")
    tabs.desk.edit(1, {"first_name": "Augusta Ada"})
    store = tabs.desk.store
    assert [(e.kind.value, e.operator) for e in store.log_entries()] == [
        ("entry", "Ola"),
        ("undo", "Ola"),
    ]
    assert [(a.action, a.operator) for a in tabs.desk.audit_entries(1)] == [("edit", "Ola")]


@pytest.mark.expected_log("kiosk.staff", "sign-in refused")
def test_wrong_pins_lock_the_desk_out_with_a_countdown(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        sign_in(qtbot, tabs, "Ola", "0000")
    assert "wait" in tabs.sign_in.message.text()
    assert not tabs.sign_in.button.isEnabled()
    tabs.sign_in.pin.setText(PINS["Ola"])
    tabs.sign_in.submit()  # the right PIN, while locked out
    assert tabs.sign_in.isVisible() and tabs.desk.signed_in is None


def test_an_idle_desk_locks_and_signs_out(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    Settings(tabs.desk.store).set("kiosk.staff_timeout_seconds", 1)
    sign_in(qtbot, tabs, "Dana", PINS["Dana"])
    assert tabs.desk.signed_in is not None and tabs.idle_lock is not None
    tabs.idle_lock.restart()
    qtbot.waitUntil(tabs.sign_in.isVisible, timeout=5000)
    assert tabs.desk.signed_in is None and tabs.desk.operator == ""
    assert not tabs.console.buttons["check_in"].isEnabled()


def test_without_accounts_the_desk_opens_as_before(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    store.add_attendee({"code": "ADA", "first_name": "Ada", "last_name": "Lovelace"})
    window, tabs = desk_window(HelpDesk(store, station="desk-1", operator="front"))
    qtbot.addWidget(window)
    window.show()
    assert not tabs.sign_in.isVisible() and tabs.idle_lock is None
    choose_ada(tabs)
    # Reprint and replace print a badge: this desk has no printer.
    assert all(
        button.isEnabled()
        for key, button in tabs.console.buttons.items()
        if key not in ("reprint", "reissue")
    )
    assert tabs.isTabEnabled(tabs.indexOf(tabs.settings))


def test_a_scanner_sees_an_alert_but_only_the_desk_marks_it_handled(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, tabs, "Dana", PINS["Dana"])
    tabs.desk.flag(1, "speaker: send to green room", None)
    tabs.lock("next volunteer")
    sign_in(qtbot, tabs, "Sam", PINS["Sam"])
    choose_ada(tabs)
    tabs.console.desk_actions.check_in()
    banner = tabs.console.alerts
    banner.refresh()
    qtbot.waitUntil(lambda: bool(banner.lines), timeout=3000)
    [line] = banner.lines
    assert not line.handled.isEnabled() and "may do this" in line.handled.toolTip()
    banner.handle(line.alert)  # reached anyway: the desk refuses it
    assert len(tabs.desk.open_alerts()) == 1
    tabs.lock("next volunteer")
    sign_in(qtbot, tabs, "Dana", PINS["Dana"])
    [line] = banner.lines
    assert line.handled.isEnabled()
    qtbot.mouseClick(line.handled, Qt.MouseButton.LeftButton)
    assert tabs.desk.open_alerts() == []
    assert [(a.action, a.operator) for a in tabs.desk.audit_entries(1)][-1][1] == "Dana"

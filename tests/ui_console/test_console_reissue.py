"""Replacing a lost badge at the real help-desk window: a desk volunteer is
asked first, the attendee gets a new code and a badge with it, the old code
is kept as replaced with who did it; a scanner volunteer cannot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.desk import HelpDesk
from kiosk.domain.models import Result
from kiosk.domain.pins import hash_pin
from kiosk.domain.roles import Role
from kiosk.printing import JobKind, PrintQueue
from kiosk.store import Store
from kiosk.store.operators import add_operator
from kiosk.store.replaced import replaced_codes
from kiosk.ui.console.dialogs import ConfirmDialog
from kiosk.ui.console.window import DeskTabs, desk_window

MORNING = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)


@pytest.fixture
def tabs(qtbot, store: Store) -> Iterator[DeskTabs]:  # type: ignore[no-untyped-def]
    store.add_attendee({"code": "ADA-OLD", "first_name": "Ada", "last_name": "Lovelace"})
    add_operator(store, "Dana", Role.DESK, hash_pin("1357"))
    add_operator(store, "Sam", Role.SCANNER, hash_pin("2468"))
    desk = HelpDesk(store, station="desk-1", printer=PrintQueue(store))
    desk.station.clock = lambda: MORNING
    window, tabs = desk_window(desk)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield tabs


def sign_in_and_choose_ada(qtbot, tabs: DeskTabs, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tabs.sign_in.name, name)
    qtbot.keyClicks(tabs.sign_in.pin, pin)
    qtbot.mouseClick(tabs.sign_in.button, Qt.MouseButton.LeftButton)
    tabs.console.search.setText("lovelace")
    tabs.console.refresh()
    tabs.console.choose_by_hand(1)


def test_a_desk_volunteer_replaces_a_lost_badge_after_a_question(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    store = tabs.desk.store
    checked_in = tabs.desk.station.scan("ADA-OLD")
    assert checked_in.result is Result.CHECKED_IN
    sign_in_and_choose_ada(qtbot, tabs, "Dana", "1357")
    console = tabs.console
    button = console.buttons["reissue"]
    assert button.isEnabled() and button.text() == "Replace lost badge…"
    button.click()
    (dialog,) = [d for d in console.findChildren(ConfirmDialog) if d.isVisible()]
    assert "Ada Lovelace" in dialog.findChild(QLabel).text()
    assert store.attendee_by_code("ADA-OLD") is not None  # nothing before the answer
    dialog.confirm.click()
    ada = store.attendee(1)
    assert ada is not None and ada.code != "ADA-OLD"
    (kept,) = replaced_codes(store, 1)
    assert (kept.code, kept.station, kept.operator) == ("ADA-OLD", "desk-1", "Dana")
    assert "Badge replaced" in console.message.text()
    # Her first badge was never made: the new one is her first, not a reprint.
    assert [job.kind for job in PrintQueue(store).jobs(attendee_id=1)] == [JobKind.AUTO]
    # Her check-in stays hers; the old badge admits nobody.
    assert tabs.desk.station.scan(ada.code).result is Result.ALREADY_CHECKED_IN
    assert tabs.desk.station.scan("ADA-OLD").result is Result.REPLACED


def test_a_scanner_volunteer_cannot_replace_a_badge(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    sign_in_and_choose_ada(qtbot, tabs, "Sam", "2468")
    console = tabs.console
    assert not console.buttons["reissue"].isEnabled()
    assert "may do this" in console.buttons["reissue"].toolTip()
    console.desk_actions.ask_reissue()  # a shortcut reaching the action
    assert "may do this" in console.message.text()
    assert [d for d in console.findChildren(ConfirmDialog) if d.isVisible()] == []
    assert tabs.desk.store.attendee_by_code("ADA-OLD") is not None

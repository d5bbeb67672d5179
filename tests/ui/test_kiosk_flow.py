"""The screen flow through the real widgets: every result, the countdown, queued scans."""

from __future__ import annotations

import datetime as dt

import pytest
from kiosk_ui_helpers import NOW, Roster, all_text
from PySide6.QtCore import Qt

from kiosk.domain.models import Result, ScanResult
from kiosk.settings import Settings
from kiosk.ui.app import Kiosk
from kiosk.ui.flow import Screen


def scan(kiosk: Kiosk, code: str) -> None:
    kiosk.wedge.scanned.emit(code)


def test_checked_in_greets_by_first_name_and_says_where_to_go(kiosk: Kiosk, roster: Roster):
    scan(kiosk, roster.zoe.code)
    c = kiosk.controller
    assert c.current is Screen.RESULT
    text = all_text(c.result)
    assert "Welcome, Zoë!" in text
    assert "Opening plenary at 09:30, Main Hall" in text
    assert "Badge printing is off" in text
    # First name only: no surname, no e-mail, no code on a public screen.
    assert "Brennan" not in text and "example.org" not in text and roster.zoe.code not in text
    assert c.result.icon.kind == "check"
    assert c.history[-1] == (Screen.RESULT, "result checked_in")


def test_already_checked_in_gives_the_time_and_offers_no_badge_never_printed(
    kiosk: Kiosk, roster: Roster
):
    scan(kiosk, roster.zoe.code)
    kiosk.controller._result_finished("test")
    kiosk.controller.station.clock = lambda: NOW + dt.timedelta(minutes=20)
    scan(kiosk, roster.zoe.code)
    text = all_text(kiosk.controller.result)
    assert "You checked in at 09:00 today." in text
    # Printing is off at this kiosk: no badge was given, so no new one is offered.
    assert "badge" not in text
    assert kiosk.controller.result.icon.kind == "info"


def test_already_checked_in_with_a_badge_offers_a_new_one_at_the_help_desk(
    kiosk: Kiosk, roster: Roster
):
    Settings(kiosk.controller.store).set("kiosk.help_desk", "by the stairs")
    kiosk.controller.result.help_desk = "by the stairs"
    scan(kiosk, roster.zoe.code)
    kiosk.controller._result_finished("test")
    view = kiosk.controller.result
    assert view.scan is not None
    # As the flow shows it when the print log has a finished badge for her.
    again = ScanResult(roster.zoe.code, Result.ALREADY_CHECKED_IN, roster.zoe)
    view.show_result(again, None, "", has_badge=True)
    assert "Need a new badge? Please see the help desk (by the stairs)." in all_text(view)


@pytest.mark.parametrize(
    ("code", "headline", "result"),
    [
        ("NO-SUCH-CODE", "Code not recognised", Result.UNKNOWN_CODE),
        ("GONE-CODE-0003", "Registration cancelled", Result.CANCELLED),
    ],
)
def test_problem_results_explain_and_send_to_the_help_desk(
    kiosk: Kiosk, code: str, headline: str, result: Result
):
    scan(kiosk, code)
    view = kiosk.controller.result
    assert view.scan is not None and view.scan.result is result
    assert view.headline.text() == headline
    assert view.icon.kind == "stop"
    assert view.icon.accessibleName() == "Problem"
    assert "Please see the help desk." in all_text(view)
    assert not view.badge.isVisible()


def test_garbage_from_a_scanner_asks_for_another_scan(kiosk: Kiosk):
    scan(kiosk, "\x1b[A\x07")
    view = kiosk.controller.result
    assert view.scan is not None and view.scan.result is Result.INVALID_INPUT
    assert view.headline.text() == "Couldn't read that"
    assert "Please scan your code again." in all_text(view)


def test_not_valid_now_outside_the_event_days(kiosk: Kiosk, roster: Roster):
    kiosk.controller.station.clock = lambda: NOW + dt.timedelta(days=5)
    scan(kiosk, roster.omar.code)
    assert kiosk.controller.result.headline.text() == "Not valid at this time"
    assert "This ticket is for another day or time." in all_text(kiosk.controller.result)


def test_countdown_counts_down_and_returns_to_welcome(qtbot, kiosk: Kiosk, roster: Roster):
    Settings(kiosk.controller.store).set("kiosk.result_seconds", 2)
    scan(kiosk, roster.omar.code)
    c = kiosk.controller
    assert c.result.countdown.text() == "Back to the start in 2 s"
    with qtbot.waitSignal(c.screens.entered, timeout=5000) as blocker:
        pass
    assert blocker.args == [Screen.WELCOME, "countdown"]
    assert c.history[-2][0] is Screen.RESULT


def test_done_button_returns_to_welcome_at_once(qtbot, kiosk: Kiosk, roster: Roster):
    scan(kiosk, roster.omar.code)
    qtbot.mouseClick(kiosk.controller.result.done_button, Qt.MouseButton.LeftButton)
    assert kiosk.controller.current is Screen.WELCOME
    assert kiosk.controller.history[-1] == (Screen.WELCOME, "done pressed")


def test_scan_during_a_result_is_committed_at_once_and_shown_next(
    qtbot, kiosk: Kiosk, roster: Roster
):
    c = kiosk.controller
    Settings(c.store).set("kiosk.result_min_seconds", 1)
    scan(kiosk, roster.zoe.code)
    scan(kiosk, roster.omar.code)
    # Omar is admitted in the log before his result is on screen.
    assert {e.attendee_id for e in c.store.log_entries()} == {roster.zoe.id, roster.omar.id}
    assert c.result.headline.text() == "Welcome, Zoë!"
    assert len(c.queue) == 1
    qtbot.waitUntil(lambda: c.result.headline.text() == "Welcome, Omar!", timeout=5000)
    assert c.current is Screen.RESULT and not c.queue


def test_done_shows_a_waiting_result_before_welcome(kiosk: Kiosk, roster: Roster):
    c = kiosk.controller
    scan(kiosk, roster.zoe.code)
    scan(kiosk, "NO-SUCH-CODE")
    c.result.done_button.click()
    assert c.current is Screen.RESULT
    assert c.result.headline.text() == "Code not recognised"
    c.result.done_button.click()
    assert c.current is Screen.WELCOME


def test_many_scans_in_a_burst_are_all_shown_in_order(kiosk: Kiosk, roster: Roster):
    c = kiosk.controller
    for person in roster.many[:5]:
        scan(kiosk, person.code)
    seen = [c.result.scan.attendee.id]  # type: ignore[union-attr]
    while c.queue:
        c.result.done_button.click()
        seen.append(c.result.scan.attendee.id)  # type: ignore[union-attr]
    assert seen == [p.id for p in roster.many[:5]]


def test_every_transition_is_logged_with_its_reason(
    kiosk: Kiosk, roster: Roster, caplog: pytest.LogCaptureFixture
):
    caplog.set_level("INFO", logger="kiosk.ui")
    kiosk.controller.welcome.find_me.click()
    kiosk.controller.find_me.back_button.click()
    messages = [r.getMessage() for r in caplog.records if r.name == "kiosk.ui"]
    assert "screen welcome -> find_me (find me)" in messages
    assert "screen find_me -> welcome (find-me back)" in messages


def test_locked_window_refuses_to_close(kiosk: Kiosk):
    kiosk.window.allow_close = False
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()

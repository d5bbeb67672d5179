"""The screen manager: screens entered and left with a reason, as enums, and a
screen left stops what it runs."""

from __future__ import annotations

import enum

import pytest
from kiosk_ui_helpers import Roster
from PySide6.QtWidgets import QStackedWidget

from kiosk.printing.jobs import JobState
from kiosk.settings import Settings
from kiosk.ui.app import Kiosk
from kiosk.ui.badge_state import BadgeState, badge_state_for
from kiosk.ui.flow import Screen
from kiosk.ui.messages import badge_line
from kiosk.ui.screen_manager import ScreenManager
from kiosk.ui.views.base import ScreenView


class Place(enum.Enum):
    HALL = "hall"
    DESK = "desk"


class CountingView(ScreenView):
    """Writes down when it is entered and left."""

    def __init__(self, name: str, seen: list[str]) -> None:
        super().__init__()
        self.name, self.seen = name, seen

    def on_enter(self) -> None:
        self.seen.append(f"enter {self.name}")

    def on_leave(self) -> None:
        self.seen.append(f"leave {self.name}")


def test_entering_leaves_the_screen_before_with_the_same_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    views = {Place.HALL: CountingView("hall", seen), Place.DESK: CountingView("desk", seen)}
    manager = ScreenManager(stack, views)
    manager.entered.connect(lambda screen, reason: seen.append(f"entered {screen} {reason}"))
    manager.left.connect(lambda screen, reason: seen.append(f"left {screen} {reason}"))
    manager.enter(Place.HALL, "start")
    manager.enter(Place.DESK, "asked")
    manager.enter(Place.DESK, "again")
    assert seen == [
        # The first screen leaves nothing behind.
        "enter hall",
        "entered Place.HALL start",
        "leave hall",
        "left Place.HALL asked",
        "enter desk",
        "entered Place.DESK asked",
        # Entering the screen shown leaves it and enters it afresh.
        "leave desk",
        "left Place.DESK again",
        "enter desk",
        "entered Place.DESK again",
    ]
    assert manager.current is Place.DESK
    assert stack.currentWidget() is views[Place.DESK]
    assert manager.history == [(Place.HALL, "start"), (Place.DESK, "asked"), (Place.DESK, "again")]


def test_the_kiosk_says_which_screen_it_entered_and_left_as_enums(
    kiosk: Kiosk, roster: Roster
) -> None:
    c = kiosk.controller
    moves: list[tuple[str, object, str]] = []
    c.screens.left.connect(lambda screen, reason: moves.append(("left", screen, reason)))
    c.screens.entered.connect(lambda screen, reason: moves.append(("entered", screen, reason)))
    kiosk.wedge.scanned.emit(roster.omar.code)
    c.result.done_button.click()
    c.welcome.find_me.click()
    assert moves == [
        ("left", Screen.WELCOME, "result checked_in"),
        ("entered", Screen.RESULT, "result checked_in"),
        ("left", Screen.RESULT, "done pressed"),
        ("entered", Screen.WELCOME, "done pressed"),
        ("left", Screen.WELCOME, "find me"),
        ("entered", Screen.FIND_ME, "find me"),
    ]
    assert all(type(screen) is Screen for _, screen, _ in moves)


def test_a_result_left_early_stops_its_countdown(qtbot, kiosk: Kiosk, roster: Roster) -> None:  # type: ignore[no-untyped-def]
    c = kiosk.controller
    Settings(c.store).set("kiosk.result_seconds", 1)
    kiosk.wedge.scanned.emit(roster.omar.code)
    assert c.current is Screen.RESULT
    assert c.result.ticker.isActive() and c.result.is_fresh()
    c.staff_requested()  # staff take the kiosk before the countdown ends (no PIN set yet)
    assert c.current is Screen.SET_PIN
    assert not c.result.ticker.isActive() and not c.result.is_fresh()
    # Longer than the countdown: a timer left running would take the PIN pad away.
    with qtbot.waitSignal(c.result.finished, timeout=1500, raising=False) as finished:
        pass
    assert not finished.signal_triggered
    assert c.current is Screen.SET_PIN
    assert (Screen.WELCOME, "countdown") not in c.history


def test_a_result_left_on_its_own_goes_back_to_welcome(qtbot, kiosk: Kiosk, roster: Roster) -> None:  # type: ignore[no-untyped-def]
    c = kiosk.controller
    Settings(c.store).set("kiosk.result_seconds", 1)
    kiosk.wedge.scanned.emit(roster.omar.code)
    with qtbot.waitSignal(c.screens.entered, timeout=3000) as entered:
        pass
    assert entered.args == [Screen.WELCOME, "countdown"]
    assert not c.result.ticker.isActive()


def test_the_pin_pad_left_during_a_lockout_stops_counting_it_down(
    kiosk: Kiosk, roster: Roster
) -> None:
    c = kiosk.controller
    c.pin.show_locked(10)
    assert c.pin.lock_timer.isActive()
    c.pin.on_leave()
    assert not c.pin.lock_timer.isActive()


@pytest.mark.parametrize("job", list(JobState))
def test_every_job_state_is_a_badge_state_the_result_screen_can_say(job: JobState) -> None:
    printing = badge_state_for(job, saves_only=False)
    assert printing.value == job.value
    assert badge_line(printing)
    saving = badge_state_for(job, saves_only=True)
    assert (saving is BadgeState.AT_DESK) == (
        job in {JobState.QUEUED, JobState.SENT, JobState.DONE}
    )
    assert badge_line(saving)


def test_every_badge_state_but_none_says_something() -> None:
    for state in BadgeState:
        assert bool(badge_line(state, "by the door")) == (state is not BadgeState.NONE)

"""Minutes in the room and CPD credit (kiosk.domain.cpd): each rule line, and
properties that hold for any log."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.cpd import (
    CpdRule,
    SessionCredit,
    cpd_hours,
    credit_minutes,
    hours_text,
    minutes_attended,
    session_credit,
)
from kiosk.domain.models import EntryKind, LogEntry, Session

LONDON = ZoneInfo("Europe/London")
START = dt.datetime(2026, 3, 10, 11, 30, tzinfo=LONDON)
BREAKOUT = Session(7, "Breakout A", START, START + dt.timedelta(minutes=60), "Room 1")
RULE = CpdRule(minimum_share=0.75, rounding_minutes=15)


def at(minutes: float) -> dt.datetime:
    """A moment `minutes` after the breakout starts (negative: before)."""
    return START + dt.timedelta(minutes=minutes)


class Log:
    """One attendee's log for the breakout, written line by line."""

    def __init__(self, session: Session = BREAKOUT) -> None:
        self.session = session
        self.lines: list[LogEntry] = []

    def _add(self, kind: EntryKind, when: dt.datetime, undoes: str | None = None) -> str:
        entry_id = f"e{len(self.lines):03d}"
        self.lines.append(
            LogEntry(
                entry_id,
                1,
                kind,
                when,
                when.date(),
                "door",
                session_id=self.session.id,
                undoes=undoes,
            )
        )
        return entry_id

    def entry(self, minutes: float) -> str:
        return self._add(EntryKind.ENTRY, at(minutes))

    def exit(self, minutes: float) -> str:
        return self._add(EntryKind.EXIT, at(minutes))

    def undo(self, target: str, minutes: float = 90) -> str:
        return self._add(EntryKind.UNDO, at(minutes), undoes=target)

    @property
    def minutes(self) -> int:
        return minutes_attended(self.lines, self.session)


def test_an_entry_before_the_start_counts_from_the_start() -> None:
    log = Log()
    log.entry(-20)  # doors open 30 minutes early
    log.exit(40)
    assert log.minutes == 40


def test_an_exit_after_the_end_counts_only_until_the_end() -> None:
    log = Log()
    log.entry(15)
    log.exit(75)
    assert log.minutes == 45


def test_an_entry_with_no_exit_counts_until_the_end() -> None:
    log = Log()
    log.entry(20)
    assert log.minutes == 40


def test_an_exit_ends_the_count_and_a_re_entry_counts_again() -> None:
    log = Log()
    log.entry(0)
    log.exit(10)
    log.entry(30)
    log.exit(50)
    assert log.minutes == 30


def test_a_second_entry_while_inside_does_not_restart_the_count() -> None:
    log = Log()
    log.entry(10)
    log.entry(40)  # scanned in again without an exit between
    log.exit(50)
    assert log.minutes == 40


def test_an_exit_with_no_open_entry_is_ignored() -> None:
    log = Log()
    log.exit(5)
    log.entry(30)
    assert log.minutes == 30


def test_time_wholly_outside_the_session_counts_nothing() -> None:
    log = Log()
    log.entry(-30)
    log.exit(-5)
    log.entry(61)
    assert log.minutes == 0


def test_an_undone_exit_counts_as_if_it_was_never_scanned() -> None:
    log = Log()
    log.entry(0)
    mistaken = log.exit(15)
    assert log.minutes == 15
    log.undo(mistaken)
    assert log.minutes == 60  # still inside: counts until the end


def test_an_undone_entry_counts_nothing() -> None:
    log = Log()
    log.undo(log.entry(0))
    assert log.minutes == 0


def test_seconds_are_summed_over_stays_then_floored_once() -> None:
    log = Log()
    log.entry(0)
    log.exit(30.5)
    log.entry(40)
    log.exit(50.75)
    assert log.minutes == 41  # 30.5 + 10.75 = 41.25 minutes


def test_a_session_with_no_length_counts_and_earns_nothing() -> None:
    moment = Session(8, "Group photo", START, START, "Lawn")
    log = Log(moment)
    log.entry(-5)
    assert log.minutes == 0
    assert credit_minutes(0, moment, 0.0, 1) == 0
    assert session_credit(log.lines, moment, RULE) == SessionCredit(moment, 0, 0, False)


def test_another_sessions_lines_are_left_out() -> None:
    log = Log()
    log.entry(0)
    other = Session(9, "Breakout B", START, BREAKOUT.ends_at, "Room 2")
    assert minutes_attended(log.lines, other) == 0
    assert minutes_attended(log.lines, BREAKOUT) == 60


def test_credit_is_nothing_below_the_minimum_share() -> None:
    assert credit_minutes(44, BREAKOUT, 0.75, 15) == 0
    assert credit_minutes(45, BREAKOUT, 0.75, 15) == 45
    assert credit_minutes(30, BREAKOUT, 0.75, 15) == 0
    assert credit_minutes(30, BREAKOUT, 0.5, 15) == 30  # a lower share credits it
    below = session_credit(Log().lines, BREAKOUT, RULE)
    assert (below.minutes, below.credit, below.met_share) == (0, 0, False)


def test_credit_is_rounded_down_to_the_rounding() -> None:
    assert credit_minutes(58, BREAKOUT, 0.75, 15) == 45
    assert credit_minutes(45, BREAKOUT, 0.75, 30) == 30
    assert credit_minutes(60, BREAKOUT, 0.75, 30) == 60
    assert credit_minutes(59, BREAKOUT, 0.0, 1) == 59


def test_a_share_that_floats_cannot_write_exactly_still_credits_its_minutes() -> None:
    # 0.7 x 60 is 42.00000000000001 in floating point: 42 minutes is the share.
    assert credit_minutes(42, BREAKOUT, 0.7, 1) == 42


def test_cpd_hours_are_credited_minutes_over_sixty() -> None:
    credits = [
        SessionCredit(BREAKOUT, 60, 60, True),
        SessionCredit(BREAKOUT, 50, 45, True),
        SessionCredit(BREAKOUT, 80, 60, True),
        SessionCredit(BREAKOUT, 30, 0, False),
    ]
    assert cpd_hours(credits) == 2.75
    assert [hours_text(h) for h in (2.75, 1.5, 3.0, 0.0, 1.33)] == ["2.75", "1.5", "3", "0", "1.33"]
    assert hours_text(cpd_hours([SessionCredit(BREAKOUT, 80, 80, True)])) == "1.33"


# Any log: entries and exits from an hour before the start to an hour after
# the end, some taken back by undos, in any order of writing.
moves = st.lists(
    st.tuples(
        st.sampled_from([EntryKind.ENTRY, EntryKind.EXIT]),
        st.integers(min_value=-3600, max_value=3 * 3600),  # seconds after the start
        st.booleans(),  # undone later
    ),
    max_size=12,
)


def _log_from(draw: list[tuple[EntryKind, int, bool]]) -> list[LogEntry]:
    log = Log()
    for kind, seconds, undone in draw:
        line = log._add(kind, at(seconds / 60))
        if undone:
            log.undo(line, minutes=200)
    return log.lines


@settings(max_examples=300)
@given(draw=moves, seed=st.integers(min_value=0, max_value=2**32))
def test_any_log_gives_minutes_within_the_session_and_the_same_when_replayed(
    draw: list[tuple[EntryKind, int, bool]], seed: int
) -> None:
    lines = _log_from(draw)
    minutes = minutes_attended(lines, BREAKOUT)
    assert 0 <= minutes <= 60
    shuffled = list(lines)
    random.Random(seed).shuffle(shuffled)
    assert minutes_attended(shuffled, BREAKOUT) == minutes
    credit = session_credit(shuffled, BREAKOUT, RULE)
    assert credit.minutes == minutes
    assert 0 <= credit.credit <= minutes and credit.credit % 15 == 0

"""The check-in decision table, case by case, through the real store."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from kiosk.checkin import Station, UndoError
from kiosk.domain.models import EntryKind, Result
from kiosk.store import Store
from kiosk.store.attended import attended_ids

LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment in March 2026, venue time."""
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(at(10, 9))


@pytest.fixture
def station(store: Store, clock: Clock) -> Station:
    store.add_attendee({"code": "GOOD-1", "first_name": "Amara", "last_name": "Okonkwo"})
    store.add_attendee({"code": "GOOD-2", "first_name": "Raj", "last_name": "Patel"})
    store.add_attendee({"code": "GONE-1", "first_name": "Tom", "status": "cancelled"})
    return Station(store, name="door-1", clock=clock)


def test_first_scan_checks_in_and_logs_one_entry(station: Station, store: Store) -> None:
    result = station.scan("GOOD-1")
    assert result.result is Result.CHECKED_IN
    assert result.attendee is not None and result.attendee.first_name == "Amara"
    entries = store.log_entries()
    assert [(e.kind, e.station, e.day) for e in entries] == [
        (EntryKind.ENTRY, "door-1", dt.date(2026, 3, 10))
    ]


def test_second_scan_same_day_is_already_checked_in_with_first_time_and_station(
    station: Station, clock: Clock, store: Store
) -> None:
    first = station.scan("GOOD-1")
    clock.now = at(10, 11, 30)
    station.name = "door-2"
    again = station.scan("GOOD-1")
    assert again.result is Result.ALREADY_CHECKED_IN
    assert again.first_checked_in is not None
    assert again.first_checked_in.at == first.first_checked_in.at  # type: ignore[union-attr]
    assert again.first_checked_in.station == "door-1"
    assert len(store.log_entries()) == 1, "a repeat scan appends nothing"


@pytest.mark.parametrize(
    "raw", ["", "   ", "\n", "x" * 257, "GOOD\x00-1", "GO\u200bOD-1", "A\x1bB"]
)
def test_invalid_input(station: Station, raw: str, store: Store) -> None:
    assert station.scan(raw).result is Result.INVALID_INPUT
    assert store.log_entries() == []


def test_longest_allowed_code_is_looked_up_not_rejected(station: Station) -> None:
    assert station.scan("x" * 256).result is Result.UNKNOWN_CODE


def test_unknown_code(station: Station) -> None:
    result = station.scan("NOBODY")
    assert result.result is Result.UNKNOWN_CODE
    assert result.attendee is None


def test_codes_compare_exactly_apart_from_surrounding_whitespace(station: Station) -> None:
    assert station.scan("good-1").result is Result.UNKNOWN_CODE
    assert station.scan("GOOD -1").result is Result.UNKNOWN_CODE
    assert station.scan("\t GOOD-1 \r\n").result is Result.CHECKED_IN


def test_cancelled_is_refused(station: Station, store: Store) -> None:
    result = station.scan("GONE-1")
    assert result.result is Result.CANCELLED
    assert store.log_entries() == []


def test_cancelled_wins_over_date_window(station: Station, clock: Clock) -> None:
    clock.now = at(20, 9)
    assert station.scan("GONE-1").result is Result.CANCELLED


@pytest.mark.parametrize("moment", [at(9, 23, 59), at(12, 0, 0), at(1, 9)])
def test_outside_the_event_days_is_not_valid_now(
    station: Station, clock: Clock, moment: dt.datetime
) -> None:
    clock.now = moment
    assert station.scan("GOOD-1").result is Result.NOT_VALID_NOW


def test_day_boundary_is_the_venue_day_not_utc(clock: Clock) -> None:
    from kiosk.domain.models import Event

    store = Store.open(":memory:")
    store.save_event(
        Event(
            "LA",
            timezone="America/Los_Angeles",
            first_day=dt.date(2026, 3, 10),
            last_day=dt.date(2026, 3, 10),
        )
    )
    store.add_attendee({"code": "C", "first_name": "A"})
    station = Station(store, clock=clock)
    # 18:00 and 23:30 on 10 March in Los Angeles fall on 11 March in UTC.
    clock.now = dt.datetime(2026, 3, 11, 1, 0, tzinfo=dt.UTC)
    assert station.scan("C").result is Result.CHECKED_IN
    clock.now = dt.datetime(2026, 3, 11, 6, 30, tzinfo=dt.UTC)
    assert station.scan("C").result is Result.ALREADY_CHECKED_IN
    assert store.log_entries()[0].day == dt.date(2026, 3, 10)
    # 11 March in Los Angeles is after the event's only day.
    clock.now = dt.datetime(2026, 3, 11, 16, 0, tzinfo=dt.UTC)
    assert station.scan("C").result is Result.NOT_VALID_NOW


def test_multi_day_event_counts_each_day(station: Station, clock: Clock) -> None:
    assert station.scan("GOOD-1").result is Result.CHECKED_IN
    assert station.scan("GOOD-1").result is Result.ALREADY_CHECKED_IN
    clock.now = at(11, 8, 45)
    second_day = station.scan("GOOD-1")
    assert second_day.result is Result.CHECKED_IN
    assert second_day.first_checked_in is not None
    assert second_day.first_checked_in.day == dt.date(2026, 3, 11)
    assert station.scan("GOOD-1").result is Result.ALREADY_CHECKED_IN


def test_event_without_days_admits_any_day_once_per_day(clock: Clock) -> None:
    from kiosk.domain.models import Event

    store = Store.open(":memory:")
    store.save_event(Event("Open", timezone="Europe/London"))
    store.add_attendee({"code": "C", "first_name": "A"})
    station = Station(store, clock=clock)
    clock.now = at(1, 12)
    assert station.scan("C").result is Result.CHECKED_IN
    assert station.scan("C").result is Result.ALREADY_CHECKED_IN
    clock.now = at(28, 12)
    assert station.scan("C").result is Result.CHECKED_IN


def test_session_list_is_independent_of_event_admission(
    station: Station, store: Store, clock: Clock
) -> None:
    breakout = store.add_session("Breakout A", at(10, 11, 30), at(10, 12, 30), "Room 1")
    door = Station(store, name="room-1", session=breakout, clock=clock)
    clock.now = at(10, 11, 25)
    # Not checked in to the event, yet admitted to the session: independent lists.
    assert door.scan("GOOD-2").result is Result.CHECKED_IN
    assert door.scan("GOOD-2").result is Result.ALREADY_CHECKED_IN
    assert station.scan("GOOD-2").result is Result.CHECKED_IN
    assert attended_ids(store, session_id=breakout.id) == {2}


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(10, 10, 59), Result.NOT_VALID_NOW),  # more than 30 minutes early
        (at(10, 11, 0), Result.CHECKED_IN),  # 30 minutes early
        (at(10, 12, 30), Result.CHECKED_IN),  # the last minute
        (at(10, 12, 31), Result.NOT_VALID_NOW),  # over
        (at(11, 11, 45), Result.NOT_VALID_NOW),  # right time, wrong day
    ],
)
def test_session_window(
    station: Station, store: Store, clock: Clock, moment: dt.datetime, expected: Result
) -> None:
    breakout = store.add_session("Breakout B", at(10, 11, 30), at(10, 12, 30))
    door = Station(store, name="room-2", session=breakout, clock=clock)
    clock.now = moment
    assert door.scan("GOOD-1").result is expected


def test_session_admission_is_once_for_the_session_not_per_day(store: Store, clock: Clock) -> None:
    store.add_attendee({"code": "S", "first_name": "S"})
    lab = store.add_session("Two-day lab", at(10, 9), at(11, 17))
    door = Station(store, session=lab, clock=clock)
    assert door.scan("S").result is Result.CHECKED_IN
    clock.now = at(11, 10)
    assert door.scan("S").result is Result.ALREADY_CHECKED_IN


def test_undo_reopens_admission_and_keeps_the_log(station: Station, store: Store) -> None:
    first = station.scan("GOOD-1")
    undo = station.undo("GOOD-1", reason="scanned the wrong ticket")
    assert undo.kind is EntryKind.UNDO and undo.undoes == first.appended.id  # type: ignore[union-attr]
    assert undo.reason == "scanned the wrong ticket"
    assert station.scan("GOOD-1").result is Result.CHECKED_IN
    kinds = [e.kind for e in store.log_entries()]
    assert kinds == [EntryKind.ENTRY, EntryKind.UNDO, EntryKind.ENTRY]


def test_undo_without_a_check_in_is_refused(station: Station) -> None:
    with pytest.raises(UndoError, match="no check-in"):
        station.undo("GOOD-1")
    with pytest.raises(UndoError, match="No attendee"):
        station.undo("NOBODY")


def test_exit_and_re_entry(station: Station, store: Store) -> None:
    exit_door = Station(store, name="exit", exit_mode=True, clock=station.clock)
    assert exit_door.scan("GOOD-1").result is Result.NOT_CHECKED_IN
    first = station.scan("GOOD-1")
    assert exit_door.scan("GOOD-1").result is Result.CHECKED_OUT
    assert exit_door.scan("GOOD-1").result is Result.NOT_CHECKED_IN
    back = station.scan("GOOD-1")
    assert back.result is Result.CHECKED_IN
    # The first admission of the day is still the one reported.
    assert back.first_checked_in is not None
    assert back.first_checked_in.id == first.appended.id  # type: ignore[union-attr]
    assert [e.kind for e in store.log_entries()] == [
        EntryKind.ENTRY,
        EntryKind.EXIT,
        EntryKind.ENTRY,
    ]


def test_exit_scan_of_unknown_and_cancelled_codes(station: Station, store: Store) -> None:
    exit_door = Station(store, exit_mode=True, clock=station.clock)
    assert exit_door.scan("NOBODY").result is Result.UNKNOWN_CODE
    assert exit_door.scan("GONE-1").result is Result.CANCELLED


def test_log_refuses_update_and_delete(station: Station, store: Store) -> None:
    import sqlite3

    station.scan("GOOD-1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE checkins SET station = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM checkins")
    assert len(store.log_entries()) == 1


def test_entry_ids_are_unique(station: Station, store: Store, clock: Clock) -> None:
    for day in (10, 11):
        clock.now = at(day, 9)
        station.scan("GOOD-1")
        station.scan("GOOD-2")
    ids = [e.id for e in store.log_entries()]
    assert len(ids) == 4 and len(set(ids)) == 4

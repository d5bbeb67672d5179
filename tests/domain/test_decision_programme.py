"""The decision table for a session's door: eligibility, bookings, capacity
with exits, a supervisor's override, cancelled sessions, a door following
its room across a session boundary, and scans entered later (--at).

Through the real store (in memory), as tests/domain/test_rules.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from kiosk.checkin import OVERRIDE_AUDIT, Station, UndoError
from kiosk.domain.models import Attendee, EntryKind, Result, Session
from kiosk.domain.programme import session_in_room
from kiosk.domain.rules import SESSION_EARLY_ADMISSION, is_eligible, seats_left
from kiosk.store import Store
from kiosk.store.audit import audit_entries
from kiosk.store.programme import book, cancel_session

LONDON = ZoneInfo("Europe/London")


def at(hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    """A moment on 10 March 2026 (the test event's first day), venue time."""
    return dt.datetime(2026, 3, 10, hour, minute, second, tzinfo=LONDON)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(at(11, 40))


@pytest.fixture
def people(store: Store) -> dict[str, int]:
    """Codes to ids: three fellows, two delegates, one cancelled fellow."""
    rows = [
        ("F-1", "Fellow", "active"),
        ("F-2", "fellow", "active"),
        ("F-3", "FELLOW", "active"),
        ("D-1", "Delegate", "active"),
        ("D-2", "Delegate", "active"),
        ("X-1", "Fellow", "cancelled"),
    ]
    ids = {}
    for code, category, status in rows:
        attendee = store.add_attendee(
            {"code": code, "first_name": code, "category": category, "status": status}
        )
        ids[code] = attendee.id
    return ids


def door(store: Store, clock: Clock, session: Session, *, exit_mode: bool = False) -> Station:
    return Station(store, name="door", session=session, clock=clock, exit_mode=exit_mode)


def entries_of(store: Store, attendee_id: int, session: Session) -> list[EntryKind]:
    return [e.kind for e in store.entries_for(attendee_id, session.id)]


# -- eligibility -----------------------------------------------------------


def test_a_category_in_open_to_is_admitted_without_regard_to_case(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    graduation = store.add_session("Graduation", at(11, 30), at(12, 30), "Hall", open_to=["FeLLow"])
    station = door(store, clock, graduation)
    assert [station.scan(code).result for code in ("F-1", "F-2", "F-3")] == [Result.CHECKED_IN] * 3


def test_a_category_not_in_open_to_is_not_eligible_and_nothing_is_logged(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    graduation = store.add_session("Graduation", at(11, 30), at(12, 30), "Hall", open_to=["Fellow"])
    result = door(store, clock, graduation).scan("D-1")
    assert result.result is Result.NOT_ELIGIBLE
    assert result.session_id == graduation.id
    assert entries_of(store, people["D-1"], graduation) == []


def test_an_empty_open_to_admits_every_category_even_none(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    store.add_attendee({"code": "N-1", "first_name": "No category"})
    keynote = store.add_session("Keynote", at(11, 30), at(12, 30), "Hall")
    station = door(store, clock, keynote)
    assert [station.scan(code).result for code in ("F-1", "D-1", "N-1")] == [Result.CHECKED_IN] * 3


def test_is_eligible_pure() -> None:
    fellow = Attendee(id=1, code="F", first_name="F", category="Fellow ")
    session = Session(1, "S", at(9), at(10), open_to=("fellow ",))
    assert is_eligible(fellow, session, booked=False)
    assert not is_eligible(fellow, dataclasses.replace(session, open_to=("Delegate",)), False)
    needs_booking = dataclasses.replace(session, booking_required=True)
    assert not is_eligible(fellow, needs_booking, booked=False)
    assert is_eligible(fellow, needs_booking, booked=True)


# -- bookings --------------------------------------------------------------


def test_a_session_needing_booking_admits_the_booked_and_refuses_the_rest(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    lab = store.add_session("Simulation lab", at(11, 30), at(12, 30), "Lab", booking_required=True)
    book(store, people["D-1"], lab.id)
    station = door(store, clock, lab)
    assert station.scan("D-1").result is Result.CHECKED_IN
    assert station.scan("D-2").result is Result.NOT_ELIGIBLE
    assert entries_of(store, people["D-2"], lab) == []


def test_a_booking_does_not_open_a_session_to_another_category(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    lab = store.add_session(
        "Fellows' lab", at(11, 30), at(12, 30), "Lab", open_to=["Fellow"], booking_required=True
    )
    book(store, people["D-1"], lab.id)
    book(store, people["F-1"], lab.id)
    station = door(store, clock, lab)
    assert station.scan("D-1").result is Result.NOT_ELIGIBLE
    assert station.scan("F-1").result is Result.CHECKED_IN
    assert station.scan("F-2").result is Result.NOT_ELIGIBLE  # a fellow, not booked


# -- capacity --------------------------------------------------------------


def test_capacity_counts_people_inside_and_an_exit_frees_a_seat(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    workshop = store.add_session("Workshop", at(11, 30), at(12, 30), "Room 2", capacity=2)
    entrance = door(store, clock, workshop)
    way_out = door(store, clock, workshop, exit_mode=True)
    assert entrance.scan("F-1").result is Result.CHECKED_IN
    assert entrance.scan("F-2").result is Result.CHECKED_IN
    full = entrance.scan("F-3")
    assert full.result is Result.SESSION_FULL and full.appended is None
    assert store.inside_count(workshop.id) == 2

    assert way_out.scan("F-1").result is Result.CHECKED_OUT
    assert store.inside_count(workshop.id) == 1
    assert entrance.scan("F-3").result is Result.CHECKED_IN, "the freed seat is taken"
    assert entrance.scan("D-1").result is Result.SESSION_FULL
    # Coming back after leaving needs a seat like anyone else.
    assert entrance.scan("F-1").result is Result.SESSION_FULL


def test_someone_inside_rescanning_is_already_checked_in_not_session_full(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    workshop = store.add_session("Workshop", at(11, 30), at(12, 30), "Room 2", capacity=1)
    station = door(store, clock, workshop)
    assert station.scan("F-1").result is Result.CHECKED_IN
    assert station.scan("F-2").result is Result.SESSION_FULL
    again = station.scan("F-1")
    assert again.result is Result.ALREADY_CHECKED_IN
    assert again.first_checked_in is not None


def test_exit_scans_ignore_the_session_rules(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    workshop = store.add_session(
        "Workshop", at(11, 30), at(12, 30), "Room 2", capacity=1, open_to=["Delegate"]
    )
    station = door(store, clock, workshop)
    assert station.admit_override("F-1", "speaker").result is Result.CHECKED_IN
    way_out = door(store, clock, workshop, exit_mode=True)
    assert way_out.scan("F-1").result is Result.CHECKED_OUT, "a full room, a fellow: still out"
    assert way_out.scan("F-2").result is Result.NOT_CHECKED_IN


def test_an_undone_admission_frees_its_seat(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    workshop = store.add_session("Workshop", at(11, 30), at(12, 30), "Room 2", capacity=1)
    station = door(store, clock, workshop)
    station.scan("F-1")
    station.undo("F-1", "wrong person")
    assert station.scan("F-2").result is Result.CHECKED_IN


def test_seats_left_pure() -> None:
    room = Session(1, "S", at(9), at(10), capacity=3)
    assert [seats_left(room, inside) for inside in (0, 2, 3, 5)] == [3, 1, 0, 0]
    assert seats_left(dataclasses.replace(room, capacity=None), 500) is None


# -- a supervisor's override ----------------------------------------------


def test_override_admits_past_not_eligible_and_full_and_logs_operator_and_reason(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    graduation = store.add_session(
        "Graduation", at(11, 30), at(12, 30), "Hall", capacity=1, open_to=["Fellow"]
    )
    station = door(store, clock, graduation)
    station.operator = "Sam Supervisor"
    assert station.scan("F-1").result is Result.CHECKED_IN
    assert station.scan("F-2").result is Result.SESSION_FULL
    assert station.scan("D-1").result is Result.NOT_ELIGIBLE

    full = station.admit_override("F-2", "guest of honour")
    not_eligible = station.admit_override("D-1", "a fellow's guest")
    assert full.result is Result.CHECKED_IN and not_eligible.result is Result.CHECKED_IN
    entry = store.entries_for(people["D-1"], graduation.id)[0]
    assert (entry.override, entry.reason, entry.operator) == (
        True,
        "a fellow's guest",
        "Sam Supervisor",
    )
    assert store.inside_count(graduation.id) == 3
    plain = store.entries_for(people["F-1"], graduation.id)[0]
    assert not plain.override and plain.reason == ""

    audit = [a for a in audit_entries(store) if a.action == OVERRIDE_AUDIT]
    assert [(a.attendee_id, a.details) for a in audit] == [
        (people["F-2"], {"entry": full.appended.id, "session": graduation.id,  # type: ignore[union-attr]
                         "reason": "guest of honour"}),
        (people["D-1"], {"entry": entry.id, "session": graduation.id,
                         "reason": "a fellow's guest"}),
    ]  # fmt: skip
    assert all(a.operator == "Sam Supervisor" for a in audit)


@pytest.mark.parametrize(
    ("code", "when", "expected"),
    [
        ("NOPE-9", at(11, 40), Result.UNKNOWN_CODE),
        ("X-1", at(11, 40), Result.CANCELLED),
        ("D-1", at(10, 59), Result.NOT_VALID_NOW),  # before the doors open
        ("D-1", at(12, 31), Result.NOT_VALID_NOW),  # after the end
        ("", at(11, 40), Result.INVALID_INPUT),
    ],
)
def test_override_does_not_pass_the_other_rules(
    store: Store,
    people: dict[str, int],
    clock: Clock,
    code: str,
    when: dt.datetime,
    expected: Result,
) -> None:
    full = store.add_session("Full room", at(11, 30), at(12, 30), "Hall", capacity=0)
    clock.now = when
    result = door(store, clock, full).admit_override(code, "supervisor said so")
    assert result.result is expected
    assert result.appended is None
    assert audit_entries(store) == []


def test_override_for_someone_inside_is_already_checked_in(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    hall = store.add_session("Hall", at(11, 30), at(12, 30), "Hall", capacity=1)
    station = door(store, clock, hall)
    station.scan("F-1")
    assert station.admit_override("F-1", "again").result is Result.ALREADY_CHECKED_IN
    assert len(store.entries_for(people["F-1"], hall.id)) == 1


def test_override_does_not_open_a_cancelled_session(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    panel = store.add_session("Panel", at(11, 30), at(12, 30), "Hall")
    cancel_session(store, panel.id)
    assert door(store, clock, panel).admit_override("F-1", "x").result is Result.NOT_VALID_NOW


# -- a cancelled session ---------------------------------------------------


def test_a_cancelled_session_is_never_open(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    panel = store.add_session("Panel", at(11, 30), at(12, 30), "Hall")
    station = door(store, clock, panel)
    cancel_session(store, panel.id)  # after the station started: read at each scan
    result = station.scan("F-1")
    assert result.result is Result.NOT_VALID_NOW and result.appended is None
    cancel_session(store, panel.id, cancelled=False)
    assert station.scan("F-1").result is Result.CHECKED_IN


# -- a door following its room --------------------------------------------


@pytest.fixture
def room_1(store: Store) -> tuple[Session, Session]:
    """Breakout A 11:30-12:30 and Breakout C 12:45-13:45 in Room 1, and a
    session in another room that the door must never pick."""
    a = store.add_session("Breakout A", at(11, 30), at(12, 30), "Room 1")
    c = store.add_session("Breakout C", at(12, 45), at(13, 45), "Room 1")
    store.add_session("Breakout B", at(11, 30), at(12, 30), "Room 2")
    return a, c


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(10, 59, 59), None),  # A's doors open at 11:00
        (at(11, 0), "Breakout A"),
        (at(12, 14), "Breakout A"),
        (at(12, 15), "Breakout A"),  # C's doors open, A still running: A
        (at(12, 30), "Breakout A"),  # A's last moment
        (at(12, 30, 1), "Breakout C"),
        (at(13, 45), "Breakout C"),
        (at(13, 45, 1), None),
    ],
)
def test_a_door_follows_its_room_across_the_boundary(
    store: Store,
    people: dict[str, int],
    room_1: tuple[Session, Session],
    clock: Clock,
    moment: dt.datetime,
    expected: str | None,
) -> None:
    clock.now = moment
    station = Station(store, name="room-1-door", room="room 1", clock=clock)
    current = station.current_session()
    assert (current.title if current else None) == expected
    pure = session_in_room(room_1, moment, SESSION_EARLY_ADMISSION)
    assert (pure.title if pure else None) == expected

    result = station.scan("F-1")
    if expected is None:
        assert result.result is Result.NOT_VALID_NOW
        assert result.appended is None, "no session open: not admitted to the event's day either"
        assert store.log_entries() == []
    else:
        assert result.result is Result.CHECKED_IN
        assert current is not None and result.session_id == current.id


def test_one_door_admits_to_a_then_c_as_the_clock_moves(
    store: Store, people: dict[str, int], room_1: tuple[Session, Session], clock: Clock
) -> None:
    a, c = room_1
    station = Station(store, name="room-1-door", room="Room 1", clock=clock)
    clock.now = at(12, 20)
    assert station.scan("F-1").session_id == a.id
    clock.now = at(12, 30, 1)
    # F-1 never scanned out of A: C is a list of its own.
    assert station.scan("F-1").result is Result.CHECKED_IN
    assert entries_of(store, people["F-1"], a) == [EntryKind.ENTRY]
    assert entries_of(store, people["F-1"], c) == [EntryKind.ENTRY]


def test_a_cancelled_session_hands_its_room_to_nobody(
    store: Store, people: dict[str, int], room_1: tuple[Session, Session], clock: Clock
) -> None:
    a, c = room_1
    cancel_session(store, a.id)
    clock.now = at(12, 0)
    station = Station(store, name="room-1-door", room="Room 1", clock=clock)
    assert station.scan("F-1").result is Result.NOT_VALID_NOW
    clock.now = at(12, 20)  # C's doors are open by now
    assert station.scan("F-1").session_id == c.id


def test_undo_at_a_door_takes_back_the_rooms_current_session(
    store: Store, people: dict[str, int], room_1: tuple[Session, Session], clock: Clock
) -> None:
    a, _ = room_1
    clock.now = at(12, 0)
    station = Station(store, name="room-1-door", room="Room 1", clock=clock)
    station.scan("F-1")
    undo = station.undo("F-1")
    assert undo.session_id == a.id
    clock.now = at(14, 0)
    with pytest.raises(UndoError, match="No session is open"):
        station.undo("F-1")


# -- entered later (kiosk scan --at) ---------------------------------------


def test_a_scan_entered_later_is_logged_at_the_lists_moment_and_flagged(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    keynote = store.add_session("Keynote", at(11, 30), at(12, 30), "Hall")
    clock.now = at(11, 45)
    later = Station(store, name="paper", session=keynote, clock=clock, entered_later=True)
    result = later.scan("F-1")
    assert result.result is Result.CHECKED_IN
    entry = store.entries_for(people["F-1"], keynote.id)[0]
    assert entry.entered_later and entry.at == at(11, 45)
    live = Station(store, name="door", session=keynote, clock=Clock(at(11, 50)))
    live.scan("F-2")
    assert not store.entries_for(people["F-2"], keynote.id)[0].entered_later


def test_a_scan_entered_later_is_held_to_the_window_of_its_moment(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    keynote = store.add_session("Keynote", at(11, 30), at(12, 30), "Hall")
    clock.now = at(12, 45)
    later = Station(store, name="paper", session=keynote, clock=clock, entered_later=True)
    assert later.scan("F-1").result is Result.NOT_VALID_NOW


def test_a_scan_entered_later_counts_the_room_as_it_was_then(
    store: Store, people: dict[str, int]
) -> None:
    """One seat. F-1 was in from 11:35 to 11:50; F-3 is in now (12:10).
    A paper list says D-1 at 11:40 (the seat was taken: full) and D-2 at
    11:55 (free then, though the room is full now: admitted)."""
    workshop = store.add_session("Workshop", at(11, 30), at(12, 30), "Room 2", capacity=1)
    door(store, Clock(at(11, 35)), workshop).scan("F-1")
    door(store, Clock(at(11, 50)), workshop, exit_mode=True).scan("F-1")
    door(store, Clock(at(12, 10)), workshop).scan("F-3")
    assert store.inside_count(workshop.id) == 1

    assert [
        store.inside_count(workshop.id, at(h, m)) for h, m in [(11, 34), (11, 35), (11, 40)]
    ] == [0, 1, 1]
    assert store.inside_count(workshop.id, at(11, 50)) == 0

    paper = Clock(at(11, 40))
    later = Station(store, name="paper", session=workshop, clock=paper, entered_later=True)
    assert later.scan("D-1").result is Result.SESSION_FULL
    paper.now = at(11, 55)
    assert later.scan("D-2").result is Result.CHECKED_IN
    # The same scan made live now finds the room full.
    assert door(store, Clock(at(12, 11)), workshop).scan("D-1").result is Result.SESSION_FULL


def test_inside_count_at_a_moment_leaves_out_undone_entries(
    store: Store, people: dict[str, int], clock: Clock
) -> None:
    hall = store.add_session("Hall", at(11, 30), at(12, 30), "Hall")
    station = door(store, clock, hall)
    station.scan("F-1")
    station.scan("F-2")
    station.undo("F-2")
    assert store.inside_count(hall.id, at(11, 41)) == 1
    assert store.inside_count(hall.id, at(11, 39)) == 0

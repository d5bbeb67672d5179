"""Lost badges in the decision table: a replaced code answers `replaced` in
every mode and admits nobody; the attendee's new code and check-ins are theirs."""

from __future__ import annotations

import datetime as dt
import sqlite3
from zoneinfo import ZoneInfo

import pytest
from test_rules import Clock

from kiosk.checkin import Station
from kiosk.domain.models import Result
from kiosk.domain.rules import decide_badge
from kiosk.lost_badges import ReissueError, reissue
from kiosk.store import Store
from kiosk.store.attended import attended_ids
from kiosk.store.audit import audit_entries
from kiosk.store.replaced import replaced_codes

LONDON = ZoneInfo("Europe/London")
MORNING = dt.datetime(2026, 3, 10, 9, tzinfo=LONDON)


@pytest.fixture
def clock() -> Clock:
    return Clock(MORNING)


@pytest.fixture
def station(store: Store, clock: Clock) -> Station:
    store.add_attendee({"code": "LOST-1", "first_name": "Amara", "last_name": "Okonkwo"})
    store.add_attendee({"code": "GONE-1", "first_name": "Tom", "status": "cancelled"})
    return Station(store, name="door-1", clock=clock)


def _reissue(store: Store, code: str, clock: Clock) -> str:
    attendee = store.attendee_by_code(code)
    assert attendee is not None
    done = reissue(store, attendee.id, station="desk", operator="Sam", at=clock(), printer=None)
    return done.attendee.code


def test_a_replaced_code_answers_replaced_and_admits_nobody(
    station: Station, store: Store, clock: Clock
) -> None:
    new = _reissue(store, "LOST-1", clock)
    result = station.scan("LOST-1")
    assert result.result is Result.REPLACED
    assert result.attendee is not None and result.attendee.code == new
    assert store.log_entries() == []
    assert station.scan(new).result is Result.CHECKED_IN


def test_a_replaced_code_never_admits_again_in_any_mode_or_day(
    station: Station, store: Store, clock: Clock
) -> None:
    _reissue(store, "LOST-1", clock)
    lab = store.add_session("Lab", MORNING, MORNING + dt.timedelta(hours=2))
    stations = [
        station,
        Station(store, name="exit", exit_mode=True, clock=clock),
        Station(store, name="lab", session=lab, clock=clock),
    ]
    for day in (10, 11):
        clock.now = MORNING.replace(day=day)
        for door in stations:
            assert door.scan(" LOST-1 ").result is Result.REPLACED
    assert decide_badge("LOST-1", store).result is Result.REPLACED
    assert store.log_entries() == []


def test_check_ins_before_the_reissue_stay_the_attendees(
    station: Station, store: Store, clock: Clock
) -> None:
    first = station.scan("LOST-1")
    new = _reissue(store, "LOST-1", clock)
    again = station.scan(new)
    assert again.result is Result.ALREADY_CHECKED_IN
    assert again.first_checked_in is not None and first.appended is not None
    assert again.first_checked_in.id == first.appended.id
    assert first.attendee is not None
    assert attended_ids(store) == {first.attendee.id}


def test_the_replaced_code_is_kept_with_when_and_by_whom(
    station: Station, store: Store, clock: Clock
) -> None:
    attendee = store.attendee_by_code("LOST-1")
    assert attendee is not None
    second = _reissue(store, "LOST-1", clock)
    clock.now = MORNING + dt.timedelta(hours=1)
    third = _reissue(store, second, clock)
    kept = replaced_codes(store, attendee.id)
    assert [(r.code, r.station, r.operator) for r in kept] == [
        ("LOST-1", "desk", "Sam"),
        (second, "desk", "Sam"),
    ]
    assert [r.replaced_at for r in kept] == [MORNING, MORNING + dt.timedelta(hours=1)]
    assert station.scan(second).result is Result.REPLACED
    assert station.scan(third).result is Result.CHECKED_IN
    actions = [(a.action, a.operator, a.details) for a in audit_entries(store, attendee.id)]
    assert actions == [("reissue", "Sam", {}), ("reissue", "Sam", {})]


def test_a_replaced_code_is_refused_even_if_an_import_brings_it_back(
    station: Station, store: Store, clock: Clock
) -> None:
    _reissue(store, "LOST-1", clock)
    store.add_attendee({"code": "LOST-1", "first_name": "Amara", "last_name": "Okonkwo"})
    assert station.scan("LOST-1").result is Result.REPLACED


def test_a_cancelled_registration_gets_no_new_badge(station: Station, store: Store) -> None:
    gone = store.attendee_by_code("GONE-1")
    assert gone is not None
    with pytest.raises(ReissueError, match="cancelled"):
        reissue(store, gone.id, station="desk", operator="", at=MORNING, printer=None)
    assert store.attendee_by_code("GONE-1") is not None
    assert replaced_codes(store, gone.id) == []


def test_a_code_can_be_replaced_only_once(station: Station, store: Store) -> None:
    attendee = store.attendee_by_code("LOST-1")
    assert attendee is not None
    store.conn.execute(
        "INSERT INTO replaced_codes (code, attendee_id, replaced_at, station) "
        "VALUES ('OLD', ?, '2026-03-10T09:00:00.000000+00:00', 'x')",
        (attendee.id,),
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO replaced_codes (code, attendee_id, replaced_at, station) "
            "VALUES ('OLD', ?, '2026-03-10T09:00:00.000000+00:00', 'y')",
            (attendee.id,),
        )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("LOST-1", Result.BADGE_PRINTED),
        ("GONE-1", Result.CANCELLED),
        ("NOBODY", Result.UNKNOWN_CODE),
        ("\x00", Result.INVALID_INPUT),
    ],
)
def test_the_print_only_decision(
    station: Station, store: Store, raw: str, expected: Result
) -> None:
    assert decide_badge(raw, store).result is expected
    assert store.log_entries() == []

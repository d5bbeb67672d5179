"""The views of migration 10 and the Python rule say the same of any log.

The rule (kiosk.domain.rules) decides each scan from one attendee's log; the
views (live_log, admissions, attendance, attended) answer for the whole log,
for the desk, the counts and the reports. Random logs of entries, exits and
undos, with ties in time and entries written out of time order (a station
that was offline), must give the same first admission, the same "inside",
the same decision, the same desk list and the same attended set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.models import AttendeeStatus, EntryKind, Event, LogEntry, Result
from kiosk.domain.rules import ScanRequest, decide, first_admission, in_scope, is_inside
from kiosk.store import Store
from kiosk.store.attended import attended_ids, scope_states
from kiosk.store.attendee_list import console_rows

DAY = dt.date(2026, 3, 10)
DAYS = 3
PEOPLE = 4  # the last one's registration is cancelled
START = dt.datetime(2026, 3, 10, 8, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Step:
    person: int
    scope: int  # 0 the event, 1 or 2 a session
    day: int
    minute: int  # few minutes: many ties in time
    kind: EntryKind
    pick: int  # which earlier row of the scope an undo takes back


steps = st.lists(
    st.builds(
        Step,
        person=st.integers(0, PEOPLE - 1),
        scope=st.integers(0, 2),
        day=st.integers(0, DAYS - 1),
        minute=st.integers(0, 4),
        kind=st.sampled_from([EntryKind.ENTRY, EntryKind.ENTRY, EntryKind.EXIT, EntryKind.UNDO]),
        pick=st.integers(0, 50),
    ),
    max_size=40,
)


def make_store() -> tuple[Store, list[int], list[int | None]]:
    store = Store.open(":memory:")
    store.save_event(Event("Views", timezone="UTC"))
    people = [
        store.add_attendee({"code": f"C{n}", "first_name": f"P{n}"}).id for n in range(PEOPLE)
    ]
    store.update_attendee(people[-1], {"status": AttendeeStatus.CANCELLED.value})
    sessions: list[int | None] = [None]
    for n in (1, 2):
        session = store.add_session(f"S{n}", START, START + dt.timedelta(hours=2))
        sessions.append(session.id)
    return store, people, sessions


def write_log(
    store: Store, people: list[int], sessions: list[int | None], plan: list[Step]
) -> list[LogEntry]:
    """The steps as log rows, appended in order; an undo is written the way the
    station writes one: in the scope (attendee, session, day) of what it undoes."""
    log: list[LogEntry] = []
    for n, step in enumerate(plan):
        attendee, session = people[step.person], sessions[step.scope]
        day = DAY + dt.timedelta(days=step.day)
        at = START + dt.timedelta(days=step.day, minutes=step.minute)
        undoes = None
        if step.kind is EntryKind.UNDO:
            # Any earlier row of the scope, an undo too (undoing an undo changes nothing).
            same = [
                e
                for e in log
                if e.attendee_id == attendee
                and e.session_id == session
                and (session is not None or e.day == day)
            ]
            if not same:
                continue
            undoes = same[step.pick % len(same)].id
            day = same[step.pick % len(same)].day
        entry = LogEntry(
            f"row-{n}",
            attendee,
            step.kind,
            at,
            day,
            f"station-{n % 3}",
            session_id=session,
            undoes=undoes,
        )
        store.append_entry(entry)
        log.append(entry)
    return log


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps)
def test_views_and_rule_agree_on_any_log(plan: list[Step]) -> None:
    store, people, sessions = make_store()
    log = write_log(store, people, sessions, plan)
    views = {(s.first.attendee_id, s.first.session_id, s.scope_day): s for s in scope_states(store)}

    expected_attended: set[int] = set()
    for person, attendee in enumerate(people):
        for session in sessions:
            mine = [e for e in log if e.attendee_id == attendee and e.session_id == session]
            scope_days: list[dt.date | None] = (
                [DAY + dt.timedelta(days=d) for d in range(DAYS)] if session is None else [None]
            )
            for day in scope_days:
                scope = in_scope(mine, day)
                first = first_admission(scope)
                state = views.pop((attendee, session, day), None)
                assert (state is None) == (first is None), (attendee, session, day)
                if first is None or state is None:
                    continue
                assert state.entry_id == first.id
                assert (state.first.at, state.first.station) == (first.at, first.station)
                assert state.first.day == first.day
                assert state.inside == is_inside(scope)
                if person < PEOPLE - 1:
                    expected_attended.add(attendee)
    assert views == {}, "the view has scopes the rule does not"
    assert attended_ids(store) == expected_attended


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps)
def test_the_kiosk_decision_and_the_desk_list_read_the_same_scopes(plan: list[Step]) -> None:
    """A scan is already_checked_in exactly while the view says inside; the
    desk's list says checked in (at the first admission) whatever the exits."""
    store, people, sessions = make_store()
    write_log(store, people, sessions, plan)
    event = store.event()
    for offset in range(DAYS):
        day = DAY + dt.timedelta(days=offset)
        states = {
            s.first.attendee_id: s
            for s in scope_states(store)
            if s.first.session_id is None and s.scope_day == day
        }
        desk = {row.attendee.id: row.checked_in_at for row in console_rows(store, day=day)}
        for person, attendee in enumerate(people[:-1]):  # the cancelled one is refused first
            now = START + dt.timedelta(days=offset, hours=6)
            result = decide(ScanRequest(f"C{person}", "door", now), event, store)
            state = states.get(attendee)
            inside = state is not None and state.inside
            assert (result.result is Result.ALREADY_CHECKED_IN) == inside
            assert result.result in (Result.CHECKED_IN, Result.ALREADY_CHECKED_IN)
            assert desk[attendee] == (state.first.at if state else None)
    for session in sessions[1:]:
        states = {
            s.first.attendee_id: s for s in scope_states(store) if s.first.session_id == session
        }
        desk = {
            row.attendee.id: row.checked_in_at for row in console_rows(store, session_id=session)
        }
        assert {a for a, at in desk.items() if at is not None} == set(states)


def test_an_exit_leaves_the_desk_saying_checked_in_and_the_rule_letting_them_back_in() -> None:
    """The deliberate difference, spelled out: after entry and exit the desk
    still shows the first check-in, the attendee is not inside, and a scan
    admits them again without a second first admission."""
    store, people, sessions = make_store()
    plan = [Step(0, 0, 0, 0, EntryKind.ENTRY, 0), Step(0, 0, 0, 1, EntryKind.EXIT, 0)]
    log = write_log(store, people, sessions, plan)
    [state] = scope_states(store)
    assert state.first.at == log[0].at and not state.inside
    [row] = [r for r in console_rows(store, day=DAY) if r.attendee.id == people[0]]
    assert row.checked_in_at == log[0].at
    again = decide(ScanRequest("C0", "door", START + dt.timedelta(minutes=5)), store.event(), store)
    assert again.result is Result.CHECKED_IN
    assert again.first_checked_in == log[0]
    assert attended_ids(store) == {people[0]}

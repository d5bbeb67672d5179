"""`Store.inside_count`, the capacity check's count, says what the views and
the rule say of any log.

Now, it reads session_presence (kept by a trigger on the log) instead of the
`attended` view, which is slower (kiosk bench --only programme), and must
equal the view's count of people inside; at a moment (a scan entered later),
the rule's answer from the movements up to that moment. Random logs
as in test_checkin_views: exits, undos (of anything, undos too), ties in
time, rows written out of time order, a cancelled registration.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from test_checkin_views import DAYS, START, Step, make_store, steps, write_log

from kiosk.domain.models import AttendeeStatus, EntryKind, Event, LogEntry
from kiosk.domain.rules import is_inside, live_entries
from kiosk.store import Store, database, migrations
from kiosk.store.attended import scope_states
from kiosk.store.migrations import MIGRATIONS

# Moments around the log's: before it, on ties, between rows, after it.
MOMENTS = [
    START + dt.timedelta(days=day, minutes=minute)
    for day in range(DAYS)
    for minute in (-1, 0, 1, 2, 4, 5)
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps)
def test_inside_count_equals_the_views_now_and_the_rule_at_any_moment(plan: list[Step]) -> None:
    store, people, sessions = make_store()
    log = write_log(store, people, sessions, plan)
    active = {
        a
        for a in people
        if (attendee := store.attendee(a)) is not None and attendee.status is AttendeeStatus.ACTIVE
    }
    states = scope_states(store)
    for session in sessions[1:]:
        assert session is not None
        in_view = sum(
            1
            for s in states
            if s.first.session_id == session and s.inside and s.first.attendee_id in active
        )
        assert store.inside_count(session) == in_view
        for moment in MOMENTS:
            by_rule = 0
            for attendee in active:
                mine = [e for e in log if e.attendee_id == attendee and e.session_id == session]
                # Undos apply whenever they were written; movements up to the moment.
                up_to = [e for e in live_entries(mine) if e.at <= moment]
                by_rule += is_inside(up_to)
            assert store.inside_count(session, moment) == by_rule, moment


def test_a_file_made_before_the_presence_table_is_counted_the_same_after_upgrading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The migration fills session_presence from the log already there."""
    number = next(v for v, step in MIGRATIONS.items() if step is migrations._session_presence)
    older = {version: step for version, step in MIGRATIONS.items() if version < number}
    monkeypatch.setattr(database, "MIGRATIONS", older)
    monkeypatch.setattr(database, "SCHEMA_VERSION", number - 1)
    path = tmp_path / "older.db"
    store = Store.open(path, create=True)
    store.save_event(Event("Older", timezone="UTC"))
    ids = [store.add_attendee({"code": f"C{n}", "first_name": f"P{n}"}).id for n in range(5)]
    session = store.add_session("S", START, START + dt.timedelta(hours=2), "Room")
    moves = [
        (0, EntryKind.ENTRY),
        (1, EntryKind.ENTRY),
        (1, EntryKind.EXIT),
        (2, EntryKind.ENTRY),
        (2, EntryKind.EXIT),
        (2, EntryKind.ENTRY),
        (3, EntryKind.ENTRY),
        (4, EntryKind.ENTRY),
    ]
    with store.transaction():
        for n, (person, kind) in enumerate(moves):
            at = START + dt.timedelta(minutes=n)
            store.append_entry(
                LogEntry(f"m{n}", ids[person], kind, at, at.date(), "door", session_id=session.id)
            )
        at = START + dt.timedelta(minutes=30)
        store.append_entry(
            LogEntry(
                "u",
                ids[4],
                EntryKind.UNDO,
                at,
                at.date(),
                "door",
                session_id=session.id,
                undoes="m7",
            )
        )
    store.update_attendee(ids[3], {"status": AttendeeStatus.CANCELLED.value})
    store.close()
    monkeypatch.undo()

    store = Store.open(path)
    try:
        assert store.inside_count(session.id) == 2  # P0 and P2
        states = [s for s in scope_states(store) if s.first.session_id == session.id]
        assert {s.first.attendee_id for s in states if s.inside} == {ids[0], ids[2], ids[3]}
    finally:
        store.close()

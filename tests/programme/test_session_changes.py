"""One session by hand: venue time to UTC and back, the same rules as the
agenda, and an audit line by session id for each change."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain.models import Event
from kiosk.programme.agenda import SessionDraft, draft_of, save_draft, session_problems
from kiosk.programme.changes import ProgrammeError, add_session, edit_session, set_cancelled
from kiosk.programme.drafts import with_changes
from kiosk.store import Store
from kiosk.store.audit import audit_entries

SUMMER = dt.date(2026, 7, 1)
TALK = SessionDraft("Talk", SUMMER, dt.time(9, 30), dt.time(10, 15), room="Hall", key="t1")


@pytest.fixture
def sydney() -> Store:
    store = Store.open(":memory:")
    store.save_event(Event("Winter school", "Venue", "Australia/Sydney", SUMMER, SUMMER))
    return store


def test_venue_time_is_stored_as_utc_and_read_back(sydney: Store) -> None:
    with sydney.transaction():
        session = save_draft(sydney, TALK)
    # Sydney is ten hours ahead of UTC in July.
    assert session.starts_at == dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)
    assert session.ends_at == dt.datetime(2026, 7, 1, 0, 15, tzinfo=dt.UTC)
    assert draft_of(session, sydney.event()) == TALK


def test_a_key_already_taken_is_refused(sydney: Store) -> None:
    first = add_session(sydney, TALK, operator="Avery", station="desk-1")
    with pytest.raises(ProgrammeError) as refused:
        add_session(sydney, TALK, operator="Avery", station="desk-1")
    assert refused.value.problems == [f"the key 't1' is already session {first.id}'s"]
    # Its own key is no clash when the session itself is edited.
    edit_session(sydney, first.id, TALK, operator="Avery", station="desk-1")
    assert len(sydney.sessions()) == 1


def test_each_change_is_audited_once_by_session_id(sydney: Store) -> None:
    session = add_session(sydney, TALK, operator="Avery", station="desk-1")
    moved = with_changes(TALK, {"room": "Room 2", "capacity": "30", "title": None})
    edit_session(sydney, session.id, moved, operator="Avery", station="desk-1")
    edit_session(sydney, session.id, moved, operator="Avery", station="desk-1")  # no change
    set_cancelled(sydney, session.id, True, operator="Avery", station="desk-1")
    set_cancelled(sydney, session.id, True, operator="Avery", station="desk-1")  # already
    entries = audit_entries(sydney)
    assert [e.action for e in entries] == ["session_added", "session_edited", "session_cancelled"]
    assert entries[1].details == {
        "session_id": session.id,
        "changes": {"room": "Room 2", "capacity": "30"},
    }
    assert all(e.attendee_id is None and e.station == "desk-1" for e in entries)
    cancelled = sydney.session(session.id)
    assert cancelled is not None and cancelled.cancelled and cancelled.room == "Room 2"


def test_a_refused_edit_changes_nothing(sydney: Store) -> None:
    session = add_session(sydney, TALK, operator="Avery", station="desk-1")
    backwards = with_changes(TALK, {"end": "09:00"})
    with pytest.raises(ProgrammeError, match=r"ends before it starts \(09:30 to 09:00\)"):
        edit_session(sydney, session.id, backwards, operator="Avery", station="desk-1")
    assert sydney.session(session.id) == session
    assert [e.action for e in audit_entries(sydney)] == ["session_added"]


def test_session_problems_lists_every_problem(sydney: Store) -> None:
    bad = SessionDraft(" ", dt.date(2026, 7, 2), dt.time(11), dt.time(10), capacity=0,
                       open_to=("Guests",))  # fmt: skip
    assert session_problems(bad, sydney.event(), {"Delegate", "Speaker"}) == [
        "the title is missing",
        "the session ends before it starts (11:00 to 10:00)",
        "the capacity 0 is not a positive whole number",
        "unknown category 'Guests' in open_to (the roster has: Delegate, Speaker)",
        "day 2026-07-02 is outside the event (2026-07-01 to 2026-07-01)",
    ]
    assert session_problems(TALK, sydney.event(), set()) == []

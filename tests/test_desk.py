"""Help-desk actions and the log entry each one leaves."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.desk import DeskError, HelpDesk
from kiosk.domain.models import AttendeeStatus, EntryKind, Result
from kiosk.printing import PrintQueue
from kiosk.store import Store
from kiosk.store.attended import attended_ids


@pytest.fixture
def desk(store: Store) -> HelpDesk:
    store.add_attendee(
        {"code": "T1", "first_name": "Amara", "last_name": "Okonkwo", "category": "Delegate"}
    )
    desk = HelpDesk(store, station="desk-1", operator="volunteer-3", printer=PrintQueue(store))
    desk.station.clock = lambda: dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    return desk


def test_check_in_by_hand_queues_one_badge(desk: HelpDesk, store: Store) -> None:
    assert desk.check_in(1).result is Result.CHECKED_IN
    assert desk.check_in(1).result is Result.ALREADY_CHECKED_IN
    entry = store.log_entries()[0]
    assert (entry.station, entry.operator) == ("desk-1", "volunteer-3")
    assert len(PrintQueue(store).jobs()) == 1


def test_undo_needs_a_reason(desk: HelpDesk, store: Store) -> None:
    desk.check_in(1)
    with pytest.raises(DeskError, match="reason"):
        desk.undo(1, "  ")
    undo = desk.undo(1, "checked in the wrong Amara")
    assert undo.kind is EntryKind.UNDO and undo.operator == "volunteer-3"
    assert attended_ids(store) == set()


def test_reprint_is_counted_and_logged(desk: HelpDesk) -> None:
    desk.check_in(1)
    job = desk.reprint(1)
    entry = desk.audit_entries(1)[-1]
    # The first badge is queued, not yet printed: none printed before.
    assert entry.action == "reprint" and entry.details == {"printed_before": 0, "job": job}
    jobs = PrintQueue(desk.store).jobs()
    assert [j.kind for j in jobs] == ["auto", "reprint"]


def test_edit_logs_before_and_after(desk: HelpDesk, store: Store) -> None:
    edited = desk.edit(1, {"first_name": "Amarachi", "category": "Speaker"})
    assert (edited.first_name, edited.category) == ("Amarachi", "Speaker")
    entry = desk.audit_entries(1)[-1]
    assert entry.action == "edit" and entry.operator == "volunteer-3"
    assert entry.details == {
        "before": {"first_name": "Amara", "category": "Delegate"},
        "after": {"first_name": "Amarachi", "category": "Speaker"},
    }
    assert store.search("amarachi")[0].id == 1
    with pytest.raises(DeskError):
        desk.edit(1, {"code": "HACK"})
    with pytest.raises(DeskError):
        desk.edit(1, {"first_name": " "})


def test_walk_in_is_created_checked_in_and_queued(desk: HelpDesk, store: Store) -> None:
    walk_in = desk.walk_in({"first_name": "Ngozi", "last_name": "Adébáyọ̀", "category": "Delegate"})
    assert walk_in.result.result is Result.CHECKED_IN
    assert walk_in.print_job is not None
    assert len(walk_in.attendee.code) == 28 and walk_in.attendee.code != "T1"
    assert store.attendee_by_code(walk_in.attendee.code) is not None
    assert desk.audit_entries(walk_in.attendee.id)[0].action == "walk_in"
    with pytest.raises(DeskError, match="first name"):
        desk.walk_in({"last_name": "Nobody"})


def test_cancel_and_transfer(desk: HelpDesk, store: Store) -> None:
    moved = desk.transfer(1, {"first_name": "Tomás", "last_name": "Ó Briain"}, "sent instead")
    assert moved.code == "T1" and moved.first_name == "Tomás"
    details = desk.audit_entries(1)[-1].details
    assert details["from"]["first_name"] == "Amara" and details["to"]["first_name"] == "Tomás"
    cancelled = desk.cancel(1, "no longer coming")
    assert cancelled.status is AttendeeStatus.CANCELLED
    assert desk.check_in(1).result is Result.CANCELLED
    with pytest.raises(DeskError, match="already cancelled"):
        desk.cancel(1, "again")
    with pytest.raises(DeskError):
        desk.transfer(1, {"first_name": "X"})
    assert [e.action for e in desk.audit_entries(1)] == ["transfer", "cancel"]


def test_audit_log_is_append_only(desk: HelpDesk, store: Store) -> None:
    import sqlite3

    desk.edit(1, {"first_name": "Ama"})
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE audit_log SET operator = 'someone else'")


def test_walk_in_like_someone_on_the_roster_is_refused_without_a_reason(
    desk: HelpDesk, store: Store
) -> None:
    from kiosk.desk import DuplicateWalkIn
    from kiosk.domain.duplicates import Likeness

    store.add_attendee(
        {
            "code": "R1",
            "first_name": "Ruth",
            "last_name": "Ahmed",
            "organisation": "Imperial College London",
            "email": "r.ahmed@imperial.ac.uk",
        }
    )
    ruth = store.attendee_by_code("R1")
    assert ruth is not None
    desk.check_in(ruth.id)
    typed = {"first_name": "RUTH", "last_name": "ahmed", "organisation": "imperial college london"}
    with pytest.raises(DuplicateWalkIn) as refused:
        desk.walk_in(typed)
    [match] = refused.value.matches
    assert match.attendee.id == ruth.id
    assert match.likeness is Likeness.SAME_NAME_AND_ORGANISATION
    assert match.checked_in_at == dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    assert len(store.attendees()) == 2, "nothing was created"

    walk_in = desk.walk_in(typed, duplicate_reason="a second Ruth Ahmed, different department")
    entry = desk.audit_entries(walk_in.attendee.id)[0]
    assert entry.action == "walk_in"
    assert entry.details["possible_duplicates"] == [ruth.id]
    assert entry.details["reason"] == "a second Ruth Ahmed, different department"


def test_history_holds_check_ins_undos_and_desk_actions(desk: HelpDesk) -> None:
    desk.check_in(1)
    desk.undo(1, "wrong person")
    desk.edit(1, {"first_name": "Ama"})
    assert [item.action for item in desk.history(1)] == ["entry", "undo", "edit"]

"""The help desk and the programme: checking someone in to a chosen session,
a supervisor admitting past a session's rules, and adding, editing,
cancelling or importing sessions. Each refuses a role that may not, and each
change to the programme goes to the audit log (ids and counts, never names).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from kiosk.desk import DeskError, HelpDesk
from kiosk.domain.models import ScanResult, Session
from kiosk.domain.roles import StaffAction
from kiosk.programme import changes
from kiosk.programme.agenda import AgendaReport, SessionDraft, import_agenda


@contextlib.contextmanager
def admitting_to(desk: HelpDesk, session_id: int | None) -> Iterator[None]:
    """The desk's station admits to session `session_id` for one check-in
    (None: as the station always does, to its door's session or the day).
    The desk may share the kiosk's own station, whose door must keep its
    room or session afterwards, so it is put back at once."""
    if session_id is None:
        yield
        return
    session = desk.store.session(session_id)
    if session is None:
        raise DeskError("That session is no longer in the programme.")
    station = desk.station
    saved = station.session, station.room
    station.session, station.room = session, ""
    try:
        yield
    finally:
        station.session, station.room = saved


def check_in_to(
    desk: HelpDesk, attendee_id: int, session_id: int | None
) -> tuple[ScanResult, int | None]:
    """Check someone in by hand to a session (None: as the station does);
    also the print job of their badge, if one was made."""
    with admitting_to(desk, session_id):
        return desk.check_in_with_badge(attendee_id)


def admit_anyway(
    desk: HelpDesk, attendee_id: int, session_id: int | None, reason: str
) -> tuple[ScanResult, int | None]:
    """A supervisor lets someone in past a session's rules (not for them,
    not booked, a full room); the log entry carries the override, the
    reason and the operator. Every other rule still holds."""
    desk.require(StaffAction.CAPACITY_OVERRIDE)
    if not reason.strip():
        raise DeskError("Please give a reason for letting them in.")
    attendee = desk.store.attendee(attendee_id)
    if attendee is None:
        raise DeskError("That attendee is no longer on the roster.")
    with admitting_to(desk, session_id):
        result = desk.station.admit_override(attendee.code, reason.strip())
    job = None
    if result.result.admitted and desk.printer is not None:
        job = desk.printer.enqueue(attendee_id, "auto")
    return result, job


def save_session(desk: HelpDesk, draft: SessionDraft, session_id: int | None = None) -> Session:
    """Add a session (`session_id` None) or change one, as the form has it,
    by the same rules and audit as `kiosk sessions add|edit`."""
    desk.require(StaffAction.PROGRAMME)
    who = {"operator": desk.operator, "station": desk.station.name}
    try:
        if session_id is None:
            return changes.add_session(desk.store, draft, **who)
        return changes.edit_session(desk.store, session_id, draft, **who)
    except changes.ProgrammeError as error:
        raise DeskError(f"The session cannot be saved: {error}.") from None


def set_cancelled(desk: HelpDesk, session_id: int, cancelled: bool) -> Session:
    """Cancel a session (it admits nobody; its log and bookings stay) or restore it."""
    desk.require(StaffAction.PROGRAMME)
    try:
        return changes.set_cancelled(
            desk.store, session_id, cancelled, operator=desk.operator, station=desk.station.name
        )
    except changes.ProgrammeError as error:
        raise DeskError(f"{str(error).capitalize()}.") from None


def import_agenda_at_desk(desk: HelpDesk, path: Path, *, dry_run: bool) -> AgendaReport:
    """The agenda import (`kiosk sessions import`); a real one is audited with its counts."""
    desk.require(StaffAction.PROGRAMME)
    report = import_agenda(desk.store, path, dry_run=dry_run)
    if not dry_run:
        with desk.store.transaction():
            desk._audit(
                None,
                "agenda_imported",
                {
                    "imported": report.imported,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                    "skipped": report.skipped,
                },
            )
    return report

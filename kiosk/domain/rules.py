"""The one decision every scan goes through.

Order (see the README): input valid -> not a replaced code -> code known -> not
cancelled -> inside the day or session window -> not already admitted for this
day or session -> for a session: eligible (category, booking) -> a seat free.
Someone already inside is told so before the session rules: they hold their
seat. A supervisor's override skips the session rules, never the others. A
print-only station takes the first four steps (`decide_badge`): it prints a
badge and admits nobody.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from kiosk.domain.codes import clean_scan
from kiosk.domain.models import (
    Attendee,
    AttendeeStatus,
    EntryKind,
    Event,
    LogEntry,
    Result,
    ScanResult,
    Session,
)

SESSION_EARLY_ADMISSION = dt.timedelta(minutes=30)


class Roster(Protocol):
    """What the decision needs to read; the store implements it."""

    def attendee_by_code(self, code: str) -> Attendee | None: ...

    def attendee_by_replaced_code(self, code: str) -> Attendee | None:
        """Whose lost badge carried `code`, if a new code replaced it."""
        ...

    def entries_for(self, attendee_id: int, session_id: int | None) -> Sequence[LogEntry]: ...

    def has_booking(self, attendee_id: int, session_id: int) -> bool: ...

    def inside_count(self, session_id: int, at: dt.datetime | None = None) -> int:
        """People in the session's room now (or at the moment `at`):
        admissions minus exits."""
        ...


@dataclass(frozen=True, slots=True)
class ScanRequest:
    raw: str
    station: str
    now: dt.datetime
    operator: str = ""
    session: Session | None = None
    exit: bool = False
    offline: bool = False
    # A supervisor admitting past the session rules, and why (kiosk admit --override).
    override: bool = False
    reason: str = ""
    # `now` is a moment from a paper list, typed in later (kiosk scan --at).
    entered_later: bool = False
    # A door station's room (kiosk scan --room): with no session open there
    # (`session` None), nobody is admitted, rather than to the event's day.
    room: str = ""


def new_entry_id() -> str:
    """Globally unique, so logs from several stations merge without clashes."""
    return uuid.uuid4().hex


def live_entries(entries: Iterable[LogEntry]) -> list[LogEntry]:
    """Entries and exits that no undo has taken back, oldest first."""
    entries = list(entries)
    undone = {e.undoes for e in entries if e.kind is EntryKind.UNDO}
    return sorted(
        (e for e in entries if e.kind is not EntryKind.UNDO and e.id not in undone),
        key=lambda e: e.at,
    )


def in_scope(entries: Iterable[LogEntry], day: dt.date | None) -> list[LogEntry]:
    """Entries of one admission scope: the event on `day`, or a whole session."""
    return [e for e in entries if day is None or e.day == day]


def first_admission(entries: Iterable[LogEntry]) -> LogEntry | None:
    for entry in live_entries(entries):
        if entry.kind is EntryKind.ENTRY:
            return entry
    return None


def is_inside(entries: Iterable[LogEntry]) -> bool:
    """Admitted and not since scanned out."""
    live = live_entries(entries)
    return bool(live) and live[-1].kind is EntryKind.ENTRY


def identify(
    raw: str, roster: Roster, session_id: int | None = None
) -> ScanResult | tuple[str, Attendee]:
    """The first steps of every scan: the code and its active attendee, or the
    refusal (invalid input, a replaced code, an unknown code, a cancelled
    registration). A replaced code is asked first, so that it is refused even
    if a later import brought the old code back as a row of its own."""
    code = clean_scan(raw)
    if code is None:
        return ScanResult(raw, Result.INVALID_INPUT, session_id=session_id)

    lost = roster.attendee_by_replaced_code(code)
    if lost is not None:
        return ScanResult(code, Result.REPLACED, lost, session_id=session_id)

    attendee = roster.attendee_by_code(code)
    if attendee is None:
        return ScanResult(code, Result.UNKNOWN_CODE, session_id=session_id)

    if attendee.status is AttendeeStatus.CANCELLED:
        return ScanResult(code, Result.CANCELLED, attendee, session_id=session_id)
    return code, attendee


def decide_badge(raw: str, roster: Roster) -> ScanResult:
    """A print-only station's decision: BADGE_PRINTED for an active attendee
    (the printing layer then decides between a first badge and a counted
    reprint), else the refusal `identify` gives. No window: badges are
    printed before the doors open too. Nothing is appended to the log."""
    found = identify(raw, roster)
    if isinstance(found, ScanResult):
        return found
    code, attendee = found
    return ScanResult(code, Result.BADGE_PRINTED, attendee)


def is_eligible(attendee: Attendee, session: Session, booked: bool) -> bool:
    """A session open to the attendee's category, and booked if it must be."""
    if session.open_to and attendee.category.casefold() not in {
        category.casefold() for category in session.open_to
    }:
        return False
    return booked or not session.booking_required


def seats_left(session: Session, inside: int) -> int | None:
    """Free seats in the room, or None for a session without a limit."""
    if session.capacity is None:
        return None
    return max(session.capacity - inside, 0)


def session_refusal(
    attendee: Attendee, session: Session, roster: Roster, at: dt.datetime | None = None
) -> Result | None:
    """NOT_ELIGIBLE or SESSION_FULL when a session's door rules refuse the
    attendee; None when they may come in. `at` counts the room as it was
    then (a scan entered later from a paper list)."""
    booked = session.booking_required and roster.has_booking(attendee.id, session.id)
    if not is_eligible(attendee, session, booked):
        return Result.NOT_ELIGIBLE
    if session.capacity is None:
        return None
    if seats_left(session, roster.inside_count(session.id, at)) == 0:
        return Result.SESSION_FULL
    return None


def decide(request: ScanRequest, event: Event, roster: Roster) -> ScanResult:
    """Decide one scan. Pure apart from reading `roster`; the caller appends
    `ScanResult.appended` to the log in the same transaction as the reads."""
    session = request.session
    session_id = session.id if session else None

    found = identify(request.raw, roster, session_id)
    if isinstance(found, ScanResult):
        return found
    code, attendee = found

    today = event.local_day(request.now)
    if (
        not event.is_open_on(today)
        or (session is None and request.room)
        or (session is not None and not session.is_open_at(request.now, SESSION_EARLY_ADMISSION))
    ):
        return ScanResult(code, Result.NOT_VALID_NOW, attendee, session_id=session_id)

    # The event admits once per venue day; a session list once for the session.
    scope = in_scope(roster.entries_for(attendee.id, session_id), None if session else today)
    first = first_admission(scope)

    def entry(kind: EntryKind) -> LogEntry:
        return LogEntry(
            id=new_entry_id(),
            attendee_id=attendee.id,
            kind=kind,
            at=request.now,
            day=today,
            station=request.station,
            operator=request.operator,
            session_id=session_id,
            offline=request.offline,
            override=request.override and kind is EntryKind.ENTRY,
            reason=request.reason if kind is EntryKind.ENTRY else "",
            entered_later=request.entered_later,
        )

    if request.exit:
        if not is_inside(scope):
            return ScanResult(code, Result.NOT_CHECKED_IN, attendee, first, session_id=session_id)
        return ScanResult(
            code, Result.CHECKED_OUT, attendee, first, entry(EntryKind.EXIT), session_id
        )

    if first is not None and is_inside(scope):
        return ScanResult(code, Result.ALREADY_CHECKED_IN, attendee, first, session_id=session_id)

    if session is not None and not request.override:
        refusal = session_refusal(
            attendee, session, roster, request.now if request.entered_later else None
        )
        if refusal is not None:
            return ScanResult(code, refusal, attendee, first, session_id=session_id)

    # Never admitted in this scope, or coming back in after an exit scan.
    appended = entry(EntryKind.ENTRY)
    return ScanResult(
        code,
        Result.CHECKED_IN,
        attendee,
        first or appended,
        appended,
        session_id,
        offline=request.offline,
    )


def undo_target(entries: Sequence[LogEntry], day: dt.date | None) -> LogEntry | None:
    """The most recent live admission that an undo would take back."""
    admissions = [e for e in live_entries(in_scope(entries, day)) if e.kind is EntryKind.ENTRY]
    return admissions[-1] if admissions else None

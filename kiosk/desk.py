"""The help desk's actions: what a volunteer does for the people the kiosk
could not help. Every action is logged: check-ins and undos in the check-in
log, everything else in the audit log, with station, operator and time.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.checkin import Station, UndoError
from kiosk.domain.alerts import Alert, NoteError, clean_note
from kiosk.domain.codes import new_code
from kiosk.domain.duplicates import Likeness
from kiosk.domain.models import Attendee, AttendeeStatus, EmailFrom, LogEntry, ScanResult
from kiosk.domain.roles import Role, StaffAction, may, minimum_role
from kiosk.domain.rules import new_entry_id
from kiosk.store import Store
from kiosk.store.alerts import mark_handled, open_alerts, set_flag
from kiosk.store.attended import Admission, first_event_admission
from kiosk.store.audit import AuditEntry, append_audit, audit_entries
from kiosk.store.duplicates import possible_duplicates
from kiosk.store.operators import Operator, has_operators
from kiosk.store.schema import ATTENDEES, Use

log = logging.getLogger("kiosk.desk")

EDITABLE = ATTENDEES.names(Use.EDIT)
# An alert nobody handled stays on the consoles this long after the admission.
ALERTS_KEPT = dt.timedelta(hours=12)
IDENTITY = ATTENDEES.names(Use.IDENTITY)


class DeskError(Exception):
    """An action that cannot be done, with one sentence for the volunteer."""


@dataclass(frozen=True)
class PossibleDuplicate:
    """A roster record that may be the walk-in at the desk."""

    attendee: Attendee
    likeness: Likeness
    checked_in_at: dt.datetime | None  # their first admission to the event, if any


class NotAllowed(DeskError):
    """The volunteer signed in (or nobody) may not do this action."""

    def __init__(self, action: StaffAction) -> None:
        self.action = action
        self.needed = minimum_role(action)
        super().__init__(NOT_ALLOWED[self.needed])


# The sentence a refused action gets, by the role it needs.
NOT_ALLOWED = {
    Role.SCANNER: "Please sign in first.",
    Role.DESK: "Only a desk volunteer or a supervisor may do this.",
    Role.SUPERVISOR: "Only a supervisor may do this.",
}


class DuplicateWalkIn(DeskError):
    """A walk-in that looks like someone already registered: use their record,
    or register them anyway with a reason."""

    def __init__(self, matches: list[PossibleDuplicate]) -> None:
        super().__init__(
            "This person may already be registered: use their record, "
            "or give a reason to register them again."
        )
        self.matches = matches


class BadgePrinter(Protocol):
    """What the desk needs from the print queue (kiosk.printing.PrintQueue)."""

    def enqueue(
        self, attendee_id: int | None, kind: str = ..., printer: str | None = ...
    ) -> int | None: ...

    def printed_count(self, attendee_id: int) -> int: ...


@dataclass(frozen=True)
class HistoryItem:
    """One thing that happened to an attendee: `action` is an audit action
    (walk_in, edit, reprint, cancel, transfer) or a check-in log kind
    (entry, exit, undo); `session_id` is set for a session's check-ins."""

    at: dt.datetime
    action: str
    station: str
    operator: str
    session_id: int | None = None


@dataclass(frozen=True)
class WalkIn:
    attendee: Attendee
    result: ScanResult
    print_job: int | None


class HelpDesk:
    def __init__(
        self,
        store: Store,
        station: str | Station = "help-desk",
        operator: str = "",
        printer: BadgePrinter | None = None,
    ) -> None:
        """`station` is a name, or a ready station: a kiosk hands over its own,
        so the desk's check-ins carry its name and are decided the way its
        scans are (at the hub, when it has one). `operator` is for a name."""
        self.store = store
        if isinstance(station, Station):
            self.station = station
        else:
            self.station = Station(store, name=station, operator=operator)
        self.printer = printer
        self.signed_in: Operator | None = None
        self._unsigned_operator = self.station.operator

    @property
    def operator(self) -> str:
        return self.station.operator

    # -- who is working ----------------------------------------------------

    @property
    def needs_sign_in(self) -> bool:
        """With volunteer accounts, nobody may act until someone signs in;
        without, the desk (behind the single staff PIN, if any) may do all.
        Asked each time: accounts added while a station runs count at once."""
        return has_operators(self.store)

    @property
    def role(self) -> Role | None:
        """The role of whoever is working now; None while nobody is signed in."""
        if self.signed_in is not None:
            return self.signed_in.role
        return None if self.needs_sign_in else Role.SUPERVISOR

    def may(self, action: StaffAction) -> bool:
        role = self.role
        return role is not None and may(role, action)

    def require(self, action: StaffAction) -> None:
        """Raise NotAllowed unless whoever is working may do `action`."""
        if not self.may(action):
            log.info("desk %s refused for operator %s", action.value, self._operator_id())
            raise NotAllowed(action)

    def sign_in(self, operator: Operator) -> None:
        """From now on the log and the audit name `operator`, and their role decides."""
        self.signed_in = operator
        self.station.operator = operator.name

    def sign_out(self) -> None:
        if self.signed_in is not None:
            log.info("operator %s signed out", self.signed_in.id)
        self.signed_in = None
        self.station.operator = self._unsigned_operator

    def _operator_id(self) -> str:
        return str(self.signed_in.id) if self.signed_in else "-"

    # -- the log -----------------------------------------------------------

    def _audit(self, attendee_id: int | None, action: str, details: dict[str, Any]) -> None:
        append_audit(
            self.store,
            entry_id=new_entry_id(),
            attendee_id=attendee_id,
            action=action,
            station=self.station.name,
            operator=self.operator,
            at=self.station.clock(),
            details=details,
        )
        log.info("desk %s attendee=%s", action, attendee_id)

    def audit_entries(self, attendee_id: int | None = None) -> list[AuditEntry]:
        return audit_entries(self.store, attendee_id)

    def history(self, attendee_id: int) -> list[HistoryItem]:
        """Check-ins, exits and undos (event and sessions) with the desk's
        actions, oldest first."""
        entries = self.store.entries_for(attendee_id, None)
        for session in self.store.sessions():
            entries += self.store.entries_for(attendee_id, session.id)
        items = [
            HistoryItem(e.at, e.kind.value, e.station, e.operator, e.session_id) for e in entries
        ]
        items += [
            HistoryItem(a.at, a.action, a.station, a.operator)
            for a in self.audit_entries(attendee_id)
        ]
        return sorted(items, key=lambda item: item.at)

    def first_checked_in(self, attendee_id: int) -> Admission | None:
        """Their first admission to the event (not a session) that stands."""
        return first_event_admission(self.store, attendee_id)

    def possible_duplicates(self, fields: dict[str, str]) -> list[PossibleDuplicate]:
        """Roster records that may be the person `fields` describes."""
        matches = []
        for attendee, alike in possible_duplicates(self.store, fields):
            first = self.first_checked_in(attendee.id)
            matches.append(PossibleDuplicate(attendee, alike, first.at if first else None))
        return matches

    def _attendee(self, attendee_id: int) -> Attendee:
        attendee = self.store.attendee(attendee_id)
        if attendee is None:
            raise DeskError("That attendee is no longer on the roster.")
        return attendee

    # -- actions -----------------------------------------------------------

    def check_in(self, attendee_id: int) -> ScanResult:
        """Check someone in by hand (lost ticket, misspelt name)."""
        return self.check_in_with_badge(attendee_id)[0]

    def check_in_with_badge(self, attendee_id: int) -> tuple[ScanResult, int | None]:
        """Check someone in by hand; also the print job of their badge, if one was made."""
        self.require(StaffAction.CHECK_IN)
        attendee = self._attendee(attendee_id)
        result = self.station.scan(attendee.code)
        job = None
        if result.result.admitted and self.printer is not None:
            job = self.printer.enqueue(attendee_id, "auto")
        return result, job

    def undo(self, attendee_id: int, reason: str) -> LogEntry:
        self.require(StaffAction.UNDO)
        if not reason.strip():
            raise DeskError("Please give a reason for undoing the check-in.")
        attendee = self._attendee(attendee_id)
        try:
            return self.station.undo(attendee.code, reason.strip())
        except UndoError as error:
            raise DeskError(str(error)) from None

    def reprint(self, attendee_id: int) -> int:
        """Queue another badge, on purpose; returns the job id."""
        self.require(StaffAction.REPRINT)
        if self.printer is None:
            raise DeskError("Badge printing is off at this station.")
        self._attendee(attendee_id)
        before = self.printer.printed_count(attendee_id)
        job = self.printer.enqueue(attendee_id, "reprint")
        assert job is not None  # reprints are never skipped
        with self.store.transaction():
            self._audit(attendee_id, "reprint", {"printed_before": before, "job": job})
        return job

    def edit(self, attendee_id: int, changes: dict[str, str]) -> Attendee:
        """Change name, organisation, category...; the old values are logged."""
        self.require(StaffAction.EDIT)
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise DeskError(f"{sorted(unknown)[0]} cannot be edited here.")
        changes = {key: value.strip() for key, value in changes.items()}
        if "first_name" in changes and not changes["first_name"]:
            raise DeskError("A first name is needed.")
        with self.store.transaction():
            before = self._attendee(attendee_id)
            changed = {k: v for k, v in changes.items() if getattr(before, k) != v}
            if not changed:
                return before
            # An e-mail typed at the desk is no longer the order's buyer's.
            marks = {"email_from": EmailFrom.ATTENDEE.value} if "email" in changed else {}
            self.store.update_attendee(attendee_id, {**changed, **marks})
            self._audit(
                attendee_id,
                "edit",
                {"before": {k: getattr(before, k) for k in changed}, "after": changed},
            )
        return self._attendee(attendee_id)

    def flag(self, attendee_id: int, note: str | None, notify: bool | None) -> Attendee:
        """Set (or with "", clear) the attention note and/or the notify mark;
        audited with the operator."""
        self.require(StaffAction.FLAG)
        try:
            cleaned = clean_note(note) if note is not None else None
        except NoteError as error:
            raise DeskError(str(error)) from None
        set_flag(
            self.store,
            attendee_id,
            note=cleaned,
            notify=notify,
            station=self.station.name,
            operator=self.operator,
        )
        log.info("desk flag attendee=%s", attendee_id)
        return self._attendee(attendee_id)

    def open_alerts(self) -> list[Alert]:
        """Flagged and watched attendees' admissions of the last hours that no
        volunteer has marked handled yet, oldest first."""
        return open_alerts(self.store, self.station.clock() - ALERTS_KEPT)

    def handle_alert(self, alert: Alert) -> None:
        """A volunteer attended to `alert`: it leaves every console here; audited."""
        self.require(StaffAction.HANDLE_ALERT)
        mark_handled(self.store, alert, station=self.station.name, operator=self.operator)
        log.info("desk handled %s attendee=%s", alert.kind.value, alert.attendee_id)

    def walk_in(self, fields: dict[str, str], duplicate_reason: str = "") -> WalkIn:
        """Register someone at the door: a new attendee with a fresh code,
        checked in and with a badge queued, in one step.

        Raises DuplicateWalkIn when the roster has someone like them, unless
        `duplicate_reason` says why they are registered again (it is audited)."""
        self.require(StaffAction.WALK_IN)
        record = {k: v.strip() for k, v in fields.items() if k in EDITABLE}
        if not record.get("first_name"):
            raise DeskError("A first name is needed.")
        matches = self.possible_duplicates(record)
        if matches and not duplicate_reason.strip():
            raise DuplicateWalkIn(matches)
        details: dict[str, Any] = {"category": record.get("category", "")}
        if matches:
            details["possible_duplicates"] = [match.attendee.id for match in matches]
            details["reason"] = duplicate_reason.strip()
        with self.store.transaction():
            attendee = self.store.add_attendee(
                {**record, "code": new_code(), "status": "active", "source": "walk-in"}
            )
            self._audit(attendee.id, "walk_in", details)
        result = self.station.scan(attendee.code)
        job = self.printer.enqueue(attendee.id, "auto") if self.printer is not None else None
        return WalkIn(attendee, result, job)

    def cancel(self, attendee_id: int, reason: str) -> Attendee:
        self.require(StaffAction.CANCEL)
        if not reason.strip():
            raise DeskError("Please give a reason for cancelling the registration.")
        with self.store.transaction():
            attendee = self._attendee(attendee_id)
            if attendee.status is AttendeeStatus.CANCELLED:
                raise DeskError("That registration is already cancelled.")
            self.store.update_attendee(attendee_id, {"status": AttendeeStatus.CANCELLED.value})
            self._audit(attendee_id, "cancel", {"reason": reason.strip()})
        return self._attendee(attendee_id)

    def transfer(self, attendee_id: int, person: dict[str, str], reason: str = "") -> Attendee:
        """Give a registration to someone else (a colleague sent in one's
        place). The code stays, so the ticket they carry still scans; the
        previous holder is kept in the audit log."""
        self.require(StaffAction.TRANSFER)
        new_identity = {k: person.get(k, "").strip() for k in IDENTITY}
        if not new_identity["first_name"]:
            raise DeskError("A first name is needed for the new attendee.")
        with self.store.transaction():
            before = self._attendee(attendee_id)
            if before.status is AttendeeStatus.CANCELLED:
                raise DeskError("A cancelled registration cannot be transferred.")
            self.store.update_attendee(attendee_id, new_identity)
            self._audit(
                attendee_id,
                "transfer",
                {
                    "from": {k: getattr(before, k) for k in IDENTITY},
                    "to": new_identity,
                    "reason": reason.strip(),
                },
            )
        return self._attendee(attendee_id)

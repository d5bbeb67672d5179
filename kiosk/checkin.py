"""Check-in at one station: `Station` decides a scan and commits it before anyone is told."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.alerts.queue import queue_alerts, webhooks_on
from kiosk.domain.alerts import raises_alerts
from kiosk.domain.codes import clean_scan
from kiosk.domain.models import EntryKind, LogEntry, Result, ScanResult, Session
from kiosk.domain.programme import session_in_room
from kiosk.domain.rules import (
    SESSION_EARLY_ADMISSION,
    ScanRequest,
    decide,
    new_entry_id,
    undo_target,
)
from kiosk.store import Store
from kiosk.store.audit import append_audit
from kiosk.store.programme import sessions_in_room
from kiosk.store.timestamps import utc_now

log = logging.getLogger("kiosk.scan")

# The audit log's action for a supervisor admitting past a session rule.
OVERRIDE_AUDIT = "override"


class UndoError(Exception):
    """An undo that cannot be done, with a sentence for the user."""


@dataclass
class Station:
    """One check-in point (kiosk, desk or headless scanner) on one event file."""

    store: Store
    name: str = "station"
    operator: str = ""
    session: Session | None = None
    exit_mode: bool = False
    clock: Callable[[], dt.datetime] = utc_now
    # A door station: admits to whichever session is open in this room now
    # (kiosk.domain.programme), instead of the fixed `session`.
    room: str = ""
    # Scans typed in later from a paper list: `clock` gives the list's moment.
    entered_later: bool = False
    # Called after a scan that raised alerts is committed (wakes the webhook sender).
    on_alert: Callable[[], None] = lambda: None

    def __post_init__(self) -> None:
        # Read once: the event does not change while a station runs, and
        # the webhook's address is a setting that needs a restart.
        self.event = self.store.event()
        self.webhooks = webhooks_on(self.store)

    def scan(self, raw: str) -> ScanResult:
        """Decide one scan and, if it changes anything, append it durably.

        The read, the decision and the append happen inside one write
        transaction; the result is returned only after COMMIT.
        """
        return self._scan(self._request(raw))

    def admit_override(self, raw: str, reason: str) -> ScanResult:
        """A supervisor admitting past a session's rules (eligibility, a full
        room), logged with the operator and `reason`. Every other rule holds."""
        request = dataclasses.replace(self._request(raw), override=True, reason=reason)
        result = self._scan(request)
        if result.result is Result.CHECKED_IN:
            # Ids only: the operator and the reason are in the log entry and the audit.
            log.info(
                "override attendee=%s session=%s",
                result.attendee.id if result.attendee else "-",
                result.session_id,
            )
        return result

    def current_session(self, moment: dt.datetime | None = None) -> Session | None:
        """The session this station admits to at `moment` (now by default):
        the room's open session for a door station, else the fixed one as the
        file has it now (a supervisor may have changed its capacity or
        cancelled it)."""
        if self.room:
            sessions = sessions_in_room(self.store, self.room)
            when = self.clock() if moment is None else moment
            return session_in_room(sessions, when, SESSION_EARLY_ADMISSION)
        if self.session is not None:
            return self.store.session(self.session.id) or self.session
        return None

    def _scan(self, request: ScanRequest) -> ScanResult:
        raw = request.raw
        if clean_scan(raw) is None:
            # No lookup, no lock: garbage from a scanner never touches the file.
            result = decide(request, self.event, self.store)
        else:
            with self.store.transaction():
                result = decide(request, self.event, self.store)
                if result.appended is not None:
                    self._append(result)
        self._alerted(result)
        log.info(
            "scan result=%s attendee=%s session=%s%s",
            result.result.value,
            result.attendee.id if result.attendee else "-",
            result.session_id if result.session_id is not None else "-",
            " entered_later" if request.entered_later else "",
        )
        return result

    def _append(self, result: ScanResult) -> None:
        """Inside the scan's transaction: its log entry, and the webhooks of
        the alerts an admission of a flagged or watched attendee raises."""
        entry = result.appended
        assert entry is not None
        self.store.append_entry(entry)
        if entry.override:
            # Staff actions besides check-ins are audited; an override is one.
            append_audit(
                self.store,
                entry_id=new_entry_id(),
                attendee_id=entry.attendee_id,
                action=OVERRIDE_AUDIT,
                station=entry.station,
                operator=entry.operator,
                at=entry.at,
                details={"entry": entry.id, "session": entry.session_id, "reason": entry.reason},
            )
        attendee = result.attendee
        if (
            self.webhooks
            and result.result is Result.CHECKED_IN
            and attendee is not None
            and raises_alerts(attendee)
        ):
            queue_alerts(self.store, attendee, entry, self.event.name)

    def _alerted(self, result: ScanResult) -> None:
        """After COMMIT: tell this process's webhook sender, if the scan raised alerts."""
        attendee = result.attendee
        if result.result is Result.CHECKED_IN and attendee is not None and raises_alerts(attendee):
            self.on_alert()

    def _request(self, raw: str, offline: bool = False) -> ScanRequest:
        """The scan as the domain's decision takes it, at this station, now."""
        now = self.clock()
        return ScanRequest(
            raw=raw,
            station=self.name,
            now=now,
            operator=self.operator,
            # Decided at the scan's own moment, so a scan at a boundary is
            # held to the session open at the time it is logged with.
            session=self.current_session(now),
            exit=self.exit_mode,
            offline=offline,
            entered_later=self.entered_later,
            room=self.room,
        )

    def undo(self, code: str, reason: str = "") -> LogEntry:
        """Take back the latest admission of `code` (today, or in this session)."""
        cleaned = clean_scan(code)
        attendee = self.store.attendee_by_code(cleaned) if cleaned else None
        if attendee is None:
            raise UndoError("No attendee has that code.")
        now = self.clock()
        session = self.current_session(now)
        if session is None and self.room:
            raise UndoError("No session is open in that room now.")
        session_id = session.id if session else None
        with self.store.transaction():
            entries = self.store.entries_for(attendee.id, session_id)
            day = None if session else self.event.local_day(now)
            target = undo_target(entries, day)
            if target is None:
                raise UndoError("That attendee has no check-in to undo.")
            undo = LogEntry(
                id=new_entry_id(),
                attendee_id=attendee.id,
                kind=EntryKind.UNDO,
                at=now,
                day=target.day,
                station=self.name,
                operator=self.operator,
                session_id=session_id,
                undoes=target.id,
                reason=reason,
            )
            self.store.append_entry(undo)
        log.info("undo attendee=%s entry=%s", attendee.id, target.id)
        return undo


__all__ = ["Result", "Station", "UndoError"]

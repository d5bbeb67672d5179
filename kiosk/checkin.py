"""Check-in at one station: `Station` decides a scan and commits it before anyone is told."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.alerts.queue import queue_alerts, webhooks_on
from kiosk.domain.alerts import raises_alerts
from kiosk.domain.codes import clean_scan
from kiosk.domain.models import EntryKind, LogEntry, Result, ScanResult, Session
from kiosk.domain.rules import ScanRequest, decide, new_entry_id, undo_target
from kiosk.store import Store
from kiosk.store.timestamps import utc_now

log = logging.getLogger("kiosk.scan")


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
        request = self._request(raw)
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
            "scan result=%s attendee=%s session=%s",
            result.result.value,
            result.attendee.id if result.attendee else "-",
            result.session_id if result.session_id is not None else "-",
        )
        return result

    def _append(self, result: ScanResult) -> None:
        """Inside the scan's transaction: its log entry, and the webhooks of
        the alerts an admission of a flagged or watched attendee raises."""
        entry = result.appended
        assert entry is not None
        self.store.append_entry(entry)
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
        return ScanRequest(
            raw=raw,
            station=self.name,
            now=self.clock(),
            operator=self.operator,
            session=self.session,
            exit=self.exit_mode,
            offline=offline,
        )

    def undo(self, code: str, reason: str = "") -> LogEntry:
        """Take back the latest admission of `code` (today, or in this session)."""
        cleaned = clean_scan(code)
        attendee = self.store.attendee_by_code(cleaned) if cleaned else None
        if attendee is None:
            raise UndoError("No attendee has that code.")
        session_id = self.session.id if self.session else None
        now = self.clock()
        with self.store.transaction():
            entries = self.store.entries_for(attendee.id, session_id)
            day = None if self.session else self.event.local_day(now)
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

"""A station joined to a hub: decides at the hub when it can, locally when not."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.checkin import Station
from kiosk.domain.codes import clean_scan
from kiosk.domain.models import Attendee, EntryKind, LogEntry, Result, ScanResult
from kiosk.domain.rules import ScanRequest, decide
from kiosk.store import Store
from kiosk.store.rows import entry_to_row
from kiosk.store.timestamps import parse_utc, utc_now
from kiosk.sync import hub, local
from kiosk.sync.connection import HubRefused, HubUnavailable, connect, describe, psycopg_module
from kiosk.sync.worker import SyncWorker

log = logging.getLogger("kiosk.sync")

# After the hub failed to answer a scan, decide locally for this long before
# asking it again (the worker keeps probing in the background meanwhile).
BACKOFF_S = 1.0
# `kiosk status` reads a station as offline if its heartbeat is older than this.
STALE_AFTER_S = 15.0


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the screens and `kiosk status` show about sync."""

    hub: str
    online: bool
    waiting: int
    last_sync: str | None
    conflicts: int
    # The hub turned this station's login down (a changed password): the
    # station decides locally and says so; see docs/sync.md.
    refused: bool = False


def _recent(store: Store) -> bool:
    """The running station talked to the hub lately (it does every 5 s)."""
    seen = local.state(store, local.SEEN_HUB_AT)
    if seen is None:
        return False
    age = utc_now() - parse_utc(seen)
    return age < dt.timedelta(seconds=STALE_AFTER_S)


def file_status(store: Store) -> SyncStatus | None:
    """Sync status as recorded in the event file; None if it never joined a hub."""
    if not local.is_joined(store):
        return None
    return SyncStatus(
        hub=local.state(store, "hub_label", "") or "",
        online=local.state(store, local.ONLINE) == "1" and _recent(store),
        waiting=local.waiting(store),
        last_sync=local.state(store, local.LAST_SYNC),
        conflicts=local.conflict_count(store),
        refused=local.state(store, local.REFUSED) == "1",
    )


def _payload(entry: LogEntry, code: str) -> dict[str, Any]:
    row = entry_to_row(entry)
    row.pop("attendee_id")
    return {**row, "code": code}


@dataclass(frozen=True, slots=True)
class _SeatsCountedAtHub:
    """The station's copy as the decision reads it when the hub will confirm
    an admission: the room's count now is the hub's, which has every door's
    admissions and exits (this copy may not have heard of the latest yet).
    A scan entered later is counted here, as the room stood at its moment."""

    store: Store

    def attendee_by_code(self, code: str) -> Attendee | None:
        return self.store.attendee_by_code(code)

    def attendee_by_replaced_code(self, code: str) -> Attendee | None:
        return self.store.attendee_by_replaced_code(code)

    def entries_for(self, attendee_id: int, session_id: int | None) -> list[LogEntry]:
        return list(self.store.entries_for(attendee_id, session_id))

    def has_booking(self, attendee_id: int, session_id: int) -> bool:
        return self.store.has_booking(attendee_id, session_id)

    def inside_count(self, session_id: int, at: dt.datetime | None = None) -> int:
        return 0 if at is None else self.store.inside_count(session_id, at)


class SyncedStation(Station):
    """`Station` plus a hub. Build one with `open_synced_station`."""

    url: str
    worker: SyncWorker

    def start_sync(self, url: str, on_change: Callable[[], None] | None = None) -> None:
        if self.store.path is None or str(self.store.path) == ":memory:":
            raise ValueError("a synced station needs an event file")
        self.url = url
        self._conn: Any = None
        self._retry_at = 0.0
        self._refused = False
        self._psycopg = psycopg_module()
        self.worker = SyncWorker(Path(self.store.path), url, self.name, on_change)
        self.worker.start()
        try:
            # Connect now so the first scan is already decided at the hub.
            self._conn = connect(self.url, self.name)
        except HubUnavailable:
            self._retry_at = time.monotonic() + BACKOFF_S

    # -- state ---------------------------------------------------------

    @property
    def online(self) -> bool:
        if time.monotonic() < self._retry_at:
            return False
        return self.worker.online or (self._conn is not None and not self._conn.closed)

    def status(self) -> SyncStatus:
        return SyncStatus(
            hub=describe(self.url),
            online=self.online,
            waiting=local.waiting(self.store),
            last_sync=local.state(self.store, local.LAST_SYNC),
            conflicts=local.conflict_count(self.store),
            refused=self.worker.refused or (self._refused and not self.worker.online),
        )

    def close(self, timeout: float = 5.0) -> None:
        """Stop syncing after a last upload; unsent changes stay in the outbox."""
        self.worker.stop(timeout)
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- scanning --------------------------------------------------------

    def _scan(self, request: ScanRequest) -> ScanResult:
        """Every scan (a plain one, a supervisor's override, a door's scan
        into its room's session) is decided at the hub while it answers."""
        code = clean_scan(request.raw)
        if code is None or not self.online:
            return self._scan_locally(request, offline=code is not None)
        try:
            result = self._scan_at_hub(request, code)
        except HubRefused:
            # The password changed while running: nobody waits at the door
            # for it, but the status line says why the hub is not used.
            self._refused = True
            self._retry_at = time.monotonic() + BACKOFF_S
            return self._scan_locally(request, offline=True)
        except HubUnavailable:
            self._retry_at = time.monotonic() + BACKOFF_S
            return self._scan_locally(request, offline=True)
        self._refused = False
        self.worker.wake()
        return result

    def undo(self, code: str, reason: str = "") -> LogEntry:
        undo = super().undo(code, reason)
        self.worker.wake()  # the hub frees the admission when the undo arrives
        return undo

    def _scan_locally(self, request: ScanRequest, *, offline: bool) -> ScanResult:
        request = dataclasses.replace(request, offline=offline)
        if clean_scan(request.raw) is None:
            return decide(request, self.event, self.store)
        with self.store.transaction():
            result = decide(request, self.event, self.store)
            if result.appended is not None:
                self._append(result)
        self._alerted(result)
        if offline and not result.offline:
            # The domain flags offline admissions; the screen wants to know
            # about every answer given without the hub.
            result = dataclasses.replace(result, offline=True)
        self.worker.wake()
        log.info(
            "scan result=%s attendee=%s offline=%s",
            result.result.value,
            result.attendee.id if result.attendee else "-",
            offline,
        )
        return result

    def _hub(self) -> Any:
        if self._conn is None or self._conn.closed:
            self._conn = connect(self.url, self.name)
        return self._conn

    def _at_hub(self, work: Callable[[Any], Any]) -> Any:
        """Run `work` at the hub; a stale connection gets one fresh retry."""
        for attempt in (1, 2):
            fresh = self._conn is None or self._conn.closed
            conn = self._hub()
            try:
                return work(conn)
            except self._psycopg.Error as error:
                # Only a connection that died while idle (the hub restarted)
                # earns a second try; a hub that is slow has used the budget.
                dead = conn.closed
                conn.close()
                self._conn = None
                if fresh or attempt == 2 or not dead:
                    log.info("hub did not answer a scan: %s", type(error).__name__)
                    raise HubUnavailable(type(error).__name__) from error
        raise AssertionError("unreachable")

    def _upload_waiting(self, code: str) -> None:
        """This attendee's changes not yet at the hub (a walk-in, an exit), now."""
        waiting = local.pending(self.store, self.name, code=code)
        if waiting:
            self._at_hub(lambda conn: hub.upload(conn, self.name, [c for _, c in waiting]))
            with self.store.transaction():
                local.mark_sent(self.store, [seq for seq, _ in waiting])

    def _scan_at_hub(self, request: ScanRequest, code: str) -> ScanResult:
        if self.store.attendee_by_code(code) is None:
            # Perhaps a walk-in added at another station that has not reached us yet.
            fields = self._at_hub(lambda conn: hub.attendee(conn, code))
            if fields is not None:
                with self.store.transaction(), local.applying(self.store):
                    local.put_attendee(self.store, fields)
        # This attendee's own unsent changes (a walk-in, an exit) go first, so
        # the hub decides on everything this station knows.
        self._upload_waiting(code)
        with self.store.transaction():
            result = decide(request, self.event, _SeatsCountedAtHub(self.store))
            entry = result.appended
            if result.result is Result.CHECKED_IN and entry is not None:
                change = hub.Change(entry.id, "checkin", self.name, _payload(entry, code))
                try:
                    holder = self._at_hub(lambda conn: hub.admit(conn, change))
                except hub.CodeReplaced:
                    # Replaced at another station a moment ago: nobody is
                    # admitted, and the replacement arrives with the next sync.
                    result = ScanResult(
                        code, Result.REPLACED, result.attendee, session_id=result.session_id
                    )
                except hub.RoomFull as full:
                    # Other doors took the last seats: nothing is recorded.
                    log.info("session %s full at the hub: %s", result.session_id, full)
                    result = dataclasses.replace(result, result=Result.SESSION_FULL, appended=None)
                else:
                    if holder is not None:
                        result = self._already(result, holder)
                    else:
                        self._append(result)
                        local.mark_sent_by_id(self.store, entry.id)
            elif entry is not None:
                self.store.append_entry(entry)
        if entry is not None and entry.kind is EntryKind.EXIT:
            # Someone leaving frees their seat at every door at once; if the
            # hub is gone meanwhile, the exit waits in the outbox as any change.
            with contextlib.suppress(HubUnavailable, HubRefused):
                self._upload_waiting(code)
        self._alerted(result)
        log.info(
            "scan result=%s attendee=%s online",
            result.result.value,
            result.attendee.id if result.attendee else "-",
        )
        return result

    def _already(self, result: ScanResult, holder: hub.Holder) -> ScanResult:
        assert result.attendee is not None
        first = LogEntry(
            id=holder.entry_id,
            attendee_id=result.attendee.id,
            kind=EntryKind.ENTRY,
            at=parse_utc(holder.at),
            day=dt.date.fromisoformat(holder.day),
            station=holder.station,
            session_id=result.session_id,
        )
        return ScanResult(
            result.code, Result.ALREADY_CHECKED_IN, result.attendee, first, None, result.session_id
        )


def open_synced_station(
    path: Path,
    url: str,
    *,
    name: str = "station",
    session_id: int | None = None,
    exit_mode: bool = False,
    operator: str = "",
    room: str = "",
    on_change: Callable[[], None] | None = None,
) -> SyncedStation:
    """Join the hub (copying the event the first time) and start syncing."""
    from kiosk.sync.join import join

    store = join(path, url, name)
    with store.transaction():
        local.set_state(store, "hub_label", describe(url))
    session = store.session(session_id) if session_id is not None else None
    station = SyncedStation(
        store, name=name, operator=operator, session=session, exit_mode=exit_mode, room=room
    )
    station.start_sync(url, on_change)
    return station

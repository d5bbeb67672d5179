"""The event store: one object owns the connection to one event file."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from kiosk.domain.models import Attendee, AttendeeStatus, Event, LogEntry, Session
from kiosk.store import rows
from kiosk.store.database import open_database
from kiosk.store.faults import Fault, StoreError, classify, fault, loggable
from kiosk.store.identity import FileIdentity, identity_of, on_disk, same_file
from kiosk.store.private import (
    PRIVATE_SETTINGS,
    read_private,
    take_out_of_event_file,
    write_private,
)
from kiosk.store.search import search_attendees
from kiosk.store.timestamps import now_text

log = logging.getLogger("kiosk.store")

# A file joined to a hub numbers the sessions it adds in a block of ids of its
# own that the hub hands out (sync_state 'session_block' b: ids b*1000+1 ..
# b*1000+999), so two stations adding a session at once never clash.
SESSION_ID_BLOCK = 1000


@dataclass(frozen=True, slots=True)
class PersonName:
    first_name: str
    last_name: str
    organisation: str


class Store:
    """Reads and writes one event. Implements the domain's `Roster`."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None = None) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.identity: FileIdentity | None = None
        if path is not None and str(path) != ":memory:":
            self.identity = identity_of(path, self.conn)
        # Set after a fault that may have left the connection unable to
        # write (opened read-only, an I/O error): the next write reopens it.
        self._reopen = False
        self._memory_private: dict[str, str] = {}

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False) -> Store:
        return cls(open_database(path, create=create), Path(path))

    def close(self) -> None:
        self.conn.close()

    # -- transactions ----------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction that takes the write lock at once.

        BEGIN IMMEDIATE makes read-decide-append atomic across processes: two
        stations on one file can never both admit the same ticket. Before
        COMMIT the file at the path must still be the one this store opened.
        The environment's failures (full, read-only, locked, replaced,
        damaged) leave nothing half-done and raise a `StoreFault`.
        """
        if self._reopen:
            self._reconnect()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._fault(error) from error
        try:
            yield
            self.check_identity()
            self.conn.execute("COMMIT")
        except BaseException as error:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error | UnicodeDecodeError):
                raise self._fault(error) from error
            raise

    def check_identity(self) -> None:
        """Raise `file_replaced` if the path no longer leads to the file opened."""
        if self.identity is None or self.path is None:
            return
        try:
            now = on_disk(self.path, self.identity)
        except OSError:
            now = None
        if not same_file(self.identity, now):
            raise fault(Fault.FILE_REPLACED, self.path)

    def probe(self) -> None:
        """A real committed write: raises the `StoreFault` a check-in would meet now.

        It rewrites one row with its own value, so it changes nothing, but
        its page goes to disk like a check-in's (a full disk shows).
        """
        with self.transaction():
            self.conn.execute("UPDATE event_identity SET uid = uid")

    def _fault(self, error: BaseException) -> BaseException:
        """`error` as a StoreFault when it is the environment's, else unchanged (a bug)."""
        if self.path is None:
            return error
        known = classify(error, self.path)
        if known is None:
            return error
        if known.kind not in (Fault.LOCKED, Fault.DISK_FULL):
            self._reopen = True
        log.warning("write to %s failed: %s (%s)", self.path.name, known.kind, loggable(error))
        return known

    def _reconnect(self) -> None:
        """A fresh connection to the same file (never to whatever replaced it).

        The old one is closed first: SQLite shares one descriptor per file in
        a process, and a new connection would inherit a read-only one.
        """
        assert self.path is not None
        self.check_identity()
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        fresh = Store(open_database(self.path), self.path)
        if self.identity is not None and fresh.identity != self.identity:
            fresh.close()
            raise fault(Fault.FILE_REPLACED, self.path)
        self.db, self.conn = fresh.db, fresh.conn
        self._reopen = False
        log.info("reopened %s", self.path.name)

    # -- event and sessions ----------------------------------------------

    def event(self) -> Event:
        row = next(self.db.query("SELECT * FROM event WHERE id = 1"), None)
        if row is None:
            raise StoreError("This database has no event yet; create one with 'kiosk init'.")
        return rows.event_from_row(row)

    def save_event(self, event: Event) -> None:
        self.db.table("event").upsert(
            {
                "id": 1,
                "name": event.name,
                "venue": event.venue,
                "timezone": event.timezone,
                "first_day": event.first_day.isoformat() if event.first_day else None,
                "last_day": event.last_day.isoformat() if event.last_day else None,
                "created_at": now_text(),
            },
            pk="id",
        )

    def add_session(
        self,
        title: str,
        starts_at: dt.datetime,
        ends_at: dt.datetime,
        room: str = "",
        capacity: int | None = None,
        *,
        key: str = "",
        open_to: Sequence[str] = (),
        booking_required: bool = False,
    ) -> Session:
        cursor = self.db.table("sessions").insert(
            {
                "id": self._new_session_id(),
                "title": title,
                "room": room,
                "starts_at": rows.utc_text(starts_at),
                "ends_at": rows.utc_text(ends_at),
                "capacity": capacity,
                "key": key,
                "open_to": rows.join_categories(list(open_to)),
                "booking_required": int(booking_required),
            }
        )
        session = self.session(int(cursor.last_rowid or 0))
        assert session is not None
        return session

    def _new_session_id(self) -> int | None:
        """The next id in this station's block when its file is joined to a
        hub (stations adding sessions at once never pick the same id; see
        docs/sync.md); None to let SQLite take the next one."""
        row = self.conn.execute(
            "SELECT value FROM sync_state WHERE key = 'session_block'"
        ).fetchone()
        if row is None:
            return None
        low = int(row[0]) * SESSION_ID_BLOCK
        top = self.conn.execute(
            "SELECT max(id) FROM sessions WHERE id > ? AND id < ?", (low, low + SESSION_ID_BLOCK)
        ).fetchone()[0]
        following = int(top or low) + 1
        return following if following < low + SESSION_ID_BLOCK else None

    def session(self, session_id: int) -> Session | None:
        row = next(self.db.query("SELECT * FROM sessions WHERE id = ?", [session_id]), None)
        return rows.session_from_row(row) if row else None

    def sessions(self) -> list[Session]:
        return [
            rows.session_from_row(row)
            for row in self.db.query("SELECT * FROM sessions ORDER BY starts_at, id")
        ]

    def has_booking(self, attendee_id: int, session_id: int) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM bookings WHERE attendee_id = ? AND session_id = ?",
            (attendee_id, session_id),
        ).fetchone()
        return row is not None

    def inside_count(self, session_id: int, at: dt.datetime | None = None) -> int:
        """People in the session's room now: admitted and not scanned out.
        With `at`, as the log stood at that moment (entries and exits up to it).

        Now: the rows of session_presence saying so, which the log's trigger
        keeps (a door asks at every scan). At a moment: each active attendee's
        latest live movement up to it (latest by time, then by seq, as the
        attendance view orders them), with the undone rows and the
        registrations that are not active each listed once rather than looked
        up for every row. Both equal the `attended` view's count on any log:
        tests/store/test_inside_count.py.
        """
        not_active = "SELECT id FROM attendees WHERE status < 'active' OR status > 'active'"
        if at is None:
            row = self.conn.execute(
                "SELECT count(*) FROM session_presence WHERE session_id = ? AND inside "
                f"AND attendee_id NOT IN ({not_active})",
                (session_id,),
            ).fetchone()
            return int(row[0])
        row = self.conn.execute(
            f"""SELECT count(*) FROM (
                SELECT kind, max(at || printf('%020d', seq)) FROM checkins
                WHERE session_id = ? AND kind IN ('entry', 'exit') AND at <= ?
                  AND id NOT IN (
                      SELECT undoes FROM checkins WHERE undoes IS NOT NULL AND kind = 'undo')
                  AND attendee_id NOT IN ({not_active})
                GROUP BY attendee_id
            ) WHERE kind = 'entry'""",
            (session_id, rows.utc_text(at)),
        ).fetchone()
        return int(row[0])

    # -- attendees -------------------------------------------------------

    def attendee_by_code(self, code: str) -> Attendee | None:
        row = self.conn.execute(
            f"SELECT {rows.ATTENDEE_COLUMNS} FROM attendees WHERE code = ?", (code,)
        ).fetchone()
        return rows.attendee_from_tuple(row) if row else None

    def attendee_by_replaced_code(self, code: str) -> Attendee | None:
        """Whose lost badge carried `code` (kiosk.store.replaced)."""
        row = self.conn.execute(
            f"SELECT {rows.ATTENDEE_COLUMNS} FROM attendees "
            "WHERE id = (SELECT attendee_id FROM replaced_codes WHERE code = ?)",
            (code,),
        ).fetchone()
        return rows.attendee_from_tuple(row) if row else None

    def attendee(self, attendee_id: int) -> Attendee | None:
        row = self.conn.execute(
            f"SELECT {rows.ATTENDEE_COLUMNS} FROM attendees WHERE id = ?", (attendee_id,)
        ).fetchone()
        return rows.attendee_from_tuple(row) if row else None

    def attendees(self, *, status: AttendeeStatus | None = None) -> list[Attendee]:
        """Everyone on the roster (or only those of one `status`), by last name."""
        where, params = ("WHERE status = ?", (status.value,)) if status else ("", ())
        return [
            rows.attendee_from_tuple(row)
            for row in self.conn.execute(
                f"SELECT {rows.ATTENDEE_COLUMNS} FROM attendees {where} ORDER BY sort_key, id",
                params,
            )
        ]

    def attendee_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM attendees").fetchone()[0])

    def attendee_names(self) -> Iterator[PersonName]:
        """Every name and organisation on the roster (for checking the fonts cover them)."""
        for first, last, organisation in self.conn.execute(
            "SELECT first_name, last_name, organisation FROM attendees"
        ):
            yield PersonName(first, last or "", organisation or "")

    def add_attendee(self, fields: dict[str, Any]) -> Attendee:
        """Insert one attendee; `fields` must hold at least code and first_name."""
        now = now_text()
        record = {**fields, **rows.search_keys(fields), "created_at": now, "updated_at": now}
        cursor = self.conn.execute(
            f"INSERT INTO attendees ({', '.join(record)}) "
            f"VALUES ({', '.join('?' for _ in record)})",
            tuple(record.values()),
        )
        attendee = self.attendee(int(cursor.lastrowid or 0))
        assert attendee is not None
        return attendee

    def update_attendee(self, attendee_id: int, changes: dict[str, Any]) -> None:
        current = next(self.db.query("SELECT * FROM attendees WHERE id = ?", [attendee_id]))
        merged = {**current, **changes}
        changes = {
            **changes,
            **rows.search_keys(merged),
            "updated_at": now_text(),
        }
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.conn.execute(
            f"UPDATE attendees SET {assignments} WHERE id = ?",
            (*changes.values(), attendee_id),
        )

    def search(self, query: str, *, limit: int = 50, names_only: bool = False) -> list[Attendee]:
        """Attendees matching every word of `query` (see `kiosk.store.search`)."""
        return search_attendees(self.conn, query, limit=limit, names_only=names_only)

    # -- the check-in log ------------------------------------------------

    def entries_for(self, attendee_id: int, session_id: int | None) -> list[LogEntry]:
        if session_id is None:
            cursor = self.conn.execute(
                f"SELECT {rows.ENTRY_COLUMNS} FROM checkins "
                "WHERE attendee_id = ? AND session_id IS NULL ORDER BY seq",
                (attendee_id,),
            )
        else:
            cursor = self.conn.execute(
                f"SELECT {rows.ENTRY_COLUMNS} FROM checkins "
                "WHERE attendee_id = ? AND session_id = ? ORDER BY seq",
                (attendee_id, session_id),
            )
        return [rows.entry_from_tuple(row) for row in cursor]

    def append_entry(self, entry: LogEntry) -> None:
        record = rows.entry_to_row(entry)
        self.conn.execute(
            f"INSERT INTO checkins ({', '.join(record)}) VALUES ({', '.join('?' for _ in record)})",
            tuple(record.values()),
        )

    def log_entries(self) -> list[LogEntry]:
        return [
            rows.entry_from_tuple(row)
            for row in self.conn.execute(f"SELECT {rows.ENTRY_COLUMNS} FROM checkins ORDER BY seq")
        ]

    def data_version(self) -> int:
        """Changes whenever any connection (another station too) commits."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def last_log_time(self) -> dt.datetime | None:
        """The latest time any station wrote in the log (a clock check compares it)."""
        last = self.conn.execute("SELECT max(at) FROM checkins").fetchone()[0]
        return rows.parse_utc(last) if last else None

    # -- staff PIN lock-outs (per station) ---------------------------------

    def pin_lockout(self, station: str) -> tuple[int, float]:
        """(wrong PINs in a row, locked until as a Unix time) at `station`."""
        row = self.conn.execute(
            "SELECT failures, locked_until FROM pin_lockouts WHERE station = ?", (station,)
        ).fetchone()
        if row is None:
            return (0, 0.0)
        return (int(row[0]), rows.parse_utc(row[1]).timestamp() if row[1] else 0.0)

    def save_pin_lockout(self, station: str, failures: int, locked_until: float) -> None:
        self.conn.execute(
            "INSERT INTO pin_lockouts (station, failures, locked_until) VALUES (?, ?, ?) "
            "ON CONFLICT(station) DO UPDATE SET failures = excluded.failures, "
            "locked_until = excluded.locked_until",
            (station, failures, _lock_moment(locked_until)),
        )

    # -- settings --------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        if key in PRIVATE_SETTINGS:
            value = self._private_setting(key)
            return default if value is None else value
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def _file_path(self) -> Path | None:
        return None if self.path is None or str(self.path) == ":memory:" else self.path

    def _private_setting(self, key: str) -> str | None:
        """From the station's private file (`kiosk.store.private`), never the event file."""
        path = self._file_path()
        if path is None:
            return self._memory_private.get(key)
        value = read_private(path).get(key)
        if value is None:  # kept in the event file by an older version
            value = take_out_of_event_file(self.conn, path, key)
        return value

    def set_setting(self, key: str, value: str | None) -> None:
        if key in PRIVATE_SETTINGS:
            if (path := self._file_path()) is None:
                self._memory_private.pop(key, None)
                if value is not None:
                    self._memory_private[key] = value
            else:
                write_private(path, key, value)
            return
        if value is None:
            self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _lock_moment(unix_time: float) -> str | None:
    """A lock-out's end as a stored moment; none (0) as NULL."""
    if unix_time <= 0:
        return None
    return rows.utc_text(dt.datetime.fromtimestamp(unix_time, dt.UTC))

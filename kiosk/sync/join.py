"""Publishing an event to an empty hub, and joining a station to a hub."""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path
from typing import Any

from kiosk.store import Store
from kiosk.store.purge import delete_event_file
from kiosk.store.timestamps import now_text
from kiosk.sync import hub, hubversion, local
from kiosk.sync.connection import HubUnavailable, SyncSetupError, connect, describe
from kiosk.sync.hubschema import (
    ATTENDEE_COLUMNS,
    BOOKING_KEYS,
    MAJOR,
    MINOR,
    REPLACED_CODE_KEYS,
    SCHEMA,
    SESSION_COLUMNS,
    VERSION_KEY,
)
from kiosk.sync.hubschema import EVENT as HUB_EVENT
from kiosk.sync.wire import ENTRY_KEYS, entry_columns

log = logging.getLogger("kiosk.sync")

# Publishing and joining move the whole roster: allow them more than a scan.
BULK_TIMEOUT_MS = 120_000
EVENT_COLUMNS = HUB_EVENT.names()
# This file's log as the hub is sent it: ENTRY_KEYS, the attendee by code.
_LOCAL_ENTRIES = (
    "SELECT "
    + ", ".join("a.code" if key == "code" else f"c.{key}" for key in ENTRY_KEYS)
    + " FROM checkins c JOIN attendees a ON a.id = c.attendee_id ORDER BY c.seq"
)
# This file's bookings as the hub keeps them, BOOKING_KEYS: the attendee by code.
_LOCAL_BOOKINGS = (
    "SELECT a.code, b.session_id, b.booked_at FROM bookings b "
    "JOIN attendees a ON a.id = b.attendee_id"
)


def _marks(mark: str, columns: tuple[str, ...]) -> str:
    return ", ".join(mark for _ in columns)


def _private_setting(key: str) -> bool:
    """Settings that belong to one station (its hub address) stay on it."""
    return key.startswith("sync.")


def _one(cur: Any, sql: str) -> Any:
    row = cur.execute(sql).fetchone()
    return None if row is None else row[0]


def _rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return list(store.conn.execute(sql).fetchall())


def publish(store: Store, url: str, station: str) -> dict[str, int]:
    """Put this station's event (roster, sessions, settings, log) on an empty hub."""
    try:
        conn = connect(url, station, timeout_ms=BULK_TIMEOUT_MS)
    except HubUnavailable:
        raise SyncSetupError(f"The hub at {describe(url)} cannot be reached.") from None
    with conn:
        with conn.transaction(), conn.cursor() as cur:
            if _one(cur, "SELECT to_regclass('kiosk_meta')") is not None:
                raise SyncSetupError(
                    f"The hub database {describe(url)} already holds an event; "
                    "publish to an empty database."
                )
            cur.execute(SCHEMA)
            hub_id = uuid.uuid4().hex
            cur.execute(
                "INSERT INTO kiosk_meta (key, value) VALUES ('hub_id', %s), (%s, %s)",
                (hub_id, VERSION_KEY, f"{MAJOR}.{MINOR}"),
            )
            cur.executemany(
                f"INSERT INTO event ({', '.join(EVENT_COLUMNS)}) "
                f"VALUES ({_marks('%s', EVENT_COLUMNS)})",
                _rows(store, f"SELECT {', '.join(EVENT_COLUMNS)} FROM event"),
            )
            cur.executemany(
                f"INSERT INTO sessions ({', '.join(SESSION_COLUMNS)}) "
                f"VALUES ({_marks('%s', SESSION_COLUMNS)})",
                _rows(store, f"SELECT {', '.join(SESSION_COLUMNS)} FROM sessions"),
            )
            cur.executemany(
                "INSERT INTO settings (key, value) VALUES (%s, %s)",
                [
                    row
                    for row in _rows(store, "SELECT key, value FROM settings")
                    if not _private_setting(row[0])
                ],
            )
            attendees = _rows(store, f"SELECT {', '.join(ATTENDEE_COLUMNS)} FROM attendees")
            with cur.copy(
                f"COPY attendees ({', '.join(ATTENDEE_COLUMNS)}, updated_by) FROM STDIN"
            ) as copy:
                for row in attendees:
                    copy.write_row((*row, station))
            cur.executemany(
                "INSERT INTO bookings (attendee_code, session_id, booked_at) VALUES (%s, %s, %s)",
                _rows(store, _LOCAL_BOOKINGS),
            )
            cur.executemany(
                f"INSERT INTO replaced_codes ({', '.join(REPLACED_CODE_KEYS)}) "
                f"VALUES ({_marks('%s', REPLACED_CODE_KEYS)})",
                _rows(
                    store,
                    "SELECT r.code, a.code, r.replaced_at, r.station, r.operator "
                    "FROM replaced_codes r JOIN attendees a ON a.id = r.attendee_id",
                ),
            )
        entries = [
            hub.Change(row[0], "checkin", station, dict(zip(ENTRY_KEYS, row, strict=True)))
            for row in _rows(
                store,
                _LOCAL_ENTRIES,
            )
        ]
        for part in hub.chunks(entries, 1000):
            hub.upload(conn, station, part)
        last = _one(conn, "SELECT coalesce(max(seq), 0) FROM changes")
        block = hub.claim_session_block(conn)
    with store.transaction():
        local.set_state(store, local.SESSION_BLOCK, str(block))
        local.set_state(store, local.HUB_ID, hub_id)
        local.set_state(store, local.STATION, station)
        local.set_state(store, local.CURSOR, str(last))
        local.set_state(store, local.LAST_SYNC, now_text())
        local.set_state(store, "hub_label", describe(url))
        local.set_state(store, "capture", "1")
    log.info("published the event to %s: %d attendees", describe(url), len(attendees))
    return {"attendees": len(attendees), "checkins": len(entries)}


def hub_id_of(conn: Any) -> str | None:
    with conn.cursor() as cur:
        if cur.execute("SELECT to_regclass('kiosk_meta')").fetchone()[0] is None:
            return None
        row = cur.execute("SELECT value FROM kiosk_meta WHERE key = 'hub_id'").fetchone()
    return None if row is None else str(row[0])


def join(path: Path, url: str, station: str) -> Store:
    """Open the station's file, first copying the event from the hub if this
    file has not joined it yet. A joined file opens even with the hub down.

    A file this call created is removed again when the join fails: a failed
    join leaves nothing behind that a later command could take for an event.
    """
    created = not path.exists()
    store = Store.open(path, create=True)
    try:
        return _join(store, url, station)
    except BaseException:
        store.close()
        if created:
            delete_event_file(path)
        raise


def _join(store: Store, url: str, station: str) -> Store:
    joined = local.state(store, local.HUB_ID)
    try:
        conn = connect(url, station, timeout_ms=BULK_TIMEOUT_MS)
    except HubUnavailable:
        if joined:
            log.info("hub %s unreachable at start: working offline", describe(url))
            return store
        raise SyncSetupError(
            f"The hub at {describe(url)} cannot be reached and this station has no copy "
            "of the event yet."
        ) from None
    with conn:
        hub_id = hub_id_of(conn)
        if hub_id is None:
            raise SyncSetupError(
                f"The database {describe(url)} holds no event; publish one with kiosk server init."
            )
        hubversion.ensure_compatible(conn)
        if joined:
            if joined != hub_id:
                raise SyncSetupError(
                    "This event file belongs to a different hub; join with a new --db file."
                )
            return store
        if _other_event(conn, store):
            raise SyncSetupError(
                "This event file holds a different event than the hub; join with a new --db file."
            )
        _copy_from_hub(conn, store, hub_id, station)
    return store


def _other_event(conn: Any, store: Store) -> bool:
    """The file already has an event (with people in it) that is not the hub's."""
    mine = store.conn.execute("SELECT name FROM event WHERE id = 1").fetchone()
    if mine is None or not store.conn.execute("SELECT 1 FROM attendees LIMIT 1").fetchone():
        return False
    return bool(mine[0] != _one(conn, "SELECT name FROM event WHERE id = 1"))


def _copy_from_hub(conn: Any, store: Store, hub_id: str, station: str) -> None:
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        last = cur.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]
        event = cur.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM event").fetchall()
        sessions = cur.execute(f"SELECT {', '.join(SESSION_COLUMNS)} FROM sessions").fetchall()
        settings = cur.execute("SELECT key, value FROM settings").fetchall()
        attendees = cur.execute(f"SELECT {', '.join(ATTENDEE_COLUMNS)} FROM attendees").fetchall()
        checkins = cur.execute(
            f"SELECT {entry_columns('attendee_code')} FROM checkins ORDER BY change_seq"
        ).fetchall()
        conflicts = hub.conflicts(conn)
        replaced = cur.execute(
            f"SELECT {', '.join(REPLACED_CODE_KEYS)} FROM replaced_codes"
        ).fetchall()
        bookings = cur.execute(
            "SELECT attendee_code, session_id, booked_at FROM bookings"
        ).fetchall()
    block = hub.claim_session_block(conn)
    hub_entries = {row[0] for row in checkins}
    with store.transaction():
        with local.applying(store):
            _copy_rows(
                store, event, sessions, settings, attendees, checkins, conflicts, hub_entries
            )
            # The hub names them (and the log) by each attendee's current code.
            for row in replaced:
                local.put_replaced(store, dict(zip(REPLACED_CODE_KEYS, row, strict=True)))
            for row in bookings:
                local.put_booking(store, dict(zip(BOOKING_KEYS, row, strict=True)), None)
        local.set_state(store, local.SESSION_BLOCK, str(block))
        local.set_state(store, local.HUB_ID, hub_id)
        local.set_state(store, local.STATION, station)
        local.set_state(store, local.CURSOR, str(last))
        local.set_state(store, local.LAST_SYNC, now_text())
        local.set_state(store, "capture", "1")
    log.info(
        "joined hub: %d attendees, %d check-ins, up to change %d",
        len(attendees),
        len(checkins),
        last,
    )


def _copy_rows(
    store: Store,
    event: list[Any],
    sessions: list[Any],
    settings: list[Any],
    attendees: list[Any],
    checkins: list[Any],
    conflicts: list[dict[str, Any]],
    hub_entries: set[str],
) -> None:
    for row in event:
        store.conn.execute(
            f"INSERT OR REPLACE INTO event ({', '.join(EVENT_COLUMNS)}) "
            f"VALUES ({_marks('?', EVENT_COLUMNS)})",
            row,
        )
    for row in sessions:
        local.put_session(store, dict(zip(SESSION_COLUMNS, row, strict=True)))
    for key, value in settings:
        if not _private_setting(key):
            store.set_setting(key, value)
    # New rows in one executemany (a 100k roster in seconds); rows this file
    # already has are overwritten one by one (the hub's version wins).
    have = {code for (code,) in store.conn.execute("SELECT code FROM attendees")}
    store.conn.executemany(
        f"INSERT INTO attendees ({', '.join(ATTENDEE_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in ATTENDEE_COLUMNS)})",
        (row for row in attendees if row[0] not in have),
    )
    for row in attendees:
        if row[0] in have:
            local.put_attendee(store, dict(zip(ATTENDEE_COLUMNS, row, strict=True)))
    for row in checkins:
        local.put_checkin(store, dict(zip(ENTRY_KEYS, row, strict=True)), None)
    for conflict in conflicts:
        local.put_conflict(store, conflict)
    # Check-ins this file had before it joined go up like any other change.
    for row in _rows(
        store,
        _LOCAL_ENTRIES,
    ):
        if row[0] not in hub_entries:
            payload = dict(zip(ENTRY_KEYS, row, strict=True))
            store.conn.execute(
                "INSERT OR IGNORE INTO sync_outbox (change_id, kind, attendee_code, payload) "
                "VALUES (?, 'checkin', ?, json(?))",
                (row[0], row[1], json.dumps(payload)),
            )

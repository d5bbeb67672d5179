"""The station's side of sync, all in its own SQLite file.

The outbox is filled by triggers (schema 3) whenever `sync_state.capture` is
'1'. Changes received from the hub are applied with capture switched off
inside the same transaction, so they are never sent back.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from kiosk.store import Store
from kiosk.store.conflicts import ADMITTED_TWICE
from kiosk.store.timestamps import normalised, now_text
from kiosk.sync.hub import Change
from kiosk.sync.hubschema import (
    ATTENDEE_COLUMNS,
    SESSION_COLUMNS,
    attendee_values,
    session_values,
)
from kiosk.sync.wire import entry_columns, entry_values

log = logging.getLogger("kiosk.sync")

AttendeeFetcher = Callable[[str], "dict[str, Any] | None"]

CURSOR = "cursor"  # the last hub change seq applied here
HUB_ID = "hub_id"
STATION = "station"
ONLINE = "online"
LAST_SYNC = "last_sync"
SEEN_HUB_AT = "seen_hub_at"
# The block of session ids this station numbers its new sessions in
# (kiosk.store.store.SESSION_ID_BLOCK), handed out by the hub.
SESSION_BLOCK = "session_block"
# '1' from the hub refusing this station's login until it lets it in again:
# kept after the station stops, since the password is still wrong.
REFUSED = "hub_refused"


def state(store: Store, key: str, default: str | None = None) -> str | None:
    row = store.conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_state(store: Store, key: str, value: str) -> None:
    store.conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def is_joined(store: Store) -> bool:
    return state(store, HUB_ID) is not None


@contextlib.contextmanager
def applying(store: Store) -> Iterator[None]:
    """Inside a transaction: write without capturing into the outbox."""
    before = state(store, "capture", "0") or "0"
    set_state(store, "capture", "0")
    yield
    set_state(store, "capture", before)


# -- the outbox --------------------------------------------------------


def pending(
    store: Store, station: str, *, limit: int = 500, code: str | None = None
) -> list[tuple[int, Change]]:
    """Changes made here and not yet at the hub, oldest first; with `code`,
    those of that attendee (and every session change)."""
    if code is None:
        rows = store.conn.execute(
            "SELECT seq, change_id, kind, payload FROM sync_outbox "
            "WHERE sent_at IS NULL ORDER BY seq LIMIT ?",
            (limit,),
        ).fetchall()
    else:
        # The programme's sessions go with them: a booking or an entry must
        # never reach the hub (and other stations) before its session.
        rows = store.conn.execute(
            "SELECT seq, change_id, kind, payload FROM sync_outbox "
            "WHERE sent_at IS NULL AND (attendee_code = ? OR kind = 'session') "
            "ORDER BY seq LIMIT ?",
            (code, limit),
        ).fetchall()
    return [
        (seq, Change(cid, kind, station, json.loads(payload))) for seq, cid, kind, payload in rows
    ]


def mark_sent(store: Store, seqs: Sequence[int]) -> None:
    if not seqs:
        return
    now = now_text()
    store.conn.executemany(
        "UPDATE sync_outbox SET sent_at = ? WHERE seq = ?", [(now, seq) for seq in seqs]
    )


def mark_sent_by_id(store: Store, change_id: str) -> None:
    store.conn.execute(
        "UPDATE sync_outbox SET sent_at = ? WHERE change_id = ?", (now_text(), change_id)
    )


def waiting(store: Store) -> int:
    return int(
        store.conn.execute("SELECT count(*) FROM sync_outbox WHERE sent_at IS NULL").fetchone()[0]
    )


def conflict_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0])


def local_conflicts(store: Store) -> list[dict[str, Any]]:
    cursor = store.conn.execute("SELECT * FROM sync_conflicts ORDER BY detected_at, id")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# -- applying what the hub sends -----------------------------------------


def put_attendee(store: Store, fields: dict[str, Any], old_code: str | None = None) -> int:
    """Insert or overwrite one roster row by code; returns the local id."""
    key = old_code or fields["code"]
    values = attendee_values(fields)
    row = store.conn.execute("SELECT id FROM attendees WHERE code = ?", (key,)).fetchone()
    if row is None and key != fields["code"]:
        row = store.conn.execute(
            "SELECT id FROM attendees WHERE code = ?", (fields["code"],)
        ).fetchone()
    if row is not None:
        assignments = ", ".join(f"{column} = ?" for column in ATTENDEE_COLUMNS)
        store.conn.execute(f"UPDATE attendees SET {assignments} WHERE id = ?", (*values, row[0]))
        return int(row[0])
    cursor = store.conn.execute(
        f"INSERT INTO attendees ({', '.join(ATTENDEE_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in ATTENDEE_COLUMNS)})",
        values,
    )
    return int(cursor.lastrowid or 0)


def _attendee_id(store: Store, code: str, fetch: AttendeeFetcher | None) -> int | None:
    row = store.conn.execute("SELECT id FROM attendees WHERE code = ?", (code,)).fetchone()
    if row is None:
        # A lost badge's code: an entry made with it before the replacement
        # reached that station is still the attendee's.
        row = store.conn.execute(
            "SELECT attendee_id FROM replaced_codes WHERE code = ?", (code,)
        ).fetchone()
    if row is not None:
        return int(row[0])
    fields = fetch(code) if fetch else None
    return None if fields is None else put_attendee(store, fields)


def put_checkin(store: Store, p: dict[str, Any], fetch: AttendeeFetcher | None) -> bool:
    attendee_id = _attendee_id(store, p["code"], fetch)
    if attendee_id is None:
        log.error("check-in %s names an attendee the hub does not have", p["id"])
        return False
    values = entry_values(p, attendee_id)
    store.conn.execute(
        f"INSERT OR IGNORE INTO checkins ({entry_columns('attendee_id')}) "
        f"VALUES ({', '.join('?' * len(values))})",
        values,
    )
    return True


def put_replaced(store: Store, p: dict[str, Any]) -> bool:
    """A lost badge's code replaced at another station (kiosk reissue)."""
    row = store.conn.execute(
        "SELECT id FROM attendees WHERE code = ?", (p["attendee_code"],)
    ).fetchone()
    if row is None:
        log.error("a replaced code names an attendee this station does not have")
        return False
    store.conn.execute(
        "INSERT OR IGNORE INTO replaced_codes (code, attendee_id, replaced_at, station, operator) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            p["code"],
            row[0],
            normalised(p["replaced_at"]) or now_text(),
            p["station"],
            p.get("operator") or "",
        ),
    )
    return True


def put_session(store: Store, fields: dict[str, Any]) -> None:
    """Insert or overwrite a session by id: the same id at every station."""
    values = session_values(fields)
    others = [column for column in SESSION_COLUMNS if column != "id"]
    store.conn.execute(
        f"INSERT INTO sessions ({', '.join(SESSION_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in SESSION_COLUMNS)}) ON CONFLICT (id) DO UPDATE SET "
        + ", ".join(f"{column} = excluded.{column}" for column in others),
        values,
    )


def put_booking(store: Store, p: dict[str, Any], fetch: AttendeeFetcher | None) -> bool:
    """A booking made (or taken back: `booked` 0) at another station."""
    attendee_id = _attendee_id(store, p["code"], fetch)
    if attendee_id is None:
        log.error("a booking for session %s names an unknown attendee", p["session_id"])
        return False
    if store.session(int(p["session_id"])) is None:
        log.error("a booking names session %s, which this station does not have", p["session_id"])
        return False
    if p.get("booked", 1):
        store.conn.execute(
            "INSERT OR IGNORE INTO bookings (attendee_id, session_id, booked_at) VALUES (?, ?, ?)",
            (attendee_id, p["session_id"], normalised(p.get("booked_at")) or now_text()),
        )
    else:
        store.conn.execute(
            "DELETE FROM bookings WHERE attendee_id = ? AND session_id = ?",
            (attendee_id, p["session_id"]),
        )
    return True


def put_conflict(store: Store, p: dict[str, Any]) -> None:
    store.conn.execute(
        "INSERT OR IGNORE INTO sync_conflicts (id, attendee_code, scope, kept_entry, "
        "kept_station, kept_at, other_entry, other_station, other_at, detected_at, kind, "
        "capacity, inside) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            p["id"],
            p["attendee_code"],
            p["scope"],
            p["kept_entry"],
            p["kept_station"],
            p["kept_at"],
            p["other_entry"],
            p["other_station"],
            p["other_at"],
            normalised(p.get("detected_at")) or now_text(),
            p.get("kind") or ADMITTED_TWICE,
            p.get("capacity"),
            p.get("inside"),
        ),
    )


def apply_changes(
    store: Store, changes: Sequence[tuple[int, Change]], fetch: AttendeeFetcher | None = None
) -> int:
    """Apply changes from the hub in seq order and move the cursor, in one
    transaction: a crash leaves either all of them applied or none."""
    if not changes:
        return 0
    with store.transaction(), applying(store):
        for _seq, change in changes:
            if change.kind == "checkin":
                put_checkin(store, change.payload, fetch)
            elif change.kind == "attendee":
                fields = {c: change.payload.get(c) for c in ATTENDEE_COLUMNS}
                put_attendee(store, fields, change.payload.get("old_code"))
            elif change.kind == "conflict":
                put_conflict(store, change.payload)
            elif change.kind == "replaced":
                put_replaced(store, change.payload)
            elif change.kind == "session":
                put_session(store, change.payload)
            elif change.kind == "booking":
                put_booking(store, change.payload, fetch)
            # Print records stay at the hub: applying them here would hand
            # another station's jobs to this station's printer worker.
        set_state(store, CURSOR, str(changes[-1][0]))
        set_state(store, LAST_SYNC, now_text())
    return len(changes)

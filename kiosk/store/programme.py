"""The programme in the event file: sessions an organiser sets up, and bookings.

The domain's `Session` is read by `Store.session`/`Store.sessions`; this
module writes sessions and bookings and answers the questions the programme
screens and commands ask (who is in which room, who booked what).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.domain.models import Session
from kiosk.store import rows
from kiosk.store.store import Store
from kiosk.store.timestamps import now_text

# The columns a session's edit may change, and how each is stored.
SESSION_FIELDS = (
    "title",
    "room",
    "starts_at",
    "ends_at",
    "capacity",
    "key",
    "open_to",
    "booking_required",
    "cancelled",
)


def _stored(field: str, value: Any) -> Any:
    if field in ("starts_at", "ends_at"):
        assert isinstance(value, dt.datetime)
        return rows.utc_text(value)
    if field == "open_to":
        return rows.join_categories(list(value))
    if field in ("booking_required", "cancelled"):
        return int(bool(value))
    return value


def update_session(store: Store, session_id: int, changes: Mapping[str, Any]) -> Session:
    """Change some of a session's SESSION_FIELDS (domain values: datetimes,
    a tuple of categories, booleans); returns the session as it now is."""
    unknown = set(changes) - set(SESSION_FIELDS)
    if unknown:
        raise ValueError(f"not a session field: {sorted(unknown)}")
    if changes:
        assignments = ", ".join(f"{field} = ?" for field in changes)
        values = [_stored(field, value) for field, value in changes.items()]
        store.conn.execute(f"UPDATE sessions SET {assignments} WHERE id = ?", (*values, session_id))
    session = store.session(session_id)
    if session is None:
        raise LookupError(f"no session {session_id}")
    return session


def cancel_session(store: Store, session_id: int, cancelled: bool = True) -> Session:
    """A cancelled session admits nobody; its log and bookings stay."""
    return update_session(store, session_id, {"cancelled": cancelled})


def session_by_key(store: Store, key: str) -> Session | None:
    row = store.conn.execute("SELECT id FROM sessions WHERE key = ? AND key != ''", (key,))
    found = row.fetchone()
    return store.session(int(found[0])) if found else None


def rooms(store: Store) -> list[str]:
    """Every room of the programme, in the order their first session starts."""
    return [
        str(row[0])
        for row in store.conn.execute(
            "SELECT room FROM sessions WHERE room != '' GROUP BY room ORDER BY min(starts_at), room"
        )
    ]


def sessions_in_room(store: Store, room: str) -> list[Session]:
    """The room's sessions, cancelled ones too, in time order (rooms match
    without regard to case: a door set up as 'room 1' follows 'Room 1')."""
    # One read: a door asks at every scan.
    return [
        rows.session_from_row(row)
        for row in store.db.query(
            "SELECT * FROM sessions WHERE room = ? COLLATE NOCASE ORDER BY starts_at, id", [room]
        )
    ]


# -- bookings ------------------------------------------------------------


def book(store: Store, attendee_id: int, session_id: int, at: dt.datetime | None = None) -> bool:
    """Book the attendee into the session; False if they already were."""
    cursor = store.conn.execute(
        "INSERT OR IGNORE INTO bookings (attendee_id, session_id, booked_at) VALUES (?, ?, ?)",
        (attendee_id, session_id, rows.utc_text(at) if at else now_text()),
    )
    return cursor.rowcount > 0


def unbook(store: Store, attendee_id: int, session_id: int) -> bool:
    cursor = store.conn.execute(
        "DELETE FROM bookings WHERE attendee_id = ? AND session_id = ?", (attendee_id, session_id)
    )
    return cursor.rowcount > 0


def booked_attendees(store: Store, session_id: int) -> set[int]:
    return {
        int(row[0])
        for row in store.conn.execute(
            "SELECT attendee_id FROM bookings WHERE session_id = ?", (session_id,)
        )
    }


def bookings_of(store: Store, attendee_id: int) -> list[int]:
    """The sessions the attendee booked, by id, in programme order."""
    return [
        int(row[0])
        for row in store.conn.execute(
            "SELECT b.session_id FROM bookings AS b JOIN sessions AS s ON s.id = b.session_id "
            "WHERE b.attendee_id = ? ORDER BY s.starts_at, s.id",
            (attendee_id,),
        )
    ]


# -- who is where --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionCounts:
    session_id: int
    admitted: int  # ever admitted (first admissions that stand)
    inside: int  # in the room now: admitted and not scanned out
    booked: int


def session_counts(
    store: Store, session_ids: Iterable[int] | None = None
) -> dict[int, SessionCounts]:
    """Admitted, in the room now and booked, for every session (or those given)."""
    wanted = None if session_ids is None else set(session_ids)
    counts: dict[int, list[int]] = {}
    for session_id, admitted, inside in store.conn.execute(
        "SELECT session_id, count(*), coalesce(sum(inside), 0) FROM attended "
        "WHERE session_id IS NOT NULL GROUP BY session_id"
    ):
        counts[int(session_id)] = [int(admitted), int(inside), 0]
    for session_id, booked in store.conn.execute(
        "SELECT session_id, count(*) FROM bookings GROUP BY session_id"
    ):
        counts.setdefault(int(session_id), [0, 0, 0])[2] = int(booked)
    ids = wanted if wanted is not None else {s.id for s in store.sessions()}
    return {sid: SessionCounts(sid, *counts.get(sid, [0, 0, 0])) for sid in ids}


def attendees_with_email(store: Store, email: str) -> list[int]:
    """Attendees whose e-mail is `email` (without regard to case or the spaces
    around it), by id: a bookings file may name people by e-mail."""
    return [
        int(row[0])
        for row in store.conn.execute(
            "SELECT id FROM attendees WHERE lower(trim(email)) = lower(?) AND email != '' "
            "ORDER BY id",
            (email.strip(),),
        )
    ]


def delete_unused_session(store: Store, session_id: int) -> bool:
    """Remove a session nobody was checked in to or booked, in a file not
    joined to a hub (the hub is never told of a removal: a used or shared
    session is cancelled instead). False when it may not be removed."""
    with store.transaction():
        used = store.conn.execute(
            """SELECT EXISTS (SELECT 1 FROM checkins WHERE session_id = :id)
                   OR EXISTS (SELECT 1 FROM bookings WHERE session_id = :id)
                   OR EXISTS (SELECT 1 FROM sync_state WHERE key = 'capture' AND value = '1')""",
            {"id": session_id},
        ).fetchone()[0]
        if used:
            return False
        store.conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
    return True

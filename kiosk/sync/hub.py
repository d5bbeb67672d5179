"""What happens at the hub: admissions, uploads, downloads, snapshots.

Each function takes an open psycopg connection (autocommit) and runs one
short transaction. The hub is the only place where two stations meet, so the
rules that keep them consistent live here; see docs/sync.md.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.store.conflicts import OVER_CAPACITY
from kiosk.store.store import SESSION_ID_BLOCK
from kiosk.store.timestamps import utc_text
from kiosk.sync import hubschema
from kiosk.sync.hubschema import (
    ATTENDEE_COLUMNS,
    CHANGES_LOCK,
    SESSION_COLUMNS,
    attendee_values,
    scope_of,
    session_values,
)
from kiosk.sync.wire import entry_columns, entry_values

log = logging.getLogger("kiosk.sync")


@dataclass(frozen=True, slots=True)
class Change:
    """One replicated change: a check-in log entry, a roster row, a print record
    or (made by the hub) a conflict. `id` is unique across all stations."""

    id: str
    kind: str
    station: str
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Holder:
    """The admission that already holds a scope at the hub."""

    entry_id: str
    station: str
    at: str
    day: str


class CodeReplaced(Exception):
    """The hub knows the scanned code as a lost badge's (kiosk reissue)."""


class RoomFull(Exception):
    """The session's room is at capacity, counting every door's admissions."""

    def __init__(self, inside: int, capacity: int) -> None:
        super().__init__(f"{inside} in a room for {capacity}")
        self.inside = inside
        self.capacity = capacity


# Hub tables that name an attendee by code: a reissue renames them all.
_CODE_REFERENCES = (
    "admissions",
    "checkins",
    "conflicts",
    "print_log",
    "replaced_codes",
    "bookings",
)


def _current_code(cur: Any, code: str) -> str:
    """The attendee's code now, for a code that a reissue may have replaced."""
    row = cur.execute(
        "SELECT attendee_code FROM replaced_codes WHERE code = %s", (code,)
    ).fetchone()
    return code if row is None else str(row[0])


def _rename_code(cur: Any, old: str, new: str) -> None:
    """A registration's code changed (a lost badge replaced): its admissions,
    log, conflicts, print record and earlier replaced codes follow it, so the
    new code is already admitted where the old one was."""
    for table in _CODE_REFERENCES:
        cur.execute(
            f"UPDATE {table} SET attendee_code = %s WHERE attendee_code = %s",
            (new, old),
        )


def _insert_replaced(cur: Any, p: dict[str, Any]) -> None:
    cur.execute(
        "INSERT INTO replaced_codes (code, attendee_code, replaced_at, station, operator) "
        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (code) DO NOTHING",
        (
            p["code"],
            _current_code(cur, p["attendee_code"]),
            p["replaced_at"],
            p["station"],
            p.get("operator") or "",
        ),
    )


def _lock(cur: Any) -> None:
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (CHANGES_LOCK,))


def _take_scope(cur: Any, p: dict[str, Any], station: str) -> Holder | None:
    """Claim the admission scope of entry `p`; the current holder if it is taken.

    A scope whose holder has scanned out (inside = false) may be claimed again:
    that is a re-entry, not a second admission.
    """
    scope = scope_of(p.get("session_id"), p["day"])
    row = cur.execute(
        "INSERT INTO admissions (attendee_code, scope, entry_id, station, at, day) "
        "VALUES (%s, %s, %s, %s, %s, %s) "
        "ON CONFLICT ON CONSTRAINT admissions_once DO UPDATE SET entry_id = EXCLUDED.entry_id, "
        "station = EXCLUDED.station, at = EXCLUDED.at, day = EXCLUDED.day, inside = true "
        "WHERE NOT admissions.inside OR admissions.entry_id = EXCLUDED.entry_id RETURNING 1",
        (p["code"], scope, p["id"], station, p["at"], p["day"]),
    ).fetchone()
    if row is not None:
        return None
    held = cur.execute(
        "SELECT entry_id, station, at, day FROM admissions WHERE attendee_code = %s AND scope = %s",
        (p["code"], scope),
    ).fetchone()
    return Holder(*held)


def _room(cur: Any, p: dict[str, Any]) -> tuple[int, int] | None:
    """(people inside besides this attendee, capacity) when entry `p` takes a
    seat in a session with a capacity; None when no limit applies to it.

    A supervisor's override is let in past the limit, and a scan entered
    later from a paper list was counted against the room as it was then by
    its station; exits and undos never take a seat.
    """
    session_id = p.get("session_id")
    if session_id is None or p.get("kind") != "entry" or p.get("override"):
        return None
    if p.get("entered_later"):
        return None
    row = cur.execute("SELECT capacity FROM sessions WHERE id = %s", (session_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    inside = cur.execute(
        "SELECT count(*) FROM admissions WHERE scope = %s AND inside AND attendee_code != %s",
        (scope_of(session_id, p["day"]), p["code"]),
    ).fetchone()[0]
    return int(inside), int(row[0])


def _is_inside(cur: Any, p: dict[str, Any]) -> bool:
    row = cur.execute(
        "SELECT 1 FROM admissions WHERE attendee_code = %s AND scope = %s AND inside",
        (p["code"], scope_of(p.get("session_id"), p["day"])),
    ).fetchone()
    return row is not None


def _insert_change(cur: Any, change: Change) -> int | None:
    from psycopg.types.json import Jsonb

    row = cur.execute(
        "INSERT INTO changes (id, kind, station, payload) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (id) DO NOTHING RETURNING seq",
        (change.id, change.kind, change.station, Jsonb(change.payload)),
    ).fetchone()
    return None if row is None else int(row[0])


def _insert_checkin(cur: Any, seq: int, p: dict[str, Any]) -> None:
    values = [*entry_values(p, p["code"]), seq]
    cur.execute(
        f"INSERT INTO checkins ({entry_columns('attendee_code')}, change_seq) "
        f"VALUES ({', '.join(['%s'] * len(values))}) ON CONFLICT (id) DO NOTHING",
        values,
    )


def admit(conn: Any, change: Change) -> Holder | None:
    """Decide an entry online: None if it is admitted (and recorded), else the
    admission that got there first. One transaction, guarded by the unique
    constraint on (attendee code, scope) and, for a session with a capacity,
    by the advisory lock: every door's admission to the room is counted under
    it, so two doors never take the last seat both. Raises RoomFull for a
    full room (someone already inside is answered with their admission
    instead: they keep their seat) and CodeReplaced for a lost badge."""
    with conn.transaction(), conn.cursor() as cur:
        _lock(cur)
        if _current_code(cur, change.payload["code"]) != change.payload["code"]:
            # Replaced at another station a moment ago, not yet heard here.
            raise CodeReplaced(change.id)
        room = _room(cur, change.payload)
        if room is not None and room[0] >= room[1] and not _is_inside(cur, change.payload):
            raise RoomFull(*room)
        holder = _take_scope(cur, change.payload, change.station)
        if holder is not None and holder.entry_id != change.id:
            return holder
        seq = _insert_change(cur, change)
        if seq is not None:
            _insert_checkin(cur, seq, change.payload)
    return None


def _record_conflict(cur: Any, p: dict[str, Any], holder: Holder) -> None:
    """An offline admission that met an existing one: keep both, list it."""
    payload = {
        "id": f"conflict-{p['id']}",
        "attendee_code": p["code"],
        "scope": scope_of(p.get("session_id"), p["day"]),
        "kept_entry": holder.entry_id,
        "kept_station": holder.station,
        "kept_at": holder.at,
        "other_entry": p["id"],
        "other_station": p["station"],
        "other_at": p["at"],
    }
    cur.execute(
        "INSERT INTO conflicts (id, attendee_code, scope, kept_entry, kept_station, kept_at, "
        "other_entry, other_station, other_at) VALUES (%(id)s, %(attendee_code)s, %(scope)s, "
        "%(kept_entry)s, %(kept_station)s, %(kept_at)s, %(other_entry)s, %(other_station)s, "
        "%(other_at)s) ON CONFLICT DO NOTHING",
        payload,
    )
    _insert_change(cur, Change(payload["id"], "conflict", "hub", payload))
    log.warning(
        "conflict: entry %s from %s met entry %s from %s",
        p["id"],
        p["station"],
        holder.entry_id,
        holder.station,
    )


def _record_over_capacity(cur: Any, p: dict[str, Any], inside: int, capacity: int) -> None:
    """An offline admission to a room that was already full at the hub: it
    happened, so it stays, and it is listed with the room's count."""
    scope = scope_of(p.get("session_id"), p["day"])
    last = cur.execute(
        "SELECT entry_id, station, at FROM admissions WHERE scope = %s AND inside "
        "AND entry_id != %s ORDER BY at DESC LIMIT 1",
        (scope, p["id"]),
    ).fetchone()
    kept_entry, kept_station, kept_at = last if last is not None else ("", "", p["at"])
    payload = {
        "id": f"conflict-{p['id']}",
        "kind": OVER_CAPACITY,
        "attendee_code": p["code"],
        "scope": scope,
        "kept_entry": kept_entry,
        "kept_station": kept_station,
        "kept_at": kept_at,
        "other_entry": p["id"],
        "other_station": p["station"],
        "other_at": p["at"],
        "capacity": capacity,
        "inside": inside,
    }
    cur.execute(
        "INSERT INTO conflicts (id, kind, attendee_code, scope, kept_entry, kept_station, "
        "kept_at, other_entry, other_station, other_at, capacity, inside) VALUES (%(id)s, "
        "%(kind)s, %(attendee_code)s, %(scope)s, %(kept_entry)s, %(kept_station)s, %(kept_at)s, "
        "%(other_entry)s, %(other_station)s, %(other_at)s, %(capacity)s, %(inside)s) "
        "ON CONFLICT DO NOTHING",
        payload,
    )
    _insert_change(cur, Change(payload["id"], "conflict", "hub", payload))
    log.warning(
        "over capacity: entry %s from %s made %d in %s (capacity %d)",
        p["id"],
        p["station"],
        inside,
        scope,
        capacity,
    )


def _apply_checkin(cur: Any, seq: int, change: Change) -> None:
    # An offline station may have admitted a badge before it heard that the
    # badge was replaced: the entry is the attendee's, under their code now.
    p = {**change.payload, "code": _current_code(cur, change.payload["code"])}
    kind = p["kind"]
    if kind == "entry":
        room = _room(cur, p)
        holder = _take_scope(cur, p, change.station)
        if holder is not None and holder.entry_id != p["id"]:
            _record_conflict(cur, p, holder)
        elif holder is None and room is not None and room[0] >= room[1]:
            _record_over_capacity(cur, p, room[0] + 1, room[1])
    elif kind == "exit":
        cur.execute(
            "UPDATE admissions SET inside = false "
            "WHERE attendee_code = %s AND scope = %s AND inside",
            (p["code"], scope_of(p.get("session_id"), p["day"])),
        )
    elif kind == "undo":
        # Undo frees the admission, in the same transaction as the undo itself.
        cur.execute("DELETE FROM admissions WHERE entry_id = %s", (p.get("undoes"),))
    _insert_checkin(cur, seq, p)


def _apply_attendee(cur: Any, change: Change) -> None:
    """Last writer by hub time wins: the later upload replaces the whole row."""
    p = change.payload
    key = p.get("old_code") or p["code"]
    if key != p["code"]:
        _rename_code(cur, key, p["code"])
    values = attendee_values(p)
    previous = cur.execute(
        "SELECT updated_by, hub_updated_at FROM attendees WHERE code = %s FOR UPDATE", (key,)
    ).fetchone()
    assignments = ", ".join(f"{column} = %s" for column in ATTENDEE_COLUMNS)
    if previous is None:
        cur.execute(
            f"INSERT INTO attendees ({', '.join(ATTENDEE_COLUMNS)}, updated_by) "
            f"VALUES ({', '.join('%s' for _ in ATTENDEE_COLUMNS)}, %s) "
            f"ON CONFLICT (code) DO UPDATE SET {assignments}, "
            "hub_updated_at = clock_timestamp(), updated_by = %s",
            (*values, change.station, *values, change.station),
        )
        return
    cur.execute(
        f"UPDATE attendees SET {assignments}, hub_updated_at = clock_timestamp(), "
        "updated_by = %s WHERE code = %s",
        (*values, change.station, key),
    )
    if previous[0] and previous[0] != change.station:
        log.info(
            "roster edit %s from %s replaces the one from %s at %s (last writer by hub time)",
            change.id,
            change.station,
            previous[0],
            utc_text(previous[1]),
        )


def _apply_session(cur: Any, change: Change) -> None:
    """A session added or edited at a station: the whole row, by id (ids are
    the same at every station); the later upload wins, as for the roster."""
    values = session_values(change.payload)
    others = [column for column in SESSION_COLUMNS if column != "id"]
    cur.execute(
        f"INSERT INTO sessions ({', '.join(SESSION_COLUMNS)}) "
        f"VALUES ({', '.join('%s' for _ in SESSION_COLUMNS)}) ON CONFLICT (id) DO UPDATE SET "
        + ", ".join(f"{column} = EXCLUDED.{column}" for column in others),
        values,
    )


def _apply_booking(cur: Any, p: dict[str, Any]) -> None:
    code = _current_code(cur, p["code"])
    if p.get("booked", 1):
        cur.execute(
            "INSERT INTO bookings (attendee_code, session_id, booked_at) VALUES (%s, %s, %s) "
            "ON CONFLICT DO NOTHING",
            (code, p["session_id"], p["booked_at"]),
        )
    else:
        cur.execute(
            "DELETE FROM bookings WHERE attendee_code = %s AND session_id = %s",
            (code, p["session_id"]),
        )


def claim_session_block(conn: Any) -> int:
    """A block of session ids for one station (kiosk.store.store.SESSION_ID_BLOCK),
    never handed out before and above every session the hub has."""
    with conn.transaction(), conn.cursor() as cur:
        _lock(cur)
        row = cur.execute(
            "SELECT value FROM kiosk_meta WHERE key = %s", (hubschema.SESSION_BLOCK_KEY,)
        ).fetchone()
        top = cur.execute("SELECT coalesce(max(id), 0) FROM sessions").fetchone()[0]
        block = max(int(row[0]) if row else 0, int(top) // SESSION_ID_BLOCK + 1)
        cur.execute(
            "INSERT INTO kiosk_meta (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (hubschema.SESSION_BLOCK_KEY, str(block + 1)),
        )
    return block


def upload(conn: Any, station: str, changes: Sequence[Change]) -> int:
    """Add changes a station made; a change already at the hub is skipped, so
    sending one twice is harmless. Returns how many were new."""
    from psycopg.types.json import Jsonb

    new = 0
    with conn.transaction(), conn.cursor() as cur:
        _lock(cur)
        for change in changes:
            seq = _insert_change(cur, change)
            if seq is None:
                continue
            new += 1
            if change.kind == "checkin":
                _apply_checkin(cur, seq, change)
            elif change.kind == "attendee":
                _apply_attendee(cur, change)
            elif change.kind == "replaced":
                _insert_replaced(cur, change.payload)
            elif change.kind == "session":
                _apply_session(cur, change)
            elif change.kind == "booking":
                _apply_booking(cur, change.payload)
            elif change.kind == "print":
                p = change.payload
                cur.execute(
                    "INSERT INTO print_log (change_id, attendee_code, token, state, station, "
                    "payload) VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    (change.id, p.get("code"), p.get("token"), p.get("state"), station, Jsonb(p)),
                )
        cur.execute(
            "INSERT INTO stations (name) VALUES (%s) "
            "ON CONFLICT (name) DO UPDATE SET last_upload_at = clock_timestamp()",
            (station,),
        )
    return new


def changes_after(conn: Any, seq: int, limit: int = 1000) -> list[tuple[int, Change]]:
    with conn.cursor() as cur:
        rows = cur.execute(
            "SELECT seq, id, kind, station, payload FROM changes WHERE seq > %s "
            "ORDER BY seq LIMIT %s",
            (seq, limit),
        ).fetchall()
    return [(int(row[0]), Change(row[1], row[2], row[3], row[4])) for row in rows]


def attendee(conn: Any, code: str) -> dict[str, Any] | None:
    with conn.cursor() as cur:
        row = cur.execute(
            f"SELECT {', '.join(ATTENDEE_COLUMNS)} FROM attendees WHERE code = %s", (code,)
        ).fetchone()
    return None if row is None else dict(zip(ATTENDEE_COLUMNS, row, strict=True))


def conflicts(conn: Any) -> list[dict[str, Any]]:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT id, attendee_code, scope, kept_entry, kept_station, kept_at, other_entry, "
            "other_station, other_at, detected_at, kind, capacity, inside FROM conflicts "
            "ORDER BY detected_at, id"
        )
        names = [column.name for column in cur.description or ()]
        found = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    for conflict in found:
        conflict["detected_at"] = utc_text(conflict["detected_at"])
    return found


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]

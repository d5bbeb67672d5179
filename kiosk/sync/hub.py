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

from kiosk.store.timestamps import utc_text
from kiosk.sync import hubschema
from kiosk.sync.connection import SyncSetupError
from kiosk.sync.hubschema import ATTENDEE_COLUMNS, CHANGES_LOCK, attendee_values, scope_of
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


# Hub tables that name an attendee by code: a reissue renames them all.
_CODE_REFERENCES = ("admissions", "checkins", "conflicts", "print_log", "replaced_codes")


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
    constraint on (attendee code, scope)."""
    with conn.transaction(), conn.cursor() as cur:
        _lock(cur)
        if _current_code(cur, change.payload["code"]) != change.payload["code"]:
            # Replaced at another station a moment ago, not yet heard here.
            raise CodeReplaced(change.id)
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


def _apply_checkin(cur: Any, seq: int, change: Change) -> None:
    # An offline station may have admitted a badge before it heard that the
    # badge was replaced: the entry is the attendee's, under their code now.
    p = {**change.payload, "code": _current_code(cur, change.payload["code"])}
    kind = p["kind"]
    if kind == "entry":
        holder = _take_scope(cur, p, change.station)
        if holder is not None and holder.entry_id != p["id"]:
            _record_conflict(cur, p, holder)
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


class HubIncompatible(SyncSetupError):
    """A hub whose tables this station cannot work with, in one sentence."""


def schema_version(conn: Any) -> tuple[int, int]:
    """The hub's (major, minor); a hub made before versions were recorded is 1.0."""
    with conn.cursor() as cur:
        row = cur.execute(
            "SELECT value FROM kiosk_meta WHERE key = %s", (hubschema.VERSION_KEY,)
        ).fetchone()
    if row is None:
        return (1, 0)
    major, _, minor = str(row[0]).partition(".")
    return (int(major), int(minor or 0))


def hub_columns(conn: Any) -> dict[str, list[str]]:
    """The hub's tables and their columns in order, as PostgreSQL has them."""
    found: dict[str, list[str]] = {}
    with conn.cursor() as cur:
        for table, column in cur.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        ):
            found.setdefault(table, []).append(column)
    return found


def ensure_compatible(conn: Any) -> None:
    """Use the hub only if its tables are this version's, or differ additively.

    A hub of another major version is refused. A hub behind this station's
    minor version gains what it lacks (new tables and columns, each with a
    default) in one transaction, and records the version; a login that may
    not alter the hub's tables is refused then, since this station would
    write columns the hub lacks. A hub ahead (additive) is used as it is.
    """
    major, minor = schema_version(conn)
    version = f"{major}.{minor}"
    if major > hubschema.MAJOR:
        raise HubIncompatible(
            f"The hub was set up by a newer version of the kiosk (hub schema {version}); "
            "update this station to the version the other stations run."
        )
    if major < hubschema.MAJOR:
        raise HubIncompatible(
            f"The hub was set up by an older version of the kiosk (hub schema {version}) "
            "that this version cannot share; publish the event to a new hub."
        )
    if minor > hubschema.MINOR:
        log.info("hub schema %s is ahead of this station's (additive): using it", version)
    if minor >= hubschema.MINOR:
        return
    _upgrade(conn, version)


def _upgrade(conn: Any, version: str) -> None:
    from psycopg import errors

    have = hub_columns(conn)
    statements = []
    for table in hubschema.TABLES:
        if table.name not in have:
            statements.append(table.ddl())
            continue
        statements += [
            f"ALTER TABLE {table.name} ADD COLUMN IF NOT EXISTS {column.ddl()}"
            for column in table.columns
            if column.name not in have[table.name]
        ]
    target = f"{hubschema.MAJOR}.{hubschema.MINOR}"
    try:
        with conn.transaction(), conn.cursor() as cur:
            for statement in statements:
                cur.execute(statement)
            cur.execute(
                "INSERT INTO kiosk_meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (hubschema.VERSION_KEY, target),
            )
    except errors.InsufficientPrivilege:
        if statements:
            # Said to the user as the refusal; the versions are for the log.
            log.info("hub schema %s lacks what %s adds; this login may not add it", version, target)
            raise HubIncompatible(
                "The hub needs an upgrade that this station's login may not make; "
                "start one station with the hub owner's login first."
            ) from None
        # Nothing is missing: only the version could not be written down.
        log.warning("hub schema %s is up to date but this login may not record it", version)
        return
    log.info("hub upgraded from schema %s to %s (%d changes)", version, target, len(statements))


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
            "other_station, other_at, detected_at FROM conflicts ORDER BY detected_at, id"
        )
        names = [column.name for column in cur.description or ()]
        found = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    for conflict in found:
        conflict["detected_at"] = utc_text(conflict["detected_at"])
    return found


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]

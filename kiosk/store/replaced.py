"""Lost badges: an attendee's code replaced by a new one (kiosk reissue).

The old code stays in `replaced_codes`, naming whose it was, when and by
whom it was replaced; a scan of it answers `replaced` (kiosk.domain.rules).
The attendee keeps their id, so their check-ins and print record stay theirs.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from kiosk.store.store import Store
from kiosk.store.timestamps import parse_utc, utc_text


@dataclass(frozen=True, slots=True)
class ReplacedCode:
    code: str
    attendee_id: int
    replaced_at: dt.datetime
    station: str
    operator: str


def replace_code(
    store: Store, attendee_id: int, new_code: str, *, at: dt.datetime, station: str, operator: str
) -> str:
    """Give the attendee `new_code` and keep the old one as replaced; returns
    the old code. Call inside a transaction: the attendee's row changes
    first, so a hub hears of the new code before the replaced one."""
    row = store.conn.execute("SELECT code FROM attendees WHERE id = ?", (attendee_id,)).fetchone()
    if row is None:
        raise LookupError(f"no attendee {attendee_id}")
    old_code = str(row[0])
    store.update_attendee(attendee_id, {"code": new_code})
    store.conn.execute(
        "INSERT INTO replaced_codes (code, attendee_id, replaced_at, station, operator) "
        "VALUES (?, ?, ?, ?, ?)",
        (old_code, attendee_id, utc_text(at), station, operator),
    )
    return old_code


def replaced_codes(store: Store, attendee_id: int) -> list[ReplacedCode]:
    """The attendee's replaced codes, oldest first."""
    return [
        ReplacedCode(code, attendee, parse_utc(at), station, operator)
        for code, attendee, at, station, operator in store.conn.execute(
            "SELECT code, attendee_id, replaced_at, station, operator FROM replaced_codes "
            "WHERE attendee_id = ? ORDER BY replaced_at, code",
            (attendee_id,),
        )
    ]


def replaced_code_owners(conn: sqlite3.Connection) -> dict[str, int]:
    """Every replaced code and whose it was: a re-import of the roster that
    still carries a lost badge's code is that attendee, not a new one."""
    return {
        str(code): int(owner)
        for code, owner in conn.execute("SELECT code, attendee_id FROM replaced_codes")
    }

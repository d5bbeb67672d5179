"""A hash chain over the check-in log, so an edited attendance record shows.

Each log row's link is SHA-256 over the previous link and the row's own
content. A trigger writes the link as the row is appended, through a SQL
function that every connection opened by this program registers; a row
changed later no longer matches its link, and every link after it depends
on it. `verify_chain` names the first row that does not match.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

CHAIN_FUNCTION = "kiosk_chain_link"
GENESIS = "0" * 64
# The log columns a link covers, in order.
LINKED_COLUMNS = (
    "seq",
    "id",
    "attendee_id",
    "session_id",
    "kind",
    "undoes",
    "at",
    "day",
    "station",
    "operator",
    "reason",
    "offline",
)


def chain_link(previous: str | None, *values: object) -> str:
    content = json.dumps([previous or GENESIS, *values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def register_chain_function(conn: sqlite3.Connection) -> None:
    conn.create_function(CHAIN_FUNCTION, 1 + len(LINKED_COLUMNS), chain_link, deterministic=True)


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    entry_id: str
    reason: str


def verify_chain(conn: sqlite3.Connection) -> tuple[int, ChainBreak | None]:
    """(rows checked, the first broken link or None)."""
    columns = ", ".join(f"c.{name}" for name in LINKED_COLUMNS[1:])
    previous: str | None = None
    checked = 0
    cursor = conn.execute(
        f"SELECT s.seq, {columns}, l.link, c.seq IS NULL "
        "FROM (SELECT seq FROM checkins UNION SELECT seq FROM checkin_chain) AS s "
        "LEFT JOIN checkins AS c ON c.seq = s.seq "
        "LEFT JOIN checkin_chain AS l ON l.seq = s.seq ORDER BY s.seq"
    )
    for row in cursor:
        *values, link, deleted = row
        seq, entry_id = values[0], values[1] or ""
        if deleted:
            return checked, ChainBreak(seq, entry_id, "its log row was deleted")
        if link is None:
            return checked, ChainBreak(seq, entry_id, "it has no link in the chain")
        if chain_link(previous, *values) != link:
            return checked, ChainBreak(seq, entry_id, "its content does not match its link")
        previous = link
        checked += 1
    return checked, None

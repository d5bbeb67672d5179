"""The session log, read at once for time in the room (kiosk.domain.cpd).

A certificate run or an export for hundreds of attendees reads every
session's log lines in one query and groups them here; the minutes are then
worked out in Python, never one query per attendee and session.
"""

from __future__ import annotations

from kiosk.domain.models import LogEntry
from kiosk.store import rows
from kiosk.store.store import Store

SessionLogs = dict[tuple[int, int], list[LogEntry]]  # by (attendee id, session id)


def session_logs(store: Store, session_id: int | None = None) -> SessionLogs:
    """Every session's entries, exits and undos (or one session's), grouped by
    attendee and session, in the order they were written."""
    sql = f"SELECT {rows.ENTRY_COLUMNS} FROM checkins WHERE session_id IS NOT NULL"
    params: tuple[int, ...] = ()
    if session_id is not None:
        sql += " AND session_id = ?"
        params = (session_id,)
    grouped: SessionLogs = {}
    for row in store.conn.execute(sql + " ORDER BY seq", params):
        entry = rows.entry_from_tuple(row)
        assert entry.session_id is not None  # the query asks for session lines only
        grouped.setdefault((entry.attendee_id, entry.session_id), []).append(entry)
    return grouped

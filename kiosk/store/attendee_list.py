"""The attendee list the help desk pages through: each person with their
check-in state, searched, filtered and sorted.

"Checked in" here is the `attendance` view's `checked_in_at` (migration 10):
the first admission that stands, exits ignored on purpose, since someone who
stepped out is still checked in for the day (the kiosk's rule counts exits:
`attendance.inside`). The desk shows what the log says of everyone, a
cancelled registration too; the counts leave cancelled registrations out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kiosk.domain.models import Attendee
from kiosk.store import rows
from kiosk.store.store import Store

CHECKED_IN, NOT_CHECKED_IN = "checked_in", "not_checked_in"

# The event on `:day` (any day when it is NULL), or the session `:session`.
_CHECKED_IN_AT = """
    SELECT min(v.checked_in_at) FROM attendance AS v
    WHERE v.attendee_id = a.id AND v.session_id IS :session
      AND (:day IS NULL OR v.day = :day)
"""


@dataclass(frozen=True, slots=True)
class ConsoleRow:
    attendee: Attendee
    checked_in_at: dt.datetime | None


def console_rows(
    store: Store,
    text: str = "",
    *,
    state: str | None = None,
    category: str | None = None,
    session_id: int | None = None,
    day: dt.date | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[ConsoleRow]:
    """Attendees for the console, best matches first when `text` is given,
    else by last name; filtered by check-in state, category and session."""
    params: dict[str, Any] = {
        "session": session_id,
        "day": day.isoformat() if day and session_id is None else None,
        "limit": limit,
        "offset": offset,
    }
    filters = []
    if state == CHECKED_IN:
        filters.append("admitted IS NOT NULL")
    elif state == NOT_CHECKED_IN:
        filters.append("admitted IS NULL")
    if category:
        filters.append("a.category = :category")
        params["category"] = category
    where = " AND ".join(filters) or "1"
    columns = ", ".join(f"a.{c}" for c in rows.ATTENDEE_FIELDS)
    width = len(rows.ATTENDEE_FIELDS)
    if text.strip():
        # Search ranks; filtering afterwards keeps that order.
        found = store.search(text, limit=500)
        if not found:
            return []
        order = {attendee.id: index for index, attendee in enumerate(found)}
        ids = ",".join(str(attendee.id) for attendee in found)
        sql = (
            f"SELECT * FROM (SELECT {columns}, ({_CHECKED_IN_AT}) AS admitted "
            f"FROM attendees AS a WHERE a.id IN ({ids})) AS a WHERE {where}"
        )
        result = [
            ConsoleRow(rows.attendee_from_tuple(row[:width]), _time(row[width]))
            for row in store.conn.execute(sql, params)
        ]
        result.sort(key=lambda r: order[r.attendee.id])
        return result[offset : offset + limit]
    sql = (
        f"SELECT * FROM (SELECT {columns}, a.sort_key, ({_CHECKED_IN_AT}) AS admitted "
        f"FROM attendees AS a) AS a WHERE {where} "
        "ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
    )
    return [
        ConsoleRow(rows.attendee_from_tuple(row[:width]), _time(row[width + 1]))
        for row in store.conn.execute(sql, params)
    ]


def _time(text: str | None) -> dt.datetime | None:
    return rows.parse_utc(text) if text else None


def categories(store: Store) -> list[str]:
    return [
        row[0]
        for row in store.conn.execute(
            "SELECT DISTINCT category FROM attendees WHERE category != '' ORDER BY category"
        )
    ]

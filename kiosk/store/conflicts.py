"""Offline double admissions found by sync, as the station's file records them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.store.rows import parse_utc
from kiosk.store.store import Store


@dataclass(frozen=True, slots=True)
class Conflict:
    """One ticket admitted at two stations while they could not reach the hub."""

    attendee_code: str
    scope: str
    kept_station: str
    kept_at: dt.datetime
    other_station: str
    other_at: dt.datetime
    name: str  # the attendee's first and last name; '' when the code is not on the roster


def offline_conflicts(
    store: Store, *, newest_first: bool = False, limit: int | None = None
) -> list[Conflict]:
    """The conflicts in the order they were found (or newest first), at most `limit`."""
    order = "DESC" if newest_first else "ASC"
    return [
        Conflict(code, scope, kept, parse_utc(kept_at), other, parse_utc(other_at), name.strip())
        for code, scope, kept, kept_at, other, other_at, name in store.conn.execute(
            "SELECT c.attendee_code, c.scope, c.kept_station, c.kept_at, c.other_station, "
            "c.other_at, coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, '') "
            "FROM sync_conflicts AS c LEFT JOIN attendees AS a ON a.code = c.attendee_code "
            f"ORDER BY c.detected_at {order}, c.id {order} LIMIT ?",
            (-1 if limit is None else limit,),
        )
    ]

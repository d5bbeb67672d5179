"""Conflicts found by sync, as the station's file records them: a ticket
admitted at two stations while they could not reach the hub, or a room an
offline door filled past its capacity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.store.rows import parse_utc
from kiosk.store.store import Store

# sync_conflicts.kind, as the hub words it (kiosk.sync.hubschema).
ADMITTED_TWICE = "admitted_twice"
OVER_CAPACITY = "over_capacity"


@dataclass(frozen=True, slots=True)
class Conflict:
    """One conflict. For a ticket admitted twice, `kept_*` is the admission
    that stood and `other_*` the offline one that met it; for a room over
    capacity, `other_*` is the offline admission that made `inside` people in
    a room for `capacity`, and `kept_*` the admission that had taken the last
    seat before it."""

    attendee_code: str
    scope: str
    kept_station: str
    kept_at: dt.datetime
    other_station: str
    other_at: dt.datetime
    name: str  # the attendee's first and last name; '' when the code is not on the roster
    kind: str = ADMITTED_TWICE
    capacity: int | None = None
    inside: int | None = None
    session_title: str = ""  # the scope's session, when it names one this file has

    @property
    def over_capacity(self) -> bool:
        return self.kind == OVER_CAPACITY

    def room_sentence(self) -> str:
        return room_sentence(self.session_title or self.scope, self.inside, self.capacity)


def room_sentence(room: str, inside: int | None, capacity: int | None) -> str:
    """'Room over capacity: Breakout A, 31 in a room for 30' (`room` is the
    session's title)."""
    return f"Room over capacity: {room}, {inside} in a room for {capacity}"


def offline_conflicts(
    store: Store, *, newest_first: bool = False, limit: int | None = None
) -> list[Conflict]:
    """The conflicts in the order they were found (or newest first), at most `limit`."""
    order = "DESC" if newest_first else "ASC"
    return [
        Conflict(
            code,
            scope,
            kept,
            parse_utc(kept_at),
            other,
            parse_utc(other_at),
            name.strip(),
            kind,
            capacity,
            inside,
            title or "",
        )
        for code, scope, kept, kept_at, other, other_at, name, kind, capacity, inside, title in (
            store.conn.execute(
                "SELECT c.attendee_code, c.scope, c.kept_station, c.kept_at, c.other_station, "
                "c.other_at, coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, ''), "
                "c.kind, c.capacity, c.inside, s.title "
                "FROM sync_conflicts AS c LEFT JOIN attendees AS a ON a.code = c.attendee_code "
                "LEFT JOIN sessions AS s ON c.scope = 'session:' || s.id "
                f"ORDER BY c.detected_at {order}, c.id {order} LIMIT ?",
                (-1 if limit is None else limit,),
            )
        )
    ]

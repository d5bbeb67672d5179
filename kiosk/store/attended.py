"""What the log means, read from the views that define it (migration 10).

An attendee attended a scope when their registration is active and the log
holds a live admission to it: an entry that no undo takes back. The scope is
the event on one day, or one session. A cancelled registration never
attended, whatever the log says: the log keeps its check-ins (the log is the
truth about what happened at the door), but a cancelled duplicate must not
count a person twice or earn a certificate.

Status, the live overview, the CSV and XLSX exports, the PDF register and the
certificates all read the `attended` view through `first_admissions`; the help
desk reads `attendance` (kiosk.store.attendee_list). Neither restates the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kiosk.store.rows import parse_utc
from kiosk.store.store import Store


@dataclass(frozen=True, slots=True)
class Admission:
    """The first live admission of one scope: the event on a day, or a session."""

    attendee_id: int
    session_id: int | None
    day: dt.date
    at: dt.datetime
    station: str


@dataclass(frozen=True, slots=True)
class ScopeState:
    """One attendee in one scope they were admitted to (the `attendance` view).

    `first` is the first admission that stands, exits ignored: the help desk's
    "checked in". `inside` counts exits: True while the latest live movement
    is an entry, which is when a scan answers already_checked_in.
    """

    first: Admission
    entry_id: str
    inside: bool
    scope_day: dt.date | None  # the event's day; None for a session (one list for all days)


def first_admissions(
    store: Store,
    *,
    day: dt.date | None = None,
    session_id: int | None = None,
    event_only: bool = False,
) -> list[Admission]:
    """The admissions that count: per attendee, the first of each event day
    and of each session, for active registrations only, in time order.

    `day` keeps scopes first entered on that day, `session_id` only that
    session's, `event_only` only admissions to the event (no sessions).
    """
    filters = ["1"]
    params: dict[str, Any] = {}
    if day is not None:
        filters.append("checked_in_day = :day")
        params["day"] = day.isoformat()
    if session_id is not None:
        filters.append("session_id = :session")
        params["session"] = session_id
    elif event_only:
        filters.append("session_id IS NULL")
    sql = (
        "SELECT attendee_id, session_id, checked_in_day, checked_in_at, checked_in_station "
        f"FROM attended WHERE {' AND '.join(filters)} ORDER BY checked_in_at, attendee_id"
    )
    return [_admission(row) for row in store.conn.execute(sql, params)]


def attended_ids(
    store: Store, *, day: dt.date | None = None, session_id: int | None = None
) -> set[int]:
    """The attendees who attended the scope (see the module's definition)."""
    return {a.attendee_id for a in first_admissions(store, day=day, session_id=session_id)}


def first_arrivals(store: Store, *, day: dt.date | None = None) -> dict[int, Admission]:
    """Each attendee's first admission in scope (event or session), by attendee."""
    return earliest_by_attendee(first_admissions(store, day=day))


def earliest_by_attendee(admissions: Iterable[Admission]) -> dict[int, Admission]:
    """The first of each attendee's `admissions` (given in time order)."""
    firsts: dict[int, Admission] = {}
    for admission in admissions:
        firsts.setdefault(admission.attendee_id, admission)
    return firsts


def scope_states(store: Store, attendee_id: int | None = None) -> list[ScopeState]:
    """Every scope each attendee (or one attendee) was admitted to, cancelled
    registrations too: what the log says, as the desk shows it."""
    where, params = (
        ("WHERE attendee_id = ?", (attendee_id,)) if attendee_id is not None else ("", ())
    )
    return [
        ScopeState(_admission(row[:5]), row[5], bool(row[6]), _day(row[7]))
        for row in store.conn.execute(
            "SELECT attendee_id, session_id, checked_in_day, checked_in_at, checked_in_station, "
            f"entry_id, inside, day FROM attendance {where} ORDER BY checked_in_at, attendee_id",
            params,
        )
    ]


def first_event_admission(store: Store, attendee_id: int) -> Admission | None:
    """Their first admission to the event (on any day, not a session) that stands."""
    firsts = [s.first for s in scope_states(store, attendee_id) if s.first.session_id is None]
    return firsts[0] if firsts else None


def _admission(row: tuple[Any, ...]) -> Admission:
    attendee, session, day, at, station = row
    return Admission(int(attendee), session, dt.date.fromisoformat(day), parse_utc(at), station)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None

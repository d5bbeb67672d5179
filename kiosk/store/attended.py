"""What "attended" means, written once for every count, report and certificate.

An attendee attended a scope when their registration is active and the log
holds a live admission to it: an entry that no undo takes back. The scope is
the whole event (every day and every session), one day, or one session. A
cancelled registration never attended, whatever the log says: the log keeps
its check-ins (the log is the truth about what happened at the door), but a
cancelled duplicate must not count a person twice or earn a certificate.

Status, the live overview, the CSV and XLSX exports, the PDF register and the
certificates all read `first_admissions` or `attended_ids`, so they cannot
disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kiosk.store.rows import parse_utc
from kiosk.store.store import Store

# An admission that stands: an entry of the log (alias e) no undo points at.
LIVE_ADMISSION = (
    "e.kind = 'entry' AND NOT EXISTS (SELECT 1 FROM checkins AS u WHERE u.undoes = e.id)"
)
# A registration whose admissions count (alias a).
COUNTS = "a.status = 'active'"


@dataclass(frozen=True, slots=True)
class Admission:
    """The first live admission of one scope: the event on a day, or a session."""

    attendee_id: int
    session_id: int | None
    day: dt.date
    at: dt.datetime
    station: str


def first_admissions(
    store: Store,
    *,
    day: dt.date | None = None,
    session_id: int | None = None,
    event_only: bool = False,
) -> list[Admission]:
    """The admissions that count: per attendee, the first of each event day
    and of each session, for active registrations only, in time order.

    `day` keeps admissions made on that day, `session_id` only that
    session's, `event_only` only admissions to the event (no sessions).
    """
    filters = [LIVE_ADMISSION, COUNTS]
    params: dict[str, Any] = {}
    if day is not None:
        filters.append("e.day = :day")
        params["day"] = day.isoformat()
    if session_id is not None:
        filters.append("e.session_id = :session")
        params["session"] = session_id
    elif event_only:
        filters.append("e.session_id IS NULL")
    # A bare column beside min() comes from the row holding the minimum
    # (SQLite's documented rule), so the station is that of the first entry.
    sql = (
        "SELECT e.attendee_id, e.session_id, e.day, min(e.at), e.station "
        "FROM checkins AS e JOIN attendees AS a ON a.id = e.attendee_id "
        f"WHERE {' AND '.join(filters)} "
        "GROUP BY e.attendee_id, e.session_id, "
        "CASE WHEN e.session_id IS NULL THEN e.day END "
        "ORDER BY min(e.at), e.attendee_id"
    )
    return [
        Admission(int(attendee), session, dt.date.fromisoformat(text_day), parse_utc(at), station)
        for attendee, session, text_day, at, station in store.conn.execute(sql, params)
    ]


def attended_ids(
    store: Store, *, day: dt.date | None = None, session_id: int | None = None
) -> set[int]:
    """The attendees who attended the scope (see the module's definition)."""
    return {a.attendee_id for a in first_admissions(store, day=day, session_id=session_id)}


def first_arrivals(store: Store, *, day: dt.date | None = None) -> dict[int, Admission]:
    """Each attendee's first admission in scope (event or session), by attendee."""
    firsts: dict[int, Admission] = {}
    for admission in first_admissions(store, day=day):
        firsts.setdefault(admission.attendee_id, admission)
    return firsts

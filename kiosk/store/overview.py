"""The figures behind the live overview and `kiosk status`, read from the
views that define attendance (migration 10) and from the print queue's table.

Every query is cheap with the log's indexes, so the overview can simply ask
again whenever the file changes, whichever station wrote to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.domain.models import Session
from kiosk.domain.programme import next_in_room, session_in_room
from kiosk.domain.rules import SESSION_EARLY_ADMISSION
from kiosk.store.programme import rooms, sessions_in_room
from kiosk.store.rows import parse_utc
from kiosk.store.store import Store


@dataclass(frozen=True, slots=True)
class CategoryCount:
    """Active registrations of one category, and how many of them attended."""

    category: str  # '' for none
    expected: int
    checked_in: int


@dataclass(frozen=True, slots=True)
class RecentCheckIn:
    at: dt.datetime
    station: str
    attendee_id: int
    name: str
    session: str  # the session's title; '' for the event


@dataclass(frozen=True, slots=True)
class FailedBadge:
    job_id: int
    name: str  # '' for a test page
    error: str


def category_counts(store: Store, *, day: dt.date | None = None) -> list[CategoryCount]:
    """Per category (sorted), active registrations and those who attended:
    anywhere, or with a scope first entered on `day`."""
    # Who attended is worked out once, not asked per registration.
    return [
        CategoryCount(category, int(expected), int(checked_in))
        for category, expected, checked_in in store.conn.execute(
            """SELECT coalesce(a.category, ''), count(*), count(came.attendee_id)
               FROM attendees AS a LEFT JOIN (
                   SELECT DISTINCT attendee_id FROM attended
                   WHERE :day IS NULL OR checked_in_day = :day) AS came
                 ON came.attendee_id = a.id
               WHERE a.status = 'active'
               GROUP BY 1 ORDER BY 1""",
            {"day": day.isoformat() if day else None},
        )
    ]


def recent_check_ins(store: Store, limit: int = 20) -> list[RecentCheckIn]:
    """The latest admissions that stand, newest first (cancelled registrations too)."""
    return [
        RecentCheckIn(parse_utc(at), station, attendee_id, f"{first} {last}".strip(), title or "")
        for at, station, attendee_id, first, last, title in store.conn.execute(
            """SELECT v.at, v.station, v.attendee_id, a.first_name, a.last_name, s.title
               FROM admissions AS v JOIN attendees AS a ON a.id = v.attendee_id
               LEFT JOIN sessions AS s ON s.id = v.session_id
               ORDER BY v.seq DESC LIMIT ?""",
            (limit,),
        )
    ]


def failed_badges(store: Store, limit: int = 20) -> list[FailedBadge]:
    """Print jobs that failed, newest first, with the attendee's name."""
    return [
        FailedBadge(int(job_id), f"{first or ''} {last or ''}".strip(), error or "")
        for job_id, first, last, error in store.conn.execute(
            """SELECT j.id, a.first_name, a.last_name, j.error FROM print_jobs AS j
               LEFT JOIN attendees AS a ON a.id = j.attendee_id
               WHERE j.state = 'failed' ORDER BY j.id DESC LIMIT ?""",
            (limit,),
        )
    ]


def waiting_badges(store: Store) -> list[int]:
    """The ids of the badges waiting to print (queued, or handed to a spooler)."""
    return [
        int(job_id)
        for (job_id,) in store.conn.execute(
            "SELECT id FROM print_jobs WHERE state IN ('queued', 'sent') ORDER BY id"
        )
    ]


@dataclass(frozen=True, slots=True)
class RoomNow:
    """One room of the programme at a moment: the session its door admits
    to, how many are in the room for it, and the session after."""

    room: str
    session: Session | None
    inside: int  # in the room now for `session`; 0 without one
    next: Session | None


def rooms_now(store: Store, moment: dt.datetime) -> list[RoomNow]:
    """Every room (in programme order) as it is at `moment`."""
    states = []
    for room in rooms(store):
        sessions = sessions_in_room(store, room)
        current = session_in_room(sessions, moment, SESSION_EARLY_ADMISSION)
        # A session whose doors are open but which has not started is "now", not "next".
        after = max(moment, current.starts_at) if current is not None else moment
        states.append(
            RoomNow(
                room,
                current,
                store.inside_count(current.id) if current is not None else 0,
                next_in_room(sessions, after),
            )
        )
    return states

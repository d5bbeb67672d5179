"""Figures for the live overview, read straight from the log each time.

Every query is cheap with the log's indexes, so the overview can simply ask
again whenever the file changes, whichever station wrote to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.store import Store
from kiosk.store.rows import parse_utc

_LIVE = "e.kind = 'entry' AND NOT EXISTS (SELECT 1 FROM checkins u WHERE u.undoes = e.id)"


@dataclass(frozen=True)
class RecentCheckIn:
    at: dt.datetime
    station: str
    attendee_id: int
    name: str
    session: str


@dataclass(frozen=True)
class Overview:
    expected: int
    checked_in: int
    by_category: list[tuple[str, int, int]]  # category, checked in, expected
    by_session: list[tuple[str, int, int | None]]  # title, checked in, capacity
    recent: list[RecentCheckIn]
    arrivals: list[tuple[dt.datetime, int]]  # start of each 15 minutes, count
    print_failures: list[tuple[int, str, str]]  # job id, attendee name, error
    queued_prints: int
    conflicts: list[tuple[str, str, str, str]]  # name, scope, one station, the other


def overview(store: Store, day: dt.date) -> Overview:
    conn = store.conn
    today = day.isoformat()
    by_category = [
        (category or "(none)", int(admitted or 0), int(expected))
        for category, admitted, expected in conn.execute(
            f"""SELECT a.category,
                   sum(EXISTS (SELECT 1 FROM checkins e WHERE e.attendee_id = a.id
                       AND e.session_id IS NULL AND e.day = :day AND {_LIVE})),
                   count(*)
                FROM attendees a WHERE a.status = 'active'
                GROUP BY a.category ORDER BY a.category""",
            {"day": today},
        )
    ]
    by_session = [
        (title, int(admitted), capacity)
        for title, admitted, capacity in conn.execute(
            f"""SELECT s.title,
                   (SELECT count(DISTINCT e.attendee_id) FROM checkins e
                    WHERE e.session_id = s.id AND {_LIVE}),
                   s.capacity
                FROM sessions s ORDER BY s.starts_at, s.id"""
        )
    ]
    recent = [
        RecentCheckIn(parse_utc(at), station, attendee_id, f"{first} {last}".strip(), title or "")
        for at, station, attendee_id, first, last, title in conn.execute(
            f"""SELECT e.at, e.station, e.attendee_id, a.first_name, a.last_name, s.title
                FROM checkins e JOIN attendees a ON a.id = e.attendee_id
                LEFT JOIN sessions s ON s.id = e.session_id
                WHERE {_LIVE} ORDER BY e.seq DESC LIMIT 20"""
        )
    ]
    zone = store.event().zone
    buckets: dict[dt.datetime, int] = {}
    for (at,) in conn.execute(
        f"SELECT e.at FROM checkins e WHERE e.session_id IS NULL AND e.day = ? AND {_LIVE}",
        (today,),
    ):
        local = parse_utc(at).astimezone(zone)
        start = local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)
        buckets[start] = buckets.get(start, 0) + 1
    failures: list[tuple[int, str, str]] = []
    queued = 0
    if "print_jobs" in store.db.table_names():
        failures = [
            (job_id, f"{first or ''} {last or ''}".strip(), error or "")
            for job_id, first, last, error in conn.execute(
                """SELECT j.id, a.first_name, a.last_name, j.error FROM print_jobs j
                   LEFT JOIN attendees a ON a.id = j.attendee_id
                   WHERE j.state = 'failed' ORDER BY j.id DESC LIMIT 20"""
            )
        ]
        queued = conn.execute(
            "SELECT count(*) FROM print_jobs WHERE state IN ('queued', 'sent')"
        ).fetchone()[0]
    conflicts: list[tuple[str, str, str, str]] = []
    if "sync_conflicts" in store.db.table_names():
        conflicts = [
            (f"{first or ''} {last or ''}".strip() or code, scope, kept, other)
            for code, scope, kept, other, first, last in conn.execute(
                """SELECT c.attendee_code, c.scope, c.kept_station, c.other_station,
                          a.first_name, a.last_name
                   FROM sync_conflicts c LEFT JOIN attendees a ON a.code = c.attendee_code
                   ORDER BY c.detected_at DESC LIMIT 20"""
            )
        ]
    return Overview(
        expected=sum(row[2] for row in by_category),
        checked_in=sum(row[1] for row in by_category),
        by_category=by_category,
        by_session=by_session,
        recent=recent,
        arrivals=sorted(buckets.items()),
        print_failures=failures,
        queued_prints=int(queued),
        conflicts=conflicts,
    )


def data_version(store: Store) -> int:
    """Changes whenever any connection (another station too) commits."""
    return int(store.conn.execute("PRAGMA data_version").fetchone()[0])

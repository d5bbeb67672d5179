"""Figures for the live overview, read straight from the log each time.

Every query is cheap with the log's indexes, so the overview can simply ask
again whenever the file changes, whichever station wrote to it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from kiosk.store import Store
from kiosk.store.attended import COUNTS, LIVE_ADMISSION, first_admissions, first_arrivals
from kiosk.store.rows import parse_utc


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
    queued_jobs: list[int]  # the ids of the badges waiting (queued, or at a spooler)
    conflicts: list[tuple[str, str, str, str]]  # name, scope, one station, the other


def overview(store: Store, day: dt.date) -> Overview:
    """The figures for `day`: attended as `kiosk.store.attended` defines it."""
    conn = store.conn
    arrived = first_arrivals(store, day=day)
    expected: Counter[str] = Counter()
    admitted: Counter[str] = Counter()
    for attendee_id, category in conn.execute(
        f"SELECT a.id, coalesce(a.category, '') FROM attendees AS a WHERE {COUNTS}"
    ):
        expected[category] += 1
        admitted[category] += attendee_id in arrived
    by_category = [
        (category or "(none)", admitted[category], expected[category])
        for category in sorted(expected)
    ]
    per_session = Counter(a.session_id for a in first_admissions(store) if a.session_id)
    by_session = [
        (session.title, per_session[session.id], session.capacity) for session in store.sessions()
    ]
    recent = [
        RecentCheckIn(parse_utc(at), station, attendee_id, f"{first} {last}".strip(), title or "")
        for at, station, attendee_id, first, last, title in conn.execute(
            f"""SELECT e.at, e.station, e.attendee_id, a.first_name, a.last_name, s.title
                FROM checkins e JOIN attendees a ON a.id = e.attendee_id
                LEFT JOIN sessions s ON s.id = e.session_id
                WHERE {LIVE_ADMISSION} ORDER BY e.seq DESC LIMIT 20"""
        )
    ]
    zone = store.event().zone
    buckets: Counter[dt.datetime] = Counter()
    for admission in arrived.values():
        local = admission.at.astimezone(zone)
        minute = local.minute - local.minute % 15
        buckets[local.replace(minute=minute, second=0, microsecond=0)] += 1
    failures: list[tuple[int, str, str]] = []
    waiting: list[int] = []
    if "print_jobs" in store.db.table_names():
        failures = [
            (job_id, f"{first or ''} {last or ''}".strip(), error or "")
            for job_id, first, last, error in conn.execute(
                """SELECT j.id, a.first_name, a.last_name, j.error FROM print_jobs j
                   LEFT JOIN attendees a ON a.id = j.attendee_id
                   WHERE j.state = 'failed' ORDER BY j.id DESC LIMIT 20"""
            )
        ]
        waiting = [
            int(job_id)
            for (job_id,) in conn.execute(
                "SELECT id FROM print_jobs WHERE state IN ('queued', 'sent') ORDER BY id"
            )
        ]
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
        queued_prints=len(waiting),
        queued_jobs=waiting,
        conflicts=conflicts,
    )


def data_version(store: Store) -> int:
    """Changes whenever any connection (another station too) commits."""
    return int(store.conn.execute("PRAGMA data_version").fetchone()[0])

"""Figures for the live overview, read straight from the log each time
(the queries are in kiosk.store.overview)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from kiosk.store import Store
from kiosk.store.attended import earliest_by_attendee, first_admissions
from kiosk.store.conflicts import Conflict, offline_conflicts
from kiosk.store.overview import (
    RecentCheckIn,
    category_counts,
    failed_badges,
    recent_check_ins,
    waiting_badges,
)

__all__ = ["Overview", "RecentCheckIn", "data_version", "overview"]


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
    conflicts: list[Conflict]  # newest first


def overview(store: Store, day: dt.date) -> Overview:
    """The figures for `day`: attended as the `attended` view defines it."""
    by_category = [
        (count.category or "(none)", count.checked_in, count.expected)
        for count in category_counts(store, day=day)
    ]
    # One pass over the log's admissions serves the sessions and the arrivals.
    admissions = first_admissions(store)
    per_session = Counter(a.session_id for a in admissions if a.session_id)
    by_session = [
        (session.title, per_session[session.id], session.capacity) for session in store.sessions()
    ]
    zone = store.event().zone
    buckets: Counter[dt.datetime] = Counter()
    for admission in earliest_by_attendee(a for a in admissions if a.day == day).values():
        local = admission.at.astimezone(zone)
        minute = local.minute - local.minute % 15
        buckets[local.replace(minute=minute, second=0, microsecond=0)] += 1
    waiting = waiting_badges(store)
    return Overview(
        expected=sum(row[2] for row in by_category),
        checked_in=sum(row[1] for row in by_category),
        by_category=by_category,
        by_session=by_session,
        recent=recent_check_ins(store),
        arrivals=sorted(buckets.items()),
        print_failures=[(f.job_id, f.name, f.error) for f in failed_badges(store)],
        queued_prints=len(waiting),
        queued_jobs=waiting,
        conflicts=offline_conflicts(store, newest_first=True, limit=20),
    )


def data_version(store: Store) -> int:
    """Changes whenever any connection (another station too) commits."""
    return store.data_version()

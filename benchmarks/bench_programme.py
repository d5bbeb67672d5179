"""The programme's door rules: what a check-in to a session with a capacity,
categories and bookings costs beside one to a session without rules, in the
same run, on a 100k roster with a day's log behind it.

.venv/bin/python -m benchmarks.bench_programme [--attendees 100000]

Needs a roster of 50,000 or more: every session's people are distinct.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.bench_core import build_event
from benchmarks.roster import CATEGORIES, people
from benchmarks.run_all import format_rows
from benchmarks.stats import floor_row, percentile
from kiosk.checkin import Station
from kiosk.domain.models import EntryKind, LogEntry
from kiosk.domain.rules import new_entry_id
from kiosk.store import Store
from kiosk.store.programme import book

SCANS = 1000  # of each kind, interleaved
ROOMS = 8  # sessions of each kind running at once, as in a programme's breakout slot
# Already in the log before the timed scans: a morning's event check-ins (this
# share of the roster), and each session part full, some having stepped out.
DAY_SHARE = 0.3
EXTRA_BOOKINGS = 300  # per ruled session: booked, not (yet) come
# The ruled sessions are open to these; the timed scans are of their people.
OPEN_TO = CATEGORIES[:3]


@dataclass(frozen=True)
class Kind:
    """Sessions of one kind: their seats, and the admissions and exits in
    the log before the timed scans."""

    name: str
    capacity: int | None
    admitted: int
    exits: int


# A room filling up (few movements in its log) and a busy room near capacity
# (people came and went: more rows than seats): the count of people inside,
# asked at every scan, must not grow with the log. The floor: the same
# check-in to a session without rules, its log like the busy room's.
FILLING = Kind("filling", capacity=600, admitted=200, exits=50)
BUSY = Kind("busy", capacity=500, admitted=400, exits=200)
PLAIN = Kind("plain", capacity=None, admitted=400, exits=200)
KINDS = (FILLING, BUSY, PLAIN)


def _entry(attendee_id: int, kind: EntryKind, at: dt.datetime, session: int | None) -> LogEntry:
    return LogEntry(
        id=new_entry_id(),
        attendee_id=attendee_id,
        kind=kind,
        at=at,
        day=at.date(),
        station="earlier",
        session_id=session,
    )


def _event(path: Path, attendees: int) -> dict[str, list[tuple[int, str]]]:
    """The roster, the programme, the log so far and the bookings; for each
    kind, its timed scans in order as (session id, code): people of an open
    category, booked into a ruled session."""
    codes = build_event(path, attendees)  # attendee ids are roster rows in order: index + 1
    eligible = [
        index for index, person in enumerate(people(attendees)) if person["category"] in OPEN_TO
    ]
    rng = random.Random(5)
    rng.shuffle(eligible)
    day_admissions = rng.sample(range(attendees), int(attendees * DAY_SHARE))
    store = Store.open(path)
    now = dt.datetime.now(dt.UTC)
    earlier = now - dt.timedelta(minutes=30)
    people_left = iter(eligible)
    timed: dict[str, list[tuple[int, str]]] = {}
    with store.transaction():
        for index in day_admissions:
            store.append_entry(_entry(index + 1, EntryKind.ENTRY, earlier, None))
        for kind in KINDS:
            rules = kind.capacity is not None
            sessions = [
                store.add_session(
                    f"{kind.name} {n}",
                    now - dt.timedelta(hours=1),
                    now + dt.timedelta(hours=10),
                    f"{kind.name} room {n}",
                    capacity=kind.capacity,
                    open_to=OPEN_TO if rules else (),
                    booking_required=rules,
                )
                for n in range(ROOMS)
            ]
            for session in sessions:
                came = [next(people_left) for _ in range(kind.admitted)]
                for index in came:
                    store.append_entry(_entry(index + 1, EntryKind.ENTRY, earlier, session.id))
                for index in came[: kind.exits]:
                    later = earlier + dt.timedelta(minutes=10)
                    store.append_entry(_entry(index + 1, EntryKind.EXIT, later, session.id))
                for index in came + [next(people_left) for _ in range(EXTRA_BOOKINGS)]:
                    if rules:
                        book(store, index + 1, session.id)
            scans = []
            for n in range(2 * SCANS):
                session, index = sessions[n % ROOMS], next(people_left)
                if rules:
                    book(store, index + 1, session.id)
                scans.append((session.id, codes[index]))
            timed[kind.name] = scans
    store.close()
    return timed


def _timed(
    stations: dict[int, Station], timed: dict[str, list[tuple[int, str]]], scans: range
) -> dict[str, list[float]]:
    """Each kind's check-ins, interleaved so that every kind meets the same
    disk and the same load, each going first in turn."""
    samples: dict[str, list[float]] = {kind.name: [] for kind in KINDS}
    for n in scans:
        turn = [(kind.name, *timed[kind.name][n]) for kind in KINDS]
        shift = n % len(turn)
        for name, session_id, code in turn[shift:] + turn[:shift]:
            start = time.perf_counter()
            result = stations[session_id].scan(code)
            samples[name].append(time.perf_counter() - start)
            assert result.result.admitted, (name, result.result)
    return samples


def run(attendees: int = 100_000) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "programme.db"
        timed = _event(path, attendees)
        store = Store.open(path)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # start from a steady state
        stations = {s.id: Station(store, name=s.room, session=s) for s in store.sessions()}
        samples = _timed(stations, timed, range(SCANS))
        # The same without waiting for the disk: what the rules cost the
        # processor, which a slow or busy disk's commit can hide.
        store.conn.execute("PRAGMA synchronous=OFF")
        no_wait = _timed(stations, timed, range(SCANS, 2 * SCANS))
        store.close()
    plain = samples[PLAIN.name]
    rows = []
    for kind, label in (
        (FILLING, "a room filling up"),
        (BUSY, "a busy room near capacity"),
    ):
        ruled = samples[kind.name]
        rows += [
            floor_row(
                f"session check-in with capacity, categories, booking: {label} "
                f"({ROOMS} rooms, {attendees:,} roster), p50",
                statistics.median(ruled),
                statistics.median(plain),
                "≤ 1.2× one without rules",
                "≤ 1.2×",
                "ms",
                floor_name="session without rules, same run, interleaved",
                p50=True,
            ),
            floor_row(
                f"the same, {label}, p95",
                percentile(ruled, 0.95),
                percentile(plain, 0.95),
                "≤ 1.2× one without rules",
                "≤ 1.2×",
                "ms",
                floor_name="session without rules p95, same run",
            ),
            floor_row(
                f"the same, {label}, not waiting for the disk (synchronous=OFF), p50",
                statistics.median(no_wait[kind.name]),
                statistics.median(no_wait[PLAIN.name]),
                "reference: the rules' own cost",
                "",
                "ms",
                floor_name="session without rules, not waiting for the disk",
                p50=True,
            ),
        ]
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=100_000)
    print(format_rows(run(parser.parse_args().attendees), markdown=False))

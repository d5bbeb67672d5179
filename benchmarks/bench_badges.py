"""Badge rendering speed and size, each time beside its floor from the same run.

.venv/bin/python -m benchmarks.bench_badges [--samples 150] [--batch 1000]

Targets (issue 18): one badge <= 10 ms p50 and 1,000 badges <= 4 s, both
<= 1.6x the floor: a bare reportlab canvas drawing the same pages with four
strings in the template's fonts and a QR matrix computed beforehand (see
floors.py). The PDF of one badge <= 150 KB with fonts subset.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import time
from typing import Any

from benchmarks.floors import badge_pages_floor
from benchmarks.roster import people as generated_people
from benchmarks.run_all import format_rows
from benchmarks.stats import floor_row, timing_row, value_row
from kiosk.badges import batch, render_badge_png, render_badges_pdf
from kiosk.demo import create_demo_event
from kiosk.domain.codes import new_code
from kiosk.domain.models import Attendee, Event
from kiosk.store import Store

BATCH_RUNS = 3


def demo_attendees() -> tuple[Event, list[Attendee]]:
    store = Store.open(":memory:")
    create_demo_event(store, today=dt.date(2026, 3, 10))
    return store.event(), store.attendees()


def crowd(count: int) -> list[Attendee]:
    """Generated attendees, each with a code of its own (so every QR is computed)."""
    return [
        Attendee(
            id=index + 1,
            code=new_code(),
            first_name=person["first_name"],
            last_name=person["last_name"],
            organisation=person["organisation"],
            job_title=person["job_title"],
            category=person["category"],
        )
        for index, person in enumerate(generated_people(count, seed=18))
    ]


def run(samples: int = 150, batch_size: int = 1000) -> list[dict[str, Any]]:
    event, people = demo_attendees()
    rows: list[dict[str, Any]] = []

    started = time.perf_counter()
    render_badges_pdf([people[0]], event)
    first = time.perf_counter() - started
    rows.append(
        value_row("first badge in a process (fonts + template load)", first * 1000, "—", "ms")
    )

    # Every sample is another attendee with a code not seen before, so the
    # QR matrix is computed each time, as at the kiosk; the floor's page for
    # the same attendee is drawn right after, on the same machine.
    times, floors = [], []
    for index in range(samples):
        attendee = dataclasses.replace(people[index % len(people)], code=new_code())
        started = time.perf_counter()
        render_badges_pdf([attendee], event)
        times.append(time.perf_counter() - started)
        floors.append(badge_pages_floor([attendee], event))
    one = floor_row(
        "one badge PDF incl. QR (4x3in, demo names)",
        statistics.median(times),
        statistics.median(floors),
        "≤ 10 ms p50",
        "≤ 1.6×",
        "ms",
        floor_name="bare canvas page",
        p50=True,
    )
    one["p99"] = timing_row("", times, "")["p99"]
    rows.append(one)

    workers = batch.split_worthwhile(batch_size)
    products, floors = [], []
    for _ in range(BATCH_RUNS):
        attendees = crowd(batch_size)
        started = time.perf_counter()
        pdf = render_badges_pdf(attendees, event)
        products.append(time.perf_counter() - started)
        floors.append(badge_pages_floor(attendees, event))
    rows.append(
        floor_row(
            f"{batch_size:,} badges in one PDF ({workers} process{'es' if workers > 1 else ''}, "
            f"p50 of {BATCH_RUNS})",
            statistics.median(products),
            statistics.median(floors),
            "≤ 4 s",
            "≤ 1.6×",
            "s",
            floor_name="bare canvas, one process",
        )
    )
    rows.append(value_row(f"{batch_size:,}-badge PDF size", len(pdf) / 1e6, "—", "MB"))

    latin = next(a for a in people if a.last_name == "Ó Briain")
    mixed = next(a for a in people if a.last_name == "张")
    for label, attendee in (("Latin name", latin), ("Latin + Chinese name", mixed)):
        size = len(render_badges_pdf([attendee], event)) / 1024
        rows.append(value_row(f"one badge PDF size ({label})", size, "≤ 150 KB", "KB"))

    previews = []
    for attendee in people[:30]:
        started = time.perf_counter()
        render_badge_png(attendee, event, dpi=150)
        previews.append(time.perf_counter() - started)
    rows.append(timing_row("badge preview PNG at 150 dpi", previews, "—"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=150)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    print(format_rows(run(args.samples, args.batch), markdown=False))


if __name__ == "__main__":
    main()

"""Badge rendering speed and size.

.venv/bin/python -m benchmarks.bench_badges [--samples 150] [--batch 1000]

Targets (issue 3): one badge <= 30 ms median including the QR code; 1,000
badges in one PDF <= 10 s; the PDF of one badge <= 150 KB with fonts subset.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time
from typing import Any

from benchmarks.bench_core import format_rows
from benchmarks.stats import timing_row, value_row
from kiosk.badges import render_badge_png, render_badges_pdf
from kiosk.demo import create_demo_event
from kiosk.domain.codes import new_code
from kiosk.domain.models import Attendee, Event
from kiosk.store import Store


def demo_attendees() -> tuple[Event, list[Attendee]]:
    store = Store.open(":memory:")
    create_demo_event(store, today=dt.date(2026, 3, 10))
    return store.event(), store.attendees()


def run(samples: int = 150, batch: int = 1000) -> list[dict[str, Any]]:
    event, people = demo_attendees()
    rows: list[dict[str, Any]] = []

    started = time.perf_counter()
    render_badges_pdf([people[0]], event)
    first = time.perf_counter() - started
    rows.append(
        value_row("first badge in a process (fonts + template load)", first * 1000, "—", "ms")
    )

    # Every sample is another attendee with a code not seen before, so the
    # QR matrix is computed each time, as at the kiosk.
    times = []
    for index in range(samples):
        attendee = dataclasses.replace(people[index % len(people)], code=new_code())
        started = time.perf_counter()
        render_badges_pdf([attendee], event)
        times.append(time.perf_counter() - started)
    rows.append(timing_row("one badge PDF incl. QR (4x3in, demo names)", times, "≤ 30 ms"))

    crowd = [
        dataclasses.replace(people[index % len(people)], id=index + 1, code=new_code())
        for index in range(batch)
    ]
    started = time.perf_counter()
    pdf = render_badges_pdf(crowd, event)
    elapsed = time.perf_counter() - started
    rows.append(value_row(f"{batch:,} badges in one PDF", elapsed, "≤ 10 s", "s"))
    rows.append(value_row(f"{batch:,}-badge PDF size", len(pdf) / 1e6, "—", "MB"))

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
    rows = run(args.samples, args.batch)
    print(format_rows(rows))


if __name__ == "__main__":
    main()

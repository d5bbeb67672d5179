"""Roster import benchmark: a generated CSV of 100,000 attendees into a new event.

.venv/bin/python -m benchmarks.bench_import [--attendees 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.roster import people
from benchmarks.stats import value_row
from kiosk.domain.models import Event
from kiosk.io import import_roster
from kiosk.store import Store

COLUMNS = ("first_name", "last_name", "email", "organisation", "job_title", "category", "code")


def write_roster(path: Path, attendees: int) -> None:
    """A generic-format CSV; every tenth row has no code, as plain lists often do."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index, person in enumerate(people(attendees)):
            if index % 10 == 9:
                person["code"] = ""
            writer.writerow([person[column] for column in COLUMNS])


def new_event(path: Path) -> Store:
    store = Store.open(path, create=True)
    store.save_event(Event("Import benchmark"))
    return store


def timed_import(store: Store, roster: Path) -> tuple[float, str]:
    start = time.perf_counter()
    report = import_roster(store, roster)
    return time.perf_counter() - start, report.summary()


def run(attendees: int = 100_000, runs: int = 5) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        roster = folder / "roster.csv"
        write_roster(roster, attendees)
        fresh: list[float] = []
        for index in range(runs):
            store = new_event(folder / f"fresh{index}.db")
            seconds, summary = timed_import(store, roster)
            fresh.append(seconds)
            store.close()
        # The same file again into the last event: every row matched, nothing written.
        store = Store.open(folder / f"fresh{runs - 1}.db")
        again, again_summary = timed_import(store, roster)
        store.close()
    rows = [
        value_row(
            f"import of a {attendees:,}-row CSV, new event (p50 of {runs})",
            statistics.median(fresh),
            "≤ 5 s",
            "s",
        ),
        value_row(
            f"re-import of the same {attendees:,} rows (no changes)", again, "reference", "s"
        ),
    ]
    rows[0]["runs_s"] = fresh
    rows[0]["summary"] = summary
    rows[1]["summary"] = again_summary
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--attendees", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    print("| benchmark | value | target |\n|---|---|---|")
    for row in run(options.attendees, options.runs):
        print(f"| {row['name']} | {row['value']:.2f} {row['unit']} | {row['target']} |")
        print(f"|   ({row['summary']}) | | |")

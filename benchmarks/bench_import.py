"""Roster import benchmark: a generated CSV of 100,000 attendees into a new event,
each run beside its floor (sqlite-utils' insert_all of the same CSV into a plain table).

.venv/bin/python -m benchmarks.bench_import [--attendees 100000] [--runs 5]

Targets (issue 18): 100k rows <= 2 s, <= 1.2x the floor in the same run, peak
memory <= 120 MB (a fresh process importing, measured by the kernel); a
re-import of the same file with 1 % of rows changed <= 1 s.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.floors import insert_all_floor, parse_floor
from benchmarks.roster import people
from benchmarks.stats import floor_row, value_row
from kiosk.domain.models import Event
from kiosk.io import import_roster
from kiosk.store import Store

COLUMNS = ("first_name", "last_name", "email", "organisation", "job_title", "category", "code")
ROOT = Path(__file__).resolve().parent.parent


def write_roster(path: Path, attendees: int, changed_every: int = 0) -> None:
    """A generic-format CSV; every tenth row has no code, as plain lists often do.

    With `changed_every`, that share of the coded rows has a new organisation.
    """
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index, person in enumerate(people(attendees)):
            if index % 10 == 9:
                person["code"] = ""
            elif changed_every and index % changed_every == 0:
                person["organisation"] = f"Moved to site {index}"
            writer.writerow([person[column] for column in COLUMNS])


def new_event(path: Path) -> Store:
    store = Store.open(path, create=True)
    store.save_event(Event("Import benchmark"))
    return store


def timed_import(store: Store, roster: Path) -> tuple[float, str]:
    start = time.perf_counter()
    report = import_roster(store, roster)
    return time.perf_counter() - start, report.summary()


_PEAK = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from benchmarks.bench_import import new_event
from kiosk.cli import main
new_event(Path(sys.argv[1])).close()
main(["import", sys.argv[2], "--db", sys.argv[1]])
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def peak_memory_mb(roster: Path, database: Path) -> float:
    """Peak resident memory of `kiosk import` in a fresh process, from its own
    high-water mark (wait4's ru_maxrss would charge it this large parent's pages)."""
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, str(database), str(roster), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.split()[-1]) / 1024  # kB


def run(attendees: int = 100_000, runs: int = 5) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        roster, changed = folder / "roster.csv", folder / "changed.csv"
        write_roster(roster, attendees)
        write_roster(changed, attendees, changed_every=100)
        fresh: list[float] = []
        floors: list[float] = []
        strict: list[float] = []
        for index in range(runs):  # product and floors in turns, so all see the same machine
            store = new_event(folder / f"fresh{index}.db")
            seconds, summary = timed_import(store, roster)
            fresh.append(seconds)
            store.close()
            floors.append(insert_all_floor(roster, folder))
            strict.append(insert_all_floor(roster, folder, one_transaction=True))
        # The same file with 1 % of rows changed, into the last event.
        store = Store.open(folder / f"fresh{runs - 1}.db")
        again, again_summary = timed_import(store, changed)
        store.close()
        parse = parse_floor(changed)
        peak = peak_memory_mb(roster, folder / "peak.db")
    rows = [
        floor_row(
            f"import of a {attendees:,}-row CSV, new event (p50 of {runs})",
            statistics.median(fresh),
            statistics.median(floors),
            "≤ 2 s",
            "≤ 1.2×",
            "s",
            floor_name="sqlite-utils insert_all, plain table, its defaults",
        ),
        floor_row(
            "the same import beside a stricter floor",
            statistics.median(fresh),
            statistics.median(strict),
            "—",
            "",
            "s",
            floor_name="insert_all in one transaction, WAL",
        ),
        value_row(
            f"import of {attendees:,} rows: peak memory (fresh process)", peak, "≤ 120 MB", "MB"
        ),
        floor_row(
            f"re-import of {attendees:,} rows, 1 % changed",
            again,
            parse,
            "≤ 1 s",
            "",
            "s",
            floor_name="csv.reader over the file",
        ),
    ]
    rows[0]["runs_s"] = fresh
    rows[0]["floor_runs_s"] = floors
    rows[1]["floor_runs_s"] = strict
    rows[0]["summary"] = summary
    rows[3]["summary"] = again_summary
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--attendees", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    for row in run(options.attendees, options.runs):
        print(json.dumps(row, ensure_ascii=False))

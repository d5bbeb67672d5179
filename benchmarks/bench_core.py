"""Foundation benchmarks on a generated roster: check-in, name search, memory.

.venv/bin/python -m benchmarks.bench_core [--attendees 100000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.roster import people
from benchmarks.run_all import format_rows
from benchmarks.stats import timing_row, value_row
from kiosk.checkin import Station
from kiosk.domain.models import Event
from kiosk.domain.text import fold
from kiosk.store import Store

SCANS = 2000
SEARCHES = 600


def build_event(path: Path, attendees: int) -> list[str]:
    store = Store.open(path, create=True)
    store.save_event(Event("Benchmark"))
    codes = []
    with store.transaction():
        for person in people(attendees):
            store.add_attendee(person)
            codes.append(person["code"])
    store.close()
    return codes


def bench_check_in(path: Path, codes: list[str], folder: Path) -> tuple[list[float], list[float]]:
    """Check-ins through the engine and bare INSERT + COMMITs with the same
    durability settings, interleaved so both meet the same disk conditions."""
    store = Store.open(path)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # start from a steady state
    station = Station(store, name="bench")
    bare = sqlite3.connect(folder / "bare.db", isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    bare.execute("CREATE TABLE log (id TEXT, attendee INTEGER, at TEXT)")
    engine_samples, bare_samples = [], []
    for index, code in enumerate(random.Random(1).sample(codes, SCANS)):
        start = time.perf_counter()
        station.scan(code)
        engine_samples.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("INSERT INTO log VALUES (?, ?, ?)", (f"e{index}", index, "2026-03-10"))
        bare.execute("COMMIT")
        bare_samples.append(time.perf_counter() - start)
    bare.close()
    store.close()
    return engine_samples, bare_samples


def search_queries(attendees: int) -> list[str]:
    """What people type: the start of a name, a fragment, two words in any order."""
    rng = random.Random(2)
    sample = list(people(min(attendees, 5000)))
    queries = []
    for _ in range(SEARCHES):
        person = rng.choice(sample)
        first, last = fold(person["first_name"]), fold(person["last_name"]).split()[0]
        queries.append(
            rng.choice(
                [
                    first[:3],
                    last[: max(3, len(last) - 1)],
                    f"{last[:4]} {first[:2]}",
                    f"{first} {last}",
                    last[1:5],
                ]
            )
        )
    return queries


def bench_search(path: Path, queries: list[str], names_only: bool) -> list[float]:
    store = Store.open(path)
    samples = []
    for query in queries:
        start = time.perf_counter()
        store.search(query, limit=20, names_only=names_only)
        samples.append(time.perf_counter() - start)
    store.close()
    return samples


def station_peak_memory_mb(path: Path, codes: list[str]) -> float:
    """Peak RSS of a real `kiosk scan` process checking in 2,000 people.

    Read from the process's own high-water mark once every result is out and
    before it exits. Not from wait4's ru_maxrss: a child forked from this
    (by then large) benchmark process is charged the parent's pages it
    briefly shared before exec.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "scan", "--db", str(path), "--station", "mem"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    batch = codes[-SCANS:]
    process.stdin.write("".join(f"{code}\n" for code in batch).encode())
    process.stdin.flush()
    for _ in batch:
        process.stdout.readline()
    status = Path(f"/proc/{process.pid}/status").read_text()
    process.stdin.close()
    process.wait()
    peak_kb = next(
        int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")
    )
    return peak_kb / 1024


def run(attendees: int = 100_000) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        path = folder / "bench.db"
        codes = build_event(path, attendees)
        check_in, bare = bench_check_in(path, codes, folder)
        queries = search_queries(attendees)
        names = bench_search(path, queries, names_only=True)
        staff = bench_search(path, queries, names_only=False)
        memory = station_peak_memory_mb(path, codes)
    check_row = timing_row(
        f"check-in, durable commit ({attendees:,} roster)", check_in, "p99 ≤ 2 ms"
    )
    bare_row = timing_row("bare sqlite3 INSERT + COMMIT (same settings)", bare, "reference")
    return [
        check_row,
        bare_row,
        value_row("check-in ÷ bare commit (p50)", check_row["p50"] / bare_row["p50"], "≤ 5×", "×"),
        value_row("check-in ÷ bare commit (p99)", check_row["p99"] / bare_row["p99"], "≤ 5×", "×"),
        timing_row(f"name search, names only ({attendees:,})", names, "p99 ≤ 10 ms"),
        timing_row(f"name search, all fields ({attendees:,})", staff, "p99 ≤ 10 ms"),
        value_row(f"headless station peak memory ({attendees:,})", memory, "≤ 150 MB", "MB"),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=100_000)
    print(format_rows(run(parser.parse_args().attendees)))

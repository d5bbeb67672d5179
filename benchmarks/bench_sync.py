"""Multi-station sync through a throwaway PostgreSQL hub.

.venv/bin/python -m benchmarks.bench_sync [--stations 10] [--scans 500] [--attendees 100000]

Needs root and Debian's postgresql (see kiosk.devtools.pg_cluster); otherwise it
reports why and measures nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.roster import people
from benchmarks.stats import percentile, timing_row, value_row
from kiosk.devtools.pg_cluster import TemporaryCluster, unavailable_reason
from kiosk.domain.codes import new_code
from kiosk.domain.models import Event
from kiosk.store import Store
from kiosk.sync import open_synced_station
from kiosk.sync.join import join, publish

LATENCY_SAMPLES = 200


def build_hub(cluster: TemporaryCluster, folder: Path, attendees: int) -> tuple[str, list[str]]:
    url = cluster.create_database("bench")
    store = Store.open(folder / "desk.db", create=True)
    store.save_event(Event("Sync benchmark"))
    codes = [new_code() for _ in range(attendees)]
    with store.transaction():
        for number, code in enumerate(codes):
            store.add_attendee({"code": code, "first_name": f"P{number}"})
    publish(store, url, "desk")
    store.close()
    return url, codes


def station(url: str, path: Path, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "kiosk", "scan", "--server", url),
            *("--db", str(path), "--station", name),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def hub_throughput(url: str, folder: Path, codes: list[str], stations: int, scans: int) -> float:
    """Scans per second across `stations` processes scanning overlapping codes."""
    procs = [station(url, folder / f"s{n}.db", f"s{n}") for n in range(stations)]
    for proc in procs:  # wait until every station has joined and answers
        assert proc.stdin and proc.stdout
        proc.stdin.write("warm-up\n")
        proc.stdin.flush()
        proc.stdout.readline()
    rng = random.Random(3)
    batches = [rng.sample(codes, scans) for _ in procs]

    def feed(proc: subprocess.Popen[str], batch: list[str]) -> None:
        assert proc.stdin and proc.stdout
        proc.stdin.write("".join(f"{code}\n" for code in batch))
        proc.stdin.flush()
        for _ in batch:
            proc.stdout.readline()

    threads = [
        threading.Thread(target=feed, args=pair) for pair in zip(procs, batches, strict=True)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    for proc in procs:
        proc.communicate(timeout=60)
    return stations * scans / elapsed


def appearance_latency(url: str, folder: Path, codes: list[str]) -> tuple[list[float], list[float]]:
    """Scan at one station, time until the entry is in another station's file."""
    other = station(url, folder / "far.db", "far")
    assert other.stdin and other.stdout
    other.stdin.write("warm-up\n")
    other.stdin.flush()
    other.stdout.readline()
    near = open_synced_station(folder / "near.db", url, name="near")
    reader = sqlite3.connect(folder / "far.db", isolation_level=None)
    scans: list[float] = []
    latencies: list[float] = []
    try:
        for code in codes[:LATENCY_SAMPLES]:
            started = time.perf_counter()
            result = near.scan(code)
            scans.append(time.perf_counter() - started)
            assert result.appended is not None
            while not reader.execute(
                "SELECT 1 FROM checkins WHERE id = ?", (result.appended.id,)
            ).fetchone():
                time.sleep(0.001)
            latencies.append(time.perf_counter() - started)
    finally:
        near.close()
        other.communicate(timeout=60)
        reader.close()
    return scans, latencies


def join_time(cluster: TemporaryCluster, folder: Path, attendees: int) -> float:
    """Seconds for a new station to copy an event of `attendees` from the hub."""
    url = cluster.create_database("bench_join")
    store = Store.open(folder / "big.db", create=True)
    store.save_event(Event("Sync benchmark, large roster"))
    with store.transaction():
        for person in people(attendees):
            store.add_attendee(person)
    publish(store, url, "desk")
    store.close()
    started = time.perf_counter()
    join(folder / "joined.db", url, "new").close()
    return time.perf_counter() - started


def run(stations: int = 10, scans: int = 500, attendees: int = 100_000) -> list[dict[str, Any]]:
    reason = unavailable_reason()
    if reason is not None:
        return [{"name": f"sync: not measured ({reason})", "target": ""}]
    with TemporaryCluster() as cluster, tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url, codes = build_hub(cluster, folder, max(2 * scans, 1000) + LATENCY_SAMPLES)
        # The latency scans use codes nobody scanned before, so each admits.
        fresh = codes[-LATENCY_SAMPLES:]
        rate = hub_throughput(url, folder, codes[:-LATENCY_SAMPLES], stations, scans)
        online, latency = appearance_latency(url, folder, fresh)
        joining = join_time(cluster, folder, attendees)
    latency_row = timing_row(
        "sync: scan at one station → in another station's file", latency, "p95 ≤ 2000 ms"
    )
    latency_row["p95"] = percentile(latency, 0.95) * 1000
    return [
        value_row(
            f"sync: hub scans per second ({stations} station processes)", rate, "", "scans/s"
        ),
        timing_row("sync: online scan decided at the hub (idle hub)", online, ""),
        latency_row,
        value_row(f"sync: a new station joins ({attendees:,} roster)", joining, "", "s"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=10)
    parser.add_argument("--scans", type=int, default=500)
    parser.add_argument("--attendees", type=int, default=100_000)
    args = parser.parse_args()
    rows = run(args.stations, args.scans, args.attendees)
    print(json.dumps(rows, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

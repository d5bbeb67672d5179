"""Attention flags and webhooks: what a flagged check-in costs beside a plain
one in the same run, and how soon its webhook reaches a local receiver.

.venv/bin/python -m benchmarks.bench_alerts [--attendees 20000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from benchmarks.bench_core import build_event
from benchmarks.run_all import format_rows
from benchmarks.stats import floor_row, percentile
from kiosk.alerts.sender import start_webhooks
from kiosk.checkin import Station
from kiosk.store import Store

SCANS = 1000  # of each kind, interleaved
DELIVERIES = 200
# Between check-ins in the delivery run: a busy door, not a flood.
GAP_S = 0.02


def _receiver() -> tuple[ThreadingHTTPServer, dict[str, float]]:
    """A local webhook receiver noting when each event id arrived."""
    arrived: dict[str, float] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            arrived.setdefault(self.headers["X-Kiosk-Event-Id"], time.perf_counter())
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, arrived


def _event(path: Path, attendees: int, port: int) -> tuple[list[str], list[str]]:
    """The roster, half of a sample flagged and marked to notify; webhooks on."""
    codes = build_event(path, attendees)
    store = Store.open(path)
    sample = random.Random(3).sample(codes, 2 * SCANS + DELIVERIES)
    flagged = sample[:SCANS] + sample[2 * SCANS :]
    with store.transaction():
        store.conn.executemany(
            "UPDATE attendees SET attention = 'speaker: send to green room', notify = 1 "
            "WHERE code = ?",
            [(code,) for code in flagged],
        )
    store.set_setting("alerts.webhook_url", f"http://127.0.0.1:{port}/hook")
    store.set_setting("alerts.webhook_secret", "benchmark-key")
    store.close()
    return sample[:SCANS], sample[SCANS : 2 * SCANS]


def run(attendees: int = 20_000) -> list[dict[str, Any]]:
    server, arrived = _receiver()
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "alerts.db"
            flagged, plain = _event(path, attendees, server.server_address[1])
            store = Store.open(path)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            station = Station(store, name="bench")
            # Interleaved, so both meet the same disk and the same load.
            flagged_s, plain_s = [], []
            for with_flag, without in zip(flagged, plain, strict=True):
                start = time.perf_counter()
                station.scan(with_flag)
                flagged_s.append(time.perf_counter() - start)
                start = time.perf_counter()
                station.scan(without)
                plain_s.append(time.perf_counter() - start)
            # The webhooks these queued go out before the delivery run starts.
            sender = start_webhooks(store)
            assert sender is not None
            station.on_alert = sender.wake
            deadline = time.monotonic() + 120
            while len(arrived) < 2 * SCANS and time.monotonic() < deadline:
                time.sleep(0.05)
            delivery = random.Random(4).sample(
                [c for c in _flagged_left(store, flagged)], DELIVERIES
            )
            started: dict[str, float] = {}
            for code in delivery:
                started[code] = time.perf_counter()
                result = station.scan(code)
                assert result.appended is not None
                started[result.appended.id] = started.pop(code)
                time.sleep(GAP_S)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not all(
                f"see_desk:{entry}" in arrived for entry in started
            ):
                time.sleep(0.05)
            sender.stop()
            store.close()
    finally:
        server.shutdown()
        server.server_close()
    latency = [arrived[f"see_desk:{entry}"] - at for entry, at in started.items()]
    p95 = percentile(latency, 0.95)
    return [
        floor_row(
            "flagged check-in (note + notify, 2 webhooks queued), p50",
            statistics.median(flagged_s),
            statistics.median(plain_s),
            "≤ 1.2× a plain one",
            "≤ 1.2×",
            "ms",
            floor_name="plain check-in, same run, interleaved",
            p50=True,
        ),
        floor_row(
            "flagged check-in, p95",
            percentile(flagged_s, 0.95),
            percentile(plain_s, 0.95),
            "≤ 1.2× a plain one",
            "≤ 1.2×",
            "ms",
            floor_name="plain check-in p95, same run",
        ),
        {
            "name": "check-in → webhook request at a local receiver (sender woken)",
            "p50": statistics.median(latency) * 1000,
            "p95": p95 * 1000,
            "target": "p95 ≤ 1000 ms",
            "unit": "ms",
            "n": len(latency),
        },
    ]


def _flagged_left(store: Store, used: list[str]) -> list[str]:
    """Flagged attendees not yet checked in (the sample's delivery part)."""
    taken = set(used)
    rows = store.conn.execute("SELECT code FROM attendees WHERE attention != ''").fetchall()
    return [code for (code,) in rows if code not in taken]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=20_000)
    print(format_rows(run(parser.parse_args().attendees)))

"""Print benchmark: from a `checked_in` result to the job accepted by the spooler.

Each sample checks a demo attendee in, queues the badge as the kiosk does,
wakes the print worker (its own thread) and stops the clock when the worker
reports the job accepted by CUPS: rendering, `lp` and the database writes
included. It needs a CUPS queue: `--printer cups:QUEUE`, or, as root with
CUPS and CUPS-PDF installed, a private cupsd with a CUPS-PDF queue is started
for the run (and stopped after).

.venv/bin/python -m benchmarks.bench_print [--samples 60] [--printer cups:QUEUE]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.stats import percentile
from kiosk.demo import create_demo_event
from kiosk.domain.models import Result
from kiosk.printing import PrintQueue, PrintWorker
from kiosk.station import Station
from kiosk.store import Store

TARGET = "p95 ≤ 300 ms"
ROOT = Path(__file__).resolve().parent.parent


def _private_cups_module() -> Any:
    # The tests' private-CUPS helper: one definition of how to start one.
    path = ROOT / "tests" / "printing" / "private_cups.py"
    spec = importlib.util.spec_from_file_location("private_cups", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def cups_printer(printer: str | None) -> Iterator[str | None]:
    """The printer to measure: the one given, or a private CUPS-PDF queue."""
    if printer:
        yield printer
        return
    helper = _private_cups_module()
    reason = helper.why_unavailable()
    if reason:
        print(f"print benchmark skipped: {reason}", file=sys.stderr)
        yield None
        return
    server = helper.PrivateCups()
    previous = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = str(server.socket)
    try:
        server.start()
        server.add_pdf_printer("BenchPDF")
        yield "cups:BenchPDF"
    finally:
        server.close()
        if previous is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = previous


def measure(printer: str, samples: int) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        store = Store.open(path, create=True)
        create_demo_event(store)
        event = store.event()
        day = event.first_day or dt.date.today()
        noon = dt.datetime.combine(day, dt.time(12), tzinfo=event.zone)
        station = Station(store, name="bench", clock=lambda: noon)
        queue = PrintQueue(store)
        attendees = [a for a in store.attendees() if a.status == "active"]

        accepted: dict[int, float] = {}
        signal = threading.Condition()

        def on_change(job_id: int, state: str, error: str) -> None:
            if state in ("sent", "done", "failed") or error:
                with signal:
                    accepted.setdefault(job_id, time.perf_counter())
                    signal.notify_all()

        worker = PrintWorker(path, printer, on_change=on_change, poll_interval=0.5)
        worker.start()
        times: list[float] = []
        try:
            # Warm-up: fonts registered, templates parsed, lp found on PATH.
            for attendee in attendees[:3]:
                times.append(_one(station, queue, worker, attendee.code, signal, accepted))
            times.clear()
            for attendee in attendees[3 : 3 + samples]:
                times.append(_one(station, queue, worker, attendee.code, signal, accepted))
        finally:
            worker.stop()
            store.close()
        return times


def _one(
    station: Station,
    queue: PrintQueue,
    worker: PrintWorker,
    code: str,
    signal: threading.Condition,
    accepted: dict[int, float],
) -> float:
    result = station.scan(code)
    if result.result is not Result.CHECKED_IN or result.attendee is None:
        raise RuntimeError(f"benchmark scan gave {result.result.value}")
    start = time.perf_counter()  # the check-in is committed; the print path starts here
    job_id = queue.enqueue(result.attendee.id)
    assert job_id is not None
    worker.wake()
    with signal:
        if not signal.wait_for(lambda: job_id in accepted, timeout=30):
            raise RuntimeError("the spooler did not accept a job within 30 s")
    job = queue.job(job_id)
    if job is None or job.spooler_job_id is None:
        raise RuntimeError(f"job {job_id} was not accepted: {job.error if job else '?'}")
    return accepted[job_id] - start


def run(samples: int = 60, printer: str | None = None) -> list[dict[str, Any]]:
    with cups_printer(printer) as chosen:
        if chosen is None:
            return []
        times = measure(chosen, samples)
    return [
        {
            "name": f"checked_in → badge accepted by CUPS ({chosen.split(':')[0]}, render + lp)",
            "p50": statistics.median(times) * 1000,
            "p95": percentile(times, 0.95) * 1000,
            "p99": percentile(times, 0.99) * 1000,
            "target": TARGET,
            "unit": "ms",
            "n": len(times),
        }
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--printer", default=None, metavar="cups:QUEUE")
    args = parser.parse_args()
    for row in run(args.samples, args.printer):
        print(
            f"{row['name']}: p50 {row['p50']:.1f} ms, p95 {row['p95']:.1f} ms, "
            f"p99 {row['p99']:.1f} ms (n={row['n']}; target {row['target']})"
        )

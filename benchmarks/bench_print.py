"""Print benchmark: from a `checked_in` result to the job accepted by the spooler.

Each sample checks a demo attendee in, queues the badge as the kiosk does,
wakes the print worker (its own thread) and stops the clock when the worker
reports the job accepted by CUPS: rendering, the hand-over (one IPP
Print-Job request, see kiosk/printing/backends/ipp.py) and the database
writes included. Its floor, measured in the same run, is a bare `lp` of an already rendered
badge PDF to the same queue. A morning rush is measured too: ten badges
queued at once at two kiosks (two print workers on one event file), each
badge timed from the rush to its acceptance, beside ten bare `lp`s started
at once from two threads.

It needs a CUPS queue: `--printer cups:QUEUE`, or, as root with
CUPS and CUPS-PDF installed, a private cupsd with a CUPS-PDF queue is started
for the run (and stopped after).

.venv/bin/python -m benchmarks.bench_print [--samples 60] [--printer cups:QUEUE]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import itertools
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.floors import lp_floor
from benchmarks.stats import floor_row, percentile
from kiosk.badges import render_badges_pdf
from kiosk.checkin import Station
from kiosk.demo import create_demo_event
from kiosk.domain.models import Result
from kiosk.printing import PrintQueue, PrintWorker
from kiosk.store import Store

TARGET = "p95 ≤ 100 ms"
RATIO_TARGET = "≤ 1.5×"
RUSH = 10  # badges queued at once
RUSH_KIOSKS = 2
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


def measure(printer: str, samples: int, rushes: int) -> dict[str, list[float]]:
    """Seconds per badge: one at a time, a rush, and the bare lp floors of both."""
    queue_name = printer.split(":", 1)[1]
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
        needed = 3 + samples + rushes * RUSH
        if len(attendees) < needed:
            raise RuntimeError(f"the demo event has {len(attendees)} attendees, {needed} needed")
        pdf = render_badges_pdf([attendees[0]], event)

        accepted: dict[int, float] = {}
        accepted_wall: dict[int, float] = {}  # the clock job rows are stamped with
        signal = threading.Condition()

        def on_change(job_id: int, state: str, error: str) -> None:
            if state in ("sent", "done", "failed") or error:
                with signal:
                    accepted.setdefault(job_id, time.perf_counter())
                    accepted_wall.setdefault(job_id, time.time())
                    signal.notify_all()

        workers = [
            PrintWorker(path, printer, on_change=on_change, poll_interval=0.5)
            for _ in range(RUSH_KIOSKS)
        ]
        for worker in workers:
            worker.start()
        times: dict[str, list[float]] = {
            key: [] for key in ("one", "one_floor", "rush", "rush_floor", "hand", "hand_floor")
        }
        people = iter(attendees)
        try:
            # Warm-up: fonts registered, templates parsed, lp found on PATH.
            for attendee in itertools.islice(people, 3):
                _one(station, queue, workers[0], attendee.code, signal, accepted)
            lp_floor(queue_name, pdf, 2)
            for attendee in itertools.islice(people, samples):
                times["one"].append(
                    _one(station, queue, workers[0], attendee.code, signal, accepted)
                )
                times["one_floor"] += lp_floor(queue_name, pdf, 1)
            for _ in range(rushes):
                crowd = list(itertools.islice(people, RUSH))
                jobs = _rush(station, queue, workers, crowd, signal, accepted)
                times["rush"] += [accepted[job] - start for job, start in jobs]
                # Each badge's own hand-off: claimed by a worker to accepted by CUPS.
                for job, _ in jobs:
                    claimed = queue.job(job)
                    assert claimed is not None and claimed.sent_at is not None
                    times["hand"].append(accepted_wall[job] - claimed.sent_at.timestamp())
                finished, durations = _rush_floor(queue_name, pdf)
                times["rush_floor"] += finished
                times["hand_floor"] += durations
        finally:
            for worker in workers:
                worker.stop()
            store.close()
        return times


def _rush(
    station: Station,
    queue: PrintQueue,
    workers: list[PrintWorker],
    crowd: list[Any],
    signal: threading.Condition,
    accepted: dict[int, float],
) -> list[tuple[int, float]]:
    """Ten people checked in, their badges queued at once: (job, when queued) each."""
    ids = []
    for attendee in crowd:
        result = station.scan(attendee.code)
        if result.result is not Result.CHECKED_IN or result.attendee is None:
            raise RuntimeError(f"benchmark scan gave {result.result.value}")
        ids.append(result.attendee.id)
    start = time.perf_counter()
    jobs = [job for job in (queue.enqueue(attendee_id) for attendee_id in ids) if job is not None]
    for worker in workers:
        worker.wake()
    with signal:
        if not signal.wait_for(lambda: all(job in accepted for job in jobs), timeout=60):
            raise RuntimeError("the spooler did not accept a rush of jobs within 60 s")
    return [(job, start) for job in jobs]


def _rush_floor(queue_name: str, pdf: bytes) -> tuple[list[float], list[float]]:
    """Ten bare lp calls started at once from two threads: each one's time from
    the start, and each one's own duration."""
    finished: list[float] = []
    durations: list[float] = []
    start = time.perf_counter()

    def kiosk() -> None:
        for _ in range(RUSH // RUSH_KIOSKS):
            durations.extend(lp_floor(queue_name, pdf, 1))
            finished.append(time.perf_counter() - start)

    threads = [threading.Thread(target=kiosk) for _ in range(RUSH_KIOSKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return finished, durations


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


def run(samples: int = 60, printer: str | None = None, rushes: int = 5) -> list[dict[str, Any]]:
    with cups_printer(printer) as chosen:
        if chosen is None:
            return []
        times = measure(chosen, samples, rushes)
    kind = chosen.split(":")[0]
    rows = []
    for key, name in (
        ("one", f"checked_in → badge accepted by CUPS, p95 ({kind}, render + Print-Job)"),
        (
            "rush",
            f"the same, p95, {RUSH} badges queued at once at {RUSH_KIOSKS} kiosks "
            "(queueing included)",
        ),
        ("hand", "each badge's own hand-off in that rush, p95 (claimed → accepted)"),
    ):
        product, floor = times[key], times[f"{key}_floor"]
        row = floor_row(
            name,
            percentile(product, 0.95),
            percentile(floor, 0.95),
            TARGET,
            RATIO_TARGET,
            "ms",
            floor_name=f"bare lp of a rendered PDF{'' if key == 'one' else ', same rush'}, p95",
        )
        row.update(
            p50=statistics.median(product) * 1000,
            p95=percentile(product, 0.95) * 1000,
            p99=percentile(product, 0.99) * 1000,
            n=len(product),
        )
        rows.append(row)
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--printer", default=None, metavar="cups:QUEUE")
    args = parser.parse_args()
    from benchmarks.run_all import format_rows

    print(format_rows(run(args.samples, args.printer), markdown=False))

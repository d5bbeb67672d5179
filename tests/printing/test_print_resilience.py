"""Nothing is lost and nothing prints twice: CUPS down, a worker killed mid-job."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from print_helpers import PDF_QUEUE, Changes, add_people, pdf_text
from private_cups import PrivateCups

from kiosk.checkin import Station
from kiosk.domain.models import Result
from kiosk.printing import JobState, PrintQueue, PrintWorker
from kiosk.printing.backends import CupsBackend
from kiosk.store import Store

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
PRINTER = f"cups:{PDF_QUEUE}"
MORNING = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def finished(queue: PrintQueue, job_ids: list[int]) -> bool:
    return all(
        (job := queue.job(job_id)) is not None and job.state is JobState.DONE for job_id in job_ids
    )


def wait_until(condition, timeout: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.expected_log("kiosk.print")  # the spooler is down or the queue missing: on purpose
def test_cups_stopped_check_ins_go_on_jobs_wait_and_each_prints_once_after_restart(
    pdf_printer: PrivateCups, db_path: Path
) -> None:
    store = Store.open(db_path)
    people = add_people(store, [("Ada", "Lovelace"), ("Grace", "Hopper"), ("Alan", "Turing")])
    queue = PrintQueue(store)
    station = Station(store, name="desk", clock=lambda: MORNING)
    changes = Changes()
    worker = PrintWorker(
        db_path, PRINTER, on_change=changes, poll_interval=0.1, retry_base=0.1, retry_max=0.3
    )
    worker.start()
    pdf_printer.stop()
    try:
        job_ids = []
        for person in people:
            result = station.scan(person.code)
            assert result.result is Result.CHECKED_IN  # the spooler being down changes nothing
            job_id = queue.enqueue(person.id)
            assert job_id is not None
            job_ids.append(job_id)
            worker.wake()
        # Every job is tried, fails for a reason staff can read, and waits.
        assert changes.wait_for(
            lambda seen: (
                {j for j, state, error in seen if state == "queued" and error} == set(job_ids)
            )
        )
        waiting = queue.jobs()
        # Waiting, or in the middle of another try (the worker retries every
        # 0.1 to 0.3 s): none has reached a spooler.
        assert all(
            job.state is JobState.QUEUED
            or (job.state is JobState.SENT and job.spooler_job_id is None)
            for job in waiting
        ), waiting
        assert all("not running" in job.error for job in waiting)
        assert pdf_printer.outputs() == []

        pdf_printer.start()
        worker.wake()
        assert wait_until(lambda: finished(queue, job_ids)), queue.jobs()
    finally:
        worker.stop()
    outputs = pdf_printer.outputs()
    assert len(outputs) == len(people)
    texts = sorted(pdf_text(path) for path in outputs)
    for person in people:
        assert sum(person.last_name in text for text in texts) == 1
        assert queue.printed_count(person.id) == 1


def run_child_until_it_hangs(db: Path, mode: str, tmp_path: Path) -> None:
    """Start a worker in a child process, wait for it to reach the point named
    by `mode`, and kill it there with SIGKILL."""
    marker = tmp_path / f"{mode}.marker"
    child = subprocess.Popen(
        [sys.executable, str(HERE / "print_child.py"), str(db), PRINTER, mode, str(marker)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )
    try:
        assert wait_until(lambda: marker.exists() or child.poll() is not None), "no marker"
        assert child.poll() is None, "the child worker exited instead of stopping mid-job"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()  # reaped: its process id no longer answers


def test_worker_killed_while_rendering_finishes_the_job_once_after_restart(
    pdf_printer: PrivateCups, event_db: Path, tmp_path: Path
) -> None:
    store = Store.open(event_db)
    queue = PrintQueue(store)
    job_id = queue.enqueue(2)
    assert job_id is not None
    run_child_until_it_hangs(event_db, "render", tmp_path)
    interrupted = queue.job(job_id)
    assert interrupted is not None and interrupted.state is JobState.SENT
    assert interrupted.spooler_job_id is None and interrupted.attempts == 1

    worker = PrintWorker(event_db, PRINTER, poll_interval=0.1)
    worker.start()
    try:
        assert wait_until(lambda: finished(queue, [job_id])), queue.jobs()
    finally:
        worker.stop()
    (output,) = pdf_printer.outputs()
    assert "Hopper" in pdf_text(output)
    assert queue.printed_count(2) == 1


def test_worker_killed_after_the_spooler_took_the_job_does_not_print_it_again(
    pdf_printer: PrivateCups, event_db: Path, tmp_path: Path
) -> None:
    store = Store.open(event_db)
    queue = PrintQueue(store)
    job_id = queue.enqueue(3)
    assert job_id is not None
    run_child_until_it_hangs(event_db, "submitted", tmp_path)
    interrupted = queue.job(job_id)
    # The spooler has the job, but the event file never heard its id.
    assert interrupted is not None and interrupted.state is JobState.SENT
    assert interrupted.spooler_job_id is None

    worker = PrintWorker(event_db, PRINTER, poll_interval=0.1)
    worker.start()
    try:
        assert wait_until(lambda: finished(queue, [job_id])), queue.jobs()
    finally:
        worker.stop()
    done = queue.job(job_id)
    assert done is not None and done.spooler_job_id and done.attempts == 1
    # The spooler holds one job of this title, and it is the one followed.
    spooler_jobs = CupsBackend(PDF_QUEUE)._jobs()
    mine = [row for row in spooler_jobs if row["job-name"] == done.spool_title]
    assert [f"{PDF_QUEUE}-{row['job-id']}" for row in mine] == [done.spooler_job_id]
    (output,) = pdf_printer.outputs()
    assert "Briain" in pdf_text(output)

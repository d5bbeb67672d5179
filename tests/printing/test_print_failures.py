"""Printer trouble is visible and fixable by staff, never fatal."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from print_helpers import PDF_QUEUE, Changes, pdf_text
from private_cups import PrivateCups

from kiosk.printing import JobState, PrintQueue, PrintWorker
from kiosk.printing.backends import CupsBackend
from kiosk.store import Store


@pytest.fixture(scope="module")
def troubled(cups: PrivateCups) -> PrivateCups:
    cups.add_unreachable_printer("Stalls", "stop-printer")
    cups.add_unreachable_printer("Fails", "abort-job")
    return cups


def drive(worker: PrintWorker, queue: PrintQueue, done: Callable[[], bool]) -> bool:
    """Run the worker in this thread until `done()` (or a minute passes)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if done():
            return True
        worker.step(queue)
        time.sleep(0.02)
    return done()


def state_of(queue: PrintQueue, job_id: int) -> JobState:
    job = queue.job(job_id)
    assert job is not None
    return job.state


def error_of(queue: PrintQueue, job_id: int) -> str:
    job = queue.job(job_id)
    assert job is not None
    return job.error


def test_a_stalled_printer_shows_why_and_moving_the_job_prints_it_once_elsewhere(
    troubled: PrivateCups, pdf_printer: PrivateCups, event_db: Path
) -> None:
    queue = PrintQueue(Store.open(event_db))
    changes = Changes()
    worker = PrintWorker(event_db, "cups:Stalls", on_change=changes, poll_interval=0.05)
    job_id = queue.enqueue(1)
    assert job_id is not None
    assert drive(worker, queue, lambda: "stopped" in error_of(queue, job_id))
    stalled = queue.job(job_id)
    assert stalled is not None and stalled.state is JobState.SENT
    assert "Unable to open serial port" in stalled.error
    assert (job_id, "sent", stalled.error) in changes.seen  # staff saw the reason

    new_id = queue.move(job_id, f"cups:{PDF_QUEUE}")
    assert new_id != job_id
    assert drive(worker, queue, lambda: state_of(queue, new_id) is JobState.DONE)
    assert state_of(queue, job_id) is JobState.CANCELLED
    # The stalled printer's copy was withdrawn from CUPS, so it can never print later.
    stalled_rows = [
        row for row in CupsBackend("Stalls")._jobs() if row["job-name"] == stalled.spool_title
    ]
    assert [row["job-state"] for row in stalled_rows] == ["canceled"]
    (output,) = pdf_printer.outputs()
    assert "Lovelace" in pdf_text(output)
    assert queue.printed_count(1) == 1


@pytest.mark.expected_log("kiosk.print", "failed at the spooler")
def test_a_job_the_printer_fails_keeps_its_error_can_be_retried_and_sent_elsewhere(
    troubled: PrivateCups, pdf_printer: PrivateCups, event_db: Path
) -> None:
    queue = PrintQueue(Store.open(event_db))
    worker = PrintWorker(event_db, "cups:Fails", poll_interval=0.05)
    job_id = queue.enqueue(2)
    assert job_id is not None
    assert drive(worker, queue, lambda: state_of(queue, job_id) is JobState.FAILED)
    failed = queue.job(job_id)
    assert failed is not None and "Unable to open serial port" in failed.error

    queue.retry(job_id)
    assert drive(worker, queue, lambda: state_of(queue, job_id) is JobState.FAILED)
    failed = queue.job(job_id)
    assert failed is not None and failed.attempts == 2

    assert queue.move(job_id, f"cups:{PDF_QUEUE}") == job_id
    assert drive(worker, queue, lambda: state_of(queue, job_id) is JobState.DONE)
    done = queue.job(job_id)
    assert done is not None and done.attempts == 3 and done.error == ""
    (output,) = pdf_printer.outputs()
    assert "Hopper" in pdf_text(output)

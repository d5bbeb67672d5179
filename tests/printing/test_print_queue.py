"""The print queue and worker rules, with real files as the printer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from print_helpers import Changes

from kiosk.printing import JobKind, JobState, PrintQueue, PrintWorker, QueueError
from kiosk.store import Store
from kiosk.store.timestamps import utc_now


@pytest.fixture
def queue(event_db: Path) -> PrintQueue:
    return PrintQueue(Store.open(event_db))


def folder_worker(event_db: Path, folder: Path, **options: object) -> PrintWorker:
    return PrintWorker(event_db, f"folder:{folder}", **options)  # type: ignore[arg-type]


def test_automatic_printing_happens_once_and_a_reprint_is_explicit_and_counted(
    queue: PrintQueue, event_db: Path, tmp_path: Path
) -> None:
    first = queue.enqueue(1)
    assert first is not None
    assert queue.enqueue(1) is None  # already on its way: a re-scan prints nothing
    worker = folder_worker(event_db, tmp_path)
    worker.step(queue)
    assert queue.printed_count(1) == 1
    assert queue.enqueue(1, kind="auto") is None  # already printed
    again = queue.enqueue(1, kind="reprint")
    assert again is not None
    worker.step(queue)
    assert queue.printed_count(1) == 2
    assert queue.printed_count(2) == 0
    assert len(list(tmp_path.glob("*.pdf"))) == 2


def test_a_cancelled_automatic_job_does_not_block_the_next_automatic_one(
    queue: PrintQueue,
) -> None:
    job_id = queue.enqueue(2)
    assert job_id is not None
    queue.cancel(job_id)
    assert queue.enqueue(2) is not None


@pytest.mark.expected_log("kiosk.print", "does not exist.")
def test_missing_printer_folder_keeps_the_job_queued_with_reason_then_it_prints(
    queue: PrintQueue, event_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "usb-stick"
    changes = Changes()
    worker = folder_worker(event_db, folder, on_change=changes, retry_base=5.0)
    job_id = queue.enqueue(1)
    assert job_id is not None
    before = utc_now()
    worker.step(queue)
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.QUEUED and job.attempts == 1
    assert "does not exist" in job.error
    assert job.next_attempt_at is not None
    assert job.next_attempt_at >= before + dt.timedelta(seconds=5)  # backoff, not a busy loop
    assert changes.seen == [(job_id, "queued", job.error)]
    assert worker.step(queue) is False  # not due yet

    folder.mkdir()
    queue.retry(job_id)  # staff: "try again now"
    worker.step(queue)
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.DONE and job.attempts == 2
    assert changes.states(job_id) == ["queued", "done"]


@pytest.mark.expected_log("kiosk.print", "does not exist.")
def test_backoff_doubles_up_to_its_cap(queue: PrintQueue, event_db: Path, tmp_path: Path) -> None:
    worker = folder_worker(event_db, tmp_path / "missing", retry_base=1.0, retry_max=3.0)
    job_id = queue.enqueue(1)
    assert job_id is not None
    delays = []
    for _ in range(4):
        before = utc_now()
        queue.retry(job_id)
        worker.step(queue)
        job = queue.job(job_id)
        assert job is not None and job.next_attempt_at is not None
        delays.append(round((job.next_attempt_at - before).total_seconds()))
    assert delays == [1, 2, 3, 3]


def test_jobs_are_taken_in_order(queue: PrintQueue, event_db: Path, tmp_path: Path) -> None:
    ids = [queue.enqueue(n) for n in (3, 1, 2)]
    worker = folder_worker(event_db, tmp_path)
    for _ in ids:
        worker.step(queue)
    done = sorted(queue.jobs([JobState.DONE]), key=lambda job: job.done_at or utc_now())
    assert [job.id for job in done] == ids
    assert [job.attendee_id for job in done] == [3, 1, 2]


def test_cancelled_job_is_never_printed_and_can_be_retried(
    queue: PrintQueue, event_db: Path, tmp_path: Path
) -> None:
    job_id = queue.enqueue(1)
    assert job_id is not None
    queue.cancel(job_id)
    worker = folder_worker(event_db, tmp_path)
    assert worker.step(queue) is False
    assert list(tmp_path.glob("*.pdf")) == []
    queue.retry(job_id)
    worker.step(queue)
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.DONE


def test_a_job_can_be_moved_to_another_printer(
    queue: PrintQueue, event_db: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    job_id = queue.enqueue(1)
    assert job_id is not None
    assert queue.move(job_id, f"folder:{other}") == job_id
    folder_worker(event_db, tmp_path / "missing").step(queue)
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.DONE and job.printer == f"folder:{other}"
    assert len(list(other.glob("*.pdf"))) == 1


@pytest.mark.expected_log("kiosk.print", "is not a printer name")
def test_a_printer_name_that_means_nothing_fails_the_job_with_a_sentence(
    queue: PrintQueue, event_db: Path
) -> None:
    job_id = queue.enqueue(1, printer="lpt1")
    assert job_id is not None
    PrintWorker(event_db, "none").step(queue)
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.FAILED
    assert "is not a printer name" in job.error


def test_none_printer_saves_the_badge_next_to_the_event_file(
    queue: PrintQueue, event_db: Path
) -> None:
    job_id = queue.enqueue(1)
    worker = PrintWorker(event_db, "none")
    worker.step(queue)
    job = queue.job(job_id or 0)
    assert job is not None and job.state is JobState.DONE
    assert [p.name for p in worker.save_dir.iterdir()] == [f"{job.spool_title}.pdf"]


def test_test_page_needs_no_attendee(queue: PrintQueue, event_db: Path, tmp_path: Path) -> None:
    job_id = queue.enqueue(None, kind=JobKind.TEST)
    assert job_id is not None
    folder_worker(event_db, tmp_path).step(queue)
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.DONE
    assert queue.printed_count(1) == 0
    (page,) = tmp_path.glob("*.pdf")
    assert b"Test page" in page.read_bytes()


def test_staff_actions_on_finished_jobs_are_refused_in_plain_words(
    queue: PrintQueue, event_db: Path, tmp_path: Path
) -> None:
    job_id = queue.enqueue(1)
    assert job_id is not None
    folder_worker(event_db, tmp_path).step(queue)
    with pytest.raises(QueueError, match="already done"):
        queue.cancel(job_id)
    with pytest.raises(QueueError, match="only waiting, failed or cancelled"):
        queue.retry(job_id)
    with pytest.raises(QueueError, match="no print job 99"):
        queue.retry(99)

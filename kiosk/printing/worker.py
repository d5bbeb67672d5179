"""The print worker: takes queued jobs in order and sees each one through.

It runs in its own thread with its own connection to the event file, so a
slow renderer or spooler never holds up a check-in. Every step is written to
the file before and after it happens:

- Before a document goes to a backend, the job is claimed (state "sent", no
  spooler id yet, this worker's id). A job found in that state with its
  worker gone was interrupted mid-attempt: the spooler is asked for a job of
  that title; if there is one it is followed, otherwise the job is queued
  again. So a crash neither loses a job nor prints it twice.
- Transient failures put the job back in the queue with the reason and a
  later time for the next try (exponential backoff, capped).
- Jobs at a spooler are followed until it reports them completed or failed.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from kiosk.printing.backends import (
    Backend,
    PrintError,
    UnknownPrinter,
    badge_folder_for,
    open_backend,
)
from kiosk.printing.documents import RenderedBadge, Renderer, render_test_page, stock_size_mm
from kiosk.printing.jobs import JobKind, JobState, PrintJob, PrintQueue
from kiosk.store import Store
from kiosk.store.timestamps import utc_now

log = logging.getLogger("kiosk.print")

ChangeCallback = Callable[[int, str, str], None]

# CUPS forgets finished jobs after a while (MaxJobs); a job it no longer lists
# most likely printed long ago, but only staff can tell.
LOST_AT_SPOOLER = "The spooler no longer lists this job; check whether it printed before retrying."

# Worker ids of the workers alive in this process; a claim by any other id
# of this process belongs to a worker that is gone.
_LIVE_WORKERS: set[str] = set()


def _pid_alive(pid: int) -> bool:
    if os.name == "nt":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def worker_gone(worker: str) -> bool:
    """Whether the worker that claimed a job has stopped (crashed or exited)."""
    pid_text, _, _ = worker.partition(":")
    if not pid_text.isdigit():
        return True
    pid = int(pid_text)
    if pid == os.getpid():
        return worker not in _LIVE_WORKERS
    return not _pid_alive(pid)


def default_renderer() -> Renderer:
    from kiosk.printing.documents import render_badge

    return render_badge


class PrintWorker:
    """One station's print worker.

    Args:
        db_path: the event file; the worker opens its own connection to it.
        printer_name: the printer for jobs that name none (e.g. "cups:Badges").
        renderer: turns an attendee id into a badge PDF (default: the badge engine).
        on_change: called from the worker thread as (job id, state, error).
    """

    def __init__(
        self,
        db_path: Path | str,
        printer_name: str,
        renderer: Renderer | None = None,
        *,
        on_change: ChangeCallback | None = None,
        poll_interval: float = 0.5,
        retry_base: float = 1.0,
        retry_max: float = 30.0,
        save_dir: Path | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.printer_name = printer_name
        self.renderer = renderer or default_renderer()
        self.on_change = on_change
        self.poll_interval = poll_interval
        self.retry_base = retry_base
        self.retry_max = retry_max
        self.save_dir = save_dir or badge_folder_for(self.db_path)
        self.id = f"{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._backends: dict[str, Backend] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_follow = 0.0
        self._last_recover = -math.inf  # the first round looks
        _LIVE_WORKERS.add(self.id)

    # -- thread control --------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Look at the queue now (a job was just added)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        _LIVE_WORKERS.discard(self.id)

    def _run(self) -> None:
        queue: PrintQueue | None = None
        try:
            while not self._stop.is_set():
                try:
                    if queue is None:
                        queue = PrintQueue(Store.open(self.db_path))
                    wait = 0.0 if self.step(queue) else self._idle_wait(queue)
                except Exception:
                    # The worker must outlive a bad job, a spooler hiccup or a
                    # busy database (another process recovering it after a crash).
                    log.exception("print worker round failed")
                    wait = self.poll_interval
                if wait > 0:
                    self._wake.wait(wait)
                    self._wake.clear()
        finally:
            if queue is not None:
                queue.store.close()

    def _idle_wait(self, queue: PrintQueue) -> float:
        wait = self.poll_interval
        upcoming = queue.next_wakeup()
        if upcoming is not None:
            wait = min(wait, max(0.0, (upcoming - utc_now()).total_seconds()))
        return max(wait, 0.01)

    # -- one round -------------------------------------------------------

    def step(self, queue: PrintQueue) -> bool:
        """Do one round of work; True if a job was attempted (more may wait).

        Due jobs go first: following earlier jobs costs spooler round trips
        that must not delay the badge of the person at the kiosk, nor of the
        people behind them in a rush; jobs are followed once none is due.
        """
        # A worker that stopped mid-attempt is looked for once per poll
        # interval, not before every badge of a rush.
        if time.monotonic() - self._last_recover >= self.poll_interval:
            self._recover(queue)
        job = queue.next_due(utc_now())
        if job is not None:
            self._attempt(queue, job)
            return True
        self._cancel_at_spooler(queue)
        self._follow(queue)
        return False

    def refresh(self, queue: PrintQueue) -> None:
        """Bring jobs already handed over up to date, sending nothing new."""
        self._recover(queue)
        self._last_follow = 0.0
        self._follow(queue)

    def run_until_settled(self, queue: PrintQueue, job_id: int, timeout: float) -> PrintJob:
        """Work in the calling thread until `job_id` is at the spooler, done or
        failed, or `timeout` seconds pass (for the command line)."""
        deadline = utc_now() + dt.timedelta(seconds=timeout)
        while True:
            busy = self.step(queue)
            job = queue.job(job_id)
            assert job is not None
            settled = job.state is not JobState.QUEUED and (
                job.state is not JobState.SENT or job.spooler_job_id is not None
            )
            if settled or utc_now() >= deadline:
                return job
            if not busy:
                self._stop.wait(self._idle_wait(queue))

    def backend(self, printer: str | None) -> Backend:
        name = printer or self.printer_name
        if name not in self._backends:
            self._backends[name] = open_backend(name, save_dir=self.save_dir)
        return self._backends[name]

    def _attempt(self, queue: PrintQueue, job: PrintJob) -> None:
        claimed = queue.begin_attempt(job, self.id)
        if claimed is None:
            return  # staff cancelled or moved it a moment ago
        try:
            backend = self.backend(claimed.printer)
            badge = self._render(queue, claimed)
            submission = backend.submit(
                badge.pdf,
                title=claimed.spool_title,
                width_mm=badge.width_mm,
                height_mm=badge.height_mm,
                copies=claimed.copies,
            )
        except UnknownPrinter as error:
            self._fail(queue, claimed, str(error))
            return
        except PrintError as error:
            if error.transient:
                self._postpone(queue, claimed, str(error))
            else:
                self._fail(queue, claimed, str(error))
            return
        if submission.finished:
            changed = queue.transition(
                claimed.id, JobState.SENT, state=JobState.DONE, done_at=utc_now(), error=""
            )
            state = JobState.DONE
        else:
            changed = queue.transition(
                claimed.id, JobState.SENT, spooler_job_id=submission.spooler_job_id, error=""
            )
            state = JobState.SENT
            if not changed and submission.spooler_job_id:
                # Cancelled by staff while it was being sent: take it back.
                self._try_cancel(backend, submission.spooler_job_id)
        if changed:
            log.info("job=%d %s attempt=%d", claimed.id, state.value, claimed.attempts)
            self._notify(claimed.id, state, "")

    def _render(self, queue: PrintQueue, job: PrintJob) -> RenderedBadge:
        if job.kind is JobKind.TEST and job.attendee_id is None:
            return render_test_page(job.printer or self.printer_name, stock_size_mm(queue.store))
        # A test job with an attendee is a real badge (the setup wizard's
        # preview), printed without counting as their badge.
        assert job.attendee_id is not None
        return self.renderer(queue.store, job.attendee_id)

    def _postpone(self, queue: PrintQueue, job: PrintJob, error: str) -> None:
        delay = min(self.retry_base * 2 ** max(job.attempts - 1, 0), self.retry_max)
        changed = queue.transition(
            job.id,
            JobState.SENT,
            state=JobState.QUEUED,
            error=error,
            next_attempt_at=utc_now() + dt.timedelta(seconds=delay),
        )
        log.warning("job=%d waits %.1fs after attempt %d: %s", job.id, delay, job.attempts, error)
        if changed:
            self._notify(job.id, JobState.QUEUED, error)

    def _fail(self, queue: PrintQueue, job: PrintJob, error: str) -> None:
        if queue.transition(job.id, JobState.SENT, state=JobState.FAILED, error=error):
            log.warning("job=%d failed: %s", job.id, error)
            self._notify(job.id, JobState.FAILED, error)

    # -- jobs already handed over ----------------------------------------

    def _recover(self, queue: PrintQueue) -> None:
        """Settle attempts interrupted by a crash (claimed, no spooler id)."""
        self._last_recover = time.monotonic()
        for job in queue.jobs([JobState.SENT]):
            if job.spooler_job_id is not None or not worker_gone(job.worker):
                continue
            try:
                backend = self.backend(job.printer)
                found = backend.find(job.spool_title)
            except (PrintError, UnknownPrinter) as error:
                log.info("job=%d cannot be checked yet: %s", job.id, error)
                continue
            if found:
                log.info("job=%d was at the spooler as %s before a restart", job.id, found)
                queue.transition(job.id, JobState.SENT, spooler_job_id=found, worker=self.id)
            else:
                log.info("job=%d was interrupted before the spooler had it; queued again", job.id)
                queue.transition(
                    job.id, JobState.SENT, state=JobState.QUEUED, next_attempt_at=utc_now()
                )

    def _follow(self, queue: PrintQueue) -> None:
        now = utc_now().timestamp()
        if now - self._last_follow < self.poll_interval:
            return
        self._last_follow = now
        by_printer: dict[str | None, list[PrintJob]] = {}
        for job in queue.jobs([JobState.SENT]):
            if job.spooler_job_id is not None:
                by_printer.setdefault(job.printer, []).append(job)
        for printer, jobs in by_printer.items():
            try:
                statuses = self.backend(printer).status([j.spooler_job_id or "" for j in jobs])
            except (PrintError, UnknownPrinter) as error:
                log.info("cannot follow jobs on %s: %s", printer or self.printer_name, error)
                continue
            for job in jobs:
                status = statuses.get(job.spooler_job_id or "")
                if status is None:
                    self._fail_sent(queue, job, LOST_AT_SPOOLER)
                elif status.state == "done":
                    if queue.transition(
                        job.id, JobState.SENT, state=JobState.DONE, done_at=utc_now(), error=""
                    ):
                        log.info("job=%d done (%s)", job.id, job.spooler_job_id)
                        self._notify(job.id, JobState.DONE, "")
                elif status.state == "failed":
                    self._fail_sent(queue, job, status.message)
                elif status.message != job.error and queue.transition(
                    job.id, JobState.SENT, error=status.message
                ):
                    # Still waiting, but staff should see why (paused, out of paper).
                    self._notify(job.id, JobState.SENT, status.message)

    def _fail_sent(self, queue: PrintQueue, job: PrintJob, error: str) -> None:
        if queue.transition(job.id, JobState.SENT, state=JobState.FAILED, error=error):
            log.warning("job=%d failed at the spooler: %s", job.id, error)
            self._notify(job.id, JobState.FAILED, error)

    def _cancel_at_spooler(self, queue: PrintQueue) -> None:
        for job in queue.jobs([JobState.CANCELLED]):
            if job.spooler_job_id is None:
                continue
            try:
                backend = self.backend(job.printer)
            except UnknownPrinter:
                queue.transition(job.id, JobState.CANCELLED, spooler_job_id=None)
                continue
            if self._try_cancel(backend, job.spooler_job_id):
                queue.transition(job.id, JobState.CANCELLED, spooler_job_id=None)

    def _try_cancel(self, backend: Backend, spooler_job_id: str) -> bool:
        try:
            status = backend.status([spooler_job_id]).get(spooler_job_id)
            if status is None or status.state != "pending":
                return True  # nothing left to stop
            backend.cancel(spooler_job_id)
        except PrintError as error:
            log.info("cannot cancel %s yet: %s", spooler_job_id, error)
            return False
        return True

    def _notify(self, job_id: int, state: JobState, error: str) -> None:
        if self.on_change is None:
            return
        try:
            self.on_change(job_id, state.value, error)
        except Exception:
            log.exception("print job listener failed")

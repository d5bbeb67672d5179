"""The durable print queue: one row per print request in the event file.

A job moves queued -> sent -> done, or ends failed (with the spooler's or
renderer's reason) or cancelled. Transient trouble (spooler down, printer
unplugged) leaves a job queued with the reason and a time for the next try.
The table is the print log too: `printed_count` counts the badges an attendee
has actually received, and automatic printing happens only once.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.store import Store
from kiosk.store.schema import PRINT_JOBS
from kiosk.store.timestamps import parse_utc, utc_now, utc_text

log = logging.getLogger("kiosk.print")


class JobState(enum.StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class JobKind(enum.StrEnum):
    AUTO = "auto"
    REPRINT = "reprint"
    TEST = "test"


# States in which a job still counts as "this attendee's badge is on its way".
LIVE_STATES = (JobState.QUEUED, JobState.SENT, JobState.DONE)
# States of a job not finished yet: waiting, or at a spooler.
OPEN_STATES = (JobState.QUEUED, JobState.SENT)

_COLUMNS = ", ".join(PRINT_JOBS.names())


class QueueError(Exception):
    """A queue operation that cannot be done, with one sentence for the user."""


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: int
    attendee_id: int | None
    kind: JobKind
    printer: str | None
    state: JobState
    attempts: int
    error: str
    spooler_job_id: str | None
    token: str
    copies: int
    created_at: dt.datetime
    updated_at: dt.datetime
    next_attempt_at: dt.datetime | None
    sent_at: dt.datetime | None
    done_at: dt.datetime | None
    worker: str = ""

    @property
    def spool_title(self) -> str:
        """The name the job carries at the spooler or in a hot folder: the
        same for every attempt, so a worker restarted after a crash can find
        what it had already sent, and a rewritten file replaces itself. It
        carries no personal data (spooler queues are visible to others)."""
        return f"kiosk-{self.id:06d}-{self.token}"


def _job(row: tuple[object, ...]) -> PrintJob:
    """A job from a row of `_COLUMNS` (every column of print_jobs, in table order)."""
    values = dict(zip(PRINT_JOBS.names(), row, strict=True))
    id_, attendee_id = values["id"], values["attendee_id"]
    return PrintJob(
        id=int(id_),  # type: ignore[call-overload]
        attendee_id=int(attendee_id) if attendee_id is not None else None,  # type: ignore[call-overload]
        kind=JobKind(str(values["kind"])),
        printer=str(values["printer"]) if values["printer"] else None,
        state=JobState(str(values["state"])),
        attempts=int(values["attempts"]),  # type: ignore[call-overload]
        error=str(values["error"] or ""),
        spooler_job_id=str(values["spooler_job_id"]) if values["spooler_job_id"] else None,
        token=str(values["token"]),
        copies=int(values["copies"]),  # type: ignore[call-overload]
        created_at=_moment(values["created_at"]) or utc_now(),
        updated_at=_moment(values["updated_at"]) or utc_now(),
        next_attempt_at=_moment(values["next_attempt_at"]),
        sent_at=_moment(values["sent_at"]),
        done_at=_moment(values["done_at"]),
        worker=str(values["worker"] or ""),
    )


def _moment(value: object) -> dt.datetime | None:
    return parse_utc(str(value)) if value else None


def _column_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return utc_text(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


class PrintQueue:
    """Queue operations on one event file; all of them are short transactions,
    fast enough for the GUI thread."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn: sqlite3.Connection = store.conn

    # -- adding jobs -----------------------------------------------------

    def enqueue(
        self,
        attendee_id: int | None,
        kind: JobKind | str = JobKind.AUTO,
        printer: str | None = None,
        copies: int = 1,
    ) -> int | None:
        """Queue a badge (or, with kind "test", a test page) and return the job id.

        For kind "auto" nothing is queued, and None returned, when the attendee
        already has a badge printed or on its way: automatic printing happens
        once; a second badge is an explicit "reprint".
        """
        kind = JobKind(kind)
        if kind is not JobKind.TEST and attendee_id is None:
            raise QueueError("A badge job needs an attendee.")
        now = utc_text(utc_now())
        with self.store.transaction():
            if kind is JobKind.AUTO and self._badges_on_record(attendee_id) > 0:
                log.info(
                    "auto print skipped attendee=%s: badge already printed or queued", attendee_id
                )
                return None
            cursor = self.conn.execute(
                "INSERT INTO print_jobs (attendee_id, kind, printer, state, attempts, error, "
                "token, copies, created_at, updated_at, next_attempt_at) "
                "VALUES (?, ?, ?, 'queued', 0, '', ?, ?, ?, ?, ?)",
                (attendee_id, kind.value, printer, uuid.uuid4().hex[:16], copies, now, now, now),
            )
        job_id = int(cursor.lastrowid or 0)
        log.info("queued print job=%d kind=%s attendee=%s", job_id, kind.value, attendee_id)
        return job_id

    def _badges_on_record(self, attendee_id: int | None) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM print_jobs WHERE attendee_id = ? AND kind != 'test' "
            f"AND state IN ({', '.join('?' for _ in LIVE_STATES)})",
            (attendee_id, *(state.value for state in LIVE_STATES)),
        ).fetchone()
        return int(row[0])

    # -- reading ---------------------------------------------------------

    def printed_count(self, attendee_id: int) -> int:
        """How many badges this attendee has been given (jobs the printer finished)."""
        row = self.conn.execute(
            "SELECT count(*) FROM print_jobs WHERE attendee_id = ? AND kind != 'test' "
            "AND state = 'done'",
            (attendee_id,),
        ).fetchone()
        return int(row[0])

    def job(self, job_id: int) -> PrintJob | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM print_jobs WHERE id = ?", (job_id,)
        ).fetchone()
        return _job(row) if row else None

    def jobs(
        self, states: Iterable[JobState | str] | None = None, attendee_id: int | None = None
    ) -> list[PrintJob]:
        """Jobs in queue order (oldest first), optionally only in `states`."""
        clauses: list[str] = ["1"]
        params: list[object] = []
        if states is not None:
            wanted = [JobState(s).value for s in states]
            clauses.append(f"state IN ({', '.join('?' for _ in wanted)})")
            params += wanted
        if attendee_id is not None:
            clauses.append("attendee_id = ?")
            params.append(attendee_id)
        sql = f"SELECT {_COLUMNS} FROM print_jobs WHERE {' AND '.join(clauses)} ORDER BY id"
        return [_job(row) for row in self.conn.execute(sql, params)]

    # -- staff actions ---------------------------------------------------

    def retry(self, job_id: int) -> None:
        """Send a failed, cancelled or waiting job again, now."""
        job = self._require(job_id)
        if job.state in (JobState.DONE, JobState.SENT):
            raise QueueError(
                f"Job {job_id} is {job.state.value}; only waiting, failed or "
                "cancelled jobs can be retried."
            )
        self._update(job_id, state=JobState.QUEUED, next_attempt_at=utc_now(), spooler_job_id=None)
        log.info("retry job=%d", job_id)

    def cancel(self, job_id: int) -> None:
        """Stop a job that has not been printed. A job already at the spooler is
        only marked here; the worker asks the spooler to drop it."""
        job = self._require(job_id)
        if job.state in (JobState.DONE, JobState.CANCELLED):
            raise QueueError(f"Job {job_id} is already {job.state.value}.")
        self._update(job_id, state=JobState.CANCELLED, error="cancelled by staff")
        log.info("cancel job=%d (was %s)", job_id, job.state.value)

    def move(self, job_id: int, printer: str) -> int:
        """Send a job that has not been printed to another printer and return
        the id of the job now going there. A job already at a spooler is
        cancelled there and replaced by a new job, so it cannot print twice."""
        job = self._require(job_id)
        if job.state is JobState.DONE:
            raise QueueError(f"Job {job_id} is already printed; queue a reprint instead.")
        if job.state is JobState.SENT:
            self.cancel(job_id)
            new_id = self.enqueue(
                job.attendee_id,
                JobKind.REPRINT if job.kind is JobKind.AUTO else job.kind,
                printer,
                job.copies,
            )
            assert new_id is not None
            log.info("move job=%d to printer=%s as job=%d", job_id, printer, new_id)
            return new_id
        self._update(
            job_id,
            printer=printer,
            state=JobState.QUEUED,
            spooler_job_id=None,
            next_attempt_at=utc_now(),
            error="",
        )
        log.info("move job=%d to printer=%s", job_id, printer)
        return job_id

    def _require(self, job_id: int) -> PrintJob:
        job = self.job(job_id)
        if job is None:
            raise QueueError(f"There is no print job {job_id}.")
        return job

    # -- used by the worker ----------------------------------------------

    def _update(self, job_id: int, **changes: object) -> None:
        values = {key: _column_value(value) for key, value in changes.items()}
        values["updated_at"] = utc_text(utc_now())
        assignments = ", ".join(f"{key} = ?" for key in values)
        self.conn.execute(
            f"UPDATE print_jobs SET {assignments} WHERE id = ?", (*values.values(), job_id)
        )

    def next_due(self, now: dt.datetime) -> PrintJob | None:
        """The oldest queued job whose next try is due."""
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM print_jobs WHERE state = 'queued' "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT 1",
            (utc_text(now),),
        ).fetchone()
        return _job(row) if row else None

    def next_wakeup(self) -> dt.datetime | None:
        row = self.conn.execute(
            "SELECT min(next_attempt_at) FROM print_jobs WHERE state = 'queued'"
        ).fetchone()
        return _moment(row[0]) if row else None

    def begin_attempt(self, job: PrintJob, worker: str) -> PrintJob | None:
        """Claim a queued job for one attempt: write the attempt down (state
        sent, no spooler id yet) before anything reaches the spooler, so a
        crash in between is recognised at restart. None if staff changed the
        job meanwhile."""
        now = utc_text(utc_now())
        with self.store.transaction():
            cursor = self.conn.execute(
                "UPDATE print_jobs SET state = 'sent', attempts = attempts + 1, "
                "spooler_job_id = NULL, sent_at = ?, updated_at = ?, worker = ? "
                "WHERE id = ? AND state = 'queued'",
                (now, now, worker, job.id),
            )
        if cursor.rowcount != 1:
            return None
        return self.job(job.id)

    def transition(self, job_id: int, expected: JobState, **changes: object) -> bool:
        """Change a job only if it is still in `expected` (staff may have
        cancelled or moved it while the worker was busy)."""
        with self.store.transaction():
            row = self.conn.execute(
                "SELECT state FROM print_jobs WHERE id = ?", (job_id,)
            ).fetchone()
            if row is None or row[0] != expected.value:
                return False
            self._update(job_id, **changes)
        return True

"""A print-only station: badges for scanned codes, and nobody admitted.

For a badge run before the doors open, or a second badge desk: `kiosk scan
--print-only` and `kiosk run --print-only`. A scan is decided by
`kiosk.domain.rules.decide_badge` (a replaced, unknown or cancelled code
gets no badge) and nothing is written to the check-in log. The print log
decides the rest, as everywhere: the first badge is printed, a second one
only where reprints are allowed, and then it is a reprint, counted.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from kiosk.checkin import Station
from kiosk.domain.models import Result, ScanResult
from kiosk.domain.rules import decide_badge
from kiosk.printing.jobs import OPEN_STATES, JobKind, PrintQueue

log = logging.getLogger("kiosk.scan")


@dataclass(frozen=True, slots=True)
class BadgeAnswer:
    """What a print-only scan decided: `result` is BADGE_PRINTED (with the
    job queued), ALREADY_PRINTED (no job: reprints are not allowed here), or
    a refusal. `printed_before` counts the badges the attendee had been
    given already, `waiting` those still on their way to a printer."""

    result: ScanResult
    job: int | None = None
    reprint: bool = False
    printed_before: int = 0
    waiting: int = 0


@dataclass
class PrintOnlyStation:
    """Badges for scanned codes through `queue`; `may_reprint` allows a
    second badge (kiosk scan --print-only --reprint)."""

    queue: PrintQueue
    name: str = "badges"
    may_reprint: bool = False

    def scan(self, raw: str) -> BadgeAnswer:
        result = decide_badge(raw, self.queue.store)
        attendee = result.attendee
        if result.result is not Result.BADGE_PRINTED or attendee is None:
            log.info("print-only scan result=%s", result.result.value)
            return BadgeAnswer(result)
        before = self.queue.printed_count(attendee.id)
        waiting = len(self.queue.jobs(OPEN_STATES, attendee_id=attendee.id))
        job = self.queue.enqueue(attendee.id, JobKind.AUTO)
        reprint = job is None
        if reprint and not self.may_reprint:
            log.info(
                "print-only scan attendee=%s: %d badges printed and %d on their way, "
                "no reprint here",
                attendee.id,
                before,
                waiting,
            )
            refused = dataclasses.replace(result, result=Result.ALREADY_PRINTED)
            return BadgeAnswer(refused, printed_before=before, waiting=waiting)
        if reprint:
            job = self.queue.enqueue(attendee.id, JobKind.REPRINT)
        log.info(
            "print-only scan attendee=%s job=%s reprint=%s printed_before=%d",
            attendee.id,
            job,
            reprint,
            before,
        )
        return BadgeAnswer(result, job, reprint, before, waiting)


class BadgeDeskStation(Station):
    """The kiosk's station with `kiosk run --print-only`: a scan is decided by
    `decide_badge` and never written to the log; the kiosk then queues the
    badge as after a check-in, and the print log makes a second one
    "printed before" (a reprint is the help desk's)."""

    def scan(self, raw: str) -> ScanResult:
        result = decide_badge(raw, self.store)
        log.info(
            "print-only scan result=%s attendee=%s",
            result.result.value,
            result.attendee.id if result.attendee else "-",
        )
        return result

"""Lost badges: the attendee gets a new code and a badge with it.

Used by `kiosk reissue` and the help desk's "Replace lost badge". The old
code is kept as replaced (kiosk.store.replaced): a scan of it answers
`replaced` on every station and never admits again. The attendee keeps their
id, so their check-ins and their print record stay theirs.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from kiosk.desk import BadgePrinter, DeskError
from kiosk.domain.codes import new_code
from kiosk.domain.models import Attendee, AttendeeStatus
from kiosk.domain.rules import new_entry_id
from kiosk.store import Store
from kiosk.store.audit import append_audit
from kiosk.store.replaced import replace_code

log = logging.getLogger("kiosk.desk")


class ReissueError(DeskError):
    """A badge that cannot be replaced, with one sentence for the volunteer."""


@dataclass(frozen=True, slots=True)
class Reissue:
    """The attendee with their new code, and the new badge's print job (None
    with printing off at this station)."""

    attendee: Attendee
    print_job: int | None


def reissue(
    store: Store,
    attendee_id: int,
    *,
    station: str,
    operator: str,
    at: dt.datetime,
    printer: BadgePrinter | None,
) -> Reissue:
    """Replace the attendee's code in one transaction (with an audit line),
    then queue the badge: the first one if none was made yet, else a reprint,
    counted like any other."""
    with store.transaction():
        attendee = store.attendee(attendee_id)
        if attendee is None:
            raise ReissueError("That attendee is no longer on the roster.")
        if attendee.status is AttendeeStatus.CANCELLED:
            raise ReissueError("A cancelled registration cannot get a new badge.")
        replace_code(store, attendee_id, new_code(), at=at, station=station, operator=operator)
        # No codes in the audit line: replaced_codes keeps the old one.
        append_audit(
            store,
            entry_id=new_entry_id(),
            attendee_id=attendee_id,
            action="reissue",
            station=station,
            operator=operator,
            at=at,
            details={},
        )
    log.info("reissue attendee=%s: new code, the old one replaced", attendee_id)
    job = None
    if printer is not None:
        job = printer.enqueue(attendee_id, "auto")
        if job is None:
            job = printer.enqueue(attendee_id, "reprint")
    renewed = store.attendee(attendee_id)
    assert renewed is not None
    return Reissue(renewed, job)

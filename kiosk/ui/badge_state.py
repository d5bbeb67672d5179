"""What the result screen says about an attendee's badge, as one enum.

A print job's state (`JobState`) becomes a badge state here; with printer
"none" a badge on its way is a file for the help desk, so the attendee hears
where to collect it rather than that it is printing.
"""

from __future__ import annotations

import enum

from kiosk.printing.jobs import LIVE_STATES, JobState


class BadgeState(enum.StrEnum):
    NONE = ""  # nothing to say: no badge comes with this result
    OFF = "off"  # this kiosk prints nothing
    QUEUED = "queued"
    SENT = "sent"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PRINTED_BEFORE = "printed_before"
    AT_DESK = "at_desk"  # saved as a file for the help desk to hand out


def badge_state_for(job: JobState, *, saves_only: bool) -> BadgeState:
    """The badge state a job's state shows as, on a kiosk that prints or saves."""
    if saves_only and job in LIVE_STATES:
        return BadgeState.AT_DESK
    return BadgeState(job.value)

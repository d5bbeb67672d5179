"""The badges this kiosk asked for, followed until they are done.

After a check-in the tracker queues the attendee's automatic badge and maps
its print job to the attendee; each change of that job comes back as the
attendee's `BadgeState`, for the result screen to say while it shows them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from kiosk.printing.jobs import JobState
from kiosk.printing.service import PrintService
from kiosk.ui.badge_state import BadgeState, badge_state_for

log = logging.getLogger("kiosk.ui")


class BadgeTracker(QObject):
    changed = Signal(int, object)  # attendee id, BadgeState

    def __init__(self, service: PrintService | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._attendee_of: dict[int, int] = {}  # print job id -> attendee id
        if service is not None:
            service.job_changed.connect(self._job_changed)

    @property
    def printing(self) -> bool | str:
        """For the welcome screen's status line: printing, off, or saved for the desk."""
        if self.service is None:
            return False
        return "desk" if self.service.saves_only else True

    def first_state(self) -> BadgeState:
        """What a fresh check-in says about its badge before the printer answers."""
        if self.service is None:
            return BadgeState.OFF
        return badge_state_for(JobState.QUEUED, saves_only=self.service.saves_only)

    def has_badge(self, attendee_id: int) -> bool:
        """Whether this attendee was given a badge ("Need a new badge?" only then)."""
        return self.service is not None and bool(self.service.printed_count(attendee_id))

    def enqueue(self, attendee_id: int) -> None:
        """Queue the automatic badge (once per attendee: the print log decides)."""
        if self.service is None:
            return
        try:
            job_id = self.service.enqueue_auto(attendee_id)
        except Exception:
            log.exception("badge could not be queued for attendee %s", attendee_id)
            self.changed.emit(attendee_id, BadgeState.FAILED)
            return
        if job_id is None:
            self.changed.emit(attendee_id, BadgeState.PRINTED_BEFORE)
        else:
            self._attendee_of[job_id] = attendee_id

    def _job_changed(self, job_id: int, state: JobState, error: str) -> None:
        attendee_id = self._attendee_of.get(job_id)
        if attendee_id is None or self.service is None:
            return
        if error:
            log.warning("print job %s for attendee %s: %s", job_id, attendee_id, error)
        self.changed.emit(attendee_id, badge_state_for(state, saves_only=self.service.saves_only))

"""What the screens hold when they hold a print service, as a type.

The kiosk runs `kiosk.printing.qt_service.PrintService`; the screens only need
its shape, so they name this protocol and tests may hand in anything that
fits. `job_changed` carries (job id, `JobState`, error or "").
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance

from kiosk.printing.jobs import JobKind


@runtime_checkable
class PrintService(Protocol):
    """Queue badges, hear how they went, find the files of saved ones."""

    @property
    def job_changed(self) -> SignalInstance:
        """Emitted on the GUI thread with (job id, JobState, error)."""
        ...

    @property
    def saves_only(self) -> bool:
        """True with printer "none": badges become files for the help desk."""
        ...

    @property
    def printer(self) -> str: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def enqueue(
        self,
        attendee_id: int | None,
        kind: JobKind | str = ...,
        printer: str | None = ...,
    ) -> int | None: ...

    def enqueue_auto(self, attendee_id: int) -> int | None:
        """The automatic badge after a check-in; None if one was printed before."""
        ...

    def printed_count(self, attendee_id: int) -> int: ...

    def saved_file(self, job_id: int) -> Path | None: ...

    def latest_badge_file(self, attendee_id: int) -> Path | None: ...

    # What staff do to a waiting or failed badge (a PrintQueue does the same).

    def retry(self, job_id: int) -> None: ...

    def cancel(self, job_id: int) -> None: ...

    def move(self, job_id: int, printer: str) -> int: ...

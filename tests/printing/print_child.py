"""A print worker in a child process, for the crash tests.

Usage: print_child.py DB PRINTER MODE MARKER

MODE "render" stops for good while drawing the badge; MODE "submitted" stops
for good right after the spooler accepted the job, before the event file
records it. Either way the test kills this process with SIGKILL once MARKER
exists.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.printing import PrintQueue, PrintWorker
from kiosk.printing.backends import Backend, Submission
from kiosk.printing.documents import RenderedBadge, render_badge
from kiosk.store import Store


def hang(marker: Path) -> None:
    marker.write_text("ready")
    while True:
        time.sleep(60)


class HangAfterSubmit:
    """A real backend that stops the process once its submission is accepted."""

    def __init__(self, inner: Backend, marker: Path) -> None:
        self.inner = inner
        self.marker = marker
        self.name = inner.name

    def submit(self, pdf: bytes, **kwargs: object) -> Submission:
        self.inner.submit(pdf, **kwargs)  # type: ignore[arg-type]
        hang(self.marker)
        raise AssertionError("unreachable")

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def main() -> None:
    db, printer, mode, marker_text = sys.argv[1:5]
    marker = Path(marker_text)

    def renderer(store: Store, attendee_id: int) -> RenderedBadge:
        if mode == "render":
            hang(marker)
        return render_badge(store, attendee_id)

    worker = PrintWorker(db, printer, renderer)
    if mode == "submitted":
        real = worker.backend

        def backend(name: str | None) -> Backend:
            return HangAfterSubmit(real(name), marker)  # type: ignore[return-value]

        worker.backend = backend  # type: ignore[method-assign]
    store = Store.open(db)
    worker.step(PrintQueue(store))


if __name__ == "__main__":
    main()

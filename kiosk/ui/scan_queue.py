"""Results waiting for the result screen.

Scans can come faster than people read: each result stays on screen for its
hold time (`ResultView.is_fresh`) before the next replaces it, and results
arriving meanwhile wait here in order. Nothing is lost: each was committed
before it was queued.
"""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QObject, Signal

from kiosk.domain.models import ScanResult
from kiosk.ui.views.result import ResultView

log = logging.getLogger("kiosk.ui")


class ScanQueue(QObject):
    ready = Signal(object)  # the ScanResult whose turn it is

    def __init__(self, view: ResultView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._waiting: deque[ScanResult] = deque()
        view.hold_over.connect(self.advance)

    def __len__(self) -> int:
        return len(self._waiting)

    def add(self, result: ScanResult, source: str) -> None:
        self._waiting.append(result)
        log.info("scan from %s queued behind %d", source, len(self._waiting) - 1)
        self.advance()

    def advance(self) -> None:
        """The next result, unless the one on screen is still fresh."""
        if self._waiting and not self.view.is_fresh():
            self.ready.emit(self._waiting.popleft())

    def next_now(self) -> bool:
        """The next result at once (the one on screen is done); False if none waits."""
        if not self._waiting:
            return False
        self.ready.emit(self._waiting.popleft())
        return True

    def clear(self) -> None:
        self._waiting.clear()

"""Python's cycle collector, run on the GUI thread only.

Automatic collection runs on whichever thread happens to allocate when a
threshold is crossed: the print worker, the sync thread, the camera decoder.
If a Qt wrapper sits in a cycle it collects, the C++ object is destroyed on
that thread, and Qt can crash ("Segmentation fault ... Garbage-collecting").
So the windows switch automatic collection off and collect here, from a
timer on the GUI thread, with the same thresholds Python would use.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("kiosk.ui")

INTERVAL_MS = 1000


def collect_due() -> int:
    """Collect the generations whose thresholds are crossed; returns objects freed.

    What automatic collection would have done by now, so memory stays as it
    would with automatic collection on.
    """
    threshold = gc.get_threshold()
    counts = gc.get_count()
    freed = 0
    for generation in (2, 1, 0):
        if counts[generation] > threshold[generation]:
            freed += gc.collect(generation)
            break  # a collection of a generation includes the younger ones
    return freed


class MainThreadCollector(QObject):
    """Owns the timer; create it on the GUI thread and keep it for the app's life."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_due)
        self._timer.start()
        log.debug("cycle collection on the GUI thread every %d ms", interval_ms)

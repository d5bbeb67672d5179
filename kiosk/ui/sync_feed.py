"""Keeps the kiosk's sync line (hub online or not, uploads waiting, last sync) current.

The sync worker runs on its own thread; its "something changed" callback
only emits a signal, which Qt delivers on the GUI thread. A slow timer
catches what no callback announces (the hub going away, an upload finishing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from kiosk.sync import SyncedStation, SyncStatus

log = logging.getLogger("kiosk.ui")

REFRESH_MS = 2000


class SyncFeed(QObject):
    """Create it first, hand `notify` to the synced station, then `attach` it."""

    changed = Signal()

    def __init__(self, show: Callable[[SyncStatus | None], None], parent: QObject | None = None):
        super().__init__(parent)
        self.display = show
        self._station: SyncedStation | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.changed.connect(self.refresh)

    def notify(self) -> None:
        """Safe from any thread: the refresh itself runs on the GUI thread."""
        self.changed.emit()

    def attach(self, station: SyncedStation) -> None:
        self._station = station
        self.refresh()
        self._timer.start()

    def refresh(self) -> None:
        if self._station is None:
            return
        try:
            self.display(self._station.status())
        except Exception:  # a status line is never worth a crash
            log.exception("sync status could not be read")

    def stop(self) -> None:
        self._timer.stop()
        self._station = None

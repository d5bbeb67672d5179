"""Whether check-ins can be saved, and noticing when they can again.

A scan that could not be saved reports the fault here; from then on a real
write is tried every few seconds, and `restored` says when one works.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.store import Store
from kiosk.store.faults import StoreFault

log = logging.getLogger("kiosk.ui")

# While check-ins cannot be saved, how often the kiosk tries again.
RECHECK_MS = 3000


class SaveWatch(QObject):
    broken = Signal(object)  # the StoreFault: check-ins cannot be saved
    restored = Signal()  # a write works again

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.fault: StoreFault | None = None
        self.recheck = QTimer(self)
        self.recheck.setInterval(RECHECK_MS)
        self.recheck.timeout.connect(self.try_again)

    def report(self, fault: StoreFault) -> None:
        """A check-in could not be saved: say so, and start trying again."""
        log.warning("check-ins cannot be saved: %s", fault.kind)
        self.fault = fault
        self.recheck.start()
        self.broken.emit(fault)

    def try_again(self) -> None:
        """Try a real write; when it works again, say so."""
        try:
            self.store.probe()
        except StoreFault as fault:
            if self.fault is None or fault.kind != self.fault.kind:
                self.report(fault)
            return
        log.info("check-ins can be saved again")
        self.fault = None
        self.recheck.stop()
        self.restored.emit()

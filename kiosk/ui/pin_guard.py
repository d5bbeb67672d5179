"""The PIN pad in front of a `PinGate`: wrong PINs said, lock-outs counted down.

Shared by the kiosk's staff screen and the recovery screen of a damaged
event file, so both refuse guesses the same way.
"""

from __future__ import annotations

import logging
import sqlite3
import time

from PySide6.QtCore import QObject, Signal

from kiosk.store import Store
from kiosk.store.faults import StoreError
from kiosk.ui.pin import PinGate
from kiosk.ui.views.pin import PinView

log = logging.getLogger("kiosk.ui")


def station_gate(store: Store, station: str, stored_hash: str) -> PinGate:
    """Wrong PINs counted per station in the event file, on the wall clock:
    restarting the kiosk neither resets the count nor ends a lock-out."""
    failures, until = store.pin_lockout(station)

    def keep(failures: int, until: float) -> None:
        try:
            store.save_pin_lockout(station, failures, until)
        except (StoreError, sqlite3.Error) as error:
            log.warning("PIN lock-out not saved: %s", type(error).__name__)

    return PinGate(
        stored_hash, clock=time.time, failures=failures, locked_until=until, on_change=keep
    )


class PinGuard(QObject):
    """Checks what is typed on `view` against `gate` (which may be replaced),
    and answers the view's lock-out countdown (the view owns the timer)."""

    accepted = Signal()

    def __init__(self, view: PinView, gate: PinGate, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The gate is held here, not fetched through a callback into the owner:
        # a callback would tie owner and guard in a cycle only the garbage
        # collector frees, on whichever thread it happens to run.
        self.view, self.gate = view, gate
        view.submitted.connect(self._submitted)
        view.lock_tick.connect(self.tick)

    def start(self) -> None:
        """A fresh pad, or the lock-out still running from earlier guesses."""
        self.view.reset()
        self.tick()

    def _submitted(self, pin: str) -> None:
        gate = self.gate
        if gate.attempt(pin):
            self.accepted.emit()
            return
        log.warning("wrong staff PIN (%d in a row)", gate.failures)
        if gate.seconds_left() > 0:
            self.tick()
        else:
            self.view.show_wrong()

    def tick(self) -> None:
        left = self.gate.seconds_left()
        if left > 0:
            self.view.show_locked(int(left + 0.999))
        elif self.view.locked:
            self.view.reset()

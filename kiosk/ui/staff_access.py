"""The way to the staff screen: the corner gesture, the PIN pads, the console.

Part of the flow controller (`kiosk.ui.flow.FlowController`), kept apart so
each file stays about one thing; it uses the controller's screens and switch.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from kiosk.domain.codes import clean_scan
from kiosk.store.faults import StoreError
from kiosk.ui.pin import PinGate, hash_pin
from kiosk.ui.pin_guard import station_gate
from kiosk.ui.screens import Screen

if TYPE_CHECKING:
    from kiosk.desk import HelpDesk

log = logging.getLogger("kiosk.ui")


class StaffAccess:
    """The staff half of the flow controller (mixed into it)."""

    @property
    def pin_gate(self) -> PinGate:
        """The staff PIN and its lock-out (held by the pad's guard)."""
        return self.pin_guard.gate

    @pin_gate.setter
    def pin_gate(self, gate: PinGate) -> None:
        self.pin_guard.gate = gate

    def staff_requested(self) -> None:
        if self.current in (Screen.PIN, Screen.SET_PIN, Screen.STAFF):
            return
        if not self.pin_gate.has_pin:
            # The staff screen shows the console, emails included: never unguarded.
            self.set_pin.reset()
            self._switch(Screen.SET_PIN, "no staff PIN set")
            return
        self._switch(Screen.PIN, "corner long press")
        self.pin_guard.start()

    def _new_pin(self, pin: str) -> None:
        """Store the PIN `kiosk set-pin` would; the staff screen opens behind it."""
        stored = hash_pin(pin)
        try:
            self.settings.set("kiosk.pin_hash", stored)
        except (StoreError, sqlite3.Error) as error:
            log.warning("staff PIN not saved: %s", type(error).__name__)
            self.set_pin.show_not_saved()
            return
        log.info("staff PIN set at the kiosk")
        self.pin_gate = station_gate(self.store, self.station.name, stored)
        self.welcome.status_info["pin"] = True
        self.welcome.retranslate()
        self._open_staff("staff PIN set")

    def _open_staff(self, reason: str) -> None:
        if self.staff.tabs is None:
            self.staff.set_desk(self._staff_desk())
        self.staff.opened()
        self._switch(Screen.STAFF, reason)

    def _staff_desk(self) -> HelpDesk:
        """The help desk on this kiosk's own station (built on first use: it
        brings in the console, its charts and the print queue)."""
        from kiosk.desk import HelpDesk

        # The kiosk's own print service: a reprint goes through its worker,
        # and with printer "none" the desk opens the saved file.
        return HelpDesk(self.store, station=self.station, printer=self.print_service)

    def _staff_scan(self, raw: str) -> None:
        """A ticket scanned on the staff screen is looked up, not checked in."""
        code = clean_scan(raw)
        if code is None:
            log.info("unreadable scan ignored on the staff screen")
            return
        log.info("scan looked up on the staff screen")
        self.staff.look_up(code)

    def _exit(self) -> None:
        log.info("kiosk exit from the staff screen")
        self.window.allow_close = True
        self.quit_requested.emit()

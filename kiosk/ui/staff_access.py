"""The way to the staff screen: the corner gesture, the PIN pads, the console.

A long press in the corner opens the PIN pad (or, with no PIN yet, the pad
where staff choose one); the right PIN opens the staff screen, the help-desk
console on this kiosk's own station. The PIN's lock-out is counted in the
event file (`kiosk.ui.pin_guard`); the pad counts it down on screen.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.checkin import Station
from kiosk.domain.codes import clean_scan
from kiosk.printing.service import PrintService
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.faults import StoreError
from kiosk.store.operators import has_operators
from kiosk.ui.pin import hash_pin
from kiosk.ui.pin_guard import PinGuard, station_gate
from kiosk.ui.screens import Screen, Switch
from kiosk.ui.views.pin import PinView, SetPinView
from kiosk.ui.views.staff import StaffView
from kiosk.ui.views.welcome import WelcomeView

if TYPE_CHECKING:
    from kiosk.desk import HelpDesk

log = logging.getLogger("kiosk.ui")

# Screens from which the corner gesture does nothing: staff are on their way.
STAFF_SCREENS = {Screen.PIN, Screen.SET_PIN, Screen.STAFF}


class StaffAccess(QObject):
    exit_requested = Signal()  # staff chose to close the kiosk

    def __init__(
        self,
        store: Store,
        station: Station,
        settings: Settings,
        views: tuple[PinView, SetPinView, StaffView, WelcomeView],
        switch: Switch,
        print_service: PrintService | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.station, self.settings = store, station, settings
        self.pin, self.set_pin, self.staff, self.welcome = views
        self.switch = switch
        self.print_service = print_service
        gate = station_gate(store, station.name, settings.get("kiosk.pin_hash"))
        self.pin_guard = PinGuard(self.pin, gate, self)
        self.pin_guard.accepted.connect(lambda: self._open_staff("PIN accepted"))
        self.pin.cancelled.connect(
            lambda: switch(Screen.WELCOME, "PIN cancelled", same_person=True)
        )
        self.set_pin.chosen.connect(self._new_pin)
        self.set_pin.cancelled.connect(
            lambda: switch(Screen.WELCOME, "set PIN cancelled", same_person=True)
        )
        self.staff.back.connect(lambda: switch(Screen.WELCOME, "staff back"))
        self.staff.exit_requested.connect(self._exit)
        self.staff.door_mode_chosen.connect(self._door_mode)

    def requested(self, current: Screen) -> None:
        """The corner gesture on `current`: the PIN pad, or choosing a PIN first."""
        if current in STAFF_SCREENS:
            return
        if self._has_accounts():
            # Volunteers sign in by name on the staff screen itself: the
            # console stays locked behind its sign-in until they do.
            self._open_staff("corner long press, volunteer sign-in")
            return
        if not self.pin_guard.gate.has_pin:
            # The staff screen shows the console, emails included: never unguarded.
            self.set_pin.reset()
            self.switch(Screen.SET_PIN, "no staff PIN set")
            return
        self.switch(Screen.PIN, "corner long press")
        self.pin_guard.start()

    def _has_accounts(self) -> bool:
        try:
            return has_operators(self.store)
        except (StoreError, sqlite3.Error) as error:
            # The single PIN then guards the screen, as it always did.
            log.warning("volunteer accounts not read: %s", type(error).__name__)
            return False

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
        self.pin_guard.gate = station_gate(self.store, self.station.name, stored)
        self.welcome.status_info["pin"] = True
        self.welcome.retranslate()
        self._open_staff("staff PIN set")

    def _open_staff(self, reason: str) -> None:
        if self.staff.tabs is None:
            self.staff.set_desk(self._staff_desk())
        self.switch(Screen.STAFF, reason)  # the screen opens the console as it is entered

    def _staff_desk(self) -> HelpDesk:
        """The help desk on this kiosk's own station (built on first use: it
        brings in the console, its charts and the print queue)."""
        from kiosk.desk import HelpDesk

        # The kiosk's own print service: a reprint goes through its worker,
        # and with printer "none" the desk opens the saved file.
        return HelpDesk(self.store, station=self.station, printer=self.print_service)

    def look_up(self, raw: str) -> None:
        """A ticket scanned on the staff screen is looked up, not checked in."""
        code = clean_scan(raw)
        if code is None:
            log.info("unreadable scan ignored on the staff screen")
            return
        log.info("scan looked up on the staff screen")
        self.staff.look_up(code)

    def _door_mode(self, exit_mode: bool) -> None:
        """Staff switched the station between entry and exit. It lasts while
        the kiosk runs: a restart admits again, the safe default at a door."""
        self.station.exit_mode = exit_mode
        self.welcome.set_exit_mode(exit_mode)
        log.info("door mode %s, chosen on the staff screen", "exit" if exit_mode else "entry")

    def _exit(self) -> None:
        log.info("kiosk exit from the staff screen")
        self.exit_requested.emit()

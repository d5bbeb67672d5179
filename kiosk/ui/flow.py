"""The kiosk's flow: which screen comes next, and why.

The screens and the objects behind them say what they want (a result is
done, find me, the PIN was right); the controller decides which screen that
means and switches through the screen manager, which logs every change with
its reason and tells the screens they were entered or left. What a screen
does lives with it:

- each view runs (and stops) its own timers: the result's countdown, the PIN
  pad's lock-out (`kiosk.ui.views`);
- results wait their turn in `ScanQueue`; badges are followed by
  `BadgeTracker`; find-me is `FindMe`; the PIN and the staff screen are
  `StaffAccess`; display choices are `AppearanceChoices`; a file that cannot
  be saved is watched by `SaveWatch`; a screen left alone is timed by
  `IdleTimer`.
"""

from __future__ import annotations

import enum
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.checkin import Station
from kiosk.domain.models import Result, ScanResult
from kiosk.printing.service import PrintService
from kiosk.scanning.camera_status import CameraStatus
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.faults import StoreFault
from kiosk.ui.appearance import AppearanceChoices
from kiosk.ui.badge_check import BadgeCheck
from kiosk.ui.badge_state import BadgeState
from kiosk.ui.badge_tracker import BadgeTracker
from kiosk.ui.door import DoorWatch, is_door
from kiosk.ui.find_me import FindMe
from kiosk.ui.i18n import Languages
from kiosk.ui.idle import IdleTimer
from kiosk.ui.messages import next_session_after
from kiosk.ui.pin import PinGate
from kiosk.ui.save_watch import SaveWatch
from kiosk.ui.scan_queue import ScanQueue
from kiosk.ui.screen_manager import ScreenManager
from kiosk.ui.screens import NO_SCANS, PUBLIC_IDLE, Screen
from kiosk.ui.sounds import Sounds
from kiosk.ui.staff_access import STAFF_SCREENS, StaffAccess
from kiosk.ui.views.badge_preview import BadgePreviewView
from kiosk.ui.views.base import ScreenView
from kiosk.ui.views.confirm import ConfirmView
from kiosk.ui.views.findme import FindMeView
from kiosk.ui.views.fix_badge import FixBadgeView
from kiosk.ui.views.pin import PinView, SetPinView
from kiosk.ui.views.result import ResultView
from kiosk.ui.views.staff import StaffView
from kiosk.ui.views.unavailable import UnavailableView
from kiosk.ui.views.welcome import WelcomeView
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.sync import SyncStatus

__all__ = ["FlowController", "Screen"]

log = logging.getLogger("kiosk.ui")


class FlowController(QObject):
    quit_requested = Signal()

    def __init__(
        self,
        window: KioskWindow,
        store: Store,
        station: Station,
        languages: Languages | None = None,
        print_service: PrintService | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.store, self.station = window, store, station
        self.settings = Settings(store)
        self.sounds = Sounds(enabled=self.settings.get("kiosk.sounds"))
        self._build_views(station)
        self.screens = ScreenManager(window.stack, self.views, self)
        self.badges = BadgeTracker(print_service, self)
        self.badges.changed.connect(self._badge_changed)
        self.badge_check = BadgeCheck(
            store,
            station,
            self.settings,
            (self.badge_preview, self.fix_badge),
            self.switch,
            self.badges,
            self,
        )
        self.badge_check.show_admitted = self._show_result_screen
        self.screens.entered.connect(self.badge_check.entered)
        self.queue = ScanQueue(self.result, self)
        self.queue.ready.connect(self._show_result)
        self.save_watch = SaveWatch(store, self)
        self.save_watch.broken.connect(self._cannot_save)
        self.save_watch.restored.connect(self._can_save)
        self.looks = AppearanceChoices(self.settings, window, self.welcome, languages, self)
        self.find_me_flow = FindMe(
            store, self.settings, self.find_me, self.confirm, self.switch, self
        )
        self.find_me_flow.check_in.connect(self._check_in_found)
        views = (self.pin, self.set_pin, self.staff, self.welcome)
        self.staff_access = StaffAccess(
            store, station, self.settings, views, self.switch, print_service, self
        )
        self.staff_access.exit_requested.connect(self._exit)
        self.idle = IdleTimer(self._idle_ms, self)
        self.idle.timeout.connect(lambda: self.switch(Screen.WELCOME, "idle"))
        self.find_me.idle = self.idle  # it counts down the last seconds
        self.looks.chosen.connect(self.idle.touched)
        window.activity.connect(self.idle.touched)
        window.corner_long_press.connect(self.staff_requested)
        self.welcome.status_info.update(
            station=station.name, printing=self.badges.printing, pin=self.pin_gate.has_pin
        )
        self.welcome.set_exit_mode(station.exit_mode)
        if not self.pin_gate.has_pin:
            log.warning("no staff PIN set: the corner gesture asks staff to set one")
        self.door: DoorWatch | None = None
        if is_door(station):
            self.follow_door()
        self.looks.apply()
        self.switch(Screen.WELCOME, "start")

    def _build_views(self, station: Station) -> None:
        settings = self.settings
        self.welcome = WelcomeView(station.event)
        self.welcome.set_find_me_enabled(settings.get("kiosk.findme_enabled"))
        self.welcome.set_logo(settings.get("event.logo"))
        self.welcome.find_me_requested.connect(self.find_me_requested)
        self.result = ResultView(station.event)
        self.result.help_desk = settings.get("kiosk.help_desk")
        self.result.find_me_enabled = settings.get("kiosk.findme_enabled")
        self.result.finished.connect(self._result_finished)
        self.result.find_me.connect(self.find_me_requested)
        self.find_me = FindMeView()
        self.confirm = ConfirmView()
        self.pin = PinView()
        self.set_pin = SetPinView()
        self.staff = StaffView(station.name)
        self.unavailable = UnavailableView()
        self.badge_preview = BadgePreviewView()
        self.fix_badge = FixBadgeView()
        self.views: dict[enum.Enum, ScreenView] = {
            Screen.WELCOME: self.welcome,
            Screen.RESULT: self.result,
            Screen.FIND_ME: self.find_me,
            Screen.CONFIRM: self.confirm,
            Screen.PIN: self.pin,
            Screen.SET_PIN: self.set_pin,
            Screen.STAFF: self.staff,
            Screen.UNAVAILABLE: self.unavailable,
            Screen.BADGE_PREVIEW: self.badge_preview,
            Screen.FIX_BADGE: self.fix_badge,
        }

    # -- switching -------------------------------------------------------

    @property
    def current(self) -> Screen:
        screen = self.screens.current
        assert isinstance(screen, Screen), "the flow enters welcome as it starts"
        return screen

    @property
    def history(self) -> list[tuple[Screen, str]]:
        return self.screens.history  # type: ignore[return-value]

    @property
    def fault(self) -> StoreFault | None:
        """Why check-ins cannot be saved now (None: they can)."""
        return self.save_watch.fault

    def switch(self, screen: Screen, reason: str, *, same_person: bool = False) -> None:
        """Show `screen`; welcome is the unavailable screen while nothing can be
        saved, and welcome after another screen (or a new person) starts afresh."""
        if screen is Screen.WELCOME and self.fault is not None:
            screen = Screen.UNAVAILABLE  # nobody may scan until check-ins can be saved
        afresh = screen is Screen.WELCOME and (
            self.screens.current is not Screen.WELCOME or not same_person
        )
        self.screens.enter(screen, reason)
        if afresh:
            # After the screen left has stopped (the console out of the window
            # before the language goes back to the station's own).
            self.find_me_flow.forget()
            if not same_person:
                self.looks.reset()
        self.idle.follow_screen()  # as long as the screen, and the choices kept, allow

    def follow_door(self) -> None:
        """A door station (a room or a session): the header on welcome, kept
        current, and the entry/exit switch on the staff screen."""
        if self.door is None:
            self.door = DoorWatch(self.station, self)
            self.door.changed.connect(self.welcome.set_door)
            self.screens.entered.connect(self._door_entered)
            self.staff.set_exit_mode(self.station.exit_mode)
        self.door.refresh()

    def _door_entered(self, screen: Screen, reason: str) -> None:
        """Back at welcome (after a scan here, from the staff screen): the door
        is read again, with the seats this station's scans took."""
        if screen is Screen.WELCOME and self.door is not None:
            self.door.refresh()

    def _idle_ms(self) -> int | None:
        """How long the screen shown may stay untouched before welcome returns (None: for ever)."""
        screen = self.screens.current
        if screen is Screen.STAFF:
            return int(self.settings.get("kiosk.staff_timeout_seconds")) * 1000
        if screen in PUBLIC_IDLE or (
            # Someone's display choices, kept after Back, last until the kiosk idles.
            screen is Screen.WELCOME and self.looks.personal
        ):
            return int(self.settings.get("kiosk.idle_seconds")) * 1000
        return None

    def recover(self) -> None:
        """After an unexpected error: forget pending work and say so calmly;
        the result screen's countdown then returns to welcome."""
        self.queue.clear()
        self.result.show_problem(self.settings.get("kiosk.result_seconds"))
        self.switch(Screen.RESULT, "error")

    # -- what the station shows on welcome -------------------------------

    def set_camera_status(self, status: CameraStatus) -> None:
        self.welcome.status_info["camera"] = status
        self.welcome.retranslate()
        self.welcome.preview.setVisible(status is CameraStatus.READY)

    def set_sync_status(self, status: SyncStatus | None) -> None:
        """Hub online or offline, uploads waiting, last sync (None: no hub)."""
        if status == self.welcome.status_info["sync"]:
            return
        self.welcome.status_info["sync"] = status
        self.welcome.retranslate()

    # -- scans and results -----------------------------------------------

    def handle_scan(self, raw: str, source: str = "scanner") -> None:
        """Decide a scan (committed at once) and show it now or after the current result."""
        if self.current is Screen.STAFF and source == "scanner":
            self.staff_access.look_up(raw)
            return
        if not self._answers_scans(source):
            return
        result = self._scan(raw)
        if result is not None:
            self.queue.add(result, source)

    def handle_misread(self, source: str = "scanner") -> None:
        """A scan cut short: "Couldn't read that", never a shortened code looked up."""
        if self.current is Screen.STAFF or not self._answers_scans(source):
            log.info("misread from %s ignored on the %s screen", source, self.current.value)
            return
        self.queue.add(ScanResult("", Result.INVALID_INPUT), source)

    def _answers_scans(self, source: str) -> bool:
        """Whether a scan is answered now; a PIN pad gives way to it first."""
        if self.current in (Screen.PIN, Screen.SET_PIN):
            # Someone at the kiosk with a ticket: the staff member who was
            # typing can come back; the lock-out, kept in the gate, goes on.
            self.switch(Screen.WELCOME, f"scan from {source} on the PIN screen")
        if self.current in NO_SCANS:
            log.info("scan from %s ignored on the %s screen", source, self.current.value)
            return False
        return True

    def _scan(self, raw: str) -> ScanResult | None:
        """The committed result, or None when it could not be saved (nobody admitted)."""
        try:
            return self.station.scan(raw)
        except StoreFault as fault:
            self.save_watch.report(fault)
            return None

    def _check_in_found(self, code: str) -> None:
        """Someone found themselves by name and confirmed: decided like a scan."""
        result = self._scan(code)
        if result is not None:
            self.queue.add(result, "find me")

    def _show_result(self, result: ScanResult) -> None:
        if self.badge_check.offers(result):
            self.badge_check.start(result)  # the badge first; Print shows the result
        else:
            self._show_result_screen(result)

    def _show_result_screen(self, result: ScanResult) -> None:
        attendee = result.attendee
        checked_in = result.result is Result.CHECKED_IN
        # A print-only station's scans print too (kiosk run --print-only).
        prints = checked_in or result.result is Result.BADGE_PRINTED
        # At a session's door the header names the session: no "Next:" there.
        next_session = (
            next_session_after(self.store.sessions(), self.station.clock())
            if checked_in and result.session_id is None
            else None
        )
        has_badge = (
            result.result is Result.ALREADY_CHECKED_IN
            and attendee is not None
            and self.badges.has_badge(attendee.id)
        )
        self.result.show_result(
            result,
            next_session,
            self.badges.first_state() if prints else BadgeState.NONE,
            has_badge=has_badge,
            seconds=self.settings.get("kiosk.result_seconds"),
            hold_seconds=self.settings.get("kiosk.result_min_seconds"),
        )
        self.switch(Screen.RESULT, f"result {result.result.value}")
        self.sounds.play("success" if prints or result.result is Result.CHECKED_OUT else "help")
        if prints and attendee is not None and self.badges.service is not None:
            # After the screen has changed: the attendee sees their welcome first.
            QTimer.singleShot(0, lambda: self.badges.enqueue(attendee.id))

    def _result_finished(self, reason: str) -> None:
        if not self.queue.next_now():
            self.switch(Screen.WELCOME, reason)

    def _badge_changed(self, attendee_id: int, state: BadgeState) -> None:
        if self.current is Screen.RESULT and self.result.attendee_id == attendee_id:
            self.result.set_badge_state(state)

    # -- when check-ins cannot be saved ----------------------------------

    def _cannot_save(self, fault: StoreFault) -> None:
        self.staff.set_fault(str(fault))
        self.queue.clear()
        if self.current not in STAFF_SCREENS:
            self.switch(Screen.UNAVAILABLE, f"cannot save: {fault.kind}")

    def _can_save(self) -> None:
        self.staff.set_fault(None)
        if self.current is Screen.UNAVAILABLE:
            self.switch(Screen.WELCOME, "saving works again")

    # -- requests from the screens ---------------------------------------

    def find_me_requested(self) -> None:
        self.find_me_flow.start()

    def staff_requested(self) -> None:
        self.staff_access.requested(self.current)

    @property
    def pin_gate(self) -> PinGate:
        """The staff PIN and its lock-out (held by the PIN pad's guard)."""
        return self.staff_access.pin_guard.gate

    @pin_gate.setter
    def pin_gate(self, gate: PinGate) -> None:
        self.staff_access.pin_guard.gate = gate

    def _exit(self) -> None:
        self.window.allow_close = True
        self.quit_requested.emit()

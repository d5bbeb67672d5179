"""The screen-flow controller: the one object that decides what is on screen.

Screens emit intentions (done, find me, chosen, PIN entered); the controller
acts on them, switches the stack and logs every change with its reason.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.checkin import Station
from kiosk.domain.models import Attendee, Result, ScanResult
from kiosk.domain.text import fold, search_words
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.faults import StoreFault
from kiosk.ui.i18n import SOURCE_LANGUAGE, Languages
from kiosk.ui.messages import next_session_after, unbroken
from kiosk.ui.pin_guard import PinGuard, station_gate
from kiosk.ui.screens import NO_SCANS, PUBLIC_IDLE, Screen
from kiosk.ui.sounds import Sounds
from kiosk.ui.staff_access import StaffAccess
from kiosk.ui.theme import ThemeName, theme_for
from kiosk.ui.views.confirm import ConfirmView
from kiosk.ui.views.findme import FindMeView
from kiosk.ui.views.pin import PinView, SetPinView
from kiosk.ui.views.result import ResultView
from kiosk.ui.views.staff import StaffView
from kiosk.ui.views.unavailable import UnavailableView
from kiosk.ui.views.welcome import WelcomeView
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.sync import SyncStatus

log = logging.getLogger("kiosk.ui")

# While check-ins cannot be saved, how often the kiosk tries again.
RECHECK_MS = 3000


@dataclass
class Appearance:
    language: str
    high_contrast: bool
    large_text: bool


def _printing_mode(print_service: Any) -> bool | str:
    """For the welcome screen's status line: printing, off, or saved for the desk."""
    if print_service is None:
        return False
    return "desk" if getattr(print_service, "saves_only", False) else True


def public_label(attendee: Attendee) -> str:
    """First name, last initial, organisation: enough to recognise yourself."""
    initial = f" {attendee.last_name.strip()[:1]}." if attendee.last_name.strip() else ""
    name = f"{attendee.first_name}{initial}"
    return f"{name} — {attendee.organisation}" if attendee.organisation else name


def name_to_add(query: str, best: Attendee) -> str:
    """When too many match one typed word: "first" if it is the best match's
    whole surname (add your first name), "last" if their first name, else ""."""
    words = search_words(query)
    if len(words) != 1:
        return ""
    if words[0] in fold(best.last_name).split():
        return "first"
    if words[0] in fold(best.first_name).split():
        return "last"
    return ""


class FlowController(StaffAccess, QObject):
    screen_changed = Signal(str, str)  # screen, reason
    quit_requested = Signal()

    def __init__(
        self,
        window: KioskWindow,
        store: Store,
        station: Station,
        languages: Languages | None = None,
        print_service: Any = None,
    ) -> None:
        super().__init__(window)
        self.window, self.store, self.station = window, store, station
        self.settings = Settings(store)
        self.languages = languages
        self.print_service = print_service
        self.kiosk_event = station.event
        self.sounds = Sounds(enabled=self.settings.get("kiosk.sounds"))
        self.queue: deque[ScanResult] = deque()
        self.history: list[tuple[Screen, str]] = []
        self.current = Screen.WELCOME
        self._jobs: dict[int, int] = {}  # print job id -> attendee id
        self._shown_attendee: int | None = None
        self._find_me_id: int | None = None
        self.fault: StoreFault | None = None
        self._build_views()
        self._build_timers()
        self.defaults = Appearance(
            self.settings.get("kiosk.language"),
            self.settings.get("kiosk.theme") == ThemeName.HIGH_CONTRAST,
            self.settings.get("kiosk.large_text"),
        )
        self.appearance = Appearance(**vars(self.defaults))
        window.corner_long_press.connect(self.staff_requested)
        window.activity.connect(self._note_activity)
        if print_service is not None:
            print_service.job_changed.connect(self._on_job_changed)
        self.welcome.status_info.update(
            station=station.name, printing=_printing_mode(print_service), pin=self.pin_gate.has_pin
        )
        if not self.pin_gate.has_pin:
            log.warning("no staff PIN set: the corner gesture asks staff to set one")
        self._apply_appearance()
        self._switch(Screen.WELCOME, "start")

    # -- construction ----------------------------------------------------

    def _build_views(self) -> None:
        self.welcome = WelcomeView(self.kiosk_event.name)
        self.result = ResultView(self.kiosk_event)
        self.result.help_desk = self.settings.get("kiosk.help_desk")
        self.find_me = FindMeView()
        self.confirm = ConfirmView()
        self.pin = PinView()
        self.set_pin = SetPinView()
        self.staff = StaffView(self.station.name)
        self.unavailable = UnavailableView()
        self.views = {
            Screen.WELCOME: self.welcome,
            Screen.RESULT: self.result,
            Screen.FIND_ME: self.find_me,
            Screen.CONFIRM: self.confirm,
            Screen.PIN: self.pin,
            Screen.SET_PIN: self.set_pin,
            Screen.STAFF: self.staff,
            Screen.UNAVAILABLE: self.unavailable,
        }
        for view in self.views.values():
            self.window.stack.addWidget(view)
        self.welcome.set_find_me_enabled(self.settings.get("kiosk.findme_enabled"))
        self.welcome.set_logo(self.settings.get("event.logo"))
        self.welcome.find_me_requested.connect(self.find_me_requested)
        self.welcome.language_requested.connect(self.set_language)
        self.welcome.large_text_toggled.connect(self.set_large_text)
        self.welcome.contrast_toggled.connect(self.set_high_contrast)
        self.result.done.connect(lambda: self._result_finished("done pressed"))
        self.result.find_me.connect(self.find_me_requested)
        self.result.find_me_enabled = self.settings.get("kiosk.findme_enabled")
        self.find_me.query_changed.connect(self._search)
        self.find_me.chosen.connect(self._chosen)
        self.find_me.back.connect(lambda: self._back_to_welcome("find-me back"))
        self.confirm.confirmed.connect(self._confirmed)
        self.confirm.rejected.connect(lambda: self._switch(Screen.FIND_ME, "not me"))
        gate = station_gate(self.store, self.station.name, self.settings.get("kiosk.pin_hash"))
        self.pin_guard = PinGuard(self.pin, gate, self)
        self.pin_guard.accepted.connect(lambda: self._open_staff("PIN accepted"))
        self.pin.cancelled.connect(lambda: self._back_to_welcome("PIN cancelled"))
        self.set_pin.chosen.connect(self._new_pin)
        self.set_pin.cancelled.connect(lambda: self._back_to_welcome("set PIN cancelled"))
        self.staff.back.connect(lambda: self._switch(self._public_screen(), "staff back"))
        self.staff.exit_requested.connect(self._exit)

    def _build_timers(self) -> None:
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self.min_display = QTimer(self)
        self.min_display.setSingleShot(True)
        self.min_display.timeout.connect(self._advance)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(lambda: self._switch(Screen.WELCOME, "idle"))
        self.find_me.idle = self.idle  # it counts down the last seconds
        self.recheck = QTimer(self)
        self.recheck.setInterval(RECHECK_MS)
        self.recheck.timeout.connect(self._recheck)

    # -- switching -------------------------------------------------------

    def _back_to_welcome(self, reason: str) -> None:
        """The same person steps back: their display choices stay until idle."""
        self._switch(Screen.WELCOME, reason, same_person=True)

    def _switch(self, screen: Screen, reason: str, *, same_person: bool = False) -> None:
        if screen is Screen.WELCOME and self.fault is not None:
            screen = Screen.UNAVAILABLE  # nobody may scan until check-ins can be saved
        previous = self.current
        self.current = screen
        self.history.append((screen, reason))
        log.info("screen %s -> %s (%s)", previous.value, screen.value, reason)
        if screen is not Screen.RESULT:
            self.countdown.stop()
            self.min_display.stop()
        if screen is not Screen.PIN:
            self.pin_guard.stop()
        if screen is Screen.WELCOME and (previous is not Screen.WELCOME or not same_person):
            self._reset_for_next_person(same_person)
        idle_ms = self._idle_ms(screen)
        if idle_ms:
            self.idle.start(idle_ms)
        else:
            self.idle.stop()
        self.window.stack.setCurrentWidget(self.views[screen])
        self.screen_changed.emit(screen.value, reason)

    def _reset_for_next_person(self, same_person: bool = False) -> None:
        self._shown_attendee = None
        self._find_me_id = None
        self.find_me.reset()
        self.staff.leave()
        if not same_person and self.appearance != self.defaults:
            self.appearance = Appearance(**vars(self.defaults))
            self._apply_appearance()

    def recover(self) -> None:
        """After an unexpected error: forget pending work and say so calmly;
        the result screen's countdown then returns to welcome."""
        self.queue.clear()
        self.result.show_problem()
        self.seconds_left = self.settings.get("kiosk.result_seconds")
        self.result.set_countdown(self.seconds_left)
        self._switch(Screen.RESULT, "error")
        self.countdown.start()

    def _note_activity(self) -> None:
        idle_ms = self._idle_ms(self.current)
        if idle_ms:
            self.idle.start(idle_ms)

    def _idle_ms(self, screen: Screen) -> int | None:
        """How long `screen` may stay untouched before welcome returns (None: for ever)."""
        if screen is Screen.STAFF:
            return self.settings.get("kiosk.staff_timeout_seconds") * 1000
        if screen in PUBLIC_IDLE or (
            # Someone's display choices, kept after Back, last until the kiosk idles.
            screen is Screen.WELCOME and self.appearance != self.defaults
        ):
            return self.settings.get("kiosk.idle_seconds") * 1000
        return None

    # -- appearance ------------------------------------------------------

    def set_language(self, language: str) -> None:
        self.appearance.language = language
        self._apply_appearance()
        self._note_activity()

    def set_large_text(self, on: bool) -> None:
        self.appearance.large_text = on
        self._apply_appearance()
        self._note_activity()

    def set_high_contrast(self, on: bool) -> None:
        self.appearance.high_contrast = on
        self._apply_appearance()
        self._note_activity()

    def _apply_appearance(self) -> None:
        a = self.appearance
        if self.languages is not None and not self.languages.set_language(a.language):
            a.language = self.languages.current
        elif self.languages is None:
            a.language = SOURCE_LANGUAGE
        name = ThemeName.HIGH_CONTRAST if a.high_contrast else ThemeName.STANDARD
        self.window.set_appearance(
            theme_for(name, self.settings.get("event.primary_color")), a.large_text
        )
        self.welcome.set_state(a.language, a.large_text, a.high_contrast)

    def set_camera_status(self, status: str) -> None:
        self.welcome.status_info["camera"] = status
        self.welcome.retranslate()
        self.welcome.preview.setVisible(status == "ready")

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
            self._staff_scan(raw)
            return
        if not self._answers_scans(source):
            return
        result = self._scan(raw)
        if result is None:
            return
        self._answer(result, source)

    def handle_misread(self, source: str = "scanner") -> None:
        """A scan cut short: "Couldn't read that", never a shortened code looked up."""
        if self.current is Screen.STAFF or not self._answers_scans(source):
            log.info("misread from %s ignored on the %s screen", source, self.current.value)
            return
        self._answer(ScanResult("", Result.INVALID_INPUT), source)

    def _answers_scans(self, source: str) -> bool:
        """Whether a scan is answered now; a PIN pad gives way to it first."""
        if self.current in (Screen.PIN, Screen.SET_PIN):
            # Someone at the kiosk with a ticket: the staff member who was
            # typing can come back; the lock-out, kept in the gate, goes on.
            self._switch(self._public_screen(), f"scan from {source} on the PIN screen")
        if self.current in NO_SCANS:
            log.info("scan from %s ignored on the %s screen", source, self.current.value)
            return False
        return True

    def _answer(self, result: ScanResult, source: str) -> None:
        self.queue.append(result)
        log.info("scan from %s queued behind %d", source, len(self.queue) - 1)
        self._advance()

    # -- when check-ins cannot be saved ----------------------------------

    def _scan(self, raw: str) -> ScanResult | None:
        """The committed result, or None when it could not be saved (nobody admitted)."""
        try:
            return self.station.scan(raw)
        except StoreFault as fault:
            self._cannot_save(fault)
            return None

    def _cannot_save(self, fault: StoreFault) -> None:
        log.warning("check-ins cannot be saved: %s", fault.kind)
        self.fault = fault
        self.staff.set_fault(str(fault))
        self.queue.clear()
        self.recheck.start()
        if self.current not in (Screen.PIN, Screen.SET_PIN, Screen.STAFF):
            self._switch(Screen.UNAVAILABLE, f"cannot save: {fault.kind}")

    def _recheck(self) -> None:
        """Try a real write; when it works again, the kiosk opens by itself."""
        try:
            self.store.probe()
        except StoreFault as fault:
            if self.fault is None or fault.kind != self.fault.kind:
                self._cannot_save(fault)
            return
        log.info("check-ins can be saved again")
        self.fault = None
        self.staff.set_fault(None)
        self.recheck.stop()
        if self.current is Screen.UNAVAILABLE:
            self._switch(Screen.WELCOME, "saving works again")

    def _public_screen(self) -> Screen:
        return Screen.UNAVAILABLE if self.fault is not None else Screen.WELCOME

    def _advance(self) -> None:
        """Show the next queued result unless the current one is still fresh."""
        if not self.queue:
            return
        if self.current is Screen.RESULT and self.min_display.isActive():
            return
        self._show_result(self.queue.popleft())

    def _show_result(self, result: ScanResult) -> None:
        attendee = result.attendee
        self._shown_attendee = attendee.id if attendee else None
        next_session = None
        if result.result is Result.CHECKED_IN:
            next_session = next_session_after(self.store.sessions(), self.station.clock())
        badge = ""
        if result.result is Result.CHECKED_IN:
            badge = self._badge_word("queued") if self.print_service is not None else "off"
        self.result.show_result(result, next_session, badge, has_badge=self._has_badge(result))
        self.seconds_left = self.settings.get("kiosk.result_seconds")
        self.result.set_countdown(self.seconds_left)
        self._switch(Screen.RESULT, f"result {result.result.value}")
        self.countdown.start()
        self.min_display.start(self.settings.get("kiosk.result_min_seconds") * 1000)
        self.sounds.play("success" if result.result is Result.CHECKED_IN else "help")
        if result.result is Result.CHECKED_IN and attendee and self.print_service is not None:
            # After the screen has changed: the attendee sees their welcome first.
            QTimer.singleShot(0, lambda: self._enqueue_badge(attendee.id))

    def _has_badge(self, result: ScanResult) -> bool:
        """Whether this attendee was given a badge ("Need a new badge?" only then)."""
        if result.result is not Result.ALREADY_CHECKED_IN or result.attendee is None:
            return False
        if self.print_service is None:
            return False
        return bool(self.print_service.printed_count(result.attendee.id))

    def _tick(self) -> None:
        self.seconds_left -= 1
        if self.seconds_left <= 0:
            self._result_finished("countdown")
        else:
            self.result.set_countdown(self.seconds_left)

    def _result_finished(self, reason: str) -> None:
        self.countdown.stop()
        self.min_display.stop()
        if self.queue:
            self._show_result(self.queue.popleft())
        else:
            self._switch(Screen.WELCOME, reason)

    # -- printing --------------------------------------------------------

    def _enqueue_badge(self, attendee_id: int) -> None:
        try:
            job_id = self.print_service.enqueue_auto(attendee_id)
        except Exception:
            log.exception("badge could not be queued for attendee %s", attendee_id)
            self._badge_state(attendee_id, "failed")
            return
        if job_id is None:
            self._badge_state(attendee_id, "printed_before")
        else:
            self._jobs[job_id] = attendee_id

    def _on_job_changed(self, job_id: int, state: str, error: str) -> None:
        attendee_id = self._jobs.get(job_id)
        if attendee_id is None:
            return
        if error:
            log.warning("print job %s for attendee %s: %s", job_id, attendee_id, error)
        self._badge_state(attendee_id, state)

    def _badge_state(self, attendee_id: int, state: str) -> None:
        if self.current is Screen.RESULT and self._shown_attendee == attendee_id:
            self.result.set_badge_state(self._badge_word(state))

    def _badge_word(self, state: str) -> str:
        """With printer "none" a badge on its way is a file for the help desk:
        the attendee hears where to collect it, not that it is printing."""
        saving = state in ("queued", "sent", "done")
        return "at_desk" if saving and getattr(self.print_service, "saves_only", False) else state

    # -- find me ---------------------------------------------------------

    def find_me_requested(self) -> None:
        if not self.settings.get("kiosk.findme_enabled"):
            return
        self.find_me.reset()
        self._switch(Screen.FIND_ME, "find me")

    def _search(self, query: str) -> None:
        limit = self.settings.get("kiosk.findme_limit")  # its range fits the screen's slots
        found = self.store.search(query, limit=limit + 1, names_only=True)
        more = len(found) > limit
        self.find_me.show_matches(
            [(a.id, public_label(a)) for a in found[:limit]],
            more=more,
            add=name_to_add(query, found[0]) if more else "",
        )

    def _chosen(self, attendee_id: int) -> None:
        attendee = self.store.attendee(attendee_id)
        if attendee is None:
            return
        self._find_me_id = attendee_id
        initial = f" {attendee.last_name.strip()[:1]}." if attendee.last_name.strip() else ""
        self.confirm.show_person(unbroken(attendee.first_name) + initial, attendee.organisation)
        self._switch(Screen.CONFIRM, f"chose attendee {attendee_id}")

    def _confirmed(self) -> None:
        attendee = self.store.attendee(self._find_me_id) if self._find_me_id else None
        if attendee is None:
            self._switch(Screen.WELCOME, "confirmed attendee vanished")
            return
        result = self._scan(attendee.code)
        if result is not None:
            self.queue.append(result)
            self._advance()

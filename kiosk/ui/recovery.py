"""The kiosk's screen when its event file is damaged: check-in paused, and
the newest good backup offered to staff behind the PIN.

The PIN is checked against the hash stored in that backup (the damaged file
may not be readable). The restore goes through `kiosk restore`'s own code, so
the damaged file is kept as a dated copy; then the kiosk starts as usual.
With no good backup, the screen watches the file: once staff restore one
from a terminal, check-in starts by itself.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
import sqlite3
import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.operations import DamagedFile, damaged_event_file, restore_newest_backup
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.faults import StoreError
from kiosk.ui import diagnostics
from kiosk.ui.i18n import Languages
from kiosk.ui.pin import PinGate, hash_pin
from kiosk.ui.pin_guard import PinGuard
from kiosk.ui.screen_manager import ScreenManager
from kiosk.ui.theme import ThemeName, theme_for
from kiosk.ui.views.pin import PinView, SetPinView
from kiosk.ui.views.recovery import RecoveryView, backup_time_text
from kiosk.ui.window import KioskWindow

log = logging.getLogger("kiosk.ui")

# How often the screen looks whether the file was restored from a terminal.
WATCH_MS = 5000


class RecoveryScreen(enum.StrEnum):
    NOTICE = "recovery"
    PIN = "recovery_pin"
    SET_PIN = "recovery_set_pin"


class RecoveryController(QObject):
    recovered = Signal()  # the event file is good again: the kiosk may start

    def __init__(
        self, window: KioskWindow, damaged: DamagedFile, languages: Languages | None = None
    ) -> None:
        super().__init__(window)
        self.window, self.damaged = window, damaged
        self.settings = damaged.settings
        # The damaged file cannot keep the count of wrong PINs: it lives as
        # long as this screen, and the pad still locks after three.
        gate = PinGate(self.settings.get("kiosk.pin_hash"), clock=time.time)
        taken = damaged.backup_time()
        self.notice = RecoveryView(backup_time_text(taken, dt.date.today()) if taken else None)
        self.pin = PinView()
        self.set_pin = SetPinView()
        self.screens = ScreenManager(
            window.stack,
            {
                RecoveryScreen.NOTICE: self.notice,
                RecoveryScreen.PIN: self.pin,
                RecoveryScreen.SET_PIN: self.set_pin,
            },
            self,
        )
        self.screens.entered.connect(self._note_activity)
        self.guard = PinGuard(self.pin, gate, self)
        self.guard.accepted.connect(lambda: self._restore(None))
        self.notice.restore_requested.connect(self.staff_requested)
        window.corner_long_press.connect(self.staff_requested)
        self.pin.cancelled.connect(lambda: self._switch(RecoveryScreen.NOTICE, "PIN cancelled"))
        self.set_pin.cancelled.connect(
            lambda: self._switch(RecoveryScreen.NOTICE, "set PIN cancelled")
        )
        self.set_pin.chosen.connect(lambda pin: self._restore(hash_pin(pin)))
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(lambda: self._switch(RecoveryScreen.NOTICE, "idle"))
        window.activity.connect(self._note_activity)
        self._seen = self._file_state()
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self._watch)
        self.watch.start()
        self.languages = languages
        # The backup's language and theme: the ones this station was set to.
        self.set_appearance(
            self.settings.get("kiosk.language"),
            self.settings.get("kiosk.theme") == ThemeName.HIGH_CONTRAST,
            self.settings.get("kiosk.large_text"),
        )
        self._switch(RecoveryScreen.NOTICE, "event file damaged")

    @property
    def current(self) -> RecoveryScreen:
        screen = self.screens.current
        assert isinstance(screen, RecoveryScreen)
        return screen

    def set_appearance(self, language: str, high_contrast: bool, large_text: bool) -> None:
        if self.languages is not None:
            self.languages.set_language(language)
        name = ThemeName.HIGH_CONTRAST if high_contrast else ThemeName.STANDARD
        self.window.set_appearance(
            theme_for(name, self.settings.get("event.primary_color")), large_text
        )

    def _switch(self, screen: RecoveryScreen, reason: str) -> None:
        self.screens.enter(screen, reason)

    def _note_activity(self, *_entered: object) -> None:
        if self.current is RecoveryScreen.NOTICE:
            self.idle.stop()
        else:
            self.idle.start(self.settings.get("kiosk.idle_seconds") * 1000)

    def reset(self) -> None:
        """After an unexpected error: back to the notice."""
        self._switch(RecoveryScreen.NOTICE, "error")

    def staff_requested(self) -> None:
        if self.current is not RecoveryScreen.NOTICE or self.damaged.backup is None:
            return
        if self.guard.gate.has_pin:
            self._switch(RecoveryScreen.PIN, "restore requested")
            self.guard.start()
        else:
            # No PIN in the backup either: staff choose one, kept in the restored file.
            self.set_pin.reset()
            self._switch(RecoveryScreen.SET_PIN, "restore requested, no staff PIN set")

    def _restore(self, new_pin_hash: str | None) -> None:
        assert self.damaged.backup is not None
        try:
            copy = restore_newest_backup(self.damaged)
        except StoreError as error:
            log.warning("the backup was not restored: %s", error)
            self.notice.show_failed(str(error))
            self._switch(RecoveryScreen.NOTICE, "restore failed")
            return
        kept = copy.name if copy is not None else "none"
        log.info("restored %s over the damaged file; its copy: %s", self.damaged.backup.name, kept)
        if new_pin_hash is not None:
            self._keep_pin(new_pin_hash)
        self._finish("backup restored")

    def _keep_pin(self, stored: str) -> None:
        try:
            store = Store.open(self.damaged.path)
            try:
                Settings(store).set("kiosk.pin_hash", stored)
            finally:
                store.close()
        except (StoreError, sqlite3.Error) as error:
            # The kiosk then asks for a PIN to be set again; nothing else is lost.
            log.warning("staff PIN not saved in the restored file: %s", type(error).__name__)

    def _file_state(self) -> tuple[int, int, int] | None:
        try:
            info = os.stat(self.damaged.path)
        except OSError:
            return None
        return info.st_ino, info.st_size, info.st_mtime_ns

    def _watch(self) -> None:
        """Staff may restore from a terminal: once the file is good, start."""
        state = self._file_state()
        if state == self._seen:
            return
        self._seen = state
        try:
            still = damaged_event_file(self.damaged.path)
        except StoreError as error:  # missing or locked for a moment: look again later
            log.info("event file not ready yet: %s", type(error).__name__)
            return
        if still is None:
            self._finish("event file good again")

    def _finish(self, reason: str) -> None:
        self.watch.stop()
        self.idle.stop()
        self.pin.on_leave()  # nothing counts down behind the kiosk that starts now
        log.info("leaving the recovery screen (%s)", reason)
        self.recovered.emit()


def recover(
    damaged: DamagedFile, languages: Languages | None, *, windowed: bool, smoke: bool
) -> bool:
    """Show the recovery screen until the event file is good again (True), or
    the window is closed (False). With `smoke`, paint it once and return False."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    backup = damaged.backup.name if damaged.backup is not None else "none"
    log.warning("event file damaged: recovery screen shown (newest good backup: %s)", backup)
    window = KioskWindow(locked=not (windowed or smoke))
    controller = RecoveryController(window, damaged, languages)
    diagnostics.install_excepthook(controller.reset)
    good: list[bool] = []

    def recovered() -> None:
        good.append(True)
        app.quit()

    controller.recovered.connect(recovered)
    if smoke:
        window.painted.connect(lambda: QTimer.singleShot(0, app.quit))
    window.present(full_screen=not (windowed or smoke))
    app.exec()
    window.allow_close = True
    window.close()
    window.deleteLater()
    return bool(good)

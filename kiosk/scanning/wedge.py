"""Keyboard-wedge scanners: tell a scanner's burst of keys from a person typing.

A scanner types a whole code in a few milliseconds per key and usually ends
with Enter or Tab; a person needs 80 ms or more per key. The filter holds
printable keys back while a burst may still be a scan; if it turns out to be
a person, the held keys are delivered to their widget in order, so typing in
a text box still works (about `max_gap_ms` later).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.domain.codes import clean_scan

log = logging.getLogger("kiosk.scan")

_TERMINATORS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab}
# Scanners press Shift for every capital letter: modifier keys on their own
# neither end a burst nor count as typing.
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
}


@dataclass(frozen=True, slots=True)
class WedgeThresholds:
    max_gap_ms: int = 35
    min_length: int = 4
    pause_ms: int = 120


@dataclass
class _Held:
    receiver: QObject
    event: QKeyEvent
    at_ms: float


class KeyboardWedgeFilter(QObject):
    """Application-wide event filter that emits `scanned(code)` for scanner bursts."""

    scanned = Signal(str)

    def __init__(
        self,
        thresholds: WedgeThresholds | None = None,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.thresholds = thresholds or WedgeThresholds()
        self._clock = clock or (lambda: time.monotonic() * 1000.0)
        self._held: list[_Held] = []
        self._replaying = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._on_pause)
        self.enabled = True

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        now = self._clock()
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        if key in _TERMINATORS:
            return self._on_terminator(now)
        text = event.text()
        if (
            not text
            or not text.isprintable()
            or event.isAutoRepeat()  # a held-down key repeats at scanner speed
            or event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self._release()
            return False
        if self._held and now - self._held[-1].at_ms > self.thresholds.max_gap_ms:
            # Too slow for a scanner: whatever was held was a person typing.
            self._release()
        copy = QKeyEvent(
            event.type(), key, event.modifiers(), text, event.isAutoRepeat(), event.count()
        )
        self._held.append(_Held(watched, copy, now))
        self._pause.start(max(self.thresholds.pause_ms, self.thresholds.max_gap_ms + 1))
        return True

    def _on_terminator(self, now: float) -> bool:
        if not self._held:
            return False
        gap_ok = now - self._held[-1].at_ms <= max(
            self.thresholds.max_gap_ms, self.thresholds.pause_ms
        )
        if len(self._held) >= self.thresholds.min_length and gap_ok:
            self._emit()
            return True  # the scanner's Enter is not for the widget
        self._release()
        return False

    def _on_pause(self) -> None:
        # A scanner with no terminator: a fast burst followed by silence.
        if len(self._held) >= self.thresholds.min_length:
            self._emit()
        else:
            self._release()

    def _emit(self) -> None:
        raw = "".join(held.event.text() for held in self._held)
        self._held.clear()
        self._pause.stop()
        code = clean_scan(raw)
        log.info("wedge scan of %d characters", len(raw))
        self.scanned.emit(code if code is not None else raw)

    def _release(self) -> None:
        """Deliver held keys to their widgets: they were typed by a person."""
        self._pause.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for item in held:
                QApplication.sendEvent(item.receiver, item.event)
        finally:
            self._replaying = False

"""Keyboard-wedge scanners: tell a scanner's burst of keys from a person typing.

A scanner types a whole code as a burst of key presses, usually ended by Enter
(or Tab). A good USB scanner leaves a few milliseconds between keys; cheap and
Bluetooth ones 30 to 80 ms, with jitter. The filter holds printable keys back
while a burst may still be a scan and decides when it ends:

* Ended by Enter: a scan whatever its pace, with one exception below. Enter
  is what a scanner sends to say "that was the whole code".
* Ended by silence (no Enter): a scan when it kept a scanner's pace. If the
  scanner in use is known to send Enter, a burst without one lost its end:
  `misread` is emitted ("Couldn't read that, please scan again") instead of a
  shortened code being looked up as an unknown one. The same goes for two or
  three keys and Enter where nobody can type.
* The scanner's pace and whether it sends Enter are learned from the scans it
  typed (`kiosk.scanning.pace`), so a slow scanner without Enter works too
  once it has been seen.

Why this cannot hurt a person typing (the reasoning, since people and
scanners share the keyboard):

* The on-screen keyboards (find-me, the staff search) and the PIN pad insert
  text directly; they never make key events, so the filter never sees them.
* Where the focus cannot take text (welcome, result, confirm, PIN pad), held
  keys had nowhere to go anyway: anything ending with Enter is a scan, so a
  code typed by hand on a physical keyboard is checked in too, and keys
  without Enter are dropped as before.
* In a text field (find-me's box, the staff search) a person may be typing.
  There a burst counts as a scan only at a scanner's pace: every gap within
  ENTER_TRUST_GAP_MS when it ends with Enter, within the configured gap (or
  the learned pace of a scanner that sends no Enter) when it does not. People
  type names at 120 ms a key and slower; at that pace each key is handed on as
  soon as the next arrives, so typing shows at once and nothing is lost. The
  worst case, a very fast typist's four keys and Enter all under 100 ms, is
  looked up like a scan: on find-me the result screen offers "Find me by
  name" straight back, on the staff screen it is a look-up. Held keys that
  turn out to be typing reach their widget in order, a pause later.
* Auto-repeat (a held-down key) and Ctrl/Alt shortcuts are never a scan.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.codes import clean_scan
from kiosk.scanning.pace import SLOWEST_SCANNER_GAP_MS, ScannerPace

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
# In a text field, the slowest pace of a burst ended by Enter that is still a
# scan: slow scanners type at up to 80 ms a key; people type names slower.
ENTER_TRUST_GAP_MS = 100.0
# Fewest keys that, with a scanner's pace but no whole code, make a misread.
MIN_MISREAD = 2


@dataclass(frozen=True, slots=True)
class WedgeThresholds:
    max_gap_ms: int = 35  # a burst this fast is a scanner's, Enter or not
    min_length: int = 4
    pause_ms: int = 120  # silence that ends a burst with no Enter
    # Where nobody can be typing, how long a burst waits for its Enter before
    # it is taken as complete (a scanner without Enter) or cut short.
    enter_wait_ms: int = 800


@dataclass
class _Held:
    receiver: QObject
    event: QKeyEvent
    at_ms: float


def _takes_text(watched: QObject) -> bool:
    """Whether keys sent to `watched` would be typed into a text field."""
    widget = watched if isinstance(watched, QWidget) else QApplication.focusWidget()
    return widget is not None and widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


class KeyboardWedgeFilter(QObject):
    """Application-wide event filter that emits `scanned(code)` for scanner
    bursts and `misread()` for bursts that lost their end."""

    scanned = Signal(str)
    misread = Signal()

    def __init__(
        self,
        thresholds: WedgeThresholds | None = None,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.thresholds = thresholds or WedgeThresholds()
        self.clock = clock or (lambda: time.monotonic() * 1000.0)
        self.pace = ScannerPace()
        self._held: list[_Held] = []
        self._in_text = False  # where the held burst was going
        self._replaying = False
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.timeout.connect(self._end_by_silence)
        self.enabled = True

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    # -- how slow a scanner may be ------------------------------------------

    def _scanner_gap(self) -> float:
        return max(float(self.thresholds.max_gap_ms), self.pace.ceiling_ms() or 0.0)

    def _pause(self) -> float:
        return max(float(self.thresholds.pause_ms), 2 * (self.pace.ceiling_ms() or 0.0))

    def _continues_within(self) -> float:
        """The longest gap that still continues the held burst."""
        if self._in_text:
            return max(self._scanner_gap(), ENTER_TRUST_GAP_MS)
        if self.pace.sends_enter() is False:
            return self._pause()
        return max(self._pause(), float(self.thresholds.enter_wait_ms))

    # -- keys -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        now = self.clock()
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        if self._held and now - self._held[-1].at_ms > self._continues_within():
            # Too long since the last key: that burst is over (the timer's job,
            # when events outrun it). Typed keys are handed on one key late.
            self._end_by_silence()
        if key in _TERMINATORS:
            return self._end_by_terminator(now)
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
        if not self._held:
            self._in_text = _takes_text(watched)
        copy = QKeyEvent(
            event.type(), key, event.modifiers(), text, event.isAutoRepeat(), event.count()
        )
        self._held.append(_Held(watched, copy, now))
        self._silence.start(int(self._continues_within()) + 1)
        return True

    def _gaps(self, end_ms: float | None = None) -> list[float]:
        times = [held.at_ms for held in self._held]
        if end_ms is not None:
            times.append(end_ms)
        return [later - earlier for earlier, later in pairwise(times)]

    def _end_by_terminator(self, now: float) -> bool:
        if not self._held:
            return False
        gaps = self._gaps(now)
        count = len(self._held)
        if self._in_text:
            if count >= self.thresholds.min_length and max(gaps) <= max(
                self._scanner_gap(), ENTER_TRUST_GAP_MS
            ):
                self._emit(gaps, ended_with_enter=True)
                return True  # the scanner's Enter is not for the widget
            self._release()
            return False
        if count >= self.thresholds.min_length:
            self._emit(gaps, ended_with_enter=True)
            return True
        if count >= MIN_MISREAD:
            self._misread("too short")
            return True
        self._release()
        return False

    def _end_by_silence(self) -> None:
        if not self._held:
            return
        gaps = self._gaps()
        slowest = max(gaps, default=0.0)
        count = len(self._held)
        sends_enter = self.pace.sends_enter()
        whole = count >= self.thresholds.min_length
        if self._in_text:
            # Faster than anybody types: a scanner's, whole or cut short.
            if whole and slowest <= self.thresholds.max_gap_ms:
                if sends_enter:
                    self._misread("no Enter")
                else:
                    self._emit(gaps, ended_with_enter=False)
            elif whole and sends_enter is False and slowest <= self._scanner_gap():
                self._emit(gaps, ended_with_enter=False)  # the learned slow scanner
            else:
                self._release()
            return
        if slowest <= SLOWEST_SCANNER_GAP_MS and sends_enter and count >= MIN_MISREAD:
            self._misread("no Enter")
        elif whole and slowest <= SLOWEST_SCANNER_GAP_MS:
            self._emit(gaps, ended_with_enter=False)
        else:
            self._release()

    # -- outcomes -------------------------------------------------------------

    def _emit(self, gaps: list[float], *, ended_with_enter: bool) -> None:
        raw = "".join(held.event.text() for held in self._held)
        self._held.clear()
        self._silence.stop()
        self.pace.record(gaps, ended_with_enter)
        code = clean_scan(raw)
        log.info(
            "wedge scan of %d characters, slowest gap %.0f ms",
            len(raw),
            max(gaps, default=0.0),
        )
        self.scanned.emit(code if code is not None else raw)

    def _misread(self, why: str) -> None:
        log.info("wedge burst of %d characters cut short (%s)", len(self._held), why)
        self._held.clear()
        self._silence.stop()
        self.misread.emit()

    def _release(self) -> None:
        """Deliver held keys to their widgets: they were typed by a person."""
        self._silence.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for item in held:
                QApplication.sendEvent(item.receiver, item.event)
        finally:
            self._replaying = False

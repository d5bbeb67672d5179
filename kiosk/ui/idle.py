"""The idle timer: a public screen left untouched goes back to welcome.

How long a screen may wait is the flow's rule (`wait_ms`, asked on every
screen change and every touch); the timer itself only counts. Find-me reads
it (never drives it) to count down its last seconds on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class IdleTimer(QTimer):
    def __init__(self, wait_ms: Callable[[], int | None], parent: QObject | None = None) -> None:
        """`wait_ms`: how long the screen now shown may stay untouched (None: for ever)."""
        super().__init__(parent)
        self.setSingleShot(True)
        self._wait_ms = wait_ms

    def follow_screen(self, *_entered: object) -> None:
        """A new screen: wait as long as it allows, or not at all."""
        wait = self._wait_ms()
        if wait:
            self.start(wait)
        else:
            self.stop()

    def touched(self) -> None:
        """Someone used the kiosk: the wait starts again."""
        wait = self._wait_ms()
        if wait:
            self.start(wait)

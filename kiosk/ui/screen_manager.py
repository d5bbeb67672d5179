"""The screen manager: which screen is shown, and why it changed.

In the way of qutebrowser's mode manager, it knows the current screen and
nothing of what a screen does. Entering a screen leaves the one before with
the same reason: the view left stops what it runs (`ScreenView.on_leave`, its
timers), the view entered starts what it needs (`on_enter`), and `left` and
`entered` carry the screens themselves (enum members, never their text) to
whoever else cares. Entering the screen already shown leaves and enters it
again: the next result in the queue gets a fresh countdown.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from kiosk.ui.views.base import ScreenView

log = logging.getLogger("kiosk.ui")

# Transitions kept for looking back (tests, a bug report's context); a kiosk
# runs for days, so older ones are dropped.
HISTORY_KEPT = 200


class ScreenManager(QObject):
    entered = Signal(object, str)  # the screen entered (an enum member), the reason
    left = Signal(object, str)  # the screen left, the reason

    def __init__(
        self,
        stack: QStackedWidget,
        views: Mapping[enum.Enum, ScreenView],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stack = stack
        self.views = dict(views)
        for view in self.views.values():
            stack.addWidget(view)
        self._current: enum.Enum | None = None
        self.history: list[tuple[enum.Enum, str]] = []

    @property
    def current(self) -> enum.Enum | None:
        """The screen shown (None before the first is entered)."""
        return self._current

    def enter(self, screen: enum.Enum, reason: str) -> None:
        """Show `screen` for `reason`, leaving the current one first."""
        previous = self._current
        log.info(
            "screen %s -> %s (%s)",
            previous.value if previous is not None else "(none)",
            screen.value,
            reason,
        )
        self.history.append((screen, reason))
        del self.history[:-HISTORY_KEPT]
        if previous is not None:
            self.views[previous].on_leave()
            self.left.emit(previous, reason)
        self._current = screen
        view = self.views[screen]
        self.stack.setCurrentWidget(view)
        view.on_enter()
        self.entered.emit(screen, reason)

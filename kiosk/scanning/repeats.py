"""The camera sees the same code many times a second: report it once."""

from __future__ import annotations

import time
from collections.abc import Callable


class RepeatFilter:
    """Passes a code unless the same code passed less than `seconds` ago."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._last: dict[str, float] = {}

    def accept(self, code: str) -> bool:
        now = self._clock()
        # Forget old codes so the table stays small over a long day.
        self._last = {c: t for c, t in self._last.items() if now - t < self.seconds}
        if code in self._last:
            self._last[code] = now  # still in view: keep ignoring it
            return False
        self._last[code] = now
        return True

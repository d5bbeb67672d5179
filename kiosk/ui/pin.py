"""The staff PIN: stored as a slow scrypt hash; wrong guesses lock the pad."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.domain.pins import (
    MAX_PIN_LENGTH,
    MIN_PIN_LENGTH,
    hash_pin,
    is_valid_pin,
    lockout_seconds,
    verify_pin,
)

__all__ = [
    "MAX_PIN_LENGTH",
    "MIN_PIN_LENGTH",
    "PinGate",
    "hash_pin",
    "is_valid_pin",
    "lockout_seconds",
    "verify_pin",
]


@dataclass
class PinGate:
    """Counts wrong PINs and refuses attempts while locked."""

    stored_hash: str
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    locked_until: float = field(default=0.0)
    # Called with (failures, locked_until) after each attempt, so the count
    # survives a restart (the kiosk keeps it per station in the event file).
    on_change: Callable[[int, float], None] | None = None

    @property
    def has_pin(self) -> bool:
        return bool(self.stored_hash)

    def seconds_left(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> bool:
        """True for the right PIN. Wrong ones, or any try while locked, count against."""
        if self.seconds_left() > 0:
            return False
        if self.has_pin and verify_pin(pin, self.stored_hash):
            self.failures = 0
            self._changed()
            return True
        self.failures += 1
        wait = lockout_seconds(self.failures)
        if wait:
            self.locked_until = self.clock() + wait
        self._changed()
        return False

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self.failures, self.locked_until)

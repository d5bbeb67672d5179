"""Who is working: a volunteer signs in with their name and PIN.

Wrong tries count against the station like wrong staff PINs do (the same
`pin_lockouts` row and the same steps), whatever name was typed, so guessing
names and PINs at one station is as slow as guessing the single PIN.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable

from kiosk.domain.pins import hash_pin, lockout_seconds, verify_pin
from kiosk.store import Store
from kiosk.store.faults import StoreError
from kiosk.store.operators import Operator, operator_named

log = logging.getLogger("kiosk.staff")

# Checked when no account has the name typed, so an unknown name takes as
# long to refuse as a wrong PIN and the time does not tell names apart.
_NOBODY = hash_pin("0000")


class SignIn:
    def __init__(self, store: Store, station: str, clock: Callable[[], float] = time.time):
        self.store, self.station, self.clock = store, station, clock
        self.failures, self.locked_until = store.pin_lockout(station)

    def seconds_left(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, name: str, pin: str) -> Operator | None:
        """The operator when `name` and `pin` match an account in use; None
        for anything else, and for every try while the station is locked."""
        if self.seconds_left() > 0:
            return None
        operator = operator_named(self.store, name)
        right = verify_pin(pin, operator.pin_hash if operator else _NOBODY)
        if operator is not None and right:
            self.failures = 0
            self._save()
            log.info("operator %s signed in (%s)", operator.id, operator.role.value)
            return operator
        self.failures += 1
        wait = lockout_seconds(self.failures)
        if wait:
            self.locked_until = self.clock() + wait
        log.warning("sign-in refused (%d in a row)", self.failures)
        self._save()
        return None

    def _save(self) -> None:
        try:
            self.store.save_pin_lockout(self.station, self.failures, self.locked_until)
        except (StoreError, sqlite3.Error) as error:
            log.warning("sign-in lock-out not saved: %s", type(error).__name__)

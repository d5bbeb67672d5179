"""The kiosk's screens, which of them idle back to welcome or refuse scans,
and the shape of the one call that changes them."""

from __future__ import annotations

import enum
from typing import Protocol


class Screen(enum.StrEnum):
    WELCOME = "welcome"
    RESULT = "result"
    FIND_ME = "find_me"
    CONFIRM = "confirm"
    PIN = "pin"
    SET_PIN = "set_pin"
    STAFF = "staff"
    UNAVAILABLE = "unavailable"
    BADGE_PREVIEW = "badge_preview"
    FIX_BADGE = "fix_badge"


# (The badge preview counts down by itself: left alone, the badge prints.)
PUBLIC_IDLE = {Screen.FIND_ME, Screen.CONFIRM, Screen.PIN, Screen.SET_PIN, Screen.FIX_BADGE}
# Screens where a scan is not an admission (a PIN pad gives way to a scan).
NO_SCANS = {Screen.STAFF, Screen.UNAVAILABLE}


class Switch(Protocol):
    """The flow's one way to change screens (`FlowController.switch`).

    `same_person`: back to welcome for the person already there, whose
    display choices stay until the kiosk idles.
    """

    def __call__(self, screen: Screen, reason: str, *, same_person: bool = False) -> None: ...

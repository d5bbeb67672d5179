"""The kiosk's screens, and which of them idle back to welcome or refuse scans."""

from __future__ import annotations

import enum


class Screen(enum.StrEnum):
    WELCOME = "welcome"
    RESULT = "result"
    FIND_ME = "find_me"
    CONFIRM = "confirm"
    PIN = "pin"
    SET_PIN = "set_pin"
    STAFF = "staff"
    UNAVAILABLE = "unavailable"


PUBLIC_IDLE = {Screen.FIND_ME, Screen.CONFIRM, Screen.PIN, Screen.SET_PIN}
# Screens where a scan is not an admission (a PIN pad gives way to a scan).
NO_SCANS = {Screen.STAFF, Screen.UNAVAILABLE}

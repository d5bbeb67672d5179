"""The kiosk's settings: declared once, in `kiosk.settings` (shared with `kiosk config`).

Kept as the kiosk's import point so the screens need not know where the list lives.
"""

from __future__ import annotations

from kiosk.settings import SETTINGS, SPECS, SettingSpec, SettingsStore
from kiosk.settings import Settings as KioskSettings

__all__ = ["SETTINGS", "SPECS", "KioskSettings", "SettingSpec", "SettingsStore"]

"""The kiosk's settings: declared once here, stored in the event file.

Only values that differ from the default are saved (`store.set_setting`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


class SettingsStore(Protocol):
    def setting(self, key: str, default: str | None = None) -> str | None: ...

    def set_setting(self, key: str, value: str | None) -> None: ...


@dataclass(frozen=True, slots=True)
class SettingSpec:
    name: str
    type: type
    default: Any
    description: str


# (name, type, default, description): the only place a default is written.
SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("kiosk.station_name", str, "kiosk", "Name of this station in the check-in log."),
    SettingSpec("kiosk.result_seconds", int, 6, "Seconds a result stays before welcome returns."),
    SettingSpec("kiosk.result_min_seconds", int, 2, "Least time a result shows before the next."),
    SettingSpec("kiosk.idle_seconds", int, 45, "Idle seconds before find-me or PIN go back."),
    SettingSpec("kiosk.findme_enabled", bool, True, "Show the find-me-by-name button."),
    SettingSpec("kiosk.findme_limit", int, 6, "Most names find-me shows at once."),
    SettingSpec("kiosk.pin_hash", str, "", "scrypt hash of the staff PIN (empty: no PIN set)."),
    SettingSpec("kiosk.scanner_max_gap_ms", int, 35, "Longest gap between keys of a scan."),
    SettingSpec("kiosk.scanner_min_length", int, 4, "Fewest characters that make a scan."),
    SettingSpec("kiosk.scanner_pause_ms", int, 120, "Silence that ends a scan with no Enter."),
    SettingSpec("kiosk.camera_enabled", bool, True, "Scan with the built-in camera if present."),
    SettingSpec("kiosk.camera_repeat_seconds", int, 4, "Ignore the same camera code this long."),
    SettingSpec("kiosk.language", str, "en", "Default language (en or fr)."),
    SettingSpec("kiosk.theme", str, "standard", "Default theme: standard or high_contrast."),
    SettingSpec("kiosk.large_text", bool, False, "Start with large text."),
    SettingSpec("kiosk.sounds", bool, False, "Play a sound for success and for the help desk."),
    SettingSpec("kiosk.help_desk", str, "", "Where the help desk is, e.g. 'by the entrance'."),
    SettingSpec("event.logo", str, "", "Path of the event logo image (PNG or SVG)."),
    SettingSpec("event.primary_color", str, "#1f5fa8", "Event colour for buttons and headings."),
)
SPECS = {spec.name: spec for spec in SETTINGS}


def _parse(spec: SettingSpec, text: str) -> Any:
    if spec.type is bool:
        return text.strip().lower() in ("1", "true", "yes", "on")
    return spec.type(text)


class KioskSettings:
    """Typed access to the declared settings over a store."""

    def __init__(self, store: SettingsStore) -> None:
        self._store = store

    def get(self, name: str) -> Any:
        spec = SPECS[name]
        text = self._store.setting(name)
        if text is None:
            return spec.default
        try:
            return _parse(spec, text)
        except ValueError:
            # A bad value typed into the file must not stop the kiosk.
            return spec.default

    def set(self, name: str, value: Any) -> None:
        spec = SPECS[name]
        if not isinstance(value, spec.type):
            raise TypeError(f"{name} takes {spec.type.__name__}, not {type(value).__name__}")
        if value == spec.default:
            self._store.set_setting(name, None)
        elif spec.type is bool:
            self._store.set_setting(name, "true" if value else "false")
        else:
            self._store.set_setting(name, str(value))

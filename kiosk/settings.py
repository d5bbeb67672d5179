"""Every setting of a station, declared once: name, type, default, description.

The settings screen, `kiosk config` and docs/settings.md are generated from
this list. Values live in the event file's `settings` table, and only values
that differ from the default are stored.
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


# The only place a default is written.
SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("kiosk.station_name", str, "kiosk", "Name of this station in the check-in log."),
    SettingSpec("kiosk.result_seconds", int, 6, "Seconds a result stays before welcome returns."),
    SettingSpec("kiosk.result_min_seconds", int, 2, "Least time a result shows before the next."),
    SettingSpec("kiosk.idle_seconds", int, 45, "Idle seconds before find-me or PIN go back."),
    SettingSpec("kiosk.findme_enabled", bool, True, "Show the find-me-by-name button."),
    SettingSpec("kiosk.findme_limit", int, 6, "Most names find-me shows at once."),
    SettingSpec("kiosk.pin_hash", str, "", "scrypt hash of the staff PIN (empty: no PIN set)."),
    SettingSpec(
        "kiosk.staff_timeout_seconds",
        int,
        120,
        "Idle seconds before the staff screen locks again (back to welcome, PIN needed).",
    ),
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
    SettingSpec(
        "printer", str, "none", "This station's printer: cups:QUEUE, qt:NAME, folder:PATH or none."
    ),
    SettingSpec("badge.template", str, "", "Badge template (empty: the default 4x3in)."),
    SettingSpec("backup.folder", str, "", "Folder for automatic backups (e.g. a USB stick)."),
    SettingSpec("backup.interval_minutes", int, 5, "Minutes between automatic backups."),
    SettingSpec("backup.keep", int, 12, "How many automatic backups to keep."),
    SettingSpec("organiser_name", str, "", "Who signs the certificates of attendance."),
    SettingSpec(
        "sync.server", str, "", "The hub's libpq connection string (kept on this station only)."
    ),
    SettingSpec("signature_image", str, "", "Signature image for the certificates."),
)
SPECS = {spec.name: spec for spec in SETTINGS}
# Shown as "(set)" or as dots: a PIN hash, and a connection string that may hold a password.
SECRET_SETTINGS = frozenset({"kiosk.pin_hash", "sync.server"})
# Not on the settings screen at all: the PIN is set through its own dialog.
HIDDEN_SETTINGS = frozenset({"kiosk.pin_hash"})
PASSWORD_SETTINGS = SECRET_SETTINGS - HIDDEN_SETTINGS


class SettingError(ValueError):
    """A setting name or value that cannot be used, in one sentence."""


def parse(spec: SettingSpec, text: str) -> Any:
    if spec.type is bool:
        lowered = text.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise SettingError(f"{spec.name} takes yes or no, not {text!r}.")
    try:
        return spec.type(text)
    except ValueError:
        raise SettingError(f"{spec.name} takes a {spec.type.__name__}, not {text!r}.") from None


def spec_for(name: str) -> SettingSpec:
    try:
        return SPECS[name]
    except KeyError:
        raise SettingError(
            f"There is no setting called {name!r}; see 'kiosk config list'."
        ) from None


class Settings:
    """Typed access to the declared settings over a store."""

    def __init__(self, store: SettingsStore) -> None:
        self._store = store

    def get(self, name: str) -> Any:
        spec = spec_for(name)
        text = self._store.setting(name)
        if text is None:
            return spec.default
        try:
            return parse(spec, text)
        except SettingError:
            # A bad value typed into the file must not stop a station.
            return spec.default

    def set(self, name: str, value: Any) -> None:
        spec = spec_for(name)
        if isinstance(value, str) and spec.type is not str:
            value = parse(spec, value)
        if not isinstance(value, spec.type):
            raise SettingError(f"{name} takes a {spec.type.__name__}.")
        if value == spec.default:
            self._store.set_setting(name, None)  # only differences are stored
        elif spec.type is bool:
            self._store.set_setting(name, "true" if value else "false")
        else:
            self._store.set_setting(name, str(value))

    def is_default(self, name: str) -> bool:
        return self._store.setting(name) is None


def settings_markdown() -> str:
    lines = [
        "# Settings",
        "",
        "Generated from `kiosk/settings.py` (`kiosk config list --markdown`).",
        "Set one with `kiosk config set NAME VALUE --db PATH`.",
        "",
        "| name | type | default | what it does |",
        "|---|---|---|---|",
    ]
    for spec in SETTINGS:
        default = spec.default if spec.default != "" else "(empty)"
        lines.append(f"| `{spec.name}` | {spec.type.__name__} | `{default}` | {spec.description} |")
    return "\n".join(lines) + "\n"

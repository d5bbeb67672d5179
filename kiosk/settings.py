"""Every setting of a station, declared once: name, type, default,
description, a label for people, and what values it takes (a list of
choices, a range, or the printers found).

The settings screen, `kiosk config` and docs/settings.md are generated from
this list, and both the screen and `kiosk config set` refuse a value outside
its constraints. Values live in the event file's `settings` table (except
the hub's connection string, which can hold a password: it is kept in the
station's owner-only private file, `kiosk.store.private`), and only values
that differ from the default are stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

PRINTERS = "printers"  # SettingSpec.values_from: a printer name (kiosk printers lists them)


class SettingsStore(Protocol):
    def setting(self, key: str, default: str | None = None) -> str | None: ...

    def set_setting(self, key: str, value: str | None) -> None: ...


@dataclass(frozen=True, slots=True)
class SettingSpec:
    name: str
    type: type
    default: Any
    description: str
    label: str = ""
    choices: tuple[str, ...] = ()  # the only values a text setting takes
    minimum: int | None = None
    maximum: int | None = None
    values_from: str = ""  # PRINTERS: offered from the printers found, checked by name

    def allowed(self) -> str:
        """The values it takes, in words ("" when any value of its type does)."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum} to {self.maximum}"
        if self.values_from == PRINTERS:
            return "cups:QUEUE, qt:NAME, folder:PATH or none"
        return ""


# The only place a default is written.
SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "kiosk.station_name",
        str,
        "kiosk",
        "Name of this station in the check-in log.",
        label="Station name",
    ),
    SettingSpec(
        "kiosk.result_seconds",
        int,
        6,
        "Seconds a result stays before welcome returns.",
        label="Result shown for (seconds)",
        minimum=1,
        maximum=120,
    ),
    SettingSpec(
        "kiosk.result_min_seconds",
        int,
        2,
        "Least time a result shows before the next.",
        label="Shortest result (seconds)",
        minimum=0,
        maximum=60,
    ),
    SettingSpec(
        "kiosk.idle_seconds",
        int,
        45,
        "Idle seconds before find-me or PIN go back.",
        label="Idle time-out (seconds)",
        minimum=1,
        maximum=600,
    ),
    SettingSpec(
        "kiosk.findme_enabled",
        bool,
        True,
        "Show the find-me-by-name button.",
        label="Find me by name",
    ),
    SettingSpec(
        "kiosk.findme_limit",
        int,
        6,
        "Most names find-me shows at once.",
        label="Names shown by find-me",
        minimum=1,
        maximum=20,
    ),
    SettingSpec(
        "kiosk.pin_hash",
        str,
        "",
        "scrypt hash of the staff PIN (empty: no PIN set).",
        label="Staff PIN",
    ),
    SettingSpec(
        "kiosk.staff_timeout_seconds",
        int,
        120,
        "Idle seconds before the staff screen locks again (back to welcome, PIN needed).",
        label="Staff screen locks after (seconds)",
        minimum=1,
        maximum=3600,
    ),
    SettingSpec(
        "kiosk.scanner_max_gap_ms",
        int,
        35,
        "Longest gap between keys of a scan.",
        label="Scanner: longest gap between keys (ms)",
        minimum=1,
        maximum=1000,
    ),
    SettingSpec(
        "kiosk.scanner_min_length",
        int,
        4,
        "Fewest characters that make a scan.",
        label="Scanner: shortest code",
        minimum=1,
        maximum=64,
    ),
    SettingSpec(
        "kiosk.scanner_pause_ms",
        int,
        120,
        "Silence that ends a scan with no Enter.",
        label="Scanner: pause that ends a scan (ms)",
        minimum=10,
        maximum=5000,
    ),
    SettingSpec(
        "kiosk.camera_enabled",
        bool,
        True,
        "Scan with the built-in camera if present.",
        label="Scan with the camera",
    ),
    SettingSpec(
        "kiosk.camera_repeat_seconds",
        int,
        4,
        "Ignore the same camera code this long.",
        label="Camera: ignore a repeated code for (seconds)",
        minimum=0,
        maximum=60,
    ),
    SettingSpec(
        "kiosk.language",
        str,
        "en",
        "Default language (en or fr).",
        label="Language",
        choices=("en", "fr"),
    ),
    SettingSpec(
        "kiosk.theme",
        str,
        "standard",
        "Default theme: standard or high_contrast.",
        label="Theme",
        choices=("standard", "high_contrast"),
    ),
    SettingSpec("kiosk.large_text", bool, False, "Start with large text.", label="Large text"),
    SettingSpec(
        "kiosk.sounds",
        bool,
        False,
        "Play a sound for success and for the help desk.",
        label="Sounds",
    ),
    SettingSpec(
        "kiosk.help_desk",
        str,
        "",
        "Where the help desk is, e.g. 'by the entrance'.",
        label="Where the help desk is",
    ),
    SettingSpec(
        "event.logo", str, "", "Path of the event logo image (PNG or SVG).", label="Event logo"
    ),
    SettingSpec(
        "event.primary_color",
        str,
        "#1f5fa8",
        "Event colour for buttons and headings.",
        label="Event colour",
    ),
    SettingSpec(
        "printer",
        str,
        "none",
        "This station's printer: cups:QUEUE, qt:NAME, folder:PATH or none.",
        label="Printer",
        values_from=PRINTERS,
    ),
    SettingSpec(
        "badge.template",
        str,
        "",
        "Badge template (empty: the default 4x3in).",
        label="Badge template",
    ),
    SettingSpec(
        "backup.folder",
        str,
        "",
        "Folder for automatic backups (e.g. a USB stick).",
        label="Backup folder",
    ),
    SettingSpec(
        "backup.interval_minutes",
        int,
        5,
        "Minutes between automatic backups.",
        label="Backup every (minutes)",
        minimum=1,
        maximum=1440,
    ),
    SettingSpec(
        "backup.keep",
        int,
        12,
        "How many automatic backups to keep.",
        label="Backups kept",
        minimum=1,
        maximum=1000,
    ),
    SettingSpec(
        "organiser_name",
        str,
        "",
        "Who signs the certificates of attendance.",
        label="Organiser's name",
    ),
    SettingSpec(
        "sync.server",
        str,
        "",
        "The hub's libpq connection string (kept on this station only).",
        label="Hub server",
    ),
    SettingSpec(
        "signature_image",
        str,
        "",
        "Signature image for the certificates.",
        label="Signature image",
    ),
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


def check(spec: SettingSpec, value: Any) -> None:
    """Raise SettingError unless `value` (already of the spec's type) is allowed."""
    if spec.choices and value not in spec.choices:
        raise SettingError(
            f"{spec.name} takes {', '.join(spec.choices[:-1])} or {spec.choices[-1]}, "
            f"not {value!r}."
        )
    if spec.type is int:
        low, high = spec.minimum, spec.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            raise SettingError(f"{spec.name} takes {spec.allowed()}, not {value}.")
    if spec.values_from == PRINTERS:
        # Imported here: the printing package needs the store, not the other way round.
        from kiosk.printing.backends import UnknownPrinter, open_backend

        try:
            open_backend(value)
        except UnknownPrinter as error:
            raise SettingError(str(error)) from None


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
            value = parse(spec, text)
            if spec.values_from != PRINTERS:  # a printer name is checked when it is used
                check(spec, value)
            return value
        except SettingError:
            # A bad value typed into the file must not stop a station.
            return spec.default

    def set(self, name: str, value: Any) -> None:
        spec = spec_for(name)
        if isinstance(value, str) and spec.type is not str:
            value = parse(spec, value)
        if not isinstance(value, spec.type):
            raise SettingError(f"{name} takes a {spec.type.__name__}.")
        if value != spec.default:
            check(spec, value)
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
        "| name | label | type | default | values | what it does |",
        "|---|---|---|---|---|---|",
    ]
    for spec in SETTINGS:
        default = spec.default if spec.default != "" else "(empty)"
        lines.append(
            f"| `{spec.name}` | {spec.label} | {spec.type.__name__} | `{default}` "
            f"| {spec.allowed()} | {spec.description} |"
        )
    return "\n".join(lines) + "\n"

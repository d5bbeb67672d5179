"""Every setting of a station, declared once: name, type, default,
description, a label for people, and what values it takes (a list of
choices, a range, or the printers found).

The settings screen, `kiosk config` and docs/settings.md are generated from
this list, and both the screen and `kiosk config set` refuse a value outside
its constraints. Values live in the event file's `settings` table (except
the hub's connection string, which can hold a password: it is kept in the
station's owner-only private file, `kiosk.store.private`), and only values
that differ from the default are stored.

Labels and descriptions are English here and marked for Qt's translation
tools (context "Setting"); the settings screen shows them translated. A
setting the running kiosk cannot pick up says so (`needs_restart`); every
other change reaches it through `Settings.changed`.
"""

from __future__ import annotations

import logging
import math
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.domain import badge_fix

log = logging.getLogger("kiosk.settings")

PRINTERS = "printers"  # SettingSpec.values_from: a printer name (kiosk printers lists them)
MAIL_SERVER = "mail server"  # SettingSpec.values_from: an smtp:// or smtps:// address


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for Qt's translation tools (pyside6-lupdate finds this name)
    and returns it unchanged: this module stays free of Qt; the screen translates."""
    return text


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
    items: tuple[str, ...] = ()  # a text setting listing some of these, comma-separated
    minimum: int | None = None
    maximum: int | None = None
    values_from: str = ""  # PRINTERS: offered from the printers found, checked by name
    # Read once when the program starts: a change waits for the next start.
    needs_restart: bool = False

    def allowed(self) -> str:
        """The values it takes, in words ("" when any value of its type does)."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.items:
            return "any of " + ", ".join(self.items) + ", comma-separated"
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum} to {self.maximum}"
        if self.values_from == PRINTERS:
            return "cups:QUEUE, qt:NAME, folder:PATH or none"
        if self.values_from == MAIL_SERVER:
            return "smtp://[user@]host[:port], smtps://... or empty"
        return ""


# The only place a default is written.
SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "kiosk.station_name",
        str,
        "kiosk",
        QT_TRANSLATE_NOOP("Setting", "Name of this station in the check-in log."),
        label=QT_TRANSLATE_NOOP("Setting", "Station name"),
        needs_restart=True,
    ),
    SettingSpec(
        "kiosk.result_seconds",
        int,
        6,
        QT_TRANSLATE_NOOP("Setting", "Seconds a result stays before welcome returns."),
        label=QT_TRANSLATE_NOOP("Setting", "Result shown for (seconds)"),
        minimum=1,
        maximum=120,
    ),
    SettingSpec(
        "kiosk.result_min_seconds",
        int,
        2,
        QT_TRANSLATE_NOOP("Setting", "Least time a result shows before the next."),
        label=QT_TRANSLATE_NOOP("Setting", "Shortest result (seconds)"),
        minimum=0,
        maximum=60,
    ),
    SettingSpec(
        "kiosk.idle_seconds",
        int,
        45,
        QT_TRANSLATE_NOOP("Setting", "Idle seconds before find-me or PIN go back."),
        label=QT_TRANSLATE_NOOP("Setting", "Idle time-out (seconds)"),
        minimum=1,
        maximum=600,
    ),
    SettingSpec(
        "kiosk.findme_enabled",
        bool,
        True,
        QT_TRANSLATE_NOOP("Setting", "Show the find-me-by-name button."),
        label=QT_TRANSLATE_NOOP("Setting", "Find me by name"),
    ),
    SettingSpec(
        "kiosk.findme_limit",
        int,
        6,
        QT_TRANSLATE_NOOP("Setting", "Most names find-me shows at once."),
        label=QT_TRANSLATE_NOOP("Setting", "Names shown by find-me"),
        minimum=1,
        maximum=6,  # the find-me screen has six places for names
    ),
    SettingSpec(
        "kiosk.pin_hash",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "scrypt hash of the staff PIN (empty: no PIN set)."),
        label=QT_TRANSLATE_NOOP("Setting", "Staff PIN"),
    ),
    SettingSpec(
        "kiosk.staff_timeout_seconds",
        int,
        120,
        QT_TRANSLATE_NOOP(
            "Setting",
            "Idle seconds before the staff screen or the help desk locks again "
            "(the staff PIN or a volunteer's sign-in is needed).",
        ),
        label=QT_TRANSLATE_NOOP("Setting", "Staff screen locks after (seconds)"),
        minimum=1,
        maximum=3600,
    ),
    SettingSpec(
        "kiosk.scanner_max_gap_ms",
        int,
        35,
        QT_TRANSLATE_NOOP("Setting", "Longest gap between keys of a scan."),
        label=QT_TRANSLATE_NOOP("Setting", "Scanner: longest gap between keys (ms)"),
        minimum=1,
        maximum=1000,
    ),
    SettingSpec(
        "kiosk.scanner_min_length",
        int,
        4,
        QT_TRANSLATE_NOOP("Setting", "Fewest characters that make a scan."),
        label=QT_TRANSLATE_NOOP("Setting", "Scanner: shortest code"),
        minimum=1,
        maximum=64,
    ),
    SettingSpec(
        "kiosk.scanner_pause_ms",
        int,
        120,
        QT_TRANSLATE_NOOP("Setting", "Silence that ends a scan with no Enter."),
        label=QT_TRANSLATE_NOOP("Setting", "Scanner: pause that ends a scan (ms)"),
        minimum=10,
        maximum=5000,
    ),
    SettingSpec(
        "kiosk.camera_enabled",
        bool,
        True,
        QT_TRANSLATE_NOOP("Setting", "Scan with the built-in camera if present."),
        label=QT_TRANSLATE_NOOP("Setting", "Scan with the camera"),
        needs_restart=True,
    ),
    SettingSpec(
        "kiosk.camera_repeat_seconds",
        int,
        4,
        QT_TRANSLATE_NOOP("Setting", "Ignore the same camera code this long."),
        label=QT_TRANSLATE_NOOP("Setting", "Camera: ignore a repeated code for (seconds)"),
        minimum=0,
        maximum=60,
        needs_restart=True,
    ),
    SettingSpec(
        "kiosk.language",
        str,
        "en",
        QT_TRANSLATE_NOOP("Setting", "Default language (en or fr)."),
        label=QT_TRANSLATE_NOOP("Setting", "Language"),
        choices=("en", "fr"),
    ),
    SettingSpec(
        "kiosk.theme",
        str,
        "standard",
        QT_TRANSLATE_NOOP("Setting", "Default theme: standard or high_contrast."),
        label=QT_TRANSLATE_NOOP("Setting", "Theme"),
        choices=("standard", "high_contrast"),
    ),
    SettingSpec(
        "kiosk.large_text",
        bool,
        False,
        QT_TRANSLATE_NOOP("Setting", "Start with large text."),
        label=QT_TRANSLATE_NOOP("Setting", "Large text"),
    ),
    SettingSpec(
        "kiosk.sounds",
        bool,
        False,
        QT_TRANSLATE_NOOP("Setting", "Play a sound for success and for the help desk."),
        label=QT_TRANSLATE_NOOP("Setting", "Sounds"),
    ),
    SettingSpec(
        "kiosk.help_desk",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "Where the help desk is, e.g. 'by the entrance'."),
        label=QT_TRANSLATE_NOOP("Setting", "Where the help desk is"),
    ),
    SettingSpec(
        "kiosk.preview_seconds",
        int,
        20,
        QT_TRANSLATE_NOOP(
            "Setting",
            "Seconds the badge preview waits after a check-in; untouched, the badge prints.",
        ),
        label=QT_TRANSLATE_NOOP("Setting", "Badge preview prints after (seconds)"),
        minimum=3,
        maximum=120,
    ),
    SettingSpec(
        "kiosk.editable_badge_fields",
        str,
        ",".join(badge_fix.DEFAULT_FIXABLE),
        QT_TRANSLATE_NOOP(
            "Setting",
            "What attendees may fix on their badge before it prints "
            "(name, pronouns, credentials, organisation, job_title; empty: nothing).",
        ),
        label=QT_TRANSLATE_NOOP("Setting", "Fields attendees may fix"),
        items=tuple(badge_fix.FIXABLE),
    ),
    SettingSpec(
        "event.logo",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "Path of the event logo image (PNG or SVG)."),
        label=QT_TRANSLATE_NOOP("Setting", "Event logo"),
    ),
    SettingSpec(
        "event.primary_color",
        str,
        "#1f5fa8",
        QT_TRANSLATE_NOOP("Setting", "Event colour for buttons and headings."),
        label=QT_TRANSLATE_NOOP("Setting", "Event colour"),
    ),
    SettingSpec(
        "printer",
        str,
        "none",
        QT_TRANSLATE_NOOP(
            "Setting", "This station's printer: cups:QUEUE, qt:NAME, folder:PATH or none."
        ),
        label=QT_TRANSLATE_NOOP("Setting", "Printer"),
        values_from=PRINTERS,
    ),
    SettingSpec(
        "badge.template",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "Badge template (empty: the default 4x3in)."),
        label=QT_TRANSLATE_NOOP("Setting", "Badge template"),
    ),
    SettingSpec(
        "backup.folder",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "Folder for automatic backups (e.g. a USB stick)."),
        label=QT_TRANSLATE_NOOP("Setting", "Backup folder"),
        needs_restart=True,
    ),
    SettingSpec(
        "backup.interval_minutes",
        int,
        5,
        QT_TRANSLATE_NOOP("Setting", "Minutes between automatic backups."),
        label=QT_TRANSLATE_NOOP("Setting", "Backup every (minutes)"),
        minimum=1,
        maximum=1440,
        needs_restart=True,
    ),
    SettingSpec(
        "backup.keep",
        int,
        12,
        QT_TRANSLATE_NOOP("Setting", "How many automatic backups to keep."),
        label=QT_TRANSLATE_NOOP("Setting", "Backups kept"),
        minimum=1,
        maximum=1000,
        needs_restart=True,
    ),
    SettingSpec(
        "organiser_name",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "Who signs the certificates of attendance."),
        label=QT_TRANSLATE_NOOP("Setting", "Organiser's name"),
    ),
    SettingSpec(
        "sync.server",
        str,
        "",
        QT_TRANSLATE_NOOP(
            "Setting", "The hub's libpq connection string (kept on this station only)."
        ),
        label=QT_TRANSLATE_NOOP("Setting", "Hub server"),
        needs_restart=True,
    ),
    SettingSpec(
        "alerts.webhook_url",
        str,
        "",
        QT_TRANSLATE_NOOP(
            "Setting", "Where arrival alerts and flagged check-ins are sent (an http or https URL)."
        ),
        label=QT_TRANSLATE_NOOP("Setting", "Alerts webhook"),
        needs_restart=True,
    ),
    SettingSpec(
        "alerts.webhook_secret",
        str,
        "",
        QT_TRANSLATE_NOOP(
            "Setting", "The key that signs each webhook (kept on this station only)."
        ),
        label=QT_TRANSLATE_NOOP("Setting", "Webhook signing key"),
        needs_restart=True,
    ),
    SettingSpec(
        "signature_image",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "Signature image for the certificates."),
        label=QT_TRANSLATE_NOOP("Setting", "Signature image"),
    ),
    SettingSpec(
        "cpd.minimum_share",
        float,
        0.75,
        QT_TRANSLATE_NOOP(
            "Setting",
            "Share of a session that must be attended for CPD credit (0.75: three quarters).",
        ),
        label=QT_TRANSLATE_NOOP("Setting", "CPD: share of a session needed"),
        minimum=0,
        maximum=1,
    ),
    SettingSpec(
        "cpd.rounding_minutes",
        int,
        15,
        QT_TRANSLATE_NOOP(
            "Setting", "CPD credit for a session is rounded down to this many minutes."
        ),
        label=QT_TRANSLATE_NOOP("Setting", "CPD: credit rounded down to (minutes)"),
        minimum=1,
        maximum=60,
    ),
    SettingSpec(
        "email.server",
        str,
        "",
        QT_TRANSLATE_NOOP(
            "Setting",
            "Mail server for tickets and certificates: smtp://user@host:port or "
            "smtps://user@host:port (the password is never stored).",
        ),
        label=QT_TRANSLATE_NOOP("Setting", "Mail server"),
        values_from=MAIL_SERVER,
    ),
    SettingSpec(
        "email.from",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "Sender address of tickets and certificates."),
        label=QT_TRANSLATE_NOOP("Setting", "Email from"),
    ),
    SettingSpec(
        "email.reply_to",
        str,
        "",
        QT_TRANSLATE_NOOP("Setting", "Where replies go (empty: to the sender address)."),
        label=QT_TRANSLATE_NOOP("Setting", "Replies to"),
    ),
    SettingSpec(
        "email.rate_per_minute",
        int,
        60,
        QT_TRANSLATE_NOOP("Setting", "Most messages sent a minute (0: no limit)."),
        label=QT_TRANSLATE_NOOP("Setting", "Messages a minute"),
        minimum=0,
        maximum=6000,
    ),
)
SPECS = {spec.name: spec for spec in SETTINGS}
# Shown as "(set)" or as dots: a PIN hash, a connection string that may hold a
# password, the key that signs webhooks.
SECRET_SETTINGS = frozenset({"kiosk.pin_hash", "sync.server", "alerts.webhook_secret"})
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
    if spec.items:
        strange = [item for item in badge_fix.listed(value) if item not in spec.items]
        if strange:
            raise SettingError(f"{spec.name} takes {spec.allowed()}, not {strange[0]!r}.")
    if spec.type is float and not math.isfinite(value):
        raise SettingError(f"{spec.name} takes {spec.allowed()}, not {value}.")
    if spec.type in (int, float):
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
    if spec.values_from == MAIL_SERVER and value:
        from kiosk.mail.server import MailServerError, parse_server

        try:
            parse_server(value)
        except MailServerError as error:
            raise SettingError(str(error)) from None


def spec_for(name: str) -> SettingSpec:
    try:
        return SPECS[name]
    except KeyError:
        raise SettingError(
            f"There is no setting called {name!r}; see 'kiosk config list'."
        ) from None


Listener = Callable[[str, Any], None]  # (setting name, its new value)


class Changed:
    """Who is told when a setting changes: `connect(listener)`, as a Qt signal
    reads, without Qt. A listener that fails is logged and the others still run:
    the value is stored by then, and one screen must not stop another."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, name: str, value: Any) -> None:
        for listener in list(self._listeners):
            try:
                listener(name, value)
            except Exception:
                log.exception("applying the new value of %s failed", name)


# One notice per store, shared by every Settings over it: the staff screen
# writes through its own Settings, the running kiosk listens through another.
_CHANGED: weakref.WeakKeyDictionary[SettingsStore, Changed] = weakref.WeakKeyDictionary()


class Settings:
    """Typed access to the declared settings over a store."""

    def __init__(self, store: SettingsStore) -> None:
        self._store = store
        self.changed = _CHANGED.setdefault(store, Changed())
        self._refused: set[tuple[str, str]] = set()  # stored values already logged as bad

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
            # A bad value typed into the file must not stop a station. The value
            # itself stays out of the log: it may be a password or a name.
            if (name, text) not in self._refused:
                self._refused.add((name, text))
                log.warning(
                    "setting %s holds a value it does not take (%s); using the default",
                    name,
                    spec.allowed() or f"a {spec.type.__name__}",
                )
            return spec.default

    def set(self, name: str, value: Any) -> None:
        """Store `value` (or clear it when it is the default) and tell `changed`."""
        spec = spec_for(name)
        if isinstance(value, str) and spec.type is not str:
            value = parse(spec, value)
        if spec.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)  # 1 is as good a share as 1.0
        if not isinstance(value, spec.type):
            raise SettingError(f"{name} takes a {spec.type.__name__}.")
        if value != spec.default:  # every default passes (tests/test_settings.py)
            check(spec, value)
        before = self.get(name)
        if value == spec.default:
            self._store.set_setting(name, None)  # only differences are stored
        elif spec.type is bool:
            self._store.set_setting(name, "true" if value else "false")
        else:
            self._store.set_setting(name, str(value))
        if value != before:
            self.changed.emit(name, value)

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
        when = " Applies from the next start." if spec.needs_restart else ""
        lines.append(
            f"| `{spec.name}` | {spec.label} | {spec.type.__name__} | `{default}` "
            f"| {spec.allowed()} | {spec.description}{when} |"
        )
    return "\n".join(lines) + "\n"

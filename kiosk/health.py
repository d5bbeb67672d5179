"""The health check behind `kiosk doctor` and the console's health panel.

Each check returns one line: OK, or what to do about it. Checks never raise:
a broken part is reported, not crashed on.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.store import Store
from kiosk.store.backup import quick_check
from kiosk.store.faults import StoreFault

log = logging.getLogger("kiosk.health")

MIN_FREE_BYTES = 500 * 1024 * 1024
_app: object = None


@dataclass(frozen=True, slots=True)
class Finding:
    name: str
    ok: bool
    message: str

    def line(self) -> str:
        return f"{'OK  ' if self.ok else 'FIX '} {self.name}: {self.message}"


def check_database(store: Store) -> Finding:
    path = store.path
    if path is not None and (problem := quick_check(path)) is not None:
        return Finding("database", False, f"the file is damaged ({problem}); restore a backup")
    try:
        store.probe()  # a real write, as a check-in makes
    except StoreFault as fault:
        return Finding("database", False, f"check-ins cannot be saved: {fault}")
    return Finding("database", True, f"readable and writable, {store.attendee_count()} attendees")


def check_disk(store: Store) -> Finding:
    folder = store.path.parent if store.path is not None else Path.cwd()
    free = shutil.disk_usage(folder).free
    text = f"{free / 1024**3:.1f} GB free"
    if free < MIN_FREE_BYTES:
        return Finding("disk", False, f"only {text}; free some space before the event")
    return Finding("disk", True, text)


def check_printer(store: Store) -> Finding:
    name = store.setting("printer") or "none"
    try:
        from kiosk.printing.backends import badge_folder_for, open_backend

        folder = badge_folder_for(store.path) if store.path is not None else None
        info = open_backend(name, save_dir=folder).info()
    except Exception as error:  # any backend failure is a finding, not a crash
        return Finding("printer", False, f"{name} cannot be reached ({error})")
    if name.strip().lower() == "none":
        if info.state != "ready":
            return Finding("printer", False, f"no printer, and badges cannot be saved in {folder}")
        return Finding(
            "printer",
            True,
            f"no printer: badges are saved as PDF files in {folder} for the help desk",
        )
    if info.state and info.state not in ("idle", "processing", "ready"):
        return Finding("printer", False, f"{name} is {info.state}; check paper and power")
    media = info.default_media or ", ".join(info.media[:3]) or "unknown"
    return Finding("printer", True, f"{name} reachable, media {media}")


def check_camera() -> Finding:
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtMultimedia import QMediaDevices

        from kiosk.ui.diagnostics import install_qt_message_handler
    except ImportError as error:
        # As with no camera: the USB scanner needs none of it, so not a fault.
        return Finding(
            "camera", True, f"camera scanning is not installed ({error}); scan with a USB scanner"
        )
    install_qt_message_handler()  # Qt's chatter about codecs goes to the log
    if QCoreApplication.instance() is None:
        global _app
        _app = QCoreApplication([])
    cameras = QMediaDevices.videoInputs()
    if not cameras:
        # Most kiosks scan with a USB scanner, which types like a keyboard and
        # cannot be seen from here: no camera is normal, not a fault.
        return Finding("camera", True, "no camera found; scan with a USB scanner")
    return Finding("camera", True, f"{cameras[0].description()}")


def check_fonts(store: Store) -> Finding:
    from kiosk.badges.fonts import chain_for

    chain = chain_for("regular")
    missing: set[str] = set()
    affected = 0
    for name in store.attendee_names():
        gaps = {
            char
            for char in f"{name.first_name}{name.last_name}{name.organisation}"
            if not char.isspace() and chain.font_for(char) is None
        }
        if gaps:
            missing |= gaps
            affected += 1
    if missing:
        sample = " ".join(f"U+{ord(c):04X}" for c in sorted(missing)[:8])
        return Finding("fonts", False, f"{affected} names use characters no font has ({sample})")
    return Finding("fonts", True, "every character of every name has a glyph")


def check_pdf_accelerator() -> Finding:
    """reportlab's C helpers (the rl-accel package): without them, reportlab falls
    back to Python number formatting and a big batch of badges is markedly slower."""
    from reportlab.lib import rl_accel

    try:
        import _rl_accel
    except ImportError:
        return Finding(
            "pdf speed", False, "reportlab's C accelerator is missing; reinstall with rl-accel"
        )
    if rl_accel.fp_str is not _rl_accel.fp_str:
        return Finding("pdf speed", False, "reportlab is not using its C accelerator (rl_accel)")
    return Finding("pdf speed", True, "reportlab's C accelerator (rl_accel) is active")


def check_clock(store: Store, now: dt.datetime | None = None) -> Finding:
    now = now or dt.datetime.now(dt.UTC)
    last = store.last_log_time()
    if now.year < 2024:
        return Finding("clock", False, f"the clock says {now:%Y-%m-%d}; set the date and time")
    if last and last > now + dt.timedelta(minutes=5):
        return Finding(
            "clock", False, "the clock is behind the last check-in; set the date and time"
        )
    event = store.event()
    today = event.local_day(now)
    if event.last_day and today > event.last_day + dt.timedelta(days=30):
        return Finding("clock", True, f"{today} (the event was on {event.first_day})")
    return Finding("clock", True, f"{now.astimezone(event.zone):%Y-%m-%d %H:%M} at the venue")


def check_hub(store: Store) -> Finding:
    """Can this station log in to its hub now? Skipped for a station on its own."""
    from kiosk.sync import file_status, resolve_server
    from kiosk.sync.connection import (
        SERVER_SETTING,
        HubRefused,
        HubUnavailable,
        SyncSetupError,
        connect,
        describe,
    )

    status = file_status(store)
    url = resolve_server(None, store.setting(SERVER_SETTING))
    if status is None and url is None:
        return Finding("hub", True, "this station works on its own (no hub)")
    if url is None:
        if status is not None and status.refused:
            return Finding("hub", False, "the hub refused this station's password last time")
        return Finding("hub", True, "joined; the hub is given with --server when it starts")
    try:
        connect(url, "doctor").close()
    except HubRefused as refused:
        return Finding("hub", False, str(refused))
    except HubUnavailable:
        return Finding(
            "hub", False, f"the hub at {describe(url)} cannot be reached; check the network"
        )
    except SyncSetupError as error:
        return Finding("hub", False, str(error))
    return Finding("hub", True, f"{describe(url)} reachable, this station's login accepted")


def run_checks(store: Store, extra: list[Callable[[], Finding]] | None = None) -> list[Finding]:
    checks: list[Callable[[], Finding]] = [
        lambda: check_database(store),
        lambda: check_disk(store),
        lambda: check_printer(store),
        check_camera,
        lambda: check_fonts(store),
        check_pdf_accelerator,
        lambda: check_clock(store),
        *(extra or []),
    ]
    findings = []
    for check in checks:
        try:
            findings.append(check())
        except Exception as error:  # a check that fails is itself a finding
            log.exception("health check failed")
            findings.append(Finding("check", False, f"could not run a check ({error})"))
    return findings

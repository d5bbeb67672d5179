"""Putting the kiosk together: window, controller, scanners, printing, logging."""

from __future__ import annotations

import gc
import importlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.alerts.sender import start_webhooks
from kiosk.checkin import Station
from kiosk.operations import DamagedFile, start_backups
from kiosk.print_only import BadgeDeskStation
from kiosk.printing.service import PrintService
from kiosk.scanning.camera_status import CameraStatus
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.live import register as register_live
from kiosk.ui import diagnostics
from kiosk.ui.collector import MainThreadCollector
from kiosk.ui.flow import FlowController
from kiosk.ui.i18n import Languages
from kiosk.ui.live_settings import follow_settings
from kiosk.ui.recovery import recover
from kiosk.ui.resources import load_fonts
from kiosk.ui.sync_feed import SyncFeed
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.sync import SyncedStation

log = logging.getLogger("kiosk.ui")


@dataclass
class Kiosk:
    window: KioskWindow
    controller: FlowController
    wedge: Any
    camera: Any = None


def make_print_service(store: Store) -> PrintService | None:
    """The print service if printing is installed, else None.

    With printer "none" the service saves each badge as a PDF file in the
    event's badge folder, and the kiosk tells the attendee to collect it at
    the help desk, where the desk opens or prints that file.
    """
    try:
        module = importlib.import_module("kiosk.printing.qt_service")
    except ImportError as error:
        log.info("badge printing is off: %s", error)
        return None
    try:
        service = module.PrintService(store)
        if service.saves_only:
            log.info("no printer at this station: badges are saved for the help desk")
        service.start()
    except Exception:
        log.exception("badge printing could not start")
        return None
    return service


def build_kiosk(
    store: Store,
    *,
    station_name: str | None = None,
    locked: bool = True,
    print_service: PrintService | None = None,
    camera: bool = True,
    languages: Languages | None = None,
    station: Station | None = None,
    print_only: bool = False,
    room: str = "",
    session_id: int | None = None,
) -> Kiosk:
    """Everything but the event loop. Needs a QApplication.

    `station` is a ready station (a synced one, joined to a hub); without
    one the kiosk decides on its own from the event file. With `print_only`
    it prints the badge for each scan and admits nobody (a badge desk).
    With `room` (or `session_id`) it is a door station: it admits to the
    session open in that room now (or to that one session) and says so.
    """
    from kiosk.scanning.wedge import KeyboardWedgeFilter, WedgeThresholds

    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    settings = Settings(store)
    if station is None:
        station = Station(
            store,
            name=station_name or settings.get("kiosk.station_name"),
            room=room,
            session=store.session(session_id) if session_id is not None else None,
        )
    if print_only:
        station = BadgeDeskStation(station.store, name=station.name)
        log.info("print-only station: badges for scans, nobody admitted")
    window = KioskWindow(locked=locked)
    controller = FlowController(window, store, station, languages, print_service)
    wedge = KeyboardWedgeFilter(
        WedgeThresholds(
            settings.get("kiosk.scanner_max_gap_ms"),
            settings.get("kiosk.scanner_min_length"),
            settings.get("kiosk.scanner_pause_ms"),
        ),
        parent=window,
    )
    wedge.install(app)
    wedge.scanned.connect(lambda code: controller.handle_scan(code, "scanner"))
    wedge.misread.connect(lambda: controller.handle_misread("scanner"))
    kiosk = Kiosk(window, controller, wedge)
    follow_settings(kiosk)
    if camera and settings.get("kiosk.camera_enabled"):
        kiosk.camera = _start_camera(controller, settings)
    else:
        controller.set_camera_status(CameraStatus.OFF)
    return kiosk


def _start_camera(controller: FlowController, settings: Settings) -> Any:
    try:
        from kiosk.scanning.camera import CameraScanner
    except ImportError as error:
        # Qt Multimedia needs PulseAudio's client library even for video.
        log.warning("camera scanning unavailable: %s", error)
        controller.set_camera_status(CameraStatus.NO_DECODER)
        return None
    scanner = CameraScanner(settings.get("kiosk.camera_repeat_seconds"), parent=controller)
    scanner.scanned.connect(lambda code: controller.handle_scan(code, "camera"))
    scanner.preview.connect(controller.welcome.preview.show_frame)
    scanner.status_changed.connect(controller.set_camera_status)
    controller.set_camera_status(scanner.start_camera())
    return scanner


def _join_hub(
    db_path: Path, url: str, station_name: str, feed: SyncFeed, room: str, session_id: int | None
) -> SyncedStation:
    """The station joined to the hub (its copy of the event pulled first)."""
    from kiosk.sync import open_synced_station

    return open_synced_station(
        db_path,
        url,
        name=station_name,
        session_id=session_id,
        room=room,
        on_change=feed.notify,
    )


def run_kiosk(
    db_path: Path,
    *,
    station_name: str | None,
    windowed: bool,
    smoke: bool,
    server: str | None = None,
    damaged: DamagedFile | None = None,
    print_only: bool = False,
    room: str = "",
    session_id: int | None = None,
) -> int:
    """Open the event file and run the kiosk until staff exit it.

    With `server` (a libpq connection string) the kiosk joins that hub:
    admissions are decided there while it answers within a second and from
    the local copy when it does not. A scan runs on the GUI thread either
    way: the hub's answer is bounded by about a second, and after one miss the
    station decides locally until the sync worker sees the hub again, so at
    most one scan per outage waits.

    With `damaged` (the file failed its integrity check) the recovery screen
    comes first; the kiosk starts once staff have restored a backup.
    """
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setApplicationName("event-kiosk")
    diagnostics.install_qt_message_handler()
    MainThreadCollector(app)
    if not smoke:
        diagnostics.add_rotating_log(diagnostics.log_file_for(db_path))
    load_fonts()
    languages = Languages(app)
    if damaged is not None and not recover(damaged, languages, windowed=windowed, smoke=smoke):
        log.info("kiosk stopped")
        return 0
    # Registered before the file is opened: a restore refuses while we run.
    live = register_live(db_path, station_name or "kiosk", "kiosk run")
    # A station joining a hub for the first time starts from an empty file.
    store = Store.open(db_path, create=bool(server))
    name = station_name or Settings(store).get("kiosk.station_name")
    feed = SyncFeed(lambda status: None)
    synced: SyncedStation | None = None
    if server:
        store.close()
        synced = _join_hub(db_path, server, name, feed, room, session_id)
        store = synced.store
    backups = None if smoke else start_backups(store, db_path)
    print_service = None if smoke else make_print_service(store)
    kiosk = build_kiosk(
        store,
        station_name=station_name,
        locked=not (windowed or smoke),
        print_service=print_service,
        camera=not smoke,
        languages=languages,
        station=synced,
        print_only=print_only,
        room=room,
        session_id=session_id,
    )
    if synced is not None:
        feed.display = kiosk.controller.set_sync_status
        feed.attach(synced)
    webhooks = None if smoke else start_webhooks(store)
    if webhooks is not None:
        kiosk.controller.station.on_alert = webhooks.wake
    diagnostics.install_excepthook(kiosk.controller.recover)
    # Everything built so far lives as long as the kiosk: keep it out of the
    # collector's way, so a full collection never lands between Enter and paint.
    gc.collect()
    gc.freeze()
    window = kiosk.window
    kiosk.controller.quit_requested.connect(app.quit)
    if smoke:
        # Exit once the welcome screen has really been painted.
        window.painted.connect(lambda: QTimer.singleShot(0, app.quit))
    window.present(full_screen=not (windowed or smoke))
    status = app.exec()
    if kiosk.camera is not None:
        kiosk.camera.stop()
    if print_service is not None:
        print_service.stop()
    feed.stop()
    if webhooks is not None:
        webhooks.stop()  # what is not sent waits in the file for the next process
    if synced is not None:
        synced.close()  # a last upload; anything unsent stays queued in the file
    if backups is not None:
        backups.stop()
    store.close()
    if live is not None:
        live.close()
    log.info("kiosk stopped")
    return int(status)

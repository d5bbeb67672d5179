"""The help-desk window: the console and the live overview in tabs.

It runs on its own (`kiosk desk`, for a laptop at the help desk) and is what
the kiosk's staff screen opens behind the PIN.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

from kiosk.alerts.sender import start_webhooks
from kiosk.desk import HelpDesk
from kiosk.domain.roles import StaffAction
from kiosk.operations import start_backups
from kiosk.printing.service import PrintService
from kiosk.store import Store
from kiosk.ui.console.console import ConsoleWidget
from kiosk.ui.console.desk_actions import refusal
from kiosk.ui.console.email_panel import EmailPanel
from kiosk.ui.console.health import HealthPanel
from kiosk.ui.console.overview import OverviewWidget
from kiosk.ui.console.sessions_panel import SessionsPanel
from kiosk.ui.console.settings_panel import SettingsPanel
from kiosk.ui.console.sign_in import IdleLock, SignInPanel
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")

# Roomy on a laptop; a smaller screen gets all of its available space.
PREFERRED_SIZE = QSize(1280, 800)
# The smallest screen the desk is made for: a 1024 x 600 touchscreen.
SMALLEST_SCREEN = QSize(1024, 600)


class DeskTabs(FollowsLanguage, QTabWidget):
    def __init__(
        self, desk: HelpDesk, parent: QWidget | None = None, *, organiser: bool = False
    ) -> None:
        """`organiser`: the help desk's own window (`kiosk desk`), with the
        organiser's tabs (the programme, email) a kiosk's staff screen leaves out."""
        super().__init__(parent)
        self.console = ConsoleWidget(desk, self)
        station = desk.station
        self.overview = OverviewWidget(
            desk.store,
            lambda: station.event.local_day(station.clock()),
            self,
            desk.printer,
            now=lambda: station.clock(),
        )
        # The programme is the organiser's at the help desk; a portrait kiosk's
        # staff screen has no room for a fifth touch-sized tab either.
        self.sessions = SessionsPanel(desk, self) if organiser else None
        self.health = HealthPanel(desk.store, self)
        self.settings = SettingsPanel(desk.store, self)
        # Email is the organiser's job at the help desk (`kiosk desk`), not at
        # the self-service kiosk, whose staff screen a PIN opens.
        self.email = EmailPanel(desk.store, self) if organiser else None
        pages = (
            self.console,
            self.overview,
            self.sessions,
            self.health,
            self.settings,
            self.email,
        )
        for page in pages:
            if page is not None:
                self.addTab(page, "")
        self.desk = desk
        self.settings.allowed = lambda: desk.may(StaffAction.SETTINGS)
        if self.email is not None:
            self.email.allowed = lambda: desk.may(StaffAction.EMAIL)
        if self.overview.job_actions is not None:
            self.overview.job_actions.allowed = lambda: desk.may(StaffAction.PRINT_QUEUE)
        self.sign_in = SignInPanel(desk, self)
        self.idle_lock: IdleLock | None = None  # `kiosk desk`'s; the kiosk has its own
        self.sign_in.signed_in.connect(self.apply_role)
        self.retranslate()
        self.console.changed.connect(self.overview.refresh)
        if self.sessions is not None:
            self.sessions.changed.connect(self.overview.refresh)
            self.sessions.changed.connect(self.console.refresh_sessions)
        if desk.needs_sign_in:
            self.lock("start")

    def lock(self, reason: str) -> None:
        """With volunteer accounts: ask who is working (signing out whoever was)."""
        if self.desk.needs_sign_in:
            self.sign_in.lock(reason)
            self.apply_role()

    def apply_role(self) -> None:
        """Grey what the role of whoever is working may not do, saying who may."""
        self._gate_tab(self.settings, StaffAction.SETTINGS)
        if self.email is not None:
            self._gate_tab(self.email, StaffAction.EMAIL)
        jobs = self.overview.job_actions
        if jobs is not None:
            jobs_allowed = self.desk.may(StaffAction.PRINT_QUEUE)
            jobs.setEnabled(jobs_allowed)
            jobs.setToolTip("" if jobs_allowed else refusal(StaffAction.PRINT_QUEUE))
        self.console._update_buttons()
        if self.sessions is not None:
            self.sessions._update_buttons()
        self.console.alerts.refresh(force=True)  # its Handled buttons follow the role too

    def _gate_tab(self, page: QWidget, action: StaffAction) -> None:
        allowed = self.desk.may(action)
        index = self.indexOf(page)
        if not allowed and self.currentIndex() == index:
            self.setCurrentWidget(self.console)
        self.setTabEnabled(index, allowed)
        self.setTabToolTip(index, "" if allowed else refusal(action))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.sign_in.setGeometry(self.rect())

    def retranslate(self) -> None:
        """Tab names; each page retranslates itself on the same LanguageChange."""
        self.apply_role()  # tooltips saying who may
        self.setTabText(self.indexOf(self.console), translate("Console", "Help desk"))
        self.setTabText(self.indexOf(self.overview), translate("Console", "Overview"))
        if self.sessions is not None:
            self.setTabText(self.indexOf(self.sessions), translate("Console", "Sessions"))
        self.setTabText(self.indexOf(self.health), translate("Console", "Health"))
        self.setTabText(self.indexOf(self.settings), translate("Console", "Settings"))
        if self.email is not None:
            self.setTabText(self.indexOf(self.email), translate("Console", "Email"))


def print_service_for(store: Store) -> PrintService | None:
    """The desk's print service: its worker prints (or, with printer "none",
    saves) what the desk queues; None when printing is not installed."""
    try:
        from kiosk.printing.qt_service import PrintService
    except ImportError as error:
        log.info("badge printing unavailable at the desk: %s", error)
        return None
    return PrintService(store)


def desk_window(desk: HelpDesk) -> tuple[QMainWindow, DeskTabs]:
    """The help desk in its own window (nothing to go back to)."""
    window = QMainWindow()
    window.setWindowTitle(
        translate("Console", "Help desk — {event}").format(event=desk.store.event().name)
    )
    tabs = DeskTabs(desk, window, organiser=True)
    tabs.console.back_button.hide()
    window.setCentralWidget(tabs)
    if desk.needs_sign_in:
        settings = tabs.settings.settings
        tabs.idle_lock = IdleLock(
            window, lambda: int(settings.get("kiosk.staff_timeout_seconds")), tabs.lock
        )
    return window, tabs


def fit_to_screen(window: QMainWindow, available: QRect | None = None) -> QRect:
    """Size and place `window` inside the screen's available area (the
    screen less panels and docks), at most PREFERRED_SIZE, centred. With no
    window manager (a locked kiosk PC) nothing else would keep it on screen.
    Returns the geometry given."""
    if available is None:
        screen = window.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry()
    size = PREFERRED_SIZE.boundedTo(available.size())
    geometry = QRect(available.topLeft(), size)
    geometry.moveCenter(available.center())
    central = window.centralWidget()
    if isinstance(central, DeskTabs):  # arranged for this size before showing
        central.console.fit(size.width(), size.height())
        if size.height() < PREFERRED_SIZE.height():
            # The overview's chart asks for a desk's height; a short screen gets a lower one.
            central.overview.compact(size.height() // 5)
    window.setGeometry(geometry)
    return geometry


def run_desk(db_path: Path, station: str, operator: str, *, smoke: bool = False) -> int:
    from kiosk.ui import diagnostics
    from kiosk.ui.collector import MainThreadCollector
    from kiosk.ui.resources import load_fonts

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    diagnostics.install_qt_message_handler()
    MainThreadCollector(app)
    load_fonts()
    store = Store.open(db_path)
    backups = start_backups(store, db_path)
    app.aboutToQuit.connect(backups.stop)
    printer = print_service_for(store)
    if printer is not None and not smoke:
        printer.start()  # jobs left unfinished last time resume now
    desk = HelpDesk(store, station=station, operator=operator, printer=printer)
    webhooks = None if smoke else start_webhooks(store)
    if webhooks is not None:
        desk.station.on_alert = webhooks.wake
        app.aboutToQuit.connect(webhooks.stop)
    window, tabs = desk_window(desk)
    diagnostics.install_excepthook(tabs.console.refresh, say=tabs.console.say_problem)
    fit_to_screen(window)
    window.show()
    if smoke:
        app.processEvents()
        return 0
    return int(app.exec())

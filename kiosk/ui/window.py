"""The kiosk window: frameless full screen, one stack of screens, styled to its size."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.theme import STANDARD, Metrics, Theme, metrics_for, stylesheet
from kiosk.ui.views.base import ScreenView

log = logging.getLogger("kiosk.ui")

CORNER_PX = 90
LONG_PRESS_MS = 3000
# The smallest screen the kiosk is designed for; also the windowed size.
WINDOWED_SIZE = (1024, 600)


class KioskWindow(QWidget):
    corner_long_press = Signal()
    activity = Signal()
    painted = Signal()

    def __init__(self, *, locked: bool = True) -> None:
        super().__init__()
        self.setObjectName("kioskRoot")
        self.locked = locked
        self.allow_close = not locked
        self.theme: Theme = STANDARD
        self.large_text = False
        self._metrics: Metrics | None = None
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.long_press_ms = LONG_PRESS_MS
        self._press_timer = QTimer(self)
        self._press_timer.setSingleShot(True)
        self._press_timer.timeout.connect(self._long_press)
        self._watcher = _InputWatcher(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._watcher)
        if locked:
            self.setWindowFlags(
                Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
            )
        self.setWindowTitle("Check-in")

    def views(self) -> list[ScreenView]:
        return [
            view
            for view in (self.stack.widget(i) for i in range(self.stack.count()))
            if isinstance(view, ScreenView)
        ]

    def present(self, *, full_screen: bool) -> None:
        """Show it: full screen at a real kiosk, else a window of the smallest size."""
        if not full_screen:
            self.resize(*WINDOWED_SIZE)
            self.show()
            return
        # Without a window manager (a bare X session, as kiosks often run) the
        # full-screen request alone leaves a small window: size it to the screen.
        screen = QApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def set_appearance(self, theme: Theme, large_text: bool) -> None:
        self.theme, self.large_text = theme, large_text
        self._metrics = None
        self.restyle()

    def restyle(self) -> None:
        metrics = metrics_for(self.width(), self.height(), self.large_text)
        if metrics == self._metrics:
            return
        self._metrics = metrics
        self.setStyleSheet(stylesheet(self.theme, metrics))
        for view in self.views():
            view.apply_style(self.theme, metrics)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.restyle()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        self.painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Alt+F4 and the like: a locked kiosk leaves only through the staff screen.
        if self.allow_close:
            event.accept()
        else:
            log.info("close refused: the kiosk is locked")
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # Escape and friends do nothing here

    # -- the hidden staff gesture ---------------------------------------

    def _press_at(self, global_pos: QPoint) -> None:
        local = self.mapFromGlobal(global_pos)
        # The physical top-left corner, whatever the layout direction.
        if 0 <= local.x() < CORNER_PX and 0 <= local.y() < CORNER_PX:
            self._press_timer.start(self.long_press_ms)

    def _release(self) -> None:
        self._press_timer.stop()

    def _long_press(self) -> None:
        log.info("corner long press")
        self.corner_long_press.emit()


class _InputWatcher(QObject):
    """Sees every press in the application: idle tracking and the corner gesture."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if isinstance(watched, QWidget) and watched.window() is self._window:
                self._window.activity.emit()
                self._window._press_at(event.globalPosition().toPoint())
            elif isinstance(watched, QWidget) and self._opened_from_kiosk(watched):
                self._window.activity.emit()  # a staff console dialog is being used
        elif kind == QEvent.Type.MouseButtonRelease:
            self._window._release()
        elif kind == QEvent.Type.KeyPress:
            self._window.activity.emit()
        return False

    def _opened_from_kiosk(self, widget: QWidget) -> bool:
        """Inside a window (a dialog) whose parent chain leads to the kiosk window."""
        window = widget.window()
        while window is not self._window:
            parent = window.parentWidget()
            if parent is None:
                return False
            window = parent.window()
        return True

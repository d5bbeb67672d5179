"""The welcome screen: what to do, the find-me button, language and display switches.

At a door station (a room or a session) a header names the session the door
admits to, its room and the seats left (`kiosk.ui.door` keeps it current);
in exit mode the screen asks people to scan as they leave.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import Event
from kiosk.scanning.camera_status import CameraStatus
from kiosk.ui.i18n import LANGUAGES
from kiosk.ui.messages import DoorInfo, camera_line, door_lines, exit_prompt, sync_line
from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text
from kiosk.ui.widgets.preview import CameraPreview

translate = QCoreApplication.translate

CHECK_MARK = "\u2713"


class WelcomeView(ScreenView):
    find_me_requested = Signal()
    language_requested = Signal(str)
    large_text_toggled = Signal(bool)
    contrast_toggled = Signal(bool)

    def __init__(self, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk_event = event
        event_name = self.event_name = event.name
        self.door: DoorInfo | None = None  # a door station's session, room and seats
        self.exit_mode = False  # the station records people leaving
        self.language = "en"
        # Station name, camera status, printing, PIN and (with a hub) sync:
        # shown small at the bottom, never anything about an attendee.
        self.status_info: dict[str, Any] = {
            "station": "",
            "camera": CameraStatus.OFF,
            "printing": False,  # True, False or "desk" (printer "none")
            "pin": True,
            "sync": None,
        }

        self.logo = QLabel(self)
        self.logo.setVisible(False)
        self.event_label = label("event", self)
        self.event_label.setText(event_name)
        self.event_label.setAccessibleName(event_name)
        self.language_button = button("small", self)
        self.language_button.clicked.connect(self._next_language)
        self.large_button = button("small", self)
        self.large_button.setCheckable(True)
        self.large_button.toggled.connect(self.large_text_toggled)
        self.contrast_button = button("small", self)
        self.contrast_button.setCheckable(True)
        self.contrast_button.toggled.connect(self.contrast_toggled)

        brand = QHBoxLayout()
        brand.addWidget(self.logo)
        brand.addWidget(self.event_label, 1)
        switches = QHBoxLayout()
        switches.addStretch(1)
        for widget in (self.language_button, self.large_button, self.contrast_button):
            switches.addWidget(widget)
        # Landscape: name and switches share a row; portrait: switches below.
        self.header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.header.addLayout(brand, 1)
        self.header.addLayout(switches)
        top = self.header

        self.door_frame = QFrame(self)
        self.door_frame.setObjectName("doorHeader")
        self.door_frame.setProperty("role", "card")
        self.door_title = label("event", self.door_frame)
        self.door_title.setObjectName("doorSession")
        self.door_detail = label("body", self.door_frame)
        self.door_detail.setObjectName("doorSeats")
        door_column = QVBoxLayout(self.door_frame)
        door_column.addWidget(self.door_title)
        door_column.addWidget(self.door_detail)
        self.door_frame.setVisible(False)

        self.title = label("title", self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label("body", self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = CameraPreview(self)
        self.preview.setVisible(False)
        self.find_me = button("primary", self)
        self.find_me.clicked.connect(self.find_me_requested)
        self.find_me.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.status = label("status", self)

        middle = QVBoxLayout()
        middle.addStretch(2)
        middle.addWidget(self.title)
        middle.addWidget(self.hint)
        middle.addWidget(self.preview, 3, Qt.AlignmentFlag.AlignHCenter)
        middle.addStretch(1)
        middle.addWidget(self.find_me, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addStretch(2)

        self.root = QVBoxLayout(self)
        self.root.addLayout(top)
        self.root.addWidget(self.door_frame)
        self.root.addLayout(middle, 1)
        self.root.addWidget(self.status)
        self.retranslate()

    def _next_language(self) -> None:
        codes = list(LANGUAGES)
        self.language_requested.emit(codes[(codes.index(self.language) + 1) % len(codes)])

    def set_state(self, language: str, large_text: bool, high_contrast: bool) -> None:
        self.language = language
        for widget, checked in (
            (self.large_button, large_text),
            (self.contrast_button, high_contrast),
        ):
            widget.blockSignals(True)
            widget.setChecked(checked)
            widget.blockSignals(False)
        self.retranslate()

    def set_door(self, info: DoorInfo | None) -> None:
        """Show a door's header (None: not a door station)."""
        self.door = info
        self.door_frame.setVisible(info is not None)
        self.retranslate()

    def set_exit_mode(self, on: bool) -> None:
        self.exit_mode = on
        self.retranslate()

    def set_find_me_enabled(self, enabled: bool) -> None:
        self.find_me.setVisible(enabled)

    def set_logo(self, path: str) -> None:
        pixmap = QPixmap(path) if path else QPixmap()
        self.logo.setVisible(not pixmap.isNull())
        self._logo = pixmap

    def _status_text(self) -> str:
        info = self.status_info
        parts = [
            translate("Welcome", "Station {name}").format(name=info["station"]),
            camera_line(info["camera"]),
            {
                "desk": translate("Welcome", "Badges saved for the help desk"),
                True: translate("Welcome", "Badge printing on"),
                False: translate("Welcome", "Badge printing off"),
            }[info["printing"]],
        ]
        if info["sync"] is not None:
            parts.append(sync_line(info["sync"]))
        if not info["pin"]:
            parts.append(translate("Welcome", "No staff PIN set"))
        return "  ·  ".join(part for part in parts if part)

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        self.header.setDirection(
            QBoxLayout.Direction.LeftToRight
            if metrics.landscape
            else QBoxLayout.Direction.TopToBottom
        )
        margin = metrics.px(24)
        self.root.setContentsMargins(margin, metrics.px(16), margin, metrics.px(10))
        self.root.setSpacing(metrics.px(10))
        self.find_me.setMinimumHeight(max(metrics.touch, metrics.px(84)))
        inner = metrics.px(12)
        self.door_frame.layout().setContentsMargins(inner, metrics.px(8), inner, metrics.px(8))
        self.preview.setMinimumSize(metrics.px(220), metrics.px(150))
        self.preview.guide_color = theme.primary
        logo = getattr(self, "_logo", QPixmap())
        if not logo.isNull():
            self.logo.setPixmap(
                logo.scaledToHeight(metrics.px(56), Qt.TransformationMode.SmoothTransformation)
            )

    def retranslate(self) -> None:
        set_text(
            self.title,
            exit_prompt()
            if self.exit_mode
            else translate("Welcome", "Welcome! Scan the QR code on your ticket"),
        )
        if self.door is not None:
            session_line, seats_line = door_lines(self.door, self.kiosk_event)
            set_text(self.door_title, session_line)
            set_text(self.door_detail, seats_line)
            self.door_detail.setVisible(bool(seats_line))
        set_text(
            self.hint,
            translate("Welcome", "Hold the code from your e-mail or phone under the scanner."),
        )
        set_text(self.find_me, translate("Welcome", "No code? Find me by name"))
        # The switch names the other language in that language.
        other = [code for code in LANGUAGES if code != self.language]
        name = LANGUAGES[other[0]] if other else LANGUAGES[self.language]
        set_text(
            self.language_button,
            name,
            translate("Welcome", "Change language to {name}").format(name=name),
        )
        # A switch that is on says so by shape as well as colour: a tick.
        for widget, text in (
            (self.large_button, translate("Welcome", "Larger text")),
            (self.contrast_button, translate("Welcome", "High contrast")),
        ):
            set_text(widget, f"{CHECK_MARK} {text}" if widget.isChecked() else text, text)
        set_text(self.status, self._status_text())
        self.preview.setAccessibleName(
            translate("Welcome", "Camera picture: hold your code inside the frame")
        )

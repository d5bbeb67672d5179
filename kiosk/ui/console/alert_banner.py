"""The console's alert banner: flagged check-ins and watched arrivals, from any station.

Each open alert is a line naming the person, where and when, and for a flag
its note, with a Handled button. A new alert sounds the help-desk tone. An
alert stays until a volunteer marks it handled (audited with the operator,
kiosk.desk.HelpDesk.handle_alert), on every console of the event file:
the banner reads the log, where another station's check-ins arrive too
(from the same file, or through the hub). It looks once a second while shown.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import DeskError, HelpDesk
from kiosk.domain.alerts import Alert, AlertKind
from kiosk.domain.roles import StaffAction
from kiosk.store.faults import StoreError
from kiosk.ui.console.desk_actions import refusal
from kiosk.ui.messages import local_time
from kiosk.ui.sounds import Sounds

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")

POLL_MS = 1000
# Lines shown at once; the rest are counted under them.
SHOWN = 4


class Player(Protocol):
    def play(self, name: str) -> None: ...


class DeskSounds:
    """The kiosk's sounds, always on at the desk (an alert must be heard),
    loaded when the first alert sounds: most desks never load Qt Multimedia."""

    def __init__(self) -> None:
        self._sounds: Sounds | None = None

    def play(self, name: str) -> None:
        if self._sounds is None:
            self._sounds = Sounds(enabled=True)
        self._sounds.play(name)


def alert_text(alert: Alert, desk: HelpDesk) -> str:
    when = local_time(alert.at, desk.station.event)
    if alert.kind is AlertKind.SEE_DESK:
        return translate(
            "Console", "{name} checked in at {station} at {time}. Please attend to them: {note}"
        ).format(name=alert.name, station=alert.station, time=when, note=alert.note)
    return translate("Console", "{name} has arrived at {station} at {time}.").format(
        name=alert.name, station=alert.station, time=when
    )


class AlertLine(QWidget):
    def __init__(self, alert: Alert, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert = alert
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(text)
        self.handled = QPushButton(translate("Console", "Handled"), self)
        self.handled.setAccessibleName(
            translate("Console", "Mark as handled: {name}").format(name=alert.name)
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.handled)


class AlertBanner(QFrame):
    """Hidden while nothing is open; `changed` after a volunteer handled one.
    Its timer polls only while the desk is on screen (`poll`)."""

    changed = Signal()

    def __init__(self, desk: HelpDesk, sounds: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.sounds = desk, sounds
        self.setObjectName("alertBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Strong colours with words, never colour alone (the words say what it is).
        self.setStyleSheet(
            "#alertBanner { background: #fff4ce; border: 3px solid #b54708; border-radius: 6px; }"
            "#alertBanner QLabel { color: #3b1d00; font-weight: 600; }"
        )
        self.title = QLabel(self)
        self.more = QLabel(self)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.lines: list[AlertLine] = []
        self.box.addWidget(self.more)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.box.addWidget(self.message)
        self.message.hide()
        self._seen: set[str] = set()
        self._version: int | None = None
        self._shown_ids: tuple[str, ...] = ()
        self.retranslate()
        self.hide()
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        """Read again when something was written to the event file (by any
        process) and the desk is on screen: the banner hides itself when
        nothing is open, so the tabs that hold it decide."""
        holder: QWidget | None = self.parentWidget()
        while holder is not None and not isinstance(holder, QTabWidget):
            holder = holder.parentWidget()
        shown = holder.isVisible() if holder is not None else self.parentWidget().isVisible()
        if not shown:
            return
        try:
            version = self.desk.store.data_version()
        except StoreError as error:
            log.info("alerts not read: %s", error)
            return
        if version != self._version:
            self._version = version
            self.refresh()

    def retranslate(self) -> None:
        self.title.setText(translate("Console", "Needs attention now"))
        self.title.setAccessibleName(self.title.text())
        if self.lines:
            self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        try:
            alerts = self.desk.open_alerts()
        except StoreError as error:
            log.info("alerts not read: %s", error)
            return
        new = [alert for alert in alerts if alert.id not in self._seen]
        if new:
            self._seen.update(alert.id for alert in new)
            self.sounds.play("help")
            log.info("alerts shown: %s", ", ".join(alert.id for alert in new))
        ids = tuple(alert.id for alert in alerts[:SHOWN])
        if ids != self._shown_ids or force:
            self._show(alerts)
        self.setVisible(bool(alerts))

    def _show(self, alerts: list[Alert]) -> None:
        for line in self.lines:
            self.box.removeWidget(line)
            line.deleteLater()
        self.lines = []
        for index, alert in enumerate(alerts[:SHOWN]):
            line = AlertLine(alert, alert_text(alert, self.desk), self)
            line.handled.clicked.connect(lambda _=False, a=alert: self.handle(a))
            # A scanner sees the alert but may not close it (kiosk/domain/roles.py).
            allowed = self.desk.may(StaffAction.HANDLE_ALERT)
            line.handled.setEnabled(allowed)
            line.handled.setToolTip("" if allowed else refusal(StaffAction.HANDLE_ALERT))
            self.box.insertWidget(1 + index, line)
            self.lines.append(line)
        hidden = len(alerts) - SHOWN
        self.more.setText(
            translate("Console", "and {count} more").format(count=hidden) if hidden > 0 else ""
        )
        self.more.setVisible(hidden > 0)
        self._shown_ids = tuple(alert.id for alert in alerts[:SHOWN])

    def handle(self, alert: Alert) -> None:
        try:
            self.desk.handle_alert(alert)
        except DeskError as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.message.hide()
        self.refresh()
        self.changed.emit()

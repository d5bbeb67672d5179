"""Who is working: with volunteer accounts, the help desk asks for a name
and PIN before anything else, and locks again when left idle.

The panel lies over the desk's tabs (which stay built behind it, so signing
in is instant) and greys them while it is shown. Wrong tries count against
the station's lock-out (`kiosk.sign_in.SignIn`); the panel counts it down.
With no accounts it never shows: the single staff PIN, if any, guards the
desk as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import HelpDesk
from kiosk.domain.pins import MAX_PIN_LENGTH
from kiosk.sign_in import SignIn
from kiosk.ui.i18n import FollowsLanguage
from kiosk.ui.widgets.pinpad import PinPad

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")

# What counts as someone using the desk (a moving mouse alone does not).
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class SignInPanel(FollowsLanguage, QFrame):
    signed_in = Signal()

    def __init__(self, desk: HelpDesk, covered: QWidget) -> None:
        """Lies over `covered` (its parent), which it greys while shown."""
        super().__init__(covered)
        self.desk, self.covered = desk, covered
        self.setObjectName("signIn")
        self.setAutoFillBackground(True)
        self.gate = SignIn(desk.store, desk.station.name)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.name = QLineEdit(self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(MAX_PIN_LENGTH)
        self.pin.setValidator(QRegularExpressionValidator(r"[0-9]*", self.pin))
        for field in (self.name, self.pin):
            field.setMinimumWidth(260)
        self.name.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.submit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._message: tuple[str, int] = ("", 0)
        self.name_label, self.pin_label = QLabel(self), QLabel(self)
        self.name_label.setBuddy(self.name)
        self.pin_label.setBuddy(self.pin)
        self.form = QFormLayout()
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.pin_label, self.pin)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.title)
        column.addLayout(self.form)
        column.addWidget(self.button)
        column.addWidget(self.message)
        column.addStretch(2)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget(self)
        box.setLayout(column)
        box.setMaximumWidth(480)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.keypad: PinPad | None = None
        self.lock_timer = QTimer(self, interval=1000)
        self.lock_timer.timeout.connect(self._tick)
        self.retranslate()
        self.hide()

    def add_keypad(self) -> None:
        """A touch kiosk's digits for the PIN, beside the fields (the on-screen
        keyboard, for the name, has letters only)."""
        keypad = PinPad(self)
        keypad.digit.connect(self.pin.insert)
        keypad.backspace.connect(self.pin.backspace)
        keypad.submit.connect(self.submit)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        box = layout.itemAt(1).widget()
        layout.removeWidget(box)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addWidget(keypad)
        row.addStretch(1)
        layout.insertLayout(1, row)
        self.keypad = keypad

    @property
    def locked_out(self) -> bool:
        return self.gate.seconds_left() > 0

    def lock(self, reason: str) -> None:
        """Sign whoever was working out and ask again."""
        if self.desk.signed_in is not None:
            log.info("help desk locked: %s", reason)
        self.desk.sign_out()
        self.name.clear()
        self.pin.clear()
        self._message = ("", 0)
        self.covered_enabled(False)
        self.setGeometry(self.covered.rect())
        self.show()
        self.raise_()
        self.name.setFocus()
        self._tick()

    def field_typed_into(self) -> QLineEdit | None:
        """Where an on-screen keyboard types while the panel is shown: the PIN
        once the name is given and the PIN has the focus, else the name."""
        if not self.isVisibleTo(self.covered):
            return None
        return self.pin if self.pin.hasFocus() else self.name

    def covered_enabled(self, enabled: bool) -> None:
        for child in self.covered.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if child is not self:
                child.setEnabled(enabled)

    def submit(self) -> None:
        name, pin = self.name.text().strip(), self.pin.text()
        self.pin.clear()
        if self.locked_out:
            self._tick()
            return
        operator = self.gate.attempt(name, pin)
        if operator is None:
            self._message = ("wrong", 0)
            self._tick()
            return
        self.desk.sign_in(operator)
        self.hide()
        self.covered_enabled(True)
        self.signed_in.emit()

    def _tick(self) -> None:
        left = self.gate.seconds_left()
        if left > 0:
            self._message = ("locked", int(left + 0.999))
            if not self.lock_timer.isActive():
                self.lock_timer.start()
        else:
            self.lock_timer.stop()
            if self._message[0] == "locked":
                self._message = ("", 0)
        self.button.setEnabled(left <= 0)
        if self.keypad is not None:
            self.keypad.set_enabled_keys(left <= 0)
        self._show_message()

    def _show_message(self) -> None:
        kind, seconds = self._message
        texts = {
            "": "",
            "wrong": translate("Console", "That name and PIN do not match. Please try again."),
            "locked": translate("Console", "Too many tries. Please wait {seconds} s.").format(
                seconds=seconds
            ),
        }
        self.message.setText(texts[kind])

    def retranslate(self) -> None:
        self.title.setText(translate("Console", "Who is working?"))
        self.name_label.setText(translate("Console", "Your name"))
        self.pin_label.setText(translate("Console", "PIN"))
        self.name.setAccessibleName(translate("Console", "Your name"))
        self.pin.setAccessibleName(translate("Console", "PIN"))
        self.button.setText(translate("Console", "Sign in"))
        if self.keypad is not None:
            self.keypad.retranslate()
        self._show_message()


class IdleLock(QObject):
    """Locks the desk after `seconds()` with no key, click or touch in `window`."""

    def __init__(
        self, window: QWidget, seconds: Callable[[], int], lock: Callable[[str], None]
    ) -> None:
        super().__init__(window)
        self.window, self.seconds, self.lock_desk = window, seconds, lock
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(lambda: self.lock_desk("idle"))
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.restart()

    def restart(self) -> None:
        self.timer.start(self.seconds() * 1000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in _ACTIVITY
            and isinstance(watched, QWidget)
            and watched.window() is self.window.window()
        ):
            self.restart()
        return False

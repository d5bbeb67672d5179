"""The staff PIN pad (reached by a long press in the top-left corner), and the
screen where staff choose a PIN when none is set yet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.pin import MAX_PIN_LENGTH, is_valid_pin
from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text
from kiosk.ui.widgets.pinpad import PinPad

translate = QCoreApplication.translate


class PadScreen(ScreenView):
    """A title, a dot per digit typed, one message, the keypad and Cancel.

    Subclasses say what the title and message are, and call `retranslate()`
    at the end of their own `__init__`.
    """

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entered = ""
        self.title = label("headline", self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = label("pinDots", self, wrap=False)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label("muted", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pad = PinPad(self)
        self.pad.digit.connect(self._digit)
        self.pad.backspace.connect(self._backspace)
        self.pad.submit.connect(self._submit)
        self.cancel = button("", self)
        self.cancel.clicked.connect(self.cancelled)
        # Landscape: words on the left, keypad on the right; portrait: stacked.
        info = QVBoxLayout()
        info.addStretch(1)
        info.addWidget(self.title)
        info.addWidget(self.dots)
        info.addWidget(self.message)
        info.addStretch(1)
        info.addWidget(self.cancel)
        self.root = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.root.addLayout(info, 1)
        self.root.addWidget(self.pad, 1)

    def title_text(self) -> str:
        raise NotImplementedError

    def message_text(self) -> str:
        raise NotImplementedError

    def keys_enabled(self) -> bool:
        return True

    def _digit(self, digit: str) -> None:
        if len(self.entered) < MAX_PIN_LENGTH:
            self.entered += digit
            self._refresh()

    def _backspace(self) -> None:
        self.entered = self.entered[:-1]
        self._refresh()

    def _submit(self) -> None:
        pin, self.entered = self.entered, ""
        self._refresh()
        self.submitted.emit(pin)

    def _refresh(self) -> None:
        self.pad.set_enabled_keys(self.keys_enabled())
        shown = "●" * len(self.entered) or "○○○○"
        set_text(
            self.dots,
            shown,
            translate("PinScreen", "{n} digits entered").format(n=len(self.entered)),
        )
        set_text(self.message, self.message_text())

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        self.root.setDirection(
            QBoxLayout.Direction.LeftToRight
            if metrics.landscape
            else QBoxLayout.Direction.TopToBottom
        )
        margin = metrics.px(24)
        self.root.setContentsMargins(margin, metrics.px(16), margin, metrics.px(16))
        self.root.setSpacing(metrics.px(24))
        self.pad.layout().setSpacing(metrics.spacing)
        self.pad.setMinimumHeight(4 * metrics.touch + 3 * metrics.spacing)

    def retranslate(self) -> None:
        set_text(self.title, self.title_text())
        set_text(self.cancel, translate("PinScreen", "Cancel"))
        self.pad.retranslate()
        self._refresh()


class PinView(PadScreen):
    """Staff type the PIN; wrong ones are said, and lock the pad for a while.

    While locked the screen asks every second how long is left
    (`lock_tick`, answered by `kiosk.ui.pin_guard.PinGuard`); left, it stops asking.
    """

    lock_tick = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message = ("enter", 0)
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(1000)
        self.lock_timer.timeout.connect(self.lock_tick)
        self.retranslate()

    def reset(self) -> None:
        self.lock_timer.stop()
        self.entered = ""
        self._message = ("enter", 0)
        self._refresh()

    def show_wrong(self) -> None:
        self.lock_timer.stop()
        self.entered = ""
        self._message = ("wrong", 0)
        self._refresh()

    def show_locked(self, seconds: int) -> None:
        self.entered = ""
        self._message = ("locked", seconds)
        self._refresh()
        if not self.lock_timer.isActive():
            self.lock_timer.start()

    @property
    def locked(self) -> bool:
        return self._message[0] == "locked"

    def on_leave(self) -> None:
        self.lock_timer.stop()

    def keys_enabled(self) -> bool:
        return not self.locked

    def title_text(self) -> str:
        return translate("PinScreen", "Staff only")

    def message_text(self) -> str:
        kind, seconds = self._message
        return {
            "enter": translate("PinScreen", "Enter the staff PIN."),
            "wrong": translate("PinScreen", "Wrong PIN. Try again."),
            "locked": translate("PinScreen", "Too many wrong PINs. Try again in {n} s.").format(
                n=seconds
            ),
        }[kind]


class SetPinView(PadScreen):
    """No staff PIN yet: staff choose one, typed twice, before the staff screen opens.

    `chosen` carries the PIN once it is valid and typed the same twice.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first: str | None = None
        self._message = "choose"
        self.retranslate()

    def reset(self) -> None:
        self.entered, self.first, self._message = "", None, "choose"
        self._refresh()

    def show_not_saved(self) -> None:
        self.entered, self.first, self._message = "", None, "not_saved"
        self._refresh()

    def _submit(self) -> None:
        pin, self.entered = self.entered, ""
        if self.first is None:
            self.first, self._message = (pin, "again") if is_valid_pin(pin) else (None, "invalid")
        elif pin == self.first:
            self.first, self._message = None, "choose"
            self.chosen.emit(pin)
        else:
            self.first, self._message = None, "mismatch"
        self._refresh()

    def title_text(self) -> str:
        return translate("PinScreen", "Set a staff PIN")

    def message_text(self) -> str:
        return {
            "choose": translate("PinScreen", "No staff PIN is set yet. Choose one: 4 to 8 digits."),
            "again": translate("PinScreen", "Type the same PIN again."),
            "invalid": translate("PinScreen", "A PIN is 4 to 8 digits. Choose one again."),
            "mismatch": translate("PinScreen", "The two PINs differ. Choose one again."),
            "not_saved": translate(
                "PinScreen", "The PIN could not be saved: this station cannot save right now."
            ),
        }[self._message]

"""The staff PIN pad, reached by a long press in the top-left corner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.pin import MAX_PIN_LENGTH
from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text
from kiosk.ui.widgets.pinpad import PinPad

translate = QCoreApplication.translate


class PinView(ScreenView):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entered = ""
        self._message = ("enter", 0)
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
        self.retranslate()

    def reset(self) -> None:
        self.entered = ""
        self._message = ("enter", 0)
        self._refresh()

    def show_wrong(self) -> None:
        self.entered = ""
        self._message = ("wrong", 0)
        self._refresh()

    def show_locked(self, seconds: int) -> None:
        self.entered = ""
        self._message = ("locked", seconds)
        self._refresh()

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
        kind, seconds = self._message
        self.pad.set_enabled_keys(kind != "locked")
        shown = "●" * len(self.entered) or "○○○○"
        set_text(
            self.dots,
            shown,
            translate("PinScreen", "{n} digits entered").format(n=len(self.entered)),
        )
        text = {
            "enter": translate("PinScreen", "Enter the staff PIN."),
            "wrong": translate("PinScreen", "Wrong PIN. Try again."),
            "locked": translate("PinScreen", "Too many wrong PINs. Try again in {n} s.").format(
                n=seconds
            ),
        }[kind]
        set_text(self.message, text)

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
        set_text(self.title, translate("PinScreen", "Staff only"))
        set_text(self.cancel, translate("PinScreen", "Cancel"))
        self.pad.retranslate()
        self._refresh()

"""The staff screen behind the PIN: the help-desk console, inside the kiosk.

A slim header (which station, back to check-in, leave the kiosk) over the
same tabs `kiosk desk` shows. The tabs are built the first time the screen
opens, so the kiosk starts as quickly as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics, Theme, console_stylesheet
from kiosk.ui.views.base import ScreenView, button, label, set_text

if TYPE_CHECKING:
    from kiosk.desk import HelpDesk
    from kiosk.ui.console.window import DeskTabs

translate = QCoreApplication.translate


class StaffView(ScreenView):
    exit_requested = Signal()
    back = Signal()

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.tabs: DeskTabs | None = None
        self.is_open = False
        self._style: tuple[Theme, Metrics] | None = None
        self._tabs_style: tuple[Theme, Metrics] | None = None
        self._fault_sentence: str | None = None
        self.title = label("event", self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.exit_button = button("small", self)
        self.exit_button.clicked.connect(self.exit_requested)
        self.back_button = button("primary", self)
        self.back_button.clicked.connect(self.back)
        # Why check-ins cannot be saved, for staff only (the public screen just
        # says to see the help desk).
        self.fault = label("body", self)
        self.fault.setObjectName("staffFault")
        self.fault.hide()
        self.header = QGridLayout()
        self.header.setColumnStretch(0, 1)
        self._arrange_header(landscape=True)
        self.root = QVBoxLayout(self)
        self.root.addLayout(self.header)
        self.root.addWidget(self.fault)
        self.root.addStretch(1)  # the console takes this place once built
        self.retranslate()

    # -- the console -------------------------------------------------------

    def set_desk(self, desk: HelpDesk) -> None:
        """Build the console tabs on `desk` (once: the first time staff open the screen)."""
        from kiosk.ui.console.window import DeskTabs

        tabs = DeskTabs(desk, self)
        # One way back, the header's: it returns to check-in like the console's own.
        tabs.console.back_button.hide()
        tabs.console.back.connect(self.back)
        # Its clear button is an 18 px target: too small for a finger, and
        # whoever types the search has Backspace.
        tabs.console.search.setClearButtonEnabled(False)
        self.tabs = tabs
        self._forget()

    def opened(self) -> None:
        """Fresh lists and counts: the kiosk has checked people in since last time."""
        if self.tabs is None:
            return
        self.is_open = True
        # Styled before it joins the layout: unstyled, it would ask for a
        # bigger window than a windowed kiosk has, and get it.
        self._style_tabs()
        self.root.takeAt(2)  # the stretch standing in for it
        self.root.addWidget(self.tabs, 1)
        self.tabs.show()
        self.tabs.console.reload()
        self.tabs.overview.refresh()
        self.tabs.overview.timer.start()
        self.tabs.console.search.setFocus()

    def leave(self) -> None:
        """Forget who was looked up and stop polling: the next person at the
        kiosk may not be staff, and the overview must not slow the scans.
        Free when the screen was not open: welcome comes back after every scan."""
        if self.tabs is None or not self.is_open:
            return
        self.is_open = False
        self._forget()

    def _forget(self) -> None:
        assert self.tabs is not None
        self.tabs.overview.timer.stop()
        self.tabs.console.reset()
        self.tabs.setCurrentIndex(0)
        # Out of the window while closed: every restyle of the kiosk (an
        # attendee's "large text") would otherwise restyle the console too,
        # 40 ms and more on the public screens.
        if self.root.indexOf(self.tabs) >= 0:
            self.root.removeWidget(self.tabs)
            self.root.addStretch(1)
        self.tabs.setParent(None)

    def set_fault(self, sentence: str | None) -> None:
        """Show (or with None, clear) why this station cannot save check-ins."""
        self._fault_sentence = sentence
        self.fault.setVisible(sentence is not None)
        self.retranslate()

    def look_up(self, code: str) -> None:
        """A ticket scanned on this screen: show its holder in the console."""
        if self.tabs is not None:
            self.tabs.setCurrentWidget(self.tabs.console)
            self.tabs.console.look_up(code)

    # -- looks -------------------------------------------------------------

    def _arrange_header(self, landscape: bool) -> None:
        """Title and buttons on one row; on a portrait screen, the title above."""
        for widget in (self.title, self.exit_button, self.back_button):
            self.header.removeWidget(widget)
        row = 0 if landscape else 1
        self.header.addWidget(self.title, 0, 0, 1, 1 if landscape else 3)
        self.header.addWidget(self.exit_button, row, 1)
        self.header.addWidget(self.back_button, row, 2)

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        self._style = (theme, metrics)
        margin = metrics.px(12)
        self.root.setContentsMargins(margin, metrics.px(8), margin, margin)
        self.root.setSpacing(metrics.px(8))
        self.header.setSpacing(metrics.px(12))
        self._arrange_header(metrics.landscape)
        if self.is_open:
            self._style_tabs()

    def _style_tabs(self) -> None:
        """Style the console for the kiosk's size and theme, when it is opened
        (or resized while open)."""
        if self.tabs is None or self._style is None or self._tabs_style == self._style:
            return
        self._tabs_style = self._style
        theme, metrics = self._style
        self.tabs.setStyleSheet(console_stylesheet(theme, metrics))
        # The overview's chart asks for a desk's height; a 600 px kiosk has
        # about 440 px under its header and tabs.
        self.tabs.overview.compact(metrics.px(120))
        margins = self.root.contentsMargins()
        self.tabs.console.fit(metrics.width - margins.left() - margins.right(), metrics.height)

    def retranslate(self) -> None:
        set_text(
            self.title,
            translate("StaffScreen", "Staff — station {name}").format(name=self.station),
        )
        if self._fault_sentence is not None:
            set_text(
                self.fault,
                translate("StaffScreen", "Check-ins cannot be saved: {cause}").format(
                    cause=self._fault_sentence
                ),
            )
        set_text(self.exit_button, translate("StaffScreen", "Exit kiosk"))
        set_text(self.back_button, translate("StaffScreen", "Back to check-in"))

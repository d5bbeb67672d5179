"""The staff screen behind the PIN: the help-desk console, inside the kiosk.

A slim header (which station, back to check-in, leave the kiosk) over the
same tabs `kiosk desk` shows. The tabs are built the first time the screen
opens, so the kiosk starts as quickly as before.

A kiosk is often touch-only: an on-screen keyboard (shown with "Keyboard")
types into the console's search. It lies over the lower part of the console
rather than taking room from it: at 1024x600 the console needs every pixel,
and while a name is typed the search and the first matches above the keys
are what matter; "Keyboard" again puts it away to reach the actions.

"Exit kiosk" sits at the other end of the header from "Back to check-in" and
asks first: leaving stops check-in at this station until someone starts it
again. "Door mode" switches the station between admitting people (Entry)
and recording them as they leave (Exit); like "Exit kiosk", it waits for a
volunteer to sign in when the event has volunteer accounts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics, Theme, console_stylesheet
from kiosk.ui.views.base import ScreenView, button, label, set_text
from kiosk.ui.widgets.elide import ElidingLabel
from kiosk.ui.widgets.keyboard import OnScreenKeyboard

if TYPE_CHECKING:
    from kiosk.desk import HelpDesk
    from kiosk.ui.console.window import DeskTabs

translate = QCoreApplication.translate

# Where the console sits in the screen's column: under the header and the
# fault line.
CONSOLE_SLOT = 2


class StaffView(ScreenView):
    exit_requested = Signal()
    back = Signal()
    door_mode_chosen = Signal(bool)  # True: exit (people leaving), False: entry
    door_offered = False  # a door station: the entry/exit switch is shown

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.tabs: DeskTabs | None = None
        self.is_open = False
        self._style: tuple[Theme, Metrics] | None = None
        self._tabs_style: tuple[Theme, Metrics] | None = None
        self._fault_sentence: str | None = None
        self.title = ElidingLabel(self)
        self.title.setProperty("role", "event")
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.exit_button = button("small", self)
        self.exit_button.clicked.connect(self.ask_exit)
        self.door_button = button("small", self)
        self.door_button.setObjectName("doorMode")
        self.door_button.setCheckable(True)  # checked: exit mode
        self.door_button.toggled.connect(self._door_toggled)
        self.door_button.hide()  # shown at a door station (set_exit_mode)
        self.keyboard_button = button("small", self)
        self.keyboard_button.setCheckable(True)
        self.keyboard_button.toggled.connect(self._show_keyboard)
        self.back_button = button("primary", self)
        self.back_button.clicked.connect(self.back)
        self._build_exit_question()
        self.keyboard = OnScreenKeyboard(self)
        # Painted with the screen's background: it lies over the console.
        self.keyboard.setProperty("screen", True)
        self.keyboard.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.keyboard.hide()
        self.keyboard.typed.connect(lambda text: self._type(text))
        self.keyboard.backspace.connect(lambda: self._type(None))
        self.keyboard.cleared.connect(lambda: self._type(""))
        # Why check-ins cannot be saved, for staff only (the public screen just
        # says to see the help desk).
        self.fault = label("body", self)
        self.fault.setObjectName("staffFault")
        self.fault.hide()
        self.header = QGridLayout()
        self._arrange_header(landscape=True)
        self.root = QVBoxLayout(self)
        self.root.addLayout(self.header)
        self.root.addWidget(self.fault)
        self.root.addStretch(1)  # the console takes this place once built
        self.retranslate()

    def _build_exit_question(self) -> None:
        self.exit_question = QFrame(self)
        self.exit_question.setObjectName("exitQuestion")
        self.exit_text = label("body", self.exit_question)
        self.stay_button = button("primary", self.exit_question)
        self.stay_button.clicked.connect(self._stay)
        self.confirm_exit = button("", self.exit_question)
        self.confirm_exit.clicked.connect(self.exit_requested)
        row = QHBoxLayout(self.exit_question)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.exit_text, 1)
        row.addWidget(self.confirm_exit)
        row.addWidget(self.stay_button)
        self.exit_question.hide()

    def ask_exit(self) -> None:
        """Leaving stops check-in here: say so and ask, with "Stay" the default.
        The question takes the header's place, so the console keeps its room."""
        for widget in self._header_widgets():
            widget.hide()
        self.exit_question.show()
        self.stay_button.setFocus()

    def _stay(self) -> None:
        self.exit_question.hide()
        for widget in self._header_widgets():
            widget.setVisible(widget is not self.door_button or self.door_offered)

    def _header_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.title,
            self.exit_button,
            self.door_button,
            self.keyboard_button,
            self.back_button,
        )

    # -- entry or exit -----------------------------------------------------

    def set_exit_mode(self, on: bool) -> None:
        """Offer the entry/exit switch, showing the station's mode (without
        announcing it as a choice)."""
        self.door_offered = True
        self.door_button.show()
        self.door_button.blockSignals(True)
        self.door_button.setChecked(on)
        self.door_button.blockSignals(False)
        self.retranslate()

    def _door_toggled(self, on: bool) -> None:
        self.retranslate()
        self.door_mode_chosen.emit(on)

    # -- the on-screen keyboard ----------------------------------------------

    def _show_keyboard(self, on: bool) -> None:
        self.keyboard.setVisible(on)
        self._place_keyboard()
        if on and self.tabs is not None:
            self.tabs.setCurrentWidget(self.tabs.console)
            self.tabs.console.search.setFocus()

    def _place_keyboard(self) -> None:
        """Along the bottom of the screen, over the console."""
        if not self.keyboard.isVisible() or self._style is None:
            return
        _, metrics = self._style
        margin = metrics.px(12)
        rows = OnScreenKeyboard.rows(self.keyboard.narrow)
        height = rows * metrics.touch + (rows - 1) * metrics.spacing
        self.keyboard.setGeometry(
            margin, self.height() - height - margin, self.width() - 2 * margin, height
        )
        self.keyboard.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_keyboard()

    def _type(self, text: str | None) -> None:
        """A key of the on-screen keyboard into the console's search: letters,
        None for delete, "" for clear."""
        if self.tabs is None:
            return
        search = self.tabs.sign_in.field_typed_into()
        if search is None:
            self.tabs.setCurrentWidget(self.tabs.console)
            search = self.tabs.console.search
        if text is None:
            search.backspace()
        elif text:
            search.insert(text)
        else:
            search.clear()

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
        tabs.sign_in.signed_in.connect(self._signed_in)
        tabs.sign_in.add_keypad()  # a touch-only kiosk has no other digits
        self.tabs = tabs
        self._forget()

    def on_enter(self) -> None:
        self.opened()

    def on_leave(self) -> None:
        self.leave()

    def opened(self) -> None:
        """Fresh lists and counts: the kiosk has checked people in since last time."""
        if self.tabs is None:
            return
        self.is_open = True
        # Styled before it joins the layout: unstyled, it would ask for a
        # bigger window than a windowed kiosk has, and get it.
        self._style_tabs()
        self.root.takeAt(CONSOLE_SLOT)  # the stretch standing in for it
        self.root.insertWidget(CONSOLE_SLOT, self.tabs, 1)
        self.tabs.show()
        self.tabs.console.reload()
        self.tabs.overview.refresh()
        self.tabs.overview.timer.start()
        self.tabs.console.search.setFocus()
        # With volunteer accounts, who is working is asked each time the
        # screen opens; leaving kiosk mode needs someone signed in too.
        self.tabs.lock("staff screen opened")
        self._signed_in()

    def _signed_in(self) -> None:
        assert self.tabs is not None
        signed_in = not self.tabs.sign_in.isVisibleTo(self.tabs)
        self.exit_button.setEnabled(signed_in)
        self.door_button.setEnabled(signed_in)

    def leave(self) -> None:
        """Forget who was looked up and stop polling: the next person at the
        kiosk may not be staff, and the overview must not slow the scans.
        Free when the screen was not open: welcome comes back after every scan."""
        if self.tabs is None or not self.is_open:
            return
        self.is_open = False
        self.tabs.desk.sign_out()
        self._forget()

    def _forget(self) -> None:
        self._stay()
        self.keyboard_button.setChecked(False)
        assert self.tabs is not None
        self.tabs.overview.timer.stop()
        self.tabs.console.reset()
        self.tabs.setCurrentIndex(0)
        # Out of the window while closed: every restyle of the kiosk (an
        # attendee's "large text") would otherwise restyle the console too,
        # 40 ms and more on the public screens.
        if self.root.indexOf(self.tabs) >= 0:
            self.root.removeWidget(self.tabs)
            self.root.insertStretch(CONSOLE_SLOT, 1)
        self.tabs.setParent(None)
        self.tabs.hide()  # not a window of its own: nobody may see it until the PIN

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
        """Exit kiosk at one end, Back to check-in at the other, never side by
        side; landscape: one row with the title between; portrait: title above."""
        for widget in (*self._header_widgets(), self.exit_question):
            self.header.removeWidget(widget)
        self.header.addWidget(self.exit_question, 0, 0, 1 if landscape else 2, 5)
        if landscape:
            self.header.addWidget(self.exit_button, 0, 0)
            self.header.addWidget(self.title, 0, 1)
        else:
            self.header.addWidget(self.title, 0, 0, 1, 5)
            self.header.addWidget(self.exit_button, 1, 0)
        row = 0 if landscape else 1
        self.header.addWidget(self.door_button, row, 2)
        self.header.addWidget(self.keyboard_button, row, 3)
        self.header.addWidget(self.back_button, row, 4)
        self.header.setColumnStretch(1, 1)

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        # The console keeps desk-sized text: an attendee's "Larger text", still
        # on when staff open this screen, would push it past a 600 px screen.
        self._style = (theme, replace(metrics, text_factor=1.0))
        margin = metrics.px(12)
        self.root.setContentsMargins(margin, metrics.px(8), margin, margin)
        self.root.setSpacing(metrics.px(8))
        self.header.setSpacing(metrics.px(12))
        self._arrange_header(metrics.landscape)
        self.keyboard.grid.setSpacing(metrics.spacing)
        wide_needs = OnScreenKeyboard.columns(False) * (metrics.touch + metrics.spacing)
        self.keyboard.set_narrow(metrics.width - 2 * margin < wide_needs)
        self._place_keyboard()
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
        self.title.set_full_text(
            translate("StaffScreen", "Staff — station {name}").format(name=self.station)
        )
        if self._fault_sentence is not None:
            set_text(
                self.fault,
                translate("StaffScreen", "Check-ins cannot be saved: {cause}").format(
                    cause=self._fault_sentence
                ),
            )
        set_text(self.exit_button, translate("StaffScreen", "Exit kiosk…"))
        set_text(self.keyboard_button, translate("StaffScreen", "Keyboard"))
        set_text(
            self.door_button,
            translate("StaffScreen", "Door mode: Exit")
            if self.door_button.isChecked()
            else translate("StaffScreen", "Door mode: Entry"),
        )
        set_text(
            self.exit_text,
            translate(
                "StaffScreen",
                "Close the kiosk? Check-in stops at this station until it is started again.",
            ),
        )
        set_text(self.confirm_exit, translate("StaffScreen", "Exit kiosk"))
        set_text(self.stay_button, translate("StaffScreen", "Stay"))
        self.keyboard.retranslate()
        set_text(self.back_button, translate("StaffScreen", "Back to check-in"))

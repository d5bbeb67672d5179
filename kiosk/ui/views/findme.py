"""Find me by name: an on-screen keyboard and at most a handful of matches.

Shows only what someone needs to recognise themselves: first name, last
initial and organisation. Nothing appears before two letters are typed.
Left alone, the screen goes back to the start: the last COUNTDOWN_FROM seconds
are counted down on it, and any touch starts the wait again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text
from kiosk.ui.widgets.elide import ElidingButton
from kiosk.ui.widgets.keyboard import OnScreenKeyboard

MIN_LETTERS = 2
MATCH_SLOTS = 6
COUNTDOWN_FROM = 10  # seconds


translate = QCoreApplication.translate


class FindMeView(ScreenView):
    query_changed = Signal(str)
    chosen = Signal(int)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._state = "short"
        self.title = label("event", self, wrap=False)
        self.field = QLineEdit(self)
        self.field.setMaxLength(40)
        self.field.textChanged.connect(self._on_text)
        self.back_button = button("", self)
        self.back_button.clicked.connect(self.back)
        self.hint = label("muted", self)
        self.countdown = label("countdown", self, wrap=False)
        self.countdown.hide()
        # The flow's idle timer, read (never driven) to count down its end.
        self.idle: QTimer | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self.refresh_countdown)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.typed.connect(lambda c: self.field.insert(c))
        self.keyboard.backspace.connect(self.field.backspace)
        self.keyboard.cleared.connect(self.field.clear)
        self.matches: list[ElidingButton] = []
        grid = QGridLayout()
        for index in range(MATCH_SLOTS):
            match = ElidingButton(self)
            match.setProperty("role", "match")
            match.setVisible(False)
            match.clicked.connect(lambda _=False, i=index: self._choose(i))
            self.matches.append(match)
            grid.addWidget(match, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        # The title shares a row with the field: on a 600 px high screen every
        # row of 64 px touch targets counts.
        self.top = QGridLayout()
        self._portrait: bool | None = None
        self._place_top(portrait=False)
        self.grid = grid
        self.root = QVBoxLayout(self)
        self.root.addLayout(self.top)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.countdown)
        self.root.addLayout(hint_row)
        self.root.addLayout(grid)
        self.root.addStretch(1)
        self.root.addWidget(self.keyboard)
        self.retranslate()

    def _place_top(self, portrait: bool) -> None:
        """Landscape: title, field and Back in one row; portrait: the field below."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for widget in (self.title, self.field, self.back_button):
            self.top.removeWidget(widget)
        self.top.addWidget(self.title, 0, 0)
        if portrait:
            self.top.addWidget(self.back_button, 0, 1)
            self.top.addWidget(self.field, 1, 0, 1, 2)
        else:
            self.top.addWidget(self.field, 0, 1)
            self.top.addWidget(self.back_button, 0, 2)
        self.top.setColumnStretch(1, 0 if portrait else 1)
        self.top.setColumnStretch(0, 1 if portrait else 0)

    def refresh_countdown(self) -> None:
        """Show the seconds left when there are few, hide them otherwise."""
        left_ms = self.idle.remainingTime() if self.idle is not None else -1
        if 0 <= left_ms <= COUNTDOWN_FROM * 1000:
            seconds = max(1, (left_ms + 500) // 1000)  # Qt may say 3001 for 3 s
            set_text(
                self.countdown,
                translate("FindMe", "Back to the start in {n} s").format(n=seconds),
            )
            self.countdown.show()
        else:
            self.countdown.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ticker.start()
        self.refresh_countdown()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._ticker.stop()
        self.countdown.hide()

    def reset(self) -> None:
        self.field.clear()
        self.show_matches([])
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_text(self, text: str) -> None:
        letters = sum(c.isalpha() for c in text)
        if letters < MIN_LETTERS:
            self.show_matches([])
            self._state = "short"
            self._update_hint()
            return
        self.query_changed.emit(text)

    def show_matches(
        self, matches: list[tuple[int, str]], *, more: bool = False, add: str = ""
    ) -> None:
        """Fill the slots with (attendee id, label); never more than MATCH_SLOTS.

        `more`: others match too. `add`: "first" or "last" when the person's
        other name would narrow it down (they typed a whole surname, or first name).
        """
        matches = matches[:MATCH_SLOTS]
        self._ids = [attendee_id for attendee_id, _ in matches]
        for index, widget in enumerate(self.matches):
            # A match alone on its row takes the whole row: its organisation
            # is then shortened only where the screen really ends.
            alone = index == len(matches) - 1 and index % 2 == 0
            self.grid.removeWidget(widget)
            self.grid.addWidget(widget, index // 2, index % 2, 1, 2 if alone else 1)
            if index < len(matches):
                widget.setVisible(True)
                widget.set_full_text(matches[index][1])
            else:
                widget.setVisible(False)
        if sum(c.isalpha() for c in self.field.text()) >= MIN_LETTERS:
            if more:
                self._state = {"first": "add_first", "last": "add_last"}.get(add, "more")
            else:
                self._state = "none" if not matches else "some"
        self._update_hint()

    def _choose(self, index: int) -> None:
        if index < len(self._ids):
            self.chosen.emit(self._ids[index])

    def _update_hint(self) -> None:
        text = {
            "short": translate("FindMe", "Type at least 2 letters of your first or last name."),
            "none": translate("FindMe", "No match yet. Check the spelling or see the help desk."),
            "some": translate("FindMe", "Tap your name."),
            "more": translate("FindMe", "Many names match: type more letters."),
            "add_first": translate("FindMe", "Many names match: add your first name."),
            "add_last": translate("FindMe", "Many names match: add your last name."),
        }[self._state]
        set_text(self.hint, text)

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        margin = metrics.px(16)
        self.root.setContentsMargins(margin, metrics.px(10), margin, metrics.px(10))
        self.root.setSpacing(metrics.spacing)
        self.grid.setSpacing(metrics.spacing)
        self.top.setSpacing(metrics.spacing)
        self._place_top(portrait=not metrics.landscape)
        self.keyboard.grid.setSpacing(metrics.spacing)
        wide_needs = OnScreenKeyboard.columns(False) * (metrics.touch + metrics.spacing)
        narrow = metrics.width - 2 * margin < wide_needs
        self.keyboard.set_narrow(narrow)
        rows = OnScreenKeyboard.rows(narrow)
        self.keyboard.setFixedHeight(rows * metrics.touch + (rows - 1) * metrics.spacing)

    def retranslate(self) -> None:
        set_text(self.title, translate("FindMe", "Find me by name"))
        self.field.setPlaceholderText(translate("FindMe", "Your first or last name"))
        self.field.setAccessibleName(translate("FindMe", "Your first or last name"))
        set_text(self.back_button, translate("FindMe", "Back"))
        self.keyboard.retranslate()
        self._update_hint()

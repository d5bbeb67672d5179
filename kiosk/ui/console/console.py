"""The volunteer console: search as you type, see everything, act, all logged.

Keyboard only works: the search box has focus, Down moves into the list,
Enter checks the chosen person in, and each action has a shortcut. A row
the search chose by itself (the first match) is only checked in after a
question naming the person, so Enter pressed twice, or a double-click on
it, never admits the wrong person.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import DeskError, HelpDesk
from kiosk.store.faults import BUG_SENTENCE
from kiosk.ui.console.action_bar import ActionBar
from kiosk.ui.console.alert_banner import AlertBanner, DeskSounds, Player
from kiosk.ui.console.badge_file import BadgeFileBar
from kiosk.ui.console.check_in_target import CheckInTarget
from kiosk.ui.console.desk_actions import DeskActions
from kiosk.ui.console.details import DetailsPanel
from kiosk.ui.console.filters import FilterBar
from kiosk.ui.console.message_line import MessageLine, NextAction
from kiosk.ui.console.model import (
    COL_CATEGORY,
    COL_NAME,
    COL_ORGANISATION,
    COL_STATUS,
    AttendeeTableModel,
)
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")

SEARCH_DELAY_MS = 120


class ConsoleWidget(FollowsLanguage, QWidget):
    back = Signal()
    changed = Signal()  # something was written: the overview may refresh

    def __init__(
        self, desk: HelpDesk, parent: QWidget | None = None, sounds: Player | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.alerts = AlertBanner(desk, sounds or DeskSounds(), self)
        self.alerts.changed.connect(self.changed.emit)
        self.model = AttendeeTableModel(desk.store, desk.station.event, self)
        self.filter_bar = FilterBar(desk.store, self)
        fb = self.filter_bar
        self.search, self.state, self.category, self.session = fb.search, *fb.combos
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(COL_NAME, 260)
        self.table.setColumnWidth(COL_ORGANISATION, 260)
        self.details = DetailsPanel(desk, self)
        self.desk_actions = DeskActions(self)
        self.action_bar = ActionBar(self.desk_actions, self.back.emit, self)
        self.buttons, self.back_button = self.action_bar.buttons, self.action_bar.back_button
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        self.message_line = MessageLine(self)
        self.target = CheckInTarget(desk, self)
        # Beside the last word, not a row of its own (in portrait: beside the search).
        self.message_row = QHBoxLayout()
        self.message_row.addWidget(self.message_line, 1)
        self.message, self.message_action = self.message_line.label, self.message_line.action
        self.badge_file = BadgeFileBar(desk.printer, self)
        self.badge_file.news.connect(self._badge_news)
        self._chosen_by_hand = False  # the current row was picked, not pre-selected
        self._choosing = False
        self.retranslate()

        self.split = split = QSplitter(self)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 460])
        self._arranged: tuple[int, bool] | None = None
        self._fitted: tuple[int, int] | None = None
        self._arrange(columns=len(self.buttons), narrow=False)
        layout = QVBoxLayout(self)
        for widget, stretch in ((self.alerts, 0), (fb, 0), (split, 1)):
            layout.addWidget(widget, stretch)
        layout.addLayout(self.message_row)
        for widget in (self.badge_file, self.action_bar):
            layout.addWidget(widget)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._enter_from_search)
        fb.filter_changed.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self._activated())
        self._update_buttons()
        self.refresh()

    # -- texts -------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text again: at the start and when the language changes.
        The last action's message stays as it was said."""
        self.filter_bar.retranslate()
        self.alerts.retranslate()
        self.table.setAccessibleName(translate("Console", "Attendees"))
        self.action_bar.retranslate()
        self.message_line.retranslate()
        self.target.reload()
        self.model.retranslate()

    # -- the layout --------------------------------------------------------

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self.isVisible():
            self.fit(self.width(), self.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # FollowsLanguage retranslates first
        if event.type() == QEvent.Type.LanguageChange:
            # Longer words may need fewer buttons a row, shown or not (the
            # kiosk's staff screen keeps the console while it is closed).
            if self._fitted is not None:
                self._arranged = None
                self.fit(*self._fitted)
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and self.isVisible():
            self.fit(self.width(), self.height())  # a kiosk's stylesheet changes every width

    def fit(self, width: int, height: int) -> None:
        """Arrange for a `width` x `height` space: the actions in as many
        columns as fit; taller than wide (a portrait kiosk), the search above
        the filters and the details under the list. A window about to show
        the console calls it with the size it will have, so that the console
        never asks for a bigger window than that."""
        self._fitted = (width, height)
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        full = width - (margins.left() + margins.right() if margins is not None else 0)
        columns = self.action_bar.columns_for(full)
        narrow = width < height
        self._arrange(columns, narrow)
        # Name and organisation share what the list gets, so the state shows too.
        share = full if narrow else full * 3 // 5
        for column in (COL_NAME, COL_ORGANISATION):
            self.table.setColumnWidth(column, max(120, min(260, share * 3 // 10)))
        header = self.table.horizontalHeader()
        for column in (COL_CATEGORY, COL_STATUS):  # their titles whole, in any language
            self.table.setColumnWidth(
                column, max(header.defaultSectionSize(), header.sectionSizeHint(column))
            )

    def _arrange(self, columns: int, narrow: bool) -> None:
        if self._arranged == (columns, narrow):
            return
        self._arranged = (columns, narrow)
        self.action_bar.arrange(columns)
        self.filter_bar.arrange(narrow, beside_search=self.target)
        if not narrow:
            self.message_row.addWidget(self.target)
        self.target.compact(narrow)
        self.split.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
        layout = self.layout()
        if layout is not None:
            layout.invalidate()

    # -- the list ----------------------------------------------------------

    def refresh(self) -> None:
        """Run the search again, keeping the chosen person chosen (else the first row)."""
        self._query(choose_first=True)

    def reload(self) -> None:
        """Run the search again for fresh states (others check people in too),
        keeping the chosen person chosen and choosing nobody new."""
        self._query(choose_first=False)

    def refresh_sessions(self) -> None:
        """The programme changed: the sessions Check in can admit to follow."""
        self.target.reload()

    def look_up(self, text: str) -> None:
        """Search for `text` at once (a scanned ticket) and put the focus on the list."""
        self.search.setText(text)
        self._enter_from_search()

    def reset(self) -> None:
        """Forget the search, the filters, the chosen person, the last message
        and any open dialog: the kiosk's staff screen is left for the next
        volunteer, who should not see whom the last one looked up."""
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        self.filter_bar.clear()
        self._debounce.stop()
        self._say("")
        self.table.selectionModel().clear()
        self.reload()

    def _query(self, *, choose_first: bool) -> None:
        self.target.reload()  # another station may have changed the programme
        chosen = self.current_id()
        query = self.filter_bar.query()
        day = None if query["session_id"] is not None else self._today()
        self.model.set_query(query.pop("text"), day=day, **query)
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.attendee_id(r) == chosen),
            0 if self.model.rowCount() and choose_first else None,
        )
        if row is not None:
            if self.model.attendee_id(row) != chosen:
                self._chosen_by_hand = False
            self._choosing = True
            try:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            finally:
                self._choosing = False
        else:
            self._chosen_by_hand = False
            self.details.show_attendee(None)
            if chosen is not None:
                self._say("")
        self._update_buttons()
        self._offer_walk_in()

    def _today(self) -> dt.date:
        return self.desk.station.event.local_day(self.desk.station.clock())

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.attendee_id(index.row()) if index.isValid() else None

    def _show_current(self) -> None:
        attendee_id = self.current_id()
        if attendee_id != self.message_line.about and self.message.text():
            self._say("")  # the last message was about someone else
        attendee = self.desk.store.attendee(attendee_id) if attendee_id else None
        printed = (
            self.desk.printer.printed_count(attendee.id)
            if attendee and self.desk.printer is not None
            else None
        )
        self.details.show_attendee(attendee, printed)
        self.badge_file.show_for(attendee.id if attendee else None)
        self._update_buttons()

    def _current_changed(self) -> None:
        if not self._choosing:
            self._chosen_by_hand = True
        self._show_current()

    def _update_buttons(self) -> None:
        self.action_bar.enable(self.current_id() is not None, self.desk.printer is not None)

    def _enter_from_search(self) -> None:
        self._debounce.stop()
        self.refresh()
        self.table.setFocus()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
            return
        super().keyPressEvent(event)

    # -- the message line --------------------------------------------------

    def _say(self, text: str, action: NextAction | None = None) -> None:
        """Show `text` about the current person, with a button for what to do next."""
        self.message_line.say(text, self.current_id(), action)

    def _offer_walk_in(self) -> None:
        """A search that finds nobody offers to register them at the desk."""
        text = self.search.text().strip()
        if not text or self.model.rowCount():
            if self.message_line.next_action == self._walk_in_from_search:
                self._say("")
            return
        self._say(
            translate("Console", "Nobody on the roster matches “{text}”.").format(text=text),
            (translate("Console", "Register a walk-in…"), self._walk_in_from_search),
        )

    def _walk_in_from_search(self) -> None:
        """A walk-in with the searched words as the name: first word, then the rest."""
        words = self.search.text().split()
        self.desk_actions.ask_walk_in(
            {"first_name": words[0] if words else "", "last_name": " ".join(words[1:])}
        )

    # -- actions -----------------------------------------------------------

    def done(
        self,
        text: str,
        keep: int | None = None,
        action: NextAction | None = None,
    ) -> None:
        """Say what happened and refresh; `keep` stays chosen even when an
        edit means the search no longer finds them (it then shows them by code)."""
        self.refresh()
        self.alerts.refresh()
        if keep is not None and self.current_id() != keep:
            attendee = self.desk.store.attendee(keep)
            if attendee is not None:
                self.search.setText(attendee.code)
                self._debounce.stop()
                self.refresh()
        self._show_current()
        self._say(text, action)
        self.changed.emit()

    def failed(self, error: DeskError) -> None:
        self._say(str(error))

    def say_problem(self, sentence: str) -> None:
        """An error that escaped an action, said on the message line (never a traceback)."""
        if sentence == BUG_SENTENCE:
            sentence = translate("Console", "Something went wrong; check-ins so far are safe.")
        self._say(sentence)

    def name_of(self, attendee_id: int) -> str:
        attendee = self.desk.store.attendee(attendee_id)
        return attendee.full_name if attendee else ""

    def choose_by_hand(self, attendee_id: int) -> None:
        """Show `attendee_id` chosen, as if the volunteer had picked their row."""
        attendee = self.desk.store.attendee(attendee_id)
        if attendee is not None:
            self.look_up(attendee.code)
            self._chosen_by_hand = True

    def _activated(self) -> None:
        """Enter or a double-click on a row: a row the search chose by itself
        asks first, naming the person."""
        attendee_id = self.current_id()
        if attendee_id is None:
            return
        if self._chosen_by_hand:
            self.desk_actions.check_in()
        else:
            self.desk_actions.confirm_check_in(attendee_id)

    def _badge_news(self, attendee_id: int, text: str) -> None:
        """Where a badge went, said while its person is still the one chosen."""
        if attendee_id == self.current_id():
            self._show_current()  # the count of badges and the file have changed
            self._say(text)

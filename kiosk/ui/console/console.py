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
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import DeskError, DuplicateWalkIn, HelpDesk
from kiosk.domain import Result
from kiosk.store.attendee_list import CHECKED_IN, NOT_CHECKED_IN, categories
from kiosk.store.faults import BUG_SENTENCE
from kiosk.ui.console.badge_file import BadgeFileBar, where_it_goes
from kiosk.ui.console.details import DetailsPanel
from kiosk.ui.console.dialogs import ConfirmDialog, PersonDialog, ReasonDialog
from kiosk.ui.console.duplicates import DuplicateDialog
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

    def __init__(self, desk: HelpDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        store = desk.store
        self.model = AttendeeTableModel(store, desk.station.event, self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox(self)
        for value in (None, CHECKED_IN, NOT_CHECKED_IN):
            self.state.addItem("", value)
        self.category = QComboBox(self)
        self.category.addItem("", None)
        for name in categories(store):
            self.category.addItem(name, name)
        self.session = QComboBox(self)
        self.session.addItem("", None)
        for session in store.sessions():
            self.session.addItem(session.title, session.id)

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

        self.buttons: dict[str, QPushButton] = {}
        actions = (
            ("check_in", "Ctrl+Return", self.check_in),
            ("undo", "Ctrl+Z", self.ask_undo),
            ("reprint", "Ctrl+P", self.reprint),
            ("edit", "Ctrl+E", self.ask_edit),
            ("transfer", "Ctrl+T", self.ask_transfer),
            ("cancel", "Ctrl+Delete", self.ask_cancel),
            ("walk_in", "Ctrl+N", self.ask_walk_in),
        )
        self.action_row = action_row = QHBoxLayout()
        self.action_grid = QGridLayout()
        for key, shortcut, slot in actions:
            button = QPushButton(self)
            button.setToolTip(
                QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            )
            button.clicked.connect(slot)
            QShortcut(QKeySequence(shortcut), self, activated=slot)
            self.buttons[key] = button
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back)
        action_row.addLayout(self.action_grid)
        action_row.addStretch(1)
        action_row.addWidget(self.back_button)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        # One button beside the message for what to do next (reprint after
        # an edit, a walk-in when nobody is found); hidden otherwise.
        self.message_action = QPushButton(self)
        self.message_action.hide()
        self.message_action.clicked.connect(self._message_action_clicked)
        self._next_action: Callable[[], None] | None = None
        self.badge_file = BadgeFileBar(desk.printer, self)
        self.badge_file.news.connect(self._badge_news)
        self._message_for: int | None = None  # the person the message is about
        self._chosen_by_hand = False  # the current row was picked, not pre-selected
        self._choosing = False
        self.retranslate()

        # Long session titles and categories must not make the window wider.
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 16)
        for combo in (self.state, self.category, self.session):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.filters = QGridLayout()
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
        layout.addLayout(self.filters)
        layout.addWidget(split, 1)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.message_action)
        layout.addLayout(message_row)
        layout.addWidget(self.badge_file)
        layout.addLayout(action_row)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._enter_from_search)
        for combo in (self.state, self.category, self.session):
            combo.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self._activated())
        self._update_buttons()
        self.refresh()

    # -- texts -------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text again: at the start and when the language changes.
        The last action's message stays as it was said."""
        self.search.setPlaceholderText(
            translate("Console", "Search name, organisation, email or code")
        )
        self.search.setAccessibleName(translate("Console", "Search attendees"))
        self.state.setAccessibleName(translate("Console", "Check-in filter"))
        for index, text in enumerate(
            (
                translate("Console", "Everyone"),
                translate("Console", "Checked in", "filter: the people who have arrived"),
                translate("Console", "Not yet"),
            )
        ):
            self.state.setItemText(index, text)
        self.category.setAccessibleName(translate("Console", "Category filter"))
        self.category.setItemText(0, translate("Console", "All categories"))
        self.session.setAccessibleName(translate("Console", "Event or session"))
        self.session.setItemText(0, translate("Console", "The event (today)"))
        self.table.setAccessibleName(translate("Console", "Attendees"))
        texts = {
            "check_in": translate("Console", "Check in"),
            "undo": translate("Console", "Undo check-in…"),
            "reprint": translate("Console", "Reprint badge"),
            "edit": translate("Console", "Edit…"),
            "transfer": translate("Console", "Transfer…"),
            "cancel": translate("Console", "Cancel registration…"),
            "walk_in": translate("Console", "Walk-in…"),
        }
        for key, button in self.buttons.items():
            button.setText(texts[key])
            button.setAccessibleName(texts[key])
        self.back_button.setText(translate("Console", "Back"))
        self.message.setAccessibleName(translate("Console", "Last action"))
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
        spacing = max(0, self.action_grid.horizontalSpacing())
        full = width - (margins.left() + margins.right() if margins is not None else 0)
        room = full
        if self.back_button.isVisibleTo(self):
            room -= self.back_button.sizeHint().width() + spacing
        widths = [button.sizeHint().width() for button in self.buttons.values()]
        columns = len(widths)
        while columns > 1:
            needed = sum(max(widths[c::columns]) for c in range(columns))
            if needed + spacing * (columns - 1) <= room:
                break
            columns -= 1
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
        for button in self.buttons.values():
            self.action_grid.removeWidget(button)
        for index, button in enumerate(self.buttons.values()):
            self.action_grid.addWidget(button, index // columns, index % columns)
        fields = (self.search, self.state, self.category, self.session)
        for field in fields:
            self.filters.removeWidget(field)
        if narrow:
            self.filters.addWidget(self.search, 0, 0, 1, 3)
            for column, combo in enumerate(fields[1:]):
                self.filters.addWidget(combo, 1, column)
                self.filters.setColumnStretch(column, 1)
            self.filters.setColumnStretch(3, 0)
        else:
            for column, (field, stretch) in enumerate(zip(fields, (5, 2, 2, 3), strict=True)):
                self.filters.addWidget(field, 0, column)
                self.filters.setColumnStretch(column, stretch)
        self.split.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
        # Hidden, nobody asks the layouts to recompute: a stale minimum
        # (seven buttons in a row) would otherwise widen the kiosk window.
        for layout in (self.action_grid, self.action_row, self.filters, self.layout()):
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
        for widget in (self.search, self.state, self.category, self.session):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.state, self.category, self.session):
            combo.setCurrentIndex(0)
        for widget in (self.search, self.state, self.category, self.session):
            widget.blockSignals(False)
        self._debounce.stop()
        self._say("")
        self.table.selectionModel().clear()
        self.reload()

    def _query(self, *, choose_first: bool) -> None:
        chosen = self.current_id()
        session_id = self.session.currentData()
        self.model.set_query(
            self.search.text(),
            state=self.state.currentData(),
            category=self.category.currentData(),
            session_id=session_id,
            day=None if session_id is not None else self._today(),
        )
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
        if attendee_id != self._message_for and self.message.text():
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
        chosen = self.current_id() is not None
        for key, button in self.buttons.items():
            button.setEnabled(chosen or key == "walk_in")
        self.buttons["reprint"].setEnabled(chosen and self.desk.printer is not None)

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

    def _say(self, text: str, action: tuple[str, Callable[[], None]] | None = None) -> None:
        """Show `text` about the current person, with a button for what to do next."""
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        self._message_for = self.current_id() if text else None
        self._next_action = action[1] if action else None
        if action:
            self.message_action.setText(action[0])
            self.message_action.setAccessibleName(action[0])
        self.message_action.setVisible(action is not None)

    def _message_action_clicked(self) -> None:
        if self._next_action is not None:
            self._next_action()

    def _offer_walk_in(self) -> None:
        """A search that finds nobody offers to register them at the desk."""
        text = self.search.text().strip()
        if not text or self.model.rowCount():
            if self._next_action == self._walk_in_from_search:
                self._say("")
            return
        self._say(
            translate("Console", "Nobody on the roster matches “{text}”.").format(text=text),
            (translate("Console", "Register a walk-in…"), self._walk_in_from_search),
        )

    def _walk_in_from_search(self) -> None:
        """A walk-in with the searched words as the name: first word, then the rest."""
        words = self.search.text().split()
        self.ask_walk_in(
            {"first_name": words[0] if words else "", "last_name": " ".join(words[1:])}
        )

    # -- actions -----------------------------------------------------------

    def _done(
        self,
        text: str,
        keep: int | None = None,
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        """Say what happened and refresh; `keep` stays chosen even when an
        edit means the search no longer finds them (it then shows them by code)."""
        self.refresh()
        if keep is not None and self.current_id() != keep:
            attendee = self.desk.store.attendee(keep)
            if attendee is not None:
                self.search.setText(attendee.code)
                self._debounce.stop()
                self.refresh()
        self._show_current()
        self._say(text, action)
        self.changed.emit()

    def _failed(self, error: DeskError) -> None:
        self._say(str(error))

    def say_problem(self, sentence: str) -> None:
        """An error that escaped an action, said on the message line (never a traceback)."""
        if sentence == BUG_SENTENCE:
            sentence = translate("Console", "Something went wrong; check-ins so far are safe.")
        self._say(sentence)

    def _name(self, attendee_id: int) -> str:
        attendee = self.desk.store.attendee(attendee_id)
        return attendee.full_name if attendee else ""

    def _activated(self) -> None:
        """Enter or a double-click on a row: a row the search chose by itself
        asks first, naming the person."""
        attendee_id = self.current_id()
        if attendee_id is None:
            return
        if self._chosen_by_hand:
            self.check_in()
            return
        attendee = self.desk.store.attendee(attendee_id)
        if attendee is None:
            return
        who = ", ".join(part for part in (attendee.full_name, attendee.organisation) if part)
        dialog = ConfirmDialog(
            translate("Console", "Check in"),
            translate("Console", "Check in {who}?").format(who=who),
            translate("Console", "Check in"),
            self,
        )

        def accepted() -> None:
            if self.current_id() == attendee_id:
                self.check_in()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def check_in(self) -> None:
        attendee_id = self.current_id()
        if attendee_id is None:
            return
        result, job = self.desk.check_in_with_badge(attendee_id)
        texts = {
            Result.CHECKED_IN: translate("Console", "Checked in."),
            Result.ALREADY_CHECKED_IN: translate("Console", "Already checked in today."),
            Result.CANCELLED: translate("Console", "This registration is cancelled."),
            Result.NOT_VALID_NOW: translate("Console", "Not valid at this time."),
        }
        self._done(
            self._with_badge(texts.get(result.result, result.result.value), job, attendee_id)
        )

    def _with_badge(self, text: str, job: int | None, attendee_id: int) -> str:
        """`text`, then where the badge made for it is going (the bar follows it)."""
        if job is None:
            return text
        self.badge_file.follow(job, attendee_id)
        return f"{text} {where_it_goes(self.desk.printer, job)}"

    def reprint(self) -> None:
        attendee_id = self.current_id()
        if attendee_id is None:
            return
        try:
            job = self.desk.reprint(attendee_id)
        except DeskError as error:
            self._failed(error)
            return
        self.badge_file.follow(job, attendee_id)
        self._done(where_it_goes(self.desk.printer, job))

    def _badge_news(self, attendee_id: int, text: str) -> None:
        """Where a badge went, said while its person is still the one chosen."""
        if attendee_id == self.current_id():
            self._show_current()  # the count of badges and the file have changed
            self._say(text)

    def ask_undo(self) -> None:
        name = self._name(self.current_id() or 0)
        self._ask_reason(
            translate("Console", "Undo check-in: {name}").format(name=name),
            translate("Console", "Why is the check-in of {name} being undone?").format(name=name),
            lambda attendee_id, reason: self.desk.undo(attendee_id, reason),
            translate("Console", "Check-in undone."),
        )

    def ask_cancel(self) -> None:
        name = self._name(self.current_id() or 0)
        self._ask_reason(
            translate("Console", "Cancel registration: {name}").format(name=name),
            translate("Console", "Why is the registration of {name} being cancelled?").format(
                name=name
            ),
            lambda attendee_id, reason: self.desk.cancel(attendee_id, reason),
            translate("Console", "Registration cancelled."),
        )

    def _ask_reason(self, title: str, prompt: str, action, done: str) -> None:  # type: ignore[no-untyped-def]
        attendee_id = self.current_id()
        if attendee_id is None:
            return
        dialog = ReasonDialog(title, prompt, self)

        def accepted() -> None:
            try:
                action(attendee_id, dialog.text())
            except DeskError as error:
                self._failed(error)
                return
            self._done(done)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_edit(self) -> None:
        attendee_id = self.current_id()
        attendee = self.desk.store.attendee(attendee_id) if attendee_id else None
        if attendee is None:
            return
        dialog = PersonDialog(
            translate("Console", "Edit attendee"),
            categories(self.desk.store),
            attendee,
            parent=self,
        )

        def accepted() -> None:
            try:
                edited = self.desk.edit(attendee.id, dialog.values())
            except DeskError as error:
                self._failed(error)
                return
            on_badge = ("first_name", "last_name", "organisation", "job_title", "category")
            renamed = any(getattr(edited, k) != getattr(attendee, k) for k in on_badge)
            offer = (
                (translate("Console", "Reprint badge"), self.reprint)
                if renamed and self.desk.printer is not None
                else None
            )
            self._done(translate("Console", "Saved."), attendee.id, offer)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_transfer(self) -> None:
        attendee_id = self.current_id()
        if attendee_id is None:
            return
        name = self._name(attendee_id)
        dialog = PersonDialog(
            translate("Console", "Transfer to another person"),
            [],
            with_category=False,
            with_notes=False,
            note=translate(
                "Console",
                "Give the registration of {name} to someone else, for example a colleague "
                "sent in their place. The ticket stays the same, so the code they carry still "
                "scans; {name} is kept in the audit log.",
            ).format(name=name),
            parent=self,
        )

        def accepted() -> None:
            try:
                self.desk.transfer(attendee_id, dialog.values(), "transferred at the desk")
            except DeskError as error:
                self._failed(error)
                return
            self._done(
                translate("Console", "Registration transferred; the ticket still scans."),
                attendee_id,
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_walk_in(self, typed: dict[str, str] | None = None) -> None:
        """The walk-in form (with `typed` filled in); someone like a person
        on the roster is offered that record first."""
        dialog = PersonDialog(
            translate("Console", "Walk-in registration"), categories(self.desk.store), parent=self
        )
        for name, value in (typed or {}).items():
            dialog.edits[name].setText(value)

        def accepted() -> None:
            self._register_walk_in(dialog.values())

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _register_walk_in(self, values: dict[str, str], reason: str = "") -> None:
        try:
            walk_in = self.desk.walk_in(values, duplicate_reason=reason)
        except DuplicateWalkIn as duplicate:
            self._ask_which(values, duplicate)
            return
        except DeskError as error:
            self._failed(error)
            return
        registered = translate("Console", "Walk-in registered and checked in.")
        self._done(
            self._with_badge(registered, walk_in.print_job, walk_in.attendee.id),
            walk_in.attendee.id,
        )

    def _ask_which(self, values: dict[str, str], duplicate: DuplicateWalkIn) -> None:
        dialog = DuplicateDialog(duplicate.matches, self.desk.station.event.zone, self)

        def accepted() -> None:
            if dialog.chosen is None:
                self._register_walk_in(values, dialog.reason())
                return
            self.look_up(self.desk.store.attendee(dialog.chosen).code)  # type: ignore[union-attr]
            self._chosen_by_hand = True  # the volunteer chose them in the dialog
            self.check_in()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

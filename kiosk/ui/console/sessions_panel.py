"""The console's Sessions tab: the programme with who is in each room, and
a supervisor's Add, Edit, Cancel/Restore and Import agenda.

Each button is greyed with who may for another role, and each action
refuses in itself too (a shortcut or a stale window still reaches it): the
changes go through kiosk.desk_programme, which checks and audits them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import DeskError, HelpDesk
from kiosk.desk_programme import import_agenda_at_desk, save_session, set_cancelled
from kiosk.domain.models import Session
from kiosk.domain.roles import StaffAction
from kiosk.programme.agenda import AgendaError, AgendaReport, draft_of
from kiosk.reports.live import data_version
from kiosk.store.attendee_list import categories
from kiosk.store.programme import rooms, session_counts
from kiosk.ui.console.agenda_dialog import AgendaDialog, counts_line
from kiosk.ui.console.desk_actions import open_dialog, refusal
from kiosk.ui.console.session_dialog import SessionDialog
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate
POLL_MS = 1000
COLUMNS = 6
SESSION_ROLE = Qt.ItemDataRole.UserRole


class SessionsPanel(FollowsLanguage, QWidget):
    changed = Signal()  # the programme was written: the overview may refresh

    def __init__(self, desk: HelpDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.zone = desk.store.event().zone
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.table.cellDoubleClicked.connect(lambda *_: self.ask_edit())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.add_button.clicked.connect(self.ask_add)
        self.edit_button.clicked.connect(self.ask_edit)
        self.cancel_button.clicked.connect(self.cancel_or_restore)
        self.import_button.clicked.connect(self.ask_import)
        self.file_dialog: QFileDialog | None = None
        self.agenda_dialog: AgendaDialog | None = None
        self.session_dialog: SessionDialog | None = None
        # Two by two: a portrait kiosk's touch-sized buttons do not fit four in a row.
        row = QGridLayout()
        for index, button in enumerate(
            (self.add_button, self.edit_button, self.import_button, self.cancel_button)
        ):
            row.addWidget(button, index // 2, index % 2)
        row.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self._sessions: list[Session] = []
        self._version: int | None = None
        # Another station's import or a door's scans change what is shown.
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.refresh_if_changed)
        self.timer.start()
        self.retranslate()

    # -- texts and state ---------------------------------------------------

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                translate("Console", "When"),
                translate("Console", "Session"),
                translate("Console", "Room"),
                translate("Console", "In the room"),
                translate("Console", "Booked"),
                translate("Console", "Open to"),
            ]
        )
        self.table.setAccessibleName(translate("Console", "Sessions"))
        self.add_button.setText(translate("Console", "Add session…"))
        self.edit_button.setText(translate("Console", "Edit session…"))
        self.import_button.setText(translate("Console", "Import agenda…"))
        self.refresh()

    def _update_buttons(self) -> None:
        """A role that may not change the programme sees the buttons greyed, saying who may."""
        allowed = self.desk.may(StaffAction.PROGRAMME)
        chosen = self.current()
        self.cancel_button.setText(
            translate("Console", "Restore session")
            if chosen is not None and chosen.cancelled
            else translate("Console", "Cancel session…")
        )
        tip = "" if allowed else refusal(StaffAction.PROGRAMME)
        for button, needs_one in (
            (self.add_button, False),
            (self.edit_button, True),
            (self.cancel_button, True),
            (self.import_button, False),
        ):
            button.setEnabled(allowed and (chosen is not None or not needs_one))
            button.setToolTip(tip)

    def current(self) -> Session | None:
        row = self.table.currentRow()
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_changed()

    def refresh_if_changed(self) -> None:
        if self.isVisible() and data_version(self.desk.store) != self._version:
            self.refresh()

    def refresh(self) -> None:
        """The programme as the file has it now; the chosen session stays chosen."""
        chosen = self.current()
        self._version = data_version(self.desk.store)
        self._sessions = self.desk.store.sessions()
        counts = session_counts(self.desk.store)
        everyone = translate("Console", "Everyone")
        self.table.setRowCount(len(self._sessions))
        for row, session in enumerate(self._sessions):
            count = counts[session.id]
            seats = (
                str(count.inside)
                if session.capacity is None
                else f"{count.inside} / {session.capacity}"
            )
            open_to = "; ".join(session.open_to) or everyone
            if session.booking_required:
                open_to += " · " + translate("Console", "booking required")
            when = self._when(session)
            if session.cancelled:
                when = translate("Console", "Cancelled") + " · " + when
            values = (when, session.title, session.room, seats, str(count.booked), open_to)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(SESSION_ROLE, session.id)
                if column in (3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if session.cancelled:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        if chosen is not None:
            ids = [s.id for s in self._sessions]
            if chosen.id in ids:
                self.table.setCurrentCell(ids.index(chosen.id), 0)
        self._update_buttons()

    def _when(self, session: Session) -> str:
        start = session.starts_at.astimezone(self.zone)
        end = session.ends_at.astimezone(self.zone)
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"

    # -- actions -------------------------------------------------------------

    def _allowed(self) -> bool:
        if self.desk.may(StaffAction.PROGRAMME):
            return True
        self.say(refusal(StaffAction.PROGRAMME))
        return False

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    def _done(self, text: str) -> None:
        self.refresh()
        self.say(text)
        self.changed.emit()

    def ask_add(self) -> None:
        if self._allowed():
            self._open_form(None)

    def ask_edit(self) -> None:
        session = self.current()
        if session is not None and self._allowed():
            self._open_form(session)

    def _open_form(self, session: Session | None) -> None:
        store = self.desk.store
        event = self.desk.station.event
        draft = draft_of(session, event) if session is not None else None
        dialog = SessionDialog(event, categories(store), rooms(store), draft, self)
        self.session_dialog = dialog

        def accepted() -> None:
            self.session_dialog = None
            try:
                saved = save_session(self.desk, dialog.draft(), session.id if session else None)
            except DeskError as error:
                self.say(str(error))
                return
            self._done(translate("Console", "Session saved: {title}.").format(title=saved.title))

        dialog.rejected.connect(lambda: setattr(self, "session_dialog", None))
        open_dialog(dialog, accepted)

    def cancel_or_restore(self) -> None:
        session = self.current()
        if session is None or not self._allowed():
            return
        try:
            set_cancelled(self.desk, session.id, not session.cancelled)
        except DeskError as error:
            self.say(str(error))
            return
        self._done(
            translate("Console", "Session restored: {title}.").format(title=session.title)
            if session.cancelled
            else translate(
                "Console", "Session cancelled: {title}. Nobody is admitted to it."
            ).format(title=session.title)
        )

    def ask_import(self) -> None:
        """Choose an agenda file; its dry run is shown before anything is written."""
        if not self._allowed():
            return
        dialog = QFileDialog(
            self,
            translate("Console", "Import agenda"),
            "",
            translate("Console", "Agenda (*.csv *.xlsx)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.fileSelected.connect(lambda name: self.check_agenda(Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def check_agenda(self, path: Path) -> None:
        """The dry run of `path`: its counts and skipped lines, then Import or Cancel."""
        self.file_dialog = None
        report = self._import(path, dry_run=True)
        if report is None:
            return
        dialog = AgendaDialog(path.name, report, self)
        self.agenda_dialog = dialog

        def accepted() -> None:
            self.agenda_dialog = None
            done = self._import(path, dry_run=False)
            if done is not None:
                self._done(
                    translate("Console", "Agenda imported: {counts}.").format(
                        counts=counts_line(done)
                    )
                )

        dialog.rejected.connect(lambda: setattr(self, "agenda_dialog", None))
        open_dialog(dialog, accepted)

    def _import(self, path: Path, *, dry_run: bool) -> AgendaReport | None:
        try:
            return import_agenda_at_desk(self.desk, path, dry_run=dry_run)
        except (DeskError, AgendaError) as error:
            self.say(str(error))
            return None

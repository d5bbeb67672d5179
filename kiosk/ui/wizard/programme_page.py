"""Step 3 (optional): the programme. Import the agenda (what it will do is
shown first, as `kiosk sessions import --dry-run` says it), or add and edit
sessions in a table checked by the agenda's own rules. With no sessions the
station checks people in for the event day only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from kiosk.programme.agenda import AgendaError, import_agenda
from kiosk.programme.drafts import (
    DraftError,
    SessionDraft,
    draft_of,
    fields_of,
    read_draft,
    same_session,
    save_draft,
    session_problems,
)
from kiosk.store import Store
from kiosk.store.attendee_list import categories
from kiosk.store.programme import delete_unused_session

translate = QCoreApplication.translate
# The table's columns: the agenda's fields, the title first.
FIELDS = ("title", "day", "start", "end", "room", "capacity", "open_to", "booking_required", "key")
BOOKING = FIELDS.index("booking_required")
SESSION_ROLE = Qt.ItemDataRole.UserRole  # on a row's title: its session id, None if new


class ProgrammePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "The programme (optional)"))
        self.setSubTitle(
            translate(
                "Wizard",
                "Import your agenda, or add sessions in the table. Skip this step for no "
                "sessions: check-in for the event day only.",
            )
        )
        self.path = QLineEdit(self)
        self.path.setAccessibleName(translate("Wizard", "Agenda file"))
        browse = QPushButton(translate("Wizard", "Browse…"), self)
        browse.clicked.connect(self._browse)
        self.check = QPushButton(translate("Wizard", "Check the file"), self)
        self.check.clicked.connect(self.check_file)
        self.import_button = QPushButton(translate("Wizard", "Import"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_file)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(translate("Wizard", "What the import will do"))
        self.report.setMaximumHeight(self.report.fontMetrics().height() * 4 + 12)
        self.table = QTableWidget(0, len(FIELDS), self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Wizard", "Title"),
                translate("Wizard", "Day"),
                translate("Wizard", "Start"),
                translate("Wizard", "End"),
                translate("Wizard", "Room"),
                translate("Wizard", "Seats"),
                translate("Wizard", "Open to"),
                translate("Wizard", "Booking"),
                translate("Wizard", "Key"),
            ]
        )
        self.table.setAccessibleName(translate("Wizard", "Sessions"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _item: self.check_rows())
        self.add_button = QPushButton(translate("Wizard", "Add session"), self)
        self.add_button.clicked.connect(self.add_row)
        self.delete_button = QPushButton(translate("Wizard", "Delete session"), self)
        self.delete_button.clicked.connect(self.delete_row)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")  # the wizard has no theme of its own
        file_row = QHBoxLayout()
        for widget in (self.path, browse, self.check, self.import_button):
            file_row.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.report)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        self._loading = False

    @property
    def store(self) -> Store:
        store = self.wizard().store  # type: ignore[attr-defined]
        assert isinstance(store, Store)
        return store

    def initializePage(self) -> None:
        self.load()

    # -- the agenda file -----------------------------------------------------

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("Wizard", "Choose the agenda"),
            "",
            translate("Wizard", "Agendas (*.csv *.xlsx)"),
        )
        if name:
            self.path.setText(name)
            self.check_file()

    def _run(self, *, dry_run: bool) -> bool:
        """Import (or only check) the file, saying what it did or would do
        and each row skipped; False when the file cannot be read."""
        try:
            report = import_agenda(self.store, Path(self.path.text().strip()), dry_run=dry_run)
        except AgendaError as error:
            self.report.setPlainText(str(error))
            self.import_button.setEnabled(False)
            return False
        heading = (
            translate("Wizard", "Will import: ") if dry_run else translate("Wizard", "Imported: ")
        )
        self.report.setPlainText("\n".join([heading + report.summary(), *report.lines]))
        self.import_button.setEnabled(dry_run)  # an import follows its check, once
        return True

    def check_file(self) -> None:
        """The dry run: what the import will do, and each row it will skip."""
        self._run(dry_run=True)

    def import_file(self) -> None:
        if self._run(dry_run=False):
            self.load()

    # -- the table -----------------------------------------------------------

    def load(self) -> None:
        """The programme as the file has it; rows added here and not saved yet stay."""
        unsaved = [
            self._fields(row) for row in range(self.table.rowCount()) if self._id(row) is None
        ]
        event = self.store.event()
        self._loading = True
        self.table.setRowCount(0)
        for session in self.store.sessions():
            self._append(fields_of(draft_of(session, event)), session.id)
        for fields in unsaved:
            self._append(fields, None)
        self._loading = False
        self.check_rows()

    def add_row(self) -> None:
        """A new session: the event's first day, nine to ten, to be given a title."""
        event = self.store.event()
        day = event.first_day.isoformat() if event.first_day else ""
        self._loading = True
        self._append({"day": day, "start": "09:00", "end": "10:00", "booking_required": "no"}, None)
        self._loading = False
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))
        self.check_rows()

    def delete_row(self) -> None:
        """Only a session not used yet (no check-ins, no bookings) goes."""
        row = self.table.currentRow()
        if row < 0:
            return
        session_id = self._id(row)
        if session_id is not None and not delete_unused_session(self.store, session_id):
            self.problem.setText(
                translate(
                    "Wizard",
                    "This session already has check-ins or bookings: cancel it at the "
                    "help desk instead.",
                )
            )
            return
        self.table.removeRow(row)
        self.check_rows()

    def _append(self, fields: dict[str, str], session_id: int | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, name in enumerate(FIELDS):
            item = QTableWidgetItem()
            if column == BOOKING:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                yes = fields.get(name, "no") == "yes"
                item.setCheckState(Qt.CheckState.Checked if yes else Qt.CheckState.Unchecked)
            else:
                item.setText(fields.get(name, ""))
            self.table.setItem(row, column, item)
        self.table.item(row, 0).setData(SESSION_ROLE, session_id)

    def _id(self, row: int) -> int | None:
        item = self.table.item(row, 0)
        value = item.data(SESSION_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _fields(self, row: int) -> dict[str, str]:
        fields = {}
        for column, name in enumerate(FIELDS):
            item = self.table.item(row, column)
            if column == BOOKING:
                checked = item is not None and item.checkState() == Qt.CheckState.Checked
                fields[name] = "yes" if checked else "no"
            else:
                fields[name] = item.text() if item is not None else ""
        return fields

    def drafts(self) -> tuple[list[tuple[int | None, SessionDraft]], list[str]]:
        """Each row as a session, and what is wrong, a line a row."""
        event = self.store.event()
        known = set(categories(self.store))
        drafts, problems = [], []
        for row in range(self.table.rowCount()):
            try:
                draft = read_draft(self._fields(row))
            except DraftError as error:
                wrong = error.problems
            else:
                wrong = session_problems(draft, event, known)
                drafts.append((self._id(row), draft))
            if wrong:
                line = translate("Wizard", "Row {row}: {problems}").format(
                    row=row + 1, problems="; ".join(wrong)
                )
                problems.append(line)
        return drafts, problems

    def check_rows(self) -> None:
        if self._loading:
            return
        _, problems = self.drafts()
        self.problem.setText("\n".join(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """An empty table is fine (no sessions); a row that is not a session is not."""
        return not self.drafts()[1]

    def validatePage(self) -> bool:
        """Write the rows that are new or changed, all at once."""
        drafts, problems = self.drafts()
        if problems:
            return False
        event = self.store.event()
        with self.store.transaction():
            for session_id, draft in drafts:
                stored = self.store.session(session_id) if session_id is not None else None
                if stored is None or not same_session(draft_of(stored, event), draft):
                    save_draft(self.store, draft, session_id if stored is not None else None)
        self.table.setRowCount(0)  # every row is saved now: shown again with its id
        self.load()
        return True

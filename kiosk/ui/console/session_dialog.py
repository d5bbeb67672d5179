"""The session form: add or edit one session of the programme.

What is wrong with the form is said under it in the agenda's own words
(kiosk.programme.agenda.session_problems), and Save stays off until nothing is.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import Event
from kiosk.programme.agenda import SessionDraft, session_problems

translate = QCoreApplication.translate
# A session a new form starts with: an hour from nine.
DEFAULT_START, DEFAULT_END = dt.time(9, 0), dt.time(10, 0)


class SessionDialog(QDialog):
    def __init__(
        self,
        event: Event,
        categories: list[str],
        rooms: list[str],
        draft: SessionDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`categories` are the roster's, `rooms` the programme's; `draft`
        is the session being edited (None for a new one)."""
        super().__init__(parent)
        self.agenda_event = event
        self.known_categories = set(categories)
        editing = draft is not None
        self.setWindowTitle(
            translate("Console", "Edit session") if editing else translate("Console", "Add session")
        )
        day = draft.day if draft else (event.first_day or dt.date.today())
        self.title = QLineEdit(draft.title if draft else "", self)
        self.day = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start = self._time(draft.start if draft else DEFAULT_START)
        self.end = self._time(draft.end if draft else DEFAULT_END)
        self.room = QComboBox(self)
        self.room.setEditable(True)
        self.room.addItems(rooms)
        self.room.setCurrentText(draft.room if draft else "")
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(translate("Console", "No limit"))
        self.capacity.setValue((draft.capacity or 0) if draft else 0)
        self.open_to = QListWidget(self)
        chosen = {c.casefold() for c in (draft.open_to if draft else ())}
        # A category the session names that nobody on the roster has (yet) stays listed.
        names = list(categories) + [
            c for c in (draft.open_to if draft else ()) if c not in self.known_categories
        ]
        for name in names:
            item = QListWidgetItem(name, self.open_to)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name.casefold() in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        rows = max(2, min(len(names), 4))
        self.open_to.setMaximumHeight(self.open_to.sizeHintForRow(0) * rows + 8)
        self.booking = QCheckBox(translate("Console", "Booking required"), self)
        self.booking.setChecked(bool(draft and draft.booking_required))
        self.key = QLineEdit(draft.key if draft else "", self)
        self.key.setPlaceholderText(translate("Console", "optional, as in your agenda"))
        form = QFormLayout()
        for label, widget in (
            (translate("Console", "Title"), self.title),
            (translate("Console", "Day"), self.day),
            (translate("Console", "Starts"), self.start),
            (translate("Console", "Ends"), self.end),
            (translate("Console", "Room"), self.room),
            (translate("Console", "Seats"), self.capacity),
            (translate("Console", "Open to (none ticked: everyone)"), self.open_to),
            ("", self.booking),
            (translate("Console", "Key"), self.key),
        ):
            form.addRow(label, widget)
            if label:
                widget.setAccessibleName(label)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a40000;")  # no theme role says "wrong"
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save = self.buttons.addButton(
            translate("Console", "Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        for signal in (
            self.title.textChanged,
            self.day.dateChanged,
            self.start.timeChanged,
            self.end.timeChanged,
            self.room.currentTextChanged,
            self.capacity.valueChanged,
            self.open_to.itemChanged,
            self.booking.toggled,
            self.key.textChanged,
        ):
            signal.connect(self.check)
        self.check()

    def _time(self, value: dt.time) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute), self)
        edit.setDisplayFormat("HH:mm")
        return edit

    def draft(self) -> SessionDraft:
        """The session as the form has it."""
        ticked = (self.open_to.item(row) for row in range(self.open_to.count()))
        return SessionDraft(
            title=self.title.text().strip(),
            day=self.day.date().toPython(),  # type: ignore[arg-type]
            start=self.start.time().toPython(),  # type: ignore[arg-type]
            end=self.end.time().toPython(),  # type: ignore[arg-type]
            room=self.room.currentText().strip(),
            capacity=self.capacity.value() or None,
            open_to=tuple(i.text() for i in ticked if i.checkState() == Qt.CheckState.Checked),
            booking_required=self.booking.isChecked(),
            key=self.key.text().strip(),
        )

    def check(self) -> list[str]:
        """Say what is wrong under the form; Save only when nothing is."""
        problems = session_problems(self.draft(), self.agenda_event, self.known_categories)
        self.problems.setText("\n".join(p[:1].upper() + p[1:] for p in problems))
        self.problems.setVisible(bool(problems))
        self.save.setEnabled(not problems)
        return problems

"""Small dialogs the console opens: a reason, a confirmation, and a person's details."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import Attendee

translate = QCoreApplication.translate


class ReasonDialog(QDialog):
    """Asks why (undo, cancellation); OK stays off until something is typed."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(prompt)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        note = QLabel(prompt, self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.reason)
        hint = QLabel(translate("Console", "Please do not write anyone's name here."), self)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

    def text(self) -> str:
        return self.reason.text().strip()


class ConfirmDialog(QDialog):
    """One question with a button that says what it does, and Cancel."""

    def __init__(self, title: str, question: str, action: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        note = QLabel(question, self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setDefault(True)  # keyboard-only use: the question was read
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.buttons)


def field_label(name: str) -> str:
    """A person's detail, in words (the edit form's captions, the details' fixes)."""
    texts = {
        "first_name": translate("Console", "First name"),
        "last_name": translate("Console", "Last name"),
        "pronouns": translate("Console", "Pronouns"),
        "credentials": translate("Console", "Post-nominals"),
        "organisation": translate("Console", "Organisation"),
        "job_title": translate("Console", "Job title"),
        "email": translate("Console", "Email"),
    }
    return texts.get(name, name)


class PersonDialog(QDialog):
    """A person's details: for an edit, a walk-in or a transfer."""

    FIELDS = (
        "first_name",
        "last_name",
        "pronouns",
        "credentials",
        "organisation",
        "job_title",
        "email",
    )

    def __init__(
        self,
        title: str,
        categories: list[str],
        attendee: Attendee | None = None,
        *,
        with_category: bool = True,
        with_notes: bool = True,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """`note` explains, above the fields, what the dialog will do."""
        super().__init__(parent)
        self.setWindowTitle(title)
        labels = {name: field_label(name) for name in self.FIELDS}
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name in self.FIELDS:
            edit = QLineEdit(getattr(attendee, name) if attendee else "", self)
            edit.setAccessibleName(labels[name])
            form.addRow(labels[name], edit)
            self.edits[name] = edit
        self.category: QComboBox | None = None
        if with_category:
            self.category = QComboBox(self)
            self.category.setEditable(True)
            self.category.addItems(categories)
            self.category.setCurrentText(
                attendee.category if attendee else (categories[0] if categories else "")
            )
            self.category.setAccessibleName(translate("Console", "Category"))
            form.addRow(translate("Console", "Category"), self.category)
        self.notes: QPlainTextEdit | None = None
        if with_notes:
            self.notes = QPlainTextEdit(attendee.notes if attendee else "", self)
            self.notes.setAccessibleName(translate("Console", "Staff notes and access needs"))
            self.notes.setMaximumHeight(80)
            form.addRow(translate("Console", "Staff notes"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        first = self.edits["first_name"]
        ok.setEnabled(bool(first.text().strip()))
        first.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        if note:
            self.note = QLabel(note, self)
            self.note.setWordWrap(True)
            layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, str]:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        if self.category is not None:
            values["category"] = self.category.currentText().strip()
        if self.notes is not None:
            values["notes"] = self.notes.toPlainText().strip()
        return values

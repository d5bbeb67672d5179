"""The desk's flag dialog: a short staff note that sends the attendee to the
help desk when they check in, and whether every console is alerted on arrival."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.alerts import MAX_NOTE_LENGTH
from kiosk.domain.models import Attendee

translate = QCoreApplication.translate


class FlagDialog(QDialog):
    def __init__(self, attendee: Attendee, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Console", "Flag for the help desk"))
        explain = QLabel(
            translate(
                "Console",
                "When {name} checks in, the kiosk asks them to see the help desk and every "
                "console shows this note. The kiosk never shows the note.",
            ).format(name=attendee.full_name),
            self,
        )
        explain.setWordWrap(True)
        self.note = QLineEdit(attendee.attention, self)
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        self.note.setPlaceholderText(translate("Console", "e.g. speaker: send to green room"))
        self.note.setAccessibleName(translate("Console", "Note for the help desk"))
        self.notify = QCheckBox(translate("Console", "Alert every console when they arrive"), self)
        self.notify.setChecked(attendee.notify)
        form = QFormLayout()
        form.addRow(translate("Console", "Note"), self.note)
        form.addRow("", self.notify)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, bool]:
        """The note ("" clears it) and the notify mark."""
        return self.note.text().strip(), self.notify.isChecked()

"""The question a walk-in that looks like someone on the roster brings up:
is this them? Use their record, or register anyway with a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import PossibleDuplicate
from kiosk.ui.console.details import moment_text

translate = QCoreApplication.translate


def match_text(match: PossibleDuplicate, zone: dt.tzinfo) -> str:
    """ "Ruth Ahmed, Imperial College London, checked in 10 Mar 09:31: is this them?"""
    attendee = match.attendee
    who = ", ".join(part for part in (attendee.full_name, attendee.organisation) if part)
    if match.checked_in_at is None:
        return translate("Console", "{who}, not checked in yet: is this them?").format(who=who)
    return translate("Console", "{who}, checked in {when}: is this them?").format(
        who=who, when=moment_text(match.checked_in_at, zone)
    )


class DuplicateDialog(QDialog):
    """After accept(), `chosen` is the record to use, or `reason()` says why
    a new one is made."""

    def __init__(
        self, matches: list[PossibleDuplicate], zone: dt.tzinfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Console", "Already registered?"))
        self.chosen: int | None = None
        intro = QLabel(translate("Console", "Someone like this is already on the roster."), self)
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.use_buttons: list[QPushButton] = []
        for row, match in enumerate(matches):
            text = QLabel(match_text(match, zone), self)
            text.setWordWrap(True)
            use = QPushButton(translate("Console", "Use this record"), self)
            use.setAccessibleDescription(text.text())
            use.clicked.connect(lambda _=False, found=match.attendee.id: self._use(found))
            grid.addWidget(text, row, 0)
            grid.addWidget(use, row, 1)
            self.use_buttons.append(use)
        grid.setColumnStretch(0, 1)
        prompt = translate("Console", "Not them? Say why a new registration is needed:")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(prompt)
        hint = QLabel(translate("Console", "Please do not write anyone's name here."), self)
        hint.setProperty("role", "muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.register_anyway = self.buttons.addButton(
            translate("Console", "Register anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.register_anyway.setEnabled(False)
        self.reason_edit.textChanged.connect(
            lambda text: self.register_anyway.setEnabled(bool(text.strip()))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        note = QLabel(prompt, self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.reason_edit)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        if self.use_buttons:
            self.use_buttons[0].setDefault(True)

    def _use(self, attendee_id: int) -> None:
        self.chosen = attendee_id
        self.accept()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

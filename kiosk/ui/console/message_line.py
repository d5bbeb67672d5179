"""The console's last word: one sentence about the chosen person, and beside
it a button for what to do next (reprint after an edit, register a walk-in
when nobody is found), hidden otherwise."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

translate = QCoreApplication.translate

# A button's words and what it does.
NextAction = tuple[str, Callable[[], None]]


class MessageLine(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.action = QPushButton(self)
        self.action.hide()
        self.action.clicked.connect(self._clicked)
        self.about: int | None = None  # the person the sentence is about
        self.next_action: Callable[[], None] | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.action)

    def say(self, text: str, about: int | None, action: NextAction | None = None) -> None:
        """Show `text` about person `about`, with a button for what to do next."""
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.about = about if text else None
        self.next_action = action[1] if action else None
        if action:
            self.action.setText(action[0])
            self.action.setAccessibleName(action[0])
        self.action.setVisible(action is not None)

    def _clicked(self) -> None:
        if self.next_action is not None:
            self.next_action()

    def retranslate(self) -> None:
        self.label.setAccessibleName(translate("Console", "Last action"))

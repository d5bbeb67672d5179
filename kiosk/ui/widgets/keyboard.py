"""An on-screen keyboard for the find-me search: letters, space, delete, clear.

Apostrophes and hyphens are left out on purpose: the search ignores them
("oconnor" finds O'Connor). Wide screens get QWERTY in three rows; narrow
(portrait) ones an alphabetical layout of seven columns, so no key is ever
narrower than a finger.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

# Each row: letters, then the special keys that end it (name, columns).
WIDE = (
    ("QWERTYUIOP", ()),
    ("ASDFGHJKL", (("delete", 1),)),
    ("ZXCVBNM", (("space", 1), ("clear", 2))),
)
NARROW = (
    ("ABCDEFG", ()),
    ("HIJKLMN", ()),
    ("OPQRSTU", ()),
    ("VWXYZ", (("delete", 2),)),
    ("", (("space", 4), ("clear", 3))),
)
WIDE_COLUMNS = 10
NARROW_COLUMNS = 7


def key_button(keyboard: QWidget, label: str, role: str = "key") -> QPushButton:
    """One key of an on-screen keyboard."""
    button = QPushButton(label, keyboard)
    button.setProperty("role", role)
    # Ignored width: every column the same, whatever a key's label says.
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    return button


class OnScreenKeyboard(QWidget):
    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            button = self._key(letter)
            button.setAccessibleName(letter)
            button.clicked.connect(lambda _=False, c=letter: self.typed.emit(c.lower()))
            self.keys[letter] = button
        self.space = self._key("", "keyword")
        self.space.clicked.connect(lambda: self.typed.emit(" "))
        self.delete = self._key("⌫")
        self.delete.clicked.connect(self.backspace)
        self.clear = self._key("", "keyword")
        self.clear.clicked.connect(self.cleared)
        self.narrow = True
        self.set_narrow(False)
        self.retranslate()

    def _key(self, label: str, role: str = "key") -> QPushButton:
        return key_button(self, label, role)

    def set_narrow(self, narrow: bool) -> None:
        if narrow == self.narrow:
            return
        self.narrow = narrow
        while self.grid.count():
            self.grid.takeAt(0)
        specials = {"delete": self.delete, "space": self.space, "clear": self.clear}
        for row, (letters, extra) in enumerate(NARROW if narrow else WIDE):
            for column, letter in enumerate(letters):
                self.grid.addWidget(self.keys[letter], row, column)
            column = len(letters)
            for name, span in extra:
                self.grid.addWidget(specials[name], row, column, 1, span)
                column += span
        columns = NARROW_COLUMNS if narrow else WIDE_COLUMNS
        for column in range(max(NARROW_COLUMNS, WIDE_COLUMNS)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    @staticmethod
    def rows(narrow: bool) -> int:
        return len(NARROW if narrow else WIDE)

    @staticmethod
    def columns(narrow: bool) -> int:
        return NARROW_COLUMNS if narrow else WIDE_COLUMNS

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.space.setText(translate("Keyboard", "Space"))
        self.space.setAccessibleName(translate("Keyboard", "Space"))
        self.delete.setAccessibleName(translate("Keyboard", "Delete last letter"))
        self.clear.setText(translate("Keyboard", "Clear"))
        self.clear.setAccessibleName(translate("Keyboard", "Clear the search"))

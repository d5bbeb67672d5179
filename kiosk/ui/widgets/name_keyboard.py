"""An on-screen keyboard for names: capitals, accents, hyphen and apostrophe.

Unlike the find-me keyboard (which leaves punctuation out because search
ignores it), a badge shows what is typed, so names need their own
characters: "Ó Briain", "O'Connor-Smith", "Zoë", "Łukasz". Two pages share
one grid: letters with the name punctuation, and accented letters; a Shift
key gives capitals (on for the first letter of a word, as names start).
Rows hold as many keys as the width allows, from seven to twelve (three
rows a page at twelve).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.ui.widgets.keyboard import key_button

LETTERS = "qwertyuiopasdfghjklzxcvbnm'-.,/"
# Three rows of twelve: the accented letters of the names met most in Europe.
ACCENTS = "áàâäãåæçčéèêëíìîïłñóòôöøœřśşšßúùûüýž"
# Characters a word of a name starts after: the next letter is a capital.
WORD_BREAKS = " -"
WIDE_COLUMNS = 12
NARROW_COLUMNS = 7  # the fewest: the find-me keyboard's narrow layout
SPECIAL_ROW = ("shift", "page", "space", "delete")


def _rows(characters: str, columns: int) -> list[str]:
    return [characters[i : i + columns] for i in range(0, len(characters), columns)]


class NameKeyboard(QWidget):
    typed = Signal(str)
    backspace = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accents_shown = False
        self.columns = WIDE_COLUMNS
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.characters: dict[str, QPushButton] = {}
        for character in dict.fromkeys(LETTERS + ACCENTS):
            key = self._key(character)
            key.clicked.connect(lambda _=False, c=character: self._type(c))
            self.characters[character] = key
        self.shift = self._key("⇧", "keyword")
        self.shift.setCheckable(True)
        self.shift.setChecked(True)  # a name starts with a capital
        self.shift.toggled.connect(self._show_case)
        self.page = self._key("", "keyword")
        self.page.clicked.connect(lambda: self.show_page(not self.accents_shown))
        self.space = self._key("", "keyword")
        self.space.clicked.connect(lambda: self._type(" "))
        self.delete = self._key("⌫")
        self.delete.clicked.connect(self.backspace)
        self._arrange()
        self._show_case(True)
        self.retranslate()

    def _key(self, label: str, role: str = "key") -> QPushButton:
        button = key_button(self, label, role)
        # The line being typed keeps the focus (and its cursor) while keys are touched.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _type(self, character: str) -> None:
        capital = self.shift.isChecked() and character.isalpha()
        self.typed.emit(character.upper() if capital and character != "ß" else character)
        if character.isalpha():
            self.shift.setChecked(False)
        elif character in WORD_BREAKS:
            self.shift.setChecked(True)

    def follow_text(self, text: str) -> None:
        """Capitals where a word of the name starts (the field's text changed by hand)."""
        self.shift.setChecked(not text or text[-1] in WORD_BREAKS)

    def show_page(self, accents: bool) -> None:
        self.accents_shown = accents
        self._arrange()
        self.retranslate()

    def fit_width(self, width: int, key: int) -> None:
        """As many keys a row as `width` holds at `key` pixels each (seven to twelve)."""
        columns = max(NARROW_COLUMNS, min(WIDE_COLUMNS, width // key))
        if columns != self.columns:
            self.columns = columns
            self._arrange()

    def rows(self) -> int:
        columns = self.columns
        return max(len(_rows(LETTERS, columns)), len(_rows(ACCENTS, columns))) + 1

    def _arrange(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
        columns = self.columns
        shown = ACCENTS if self.accents_shown else LETTERS
        rows = _rows(shown, columns)
        for row, characters in enumerate(rows):
            for column, character in enumerate(characters):
                self.grid.addWidget(self.characters[character], row, column)
                self.characters[character].show()
        last = self.rows() - 1
        # Shift and delete take one column, the page key one (two when narrow:
        # its label is three letters), space the rest.
        page = 2 if columns < 10 else 1
        column = 0
        for name, span in zip(SPECIAL_ROW, (1, page, columns - 2 - page, 1), strict=True):
            widget = {"shift": self.shift, "page": self.page, "space": self.space}.get(
                name, self.delete
            )
            self.grid.addWidget(widget, last, column, 1, span)
            widget.show()
            column += span
        for index in range(WIDE_COLUMNS):
            self.grid.setColumnStretch(index, 1 if index < columns else 0)

    def _show_case(self, capitals: bool) -> None:
        for character, key in self.characters.items():
            key.setText(character.upper() if capitals and character != "ß" else character)
            key.setAccessibleName(key.text())

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.space.setText(translate("NameKeyboard", "Space"))
        self.space.setAccessibleName(translate("NameKeyboard", "Space"))
        self.delete.setAccessibleName(translate("NameKeyboard", "Delete last letter"))
        self.shift.setAccessibleName(translate("NameKeyboard", "Capital letter"))
        # The page key names the other page: "éà" shows accents, "abc" letters.
        self.page.setText("abc" if self.accents_shown else "éàç")
        self.page.setAccessibleName(
            translate("NameKeyboard", "Letters")
            if self.accents_shown
            else translate("NameKeyboard", "Accented letters")
        )

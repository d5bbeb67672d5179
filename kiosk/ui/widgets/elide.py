"""A button and a label that shorten their text with an ellipsis instead of
growing or clipping.

Its text is shown as written: an "&" (as in "Smith & Jones Ltd") is doubled on
the face, since a lone one would be taken as a keyboard mnemonic and shown as
an underscore under the next letter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

# A few pixels for rounding between the measured and the drawn text.
SLACK_PX = 4


class KeepsFullText:
    """Mixin for a Qt widget class (put it first): the full text stays the
    accessible name, and `_fit()` shows what fits, again at every resize."""

    _full = ""

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)  # type: ignore[attr-defined]
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # type: ignore[misc]
        self._fit()

    def _fit(self) -> None:
        raise NotImplementedError


class ElidingButton(KeepsFullText, QPushButton):
    """A match on find-me: the face shows what fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Ignored width: the grid gives every match the same column width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def _fit(self) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        # The style's content rectangle is already inside the stylesheet's
        # padding and border: the text gets all of it.
        content = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        room = max(0, content.width() - SLACK_PX)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        super().setText(shown.replace("&", "&&"))


class ElidingLabel(KeepsFullText, QLabel):
    """One line that shortens with an ellipsis: a title that must not push
    the buttons beside it off a small screen, nor wrap into a second row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def _fit(self) -> None:
        room = max(0, self.contentsRect().width() - SLACK_PX)
        super().setText(
            self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        )

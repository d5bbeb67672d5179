"""A button that shortens its text with an ellipsis instead of growing or clipping."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget


class ElidingButton(QPushButton):
    """The full text stays the accessible name; the face shows what fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        # Ignored width: the grid gives every match the same column width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        content = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        # Padding from the stylesheet is not in the style's content rectangle.
        room = max(0, content.width() - 2 * self.fontMetrics().averageCharWidth())
        super().setText(
            self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        )

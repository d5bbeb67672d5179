"""The console's search box and its three filters: check-in state, category,
and the event (today) or one session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QWidget

from kiosk.store import Store
from kiosk.store.attendee_list import CHECKED_IN, NOT_CHECKED_IN, categories

translate = QCoreApplication.translate


class FilterBar(QWidget):
    """Its texts are set by the console's `retranslate` (before the console
    fits itself to their new widths)."""

    filter_changed = Signal()  # a filter was chosen: search again at once

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox(self)
        for value in (None, CHECKED_IN, NOT_CHECKED_IN):
            self.state.addItem("", value)
        self.category = QComboBox(self)
        self.category.addItem("", None)
        for name in categories(store):
            self.category.addItem(name, name)
        self.session = QComboBox(self)
        self.session.addItem("", None)
        for session in store.sessions():
            self.session.addItem(session.title, session.id)
        # Long session titles and categories must not make the window wider.
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 16)
        for combo in self.combos:
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self.filter_changed)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._beside: QWidget | None = None
        self.arrange(narrow=False)

    @property
    def combos(self) -> tuple[QComboBox, QComboBox, QComboBox]:
        return self.state, self.category, self.session

    def query(self) -> dict[str, Any]:
        """What to search for: the text, state, category and session chosen."""
        return {
            "text": self.search.text(),
            "state": self.state.currentData(),
            "category": self.category.currentData(),
            "session_id": self.session.currentData(),
        }

    def clear(self) -> None:
        """Nothing typed, nothing chosen, and no search started by it."""
        fields: tuple[QWidget, ...] = (self.search, *self.combos)
        for widget in fields:
            widget.blockSignals(True)
        self.search.clear()
        for combo in self.combos:
            combo.setCurrentIndex(0)
        for widget in fields:
            widget.blockSignals(False)

    def arrange(self, narrow: bool, beside_search: QWidget | None = None) -> None:
        """One row; narrow (a portrait kiosk), the search above the filters,
        sharing its row with `beside_search` if given (the console's check-in
        target: a row of its own would not fit a portrait screen)."""
        fields = (self.search, *self.combos)
        for widget in (*fields, self._beside):
            if widget is not None:
                self.grid.removeWidget(widget)
        self._beside = beside_search if narrow else None
        if narrow:
            self.grid.addWidget(self.search, 0, 0, 1, 3 if beside_search is None else 2)
            if beside_search is not None:
                self.grid.addWidget(beside_search, 0, 2)
            for column, combo in enumerate(self.combos):
                self.grid.addWidget(combo, 1, column)
                self.grid.setColumnStretch(column, 1)
            self.grid.setColumnStretch(3, 0)
        else:
            for column, (field, stretch) in enumerate(zip(fields, (5, 2, 2, 3), strict=True)):
                self.grid.addWidget(field, 0, column)
                self.grid.setColumnStretch(column, stretch)
        self.grid.invalidate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            translate("Console", "Search name, organisation, email or code")
        )
        self.search.setAccessibleName(translate("Console", "Search attendees"))
        self.state.setAccessibleName(translate("Console", "Check-in filter"))
        for index, text in enumerate(
            (
                translate("Console", "Everyone"),
                translate("Console", "Checked in", "filter: the people who have arrived"),
                translate("Console", "Not yet"),
            )
        ):
            self.state.setItemText(index, text)
        self.category.setAccessibleName(translate("Console", "Category filter"))
        self.category.setItemText(0, translate("Console", "All categories"))
        self.session.setAccessibleName(translate("Console", "Event or session"))
        self.session.setItemText(0, translate("Console", "The event (today)"))

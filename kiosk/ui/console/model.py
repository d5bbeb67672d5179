"""The console's attendee table: a Qt model over SQLite queries.

Rows come from `kiosk.store.attendee_list.console_rows` a page at a time
(`canFetchMore`/`fetchMore`), so 100,000 attendees never become 100,000
widgets or even 100,000 Python objects at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kiosk.domain.models import AttendeeStatus, Event
from kiosk.store import Store
from kiosk.store.attendee_list import ConsoleRow, console_rows

translate = QCoreApplication.translate

COL_NAME, COL_ORGANISATION, COL_CATEGORY, COL_STATUS, COL_CODE = range(5)
COLUMN_COUNT = 5
ATTENDEE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200

Index = QModelIndex | QPersistentModelIndex


class AttendeeTableModel(QAbstractTableModel):
    def __init__(self, store: Store, event: Event, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        # Not `self.event`: that would hide QObject.event, and the first Qt
        # event sent to the model (a language change in the kiosk) would fail.
        self.zone = event.zone
        self.rows: list[ConsoleRow] = []
        self.query: dict[str, Any] = {"text": ""}
        self._exhausted = True

    # -- loading -----------------------------------------------------------

    def set_query(
        self,
        text: str = "",
        *,
        state: str | None = None,
        category: str | None = None,
        session_id: int | None = None,
        day: dt.date | None = None,
    ) -> None:
        self.query = {
            "text": text,
            "state": state,
            "category": category,
            "session_id": session_id,
            "day": day,
        }
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self._page(0)
        self._exhausted = len(self.rows) < PAGE
        self.endResetModel()

    def _page(self, offset: int) -> list[ConsoleRow]:
        query = dict(self.query)
        text = query.pop("text")
        return console_rows(self.store, text, limit=PAGE, offset=offset, **query)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._exhausted:
            return
        more = self._page(len(self.rows))
        self._exhausted = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    # -- the model ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            COL_NAME: translate("Console", "Name"),
            COL_ORGANISATION: translate("Console", "Organisation"),
            COL_CATEGORY: translate("Console", "Category"),
            COL_STATUS: translate("Console", "Checked in"),
            COL_CODE: translate("Console", "Code"),
        }
        return titles.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        attendee = row.attendee
        column = index.column()
        if role == ATTENDEE_ID_ROLE:
            return attendee.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return f"{attendee.last_name}, {attendee.first_name}".strip(", ")
            if column == COL_ORGANISATION:
                return attendee.organisation
            if column == COL_CATEGORY:
                return attendee.category
            if column == COL_STATUS:
                return self._status_text(row)
            if column == COL_CODE:
                # The full code stays on the details panel; the table shows
                # enough to match a ticket without exposing it across the desk.
                return attendee.code[:6] + ("…" if len(attendee.code) > 6 else "")
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return f"{attendee.first_name} {attendee.last_name}"
        return None

    def _status_text(self, row: ConsoleRow) -> str:
        if row.attendee.status is AttendeeStatus.CANCELLED:
            return translate("Console", "Cancelled")
        if row.checked_in_at is None:
            return translate("Console", "Not yet")
        return row.checked_in_at.astimezone(self.zone).strftime("%H:%M")

    def retranslate(self) -> None:
        """Headers and state words in the new language (after a LanguageChange)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, COL_STATUS),
                self.index(len(self.rows) - 1, COL_STATUS),
                [Qt.ItemDataRole.DisplayRole],
            )

    def attendee_id(self, row: int) -> int | None:
        return self.rows[row].attendee.id if 0 <= row < len(self.rows) else None

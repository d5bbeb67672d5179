"""The overview's Rooms: for every room of the programme, the session its
door admits to now, how full the room is (a bar against the capacity, a
count without one) and the session after."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QProgressBar, QTableWidget, QTableWidgetItem, QWidget

from kiosk.store.overview import RoomNow

translate = QCoreApplication.translate
COL_ROOM, COL_NOW, COL_INSIDE, COL_NEXT = range(4)


def inside_text(room: RoomNow) -> str:
    if room.session is None:
        return ""
    if room.session.capacity is None:
        return translate("Console", "{n} in the room").format(n=room.inside)
    return translate("Console", "{n} in the room / {capacity}").format(
        n=room.inside, capacity=room.session.capacity
    )


class RoomsTable(QTableWidget):
    def __init__(self, zone: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.zone = zone
        self.rooms: list[RoomNow] = []
        self.verticalHeader().hide()
        # Compact rows: a short screen shows every room of a day's programme.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        for column in (COL_ROOM, COL_INSIDE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_NOW, COL_NEXT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                translate("Console", "Room"),
                translate("Console", "Now"),
                translate("Console", "In the room"),
                translate("Console", "Next"),
            ]
        )
        self.setAccessibleName(translate("Console", "Rooms"))
        self.show_rooms(self.rooms)

    def show_rooms(self, rooms: list[RoomNow]) -> None:
        self.rooms = rooms
        self.setRowCount(len(rooms))
        for row, room in enumerate(rooms):
            now = room.session.title if room.session else "—"
            later = (
                f"{room.next.starts_at.astimezone(self.zone):%H:%M} {room.next.title}"
                if room.next is not None
                else "—"
            )
            for column, text in ((COL_ROOM, room.room), (COL_NOW, now), (COL_NEXT, later)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long title is cut short in its cell
                self.setItem(row, column, item)
            self._inside(row, room)

    def _inside(self, row: int, room: RoomNow) -> None:
        """A bar filling to the capacity; the count alone for a room without one."""
        text = inside_text(room)
        capacity = room.session.capacity if room.session is not None else None
        if capacity is None:
            self.removeCellWidget(row, COL_INSIDE)
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, COL_INSIDE, item)
            return
        self.setItem(row, COL_INSIDE, QTableWidgetItem(""))
        bar = self.cellWidget(row, COL_INSIDE)
        if not isinstance(bar, QProgressBar):
            bar = QProgressBar(self)
            self.setCellWidget(row, COL_INSIDE, bar)
        bar.setRange(0, capacity)
        bar.setValue(min(room.inside, capacity))
        bar.setFormat(text)  # the words, not a percentage
        bar.setAccessibleName(text)
        bar.setMinimumWidth(bar.fontMetrics().horizontalAdvance(text) + 24)

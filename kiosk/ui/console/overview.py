"""The live overview: arrivals against expected, by category and session, the
last check-ins, arrivals per 15 minutes, print failures and sync conflicts.

It asks SQLite whether anything changed (PRAGMA data_version, which moves
when any connection commits, another station's process included) once a
second and redraws only then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt, QTimer
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import BadgePrinter
from kiosk.printing.jobs import PrintQueue
from kiosk.printing.service import PrintService
from kiosk.reports.live import Overview, data_version, overview
from kiosk.store import Store
from kiosk.store.overview import rooms_now
from kiosk.store.timestamps import utc_now
from kiosk.ui.console.print_actions import JobActions
from kiosk.ui.console.rooms_table import RoomsTable
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate
POLL_MS = 1000
# Where a "Needs attention" line keeps the print jobs it is about.
JOBS_ROLE = Qt.ItemDataRole.UserRole


class OverviewWidget(FollowsLanguage, QWidget):
    def __init__(
        self,
        store: Store,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
        printer: BadgePrinter | None = None,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        """`printer` (the desk's print service or queue) lets staff act on
        the badges listed under "Needs attention"; `now` is the station's clock
        (which session each room is in)."""
        super().__init__(parent)
        self.store = store
        self.today = today
        self.now = now
        self.zone = store.event().zone
        self._version: int | None = None
        self._y_ticks = 5
        self.total = QLabel(self)
        self.total.setProperty("role", "headline")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.total.setFont(font)
        self.total.setWordWrap(True)  # a narrow kiosk, a longer language
        self.categories = self._table(3)
        self.sessions = self._table(3)
        self.recent = QListWidget(self)
        self.problems = QListWidget(self)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.rooms = RoomsTable(self.zone, self)
        self.rooms_box = self._box(self.rooms)

        self.job_actions: JobActions | None = None
        attention: QWidget = self.problems
        if isinstance(printer, PrintService | PrintQueue):
            self.job_actions = JobActions(printer, self.refresh, self)
            self.problems.currentItemChanged.connect(self._problem_chosen)
            attention = QWidget(self)
            column = QVBoxLayout(attention)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.problems, 1)
            column.addWidget(self.job_actions)
            # The buttons take the room of a row or two, so the tab is no
            # taller than without them (a 1024 x 600 screen has no room to spare).
            self.problems.setMinimumHeight(self.problems.fontMetrics().height() * 2 + 8)
        self.boxes = [
            self._box(widget) for widget in (self.categories, self.sessions, self.recent, attention)
        ]
        grid = QGridLayout()
        for index, box in enumerate(self.boxes):
            grid.addWidget(box, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        top = QHBoxLayout()  # the rooms beside the chart: a short screen has no row to spare
        top.addWidget(self.chart_view, 1)
        top.addWidget(self.rooms_box, 1)
        layout.addLayout(top, 1)
        layout.addLayout(grid, 2)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.refresh_if_changed)
        self.timer.start()
        self._figures: Overview | None = None
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Set every text again: at the start and when the language changes."""
        self.total.setAccessibleName(translate("Console", "Checked in of expected"))
        checked_in = translate("Console", "Checked in", "column: how many have arrived")
        self.categories.setHorizontalHeaderLabels(
            [translate("Console", "Category"), checked_in, translate("Console", "Expected")]
        )
        self.sessions.setHorizontalHeaderLabels(
            [translate("Console", "Session"), checked_in, translate("Console", "Capacity")]
        )
        self.recent.setAccessibleName(translate("Console", "Last 20 check-ins"))
        self.problems.setAccessibleName(translate("Console", "Print failures and conflicts"))
        self.chart.setTitle(translate("Console", "Arrivals per 15 minutes"))
        titles = (
            translate("Console", "By category"),
            translate("Console", "By session"),
            translate("Console", "Last check-ins"),
            translate("Console", "Needs attention"),
        )
        for box, title in zip(self.boxes, titles, strict=True):
            box.setTitle(title)
        self.rooms_box.setTitle(translate("Console", "Rooms"))
        self.rooms.retranslate()
        if self._figures is not None:
            self.show_figures(self._figures)  # the sentences built from the figures

    def compact(self, chart_height: int) -> None:
        """For a short screen (a kiosk's staff screen): a lower chart that
        drops its margins, so its axis labels still fit."""
        self.chart_view.setMinimumHeight(chart_height)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.setBackgroundRoundness(0)
        self._y_ticks = 3  # five labels do not fit its height (from the next refresh)

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return table

    def _box(self, widget: QWidget) -> QGroupBox:
        box = QGroupBox(self)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    def refresh_if_changed(self) -> None:
        # A hidden overview (another tab, or a closed window whose store may
        # be closed too) does not poll; showing it again refreshes it.
        if not self.isVisible():
            return
        version = data_version(self.store)
        if version != self._version:
            self.refresh()
        else:
            self._show_rooms()  # a door moves to its next session with no write at all

    def _show_rooms(self) -> None:
        rooms = rooms_now(self.store, self.now())
        if rooms != self.rooms.rooms or not rooms:
            self.rooms.show_rooms(rooms)
        self.rooms_box.setVisible(bool(rooms))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_changed()

    def refresh(self) -> None:
        self._version = data_version(self.store)
        self.show_figures(overview(self.store, self.today()))
        self.rooms.rooms = []  # drawn again: the counts may have moved
        self._show_rooms()

    def show_figures(self, figures: Overview) -> None:
        self._figures = figures
        self.total.setText(
            translate("Console", "{checked} of {expected} checked in today").format(
                checked=figures.checked_in, expected=figures.expected
            )
        )
        self._fill(self.categories, figures.by_category)
        self._fill(
            self.sessions,
            [(title, n, "" if cap is None else cap) for title, n, cap in figures.by_session],
        )
        self.recent.clear()
        for item in figures.recent:
            where = f" · {item.session}" if item.session else ""
            self.recent.addItem(
                f"{item.at.astimezone(self.zone):%H:%M}  {item.name}  ({item.station}{where})"
            )
        chosen = self.problems.currentItem()
        chosen_jobs = chosen.data(JOBS_ROLE) if chosen is not None else None
        self.problems.clear()
        for job_id, name, error in figures.print_failures:
            self._problem(
                translate("Console", "Badge for {name} did not print: {error} (job {job})").format(
                    name=name, error=error, job=job_id
                ),
                [job_id],
            )
        for c in figures.conflicts:
            name = c.name or c.attendee_code
            if c.over_capacity:
                text = translate(
                    "Console",
                    "Room over capacity: {session}, {inside} in a room for {capacity}"
                    " ({name} admitted offline at {station})",
                ).format(
                    session=c.session_title or c.scope,
                    inside=c.inside,
                    capacity=c.capacity,
                    name=name,
                    station=c.other_station,
                )
            else:
                text = translate(
                    "Console", "{name} was admitted twice offline ({scope}): {a} and {b}"
                ).format(name=name, scope=c.scope, a=c.kept_station, b=c.other_station)
            self.problems.addItem(text)
        if figures.queued_prints:
            self._problem(
                translate("Console", "{n} badges waiting to print").format(n=figures.queued_prints),
                figures.queued_jobs,
            )
        self._choose_again(chosen_jobs)
        self._chart(figures.arrivals)

    def _problem(self, text: str, jobs: list[int]) -> None:
        """A "Needs attention" line about print jobs, which staff can act on."""
        item = QListWidgetItem(text, self.problems)
        item.setData(JOBS_ROLE, jobs)

    def _choose_again(self, jobs: list[int] | None) -> None:
        """After a refresh the same line stays chosen (a failure keeps its job)."""
        wanted = set(jobs or [])
        for row in range(self.problems.count()):
            item = self.problems.item(row)
            if wanted & set(item.data(JOBS_ROLE) or []):
                self.problems.setCurrentItem(item)
                return
        self._problem_chosen(None)

    def _problem_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if self.job_actions is not None:
            jobs = item.data(JOBS_ROLE) if item is not None else None
            self.job_actions.set_jobs(list(jobs or []))

    def _fill(self, table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)

    def _chart(self, arrivals: list[tuple[dt.datetime, int]]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(translate("Console", "Arrivals"))
        labels = []
        for start, count in arrivals:
            bars.append(count)
            labels.append(f"{start:%H:%M}")
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(labels or ["—"])
        y_axis = QValueAxis()
        y_axis.setRange(0, max([count for _, count in arrivals] + [1]))
        y_axis.setLabelFormat("%d")
        y_axis.setTickCount(self._y_ticks)
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

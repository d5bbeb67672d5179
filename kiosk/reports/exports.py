"""Day's-end exports: CSV and XLSX attendance files."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from kiosk.reports.files import atomic_file, needs_neutralising, neutralise_for_csv
from kiosk.reports.table import HEADER, Scope, rows


def write_csv(scope: Scope, path: Path) -> Path:
    """UTF-8 with a byte-order mark, so Excel shows every name correctly."""
    with atomic_file(path) as handle:
        handle.write(codecs.BOM_UTF8)
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(HEADER)
        for row in rows(scope):
            writer.writerow([neutralise_for_csv(v) if isinstance(v, str) else v for v in row])
        text.flush()
        text.detach()
    return path


class _Sheet:
    """Appends rows to a write-only sheet, forcing formula-like text to text."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet

    def append(self, values: list[Any]) -> None:
        if not any(isinstance(v, str) and needs_neutralising(v) for v in values):
            self.sheet.append(values)
            return
        cells = []
        for value in values:
            cell = WriteOnlyCell(self.sheet, value=value)
            if isinstance(value, str) and needs_neutralising(value):
                # A string cell is never evaluated; quotePrefix keeps Excel
                # from re-reading it as a formula when someone edits it.
                cell.data_type = "s"
                cell.quotePrefix = True
            cells.append(cell)
        self.sheet.append(cells)


def _summary(scope: Scope, sheet: _Sheet) -> None:
    active = [r for r in scope.records if r.attendee.status.value == "active"]
    sheet.append([scope.event.name])
    sheet.append([])
    sheet.append(["Category", "Expected", "Attended"])
    expected = Counter(r.attendee.category or "(none)" for r in active)
    attended = Counter(r.attendee.category or "(none)" for r in active if r.attended)
    for category in sorted(expected):
        sheet.append([category, expected[category], attended[category]])
    sheet.append(["Total", sum(expected.values()), sum(attended.values())])
    sheet.append([])
    sheet.append(["Session", "Room", "Attended", "Capacity"])
    per_session = Counter(sid for r in scope.records for sid in r.sessions)
    for session in sorted(scope.sessions.values(), key=lambda s: s.starts_at):
        sheet.append([session.title, session.room, per_session[session.id], session.capacity])
    sheet.append([])
    sheet.append(["Hour (venue time)", "Arrivals"])
    hours = Counter(
        first.at.astimezone(scope.event.zone).strftime("%Y-%m-%d %H:00")
        for r in scope.records
        if (first := r.first_admission) is not None
    )
    for hour in sorted(hours):
        sheet.append([hour, hours[hour]])


def write_xlsx(scope: Scope, path: Path) -> Path:
    """Attendance, a summary (by category, session and hour) and the no-shows."""
    book = Workbook(write_only=True)
    attendance_sheet = _Sheet(book.create_sheet("Attendance"))
    attendance_sheet.append(list(HEADER))
    for row in rows(scope):
        attendance_sheet.append(row)
    _summary(scope, _Sheet(book.create_sheet("Summary")))
    no_shows = _Sheet(book.create_sheet("No-shows"))
    no_shows.append(["first_name", "last_name", "organisation", "email", "category"])
    for record in scope.records:
        attendee = record.attendee
        if attendee.status.value == "active" and not record.attended:
            no_shows.append(
                [
                    attendee.first_name,
                    attendee.last_name,
                    attendee.organisation,
                    attendee.email,
                    attendee.category,
                ]
            )

    with atomic_file(path) as handle:
        book.save(handle)
    return path

"""XLSX rosters, read with openpyxl in read-only mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from import_helpers import by_code, columns, sample_rows

from kiosk.domain.models import AttendeeStatus
from kiosk.io import Skipped, import_roster
from kiosk.store import Store


def _workbook(path: Path, rows: list[list[object]], title: str = "Attendees") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_eventbrite_report_as_xlsx(store: Store, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "eventbrite.xlsx", list(sample_rows("eventbrite")))
    report = import_roster(store, path)
    assert report.source == "eventbrite"
    assert report.imported == 15
    assert report.description == "XLSX, sheet 'Attendees'"
    tomas = by_code(store)["7412300003900000001001"]
    assert (tomas.first_name, tomas.last_name) == ("Tomás", "Ó Briain")


def test_numbers_and_dates_in_cells_read_as_people_typed_them(store: Store, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["first_name", "last_name", "code", "external_id", "category", "status"],
        ["Ada", "Lovelace", 1234567, 42.0, dt.date(2026, 3, 10), "cancelled"],
        ["Alan", None, "A-2", None, None, None],
    ]
    import_roster(store, _workbook(tmp_path / "plain.xlsx", rows))
    people = by_code(store)
    assert people["1234567"].category == "2026-03-10"
    assert people["1234567"].status is AttendeeStatus.CANCELLED
    assert ("1234567", "42") in columns(store, "code", "external_id")
    assert people["A-2"].last_name == ""


def test_xlsx_row_numbers_include_blank_rows(store: Store, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"], sheet["B1"] = "first_name", "code"
    sheet["A2"], sheet["B2"] = "Ada", "A-1"
    sheet["B5"] = "A-5"  # rows 3 and 4 are empty, row 5 has no name
    workbook.save(tmp_path / "gaps.xlsx")
    report = import_roster(store, tmp_path / "gaps.xlsx")
    assert report.skipped == [Skipped(5, "no name")]
    assert report.imported == 1


def test_xlsx_with_a_csv_name_is_still_read_as_xlsx(store: Store, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "really-xlsx.csv", [["first_name", "code"], ["Ada", "A-1"]])
    assert import_roster(store, path).imported == 1

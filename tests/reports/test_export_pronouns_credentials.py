"""Pronouns and credentials in the CSV and XLSX exports, as stored (a fix made
at the kiosk included), and neutralised like every other cell."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

from kiosk.reports.exports import write_csv, write_xlsx
from kiosk.reports.table import HEADER, TITLES, load_scope
from kiosk.store import Store


def _give(store: Store, code: str, pronouns: str, credentials: str) -> None:
    attendee = store.attendee_by_code(code)
    assert attendee is not None
    store.update_attendee(attendee.id, {"pronouns": pronouns, "credentials": credentials})


def test_csv_and_xlsx_carry_pronouns_and_credentials(event_store: Store, tmp_path: Path) -> None:
    _give(event_store, "CODE-0", "she/her", "RN, MSc")
    _give(event_store, "CODE-1", "", "-PhD")  # looks like a formula to a spreadsheet
    scope = load_scope(event_store, None, None)

    text = write_csv(scope, tmp_path / "out.csv").read_bytes().decode("utf-8-sig")
    by_code = {row["code"]: row for row in csv.DictReader(text.splitlines())}
    assert (by_code["CODE-0"]["pronouns"], by_code["CODE-0"]["credentials"]) == (
        "she/her",
        "RN, MSc",
    )
    assert by_code["CODE-1"]["credentials"] == "'-PhD"
    assert by_code["CODE-2"]["pronouns"] == by_code["CODE-2"]["credentials"] == ""

    book = openpyxl.load_workbook(write_xlsx(scope, tmp_path / "out.xlsx"))
    rows = list(book["Attendance"].iter_rows(values_only=True))
    assert "Pronouns" in rows[0] and "Post-nominals" in rows[0]
    assert list(rows[0]) == [TITLES[name] for name in HEADER]
    cells = {row[0]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    assert (cells["CODE-0"]["pronouns"], cells["CODE-0"]["credentials"]) == ("she/her", "RN, MSc")
    assert cells["CODE-1"]["credentials"] == "-PhD"  # text with the quote prefix, not a formula

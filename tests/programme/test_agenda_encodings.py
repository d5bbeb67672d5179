"""An agenda reads the same whatever the spreadsheet saved it as: every
encoding and delimiter the roster import reads, and XLSX."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from programme_helpers import DATA, rows_of

from kiosk.programme.agenda import import_agenda
from kiosk.programme.drafts import draft_of
from kiosk.store import Store

# (label, codec, byte order mark written before the text)
ENCODINGS = [
    ("utf-8", "utf-8", b""),
    ("utf-8-bom", "utf-8", codecs.BOM_UTF8),
    ("cp1252", "cp1252", b""),
    ("utf-16-le-bom", "utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be-bom", "utf-16-be", codecs.BOM_UTF16_BE),
]


def _expect_sample(store: Store) -> None:
    event = store.event()
    drafts = {d.key: d for d in (draft_of(s, event) for s in store.sessions())}
    assert sorted(drafts) == ["fellows", "lab", "opening"]
    assert drafts["opening"].title == "Séance d'ouverture"
    assert drafts["lab"].title == "Learning Lab: Réseaux"
    assert (drafts["lab"].start, drafts["lab"].end) == (dt.time(10), dt.time(11))
    assert drafts["lab"].capacity == 40 and drafts["lab"].booking_required
    assert drafts["fellows"].open_to == ("Fellow", "Staff")
    assert drafts["fellows"].day == dt.date(2026, 3, 11)
    assert drafts["opening"].capacity is None and not drafts["opening"].booking_required
    # 09:00 in London in March is 09:00 UTC; the moment is stored in UTC.
    opening = next(s for s in store.sessions() if s.key == "opening")
    assert opening.starts_at == dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)


@pytest.mark.parametrize("label,codec,bom", ENCODINGS, ids=[e[0] for e in ENCODINGS])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_agenda_in_each_encoding_and_delimiter(
    store: Store, tmp_path: Path, label: str, codec: str, bom: bytes, delimiter: str
) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(
        rows_of(DATA / "agenda.csv")
    )
    path = tmp_path / f"agenda-{label}.csv"
    path.write_bytes(bom + buffer.getvalue().encode(codec))
    report = import_agenda(store, path)
    assert (report.imported, report.skipped, report.lines) == (3, 0, [])
    _expect_sample(store)


def test_headers_match_without_case_or_spaces_and_columns_in_any_order(
    store: Store, tmp_path: Path
) -> None:
    rows = rows_of(DATA / "agenda.csv")
    order = [8, 7, 6, 5, 4, 3, 2, 1, 0]
    shuffled = [[row[i] for i in order] for row in rows]
    shuffled[0] = [f"  {name.replace('_', ' ').upper()} " for name in shuffled[0]]
    path = tmp_path / "shuffled.csv"
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(shuffled)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert import_agenda(store, path).imported == 3
    _expect_sample(store)


def test_agenda_as_xlsx_with_time_and_date_cells(store: Store, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows_of(DATA / "agenda.csv"):
        sheet.append(row)
    # A spreadsheet user types times and dates, which Excel keeps as such.
    sheet["C2"] = dt.date(2026, 3, 10)
    sheet["D3"] = dt.time(10, 0)
    sheet["G3"] = 40
    path = tmp_path / "agenda.xlsx"
    workbook.save(path)
    report = import_agenda(store, path)
    assert (report.imported, report.skipped, report.lines) == (3, 0, [])
    _expect_sample(store)

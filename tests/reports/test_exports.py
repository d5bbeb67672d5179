"""Exports read back with csv, openpyxl and pypdf and compared with the database."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pypdf
import pytest
from report_data import PEOPLE, at

from kiosk.reports.exports import write_csv, write_xlsx
from kiosk.reports.register import write_register_pdf
from kiosk.reports.table import COLUMNS, HEADER, TITLES, load_scope
from kiosk.store import Store
from kiosk.store.attended import first_admissions


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_csv_has_one_row_per_attendee_matching_the_log(event_store: Store, tmp_path: Path) -> None:
    path = write_csv(load_scope(event_store, None, None), tmp_path / "out.csv")
    rows = read_csv(path)
    assert list(rows[0]) == HEADER
    assert len(rows) == len(PEOPLE)
    admissions = first_admissions(event_store, event_only=True)
    admitted = {event_store.attendee(a.attendee_id).code for a in admissions}  # type: ignore[union-attr]
    by_code = {row["code"]: row for row in rows}
    for code, row in by_code.items():
        assert (row["days_attended"] == "1") == (code in admitted)
    amara = by_code["CODE-0"]
    assert amara["first_check_in"] == "2026-03-10 08:30"
    assert amara["first_station"] == "door-1"
    assert amara["sessions_attended"] == "Keynote; Breakout A"
    assert amara["session_count"] == "2"
    # Names in other scripts survive the round trip exactly.
    assert by_code["CODE-1"]["first_name"] == "محمد"
    assert by_code["CODE-2"]["last_name"] == "王"
    assert by_code["CODE-4"]["first_name"] == "प्रिया"
    # Attended a session only: attended, but no event day.
    assert by_code["CODE-3"]["attended"] == "yes" and by_code["CODE-3"]["days_attended"] == "0"
    assert by_code["CODE-6"]["attended"] == "no"


def test_csv_neutralises_formulas(event_store: Store, tmp_path: Path) -> None:
    rows = read_csv(write_csv(load_scope(event_store, None, None), tmp_path / "out.csv"))
    evil = next(row for row in rows if row["code"] == "CODE-5")
    assert evil["first_name"] == '\'=HYPERLINK("http://x","y")'
    assert evil["last_name"] == "'+Evil"
    assert evil["organisation"] == "'@SUM(A1)"
    assert evil["category"] == "'-Delegate"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_xlsx_rows_summary_and_no_shows(event_store: Store, tmp_path: Path) -> None:
    path = write_xlsx(load_scope(event_store, None, None), tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Attendance", "Summary", "Conflicts", "No-shows"]
    rows = list(book["Attendance"].iter_rows(values_only=True))
    # People read the workbook: human titles, in the CSV's order.
    assert list(rows[0]) == [TITLES[name] for name in HEADER]
    assert rows[0][:3] == ("Code", "First name", "Last name")
    assert len(rows) == len(PEOPLE) + 1
    by_code = {row[0]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    assert by_code["CODE-1"]["first_name"] == "محمد"
    assert by_code["CODE-0"]["sessions_attended"] == "Keynote; Breakout A"

    # The injection stays text: a string cell, never a formula.
    evil_row = next(r for r in book["Attendance"].iter_rows(min_row=2) if r[0].value == "CODE-5")
    first_name = evil_row[1]
    assert first_name.value == '=HYPERLINK("http://x","y")'
    assert first_name.data_type == "s"
    assert first_name.quotePrefix

    summary = [row for row in book["Summary"].iter_rows(values_only=True) if any(row)]
    assert ("Total", 7, 6) in [tuple(row[:3]) for row in summary]  # 7 active, 6 came
    assert ("Breakout A", "Room 1", 3) in [tuple(row[:3]) for row in summary]
    no_shows = list(book["No-shows"].iter_rows(values_only=True))[1:]
    assert [row[0] for row in no_shows] == ["Noshow"]


def test_pdf_register_lists_exactly_the_session(event_store: Store, tmp_path: Path) -> None:
    breakout = next(s for s in event_store.sessions() if s.title == "Breakout A")
    path = write_register_pdf(
        load_scope(event_store, None, breakout.id), tmp_path / "reg.pdf", breakout.id
    )
    reader = pypdf.PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Spring Learning Event" in text and "Breakout A" in text
    assert "3 attended" in text
    for name in ("Amara", "Okonkwo", "Γιώργος", "Page 1"):
        assert name in text
    assert "Noshow" not in text and "王" not in text  # not in this session


def test_register_paginates_with_page_numbers(event_store: Store, tmp_path: Path) -> None:
    from kiosk.checkin import Station

    for index in range(120):
        attendee = event_store.add_attendee(
            {"code": f"MANY-{index}", "first_name": f"Guest{index}"}
        )
        Station(event_store, clock=lambda: at(9)).scan(attendee.code)
    path = write_register_pdf(load_scope(event_store, None, None), tmp_path / "reg.pdf")
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) >= 3
    assert f"Page {len(reader.pages)}" in reader.pages[-1].extract_text()
    assert "Guest119" in "".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_exports_are_owner_only_and_atomic(event_store: Store, tmp_path: Path, writer) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out.file"
    target.write_text("previous export")
    writer(load_scope(event_store, None, None), target)
    assert target.stat().st_mode & 0o077 == 0
    assert [p.name for p in tmp_path.iterdir()] == ["out.file"], "no temporary file left behind"


def test_failed_export_leaves_the_old_file(event_store: Store, tmp_path: Path) -> None:
    from kiosk.reports.files import atomic_file

    target = tmp_path / "out.csv"
    target.write_text("previous export")
    with pytest.raises(RuntimeError), atomic_file(target) as handle:
        handle.write(b"half a file")
        raise RuntimeError("disk full")
    assert target.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_offline_conflicts_are_listed_in_both_exports(event_store: Store, tmp_path: Path) -> None:
    # What multi-station sync records when two stations admitted one ticket
    # while neither could reach the hub.
    event_store.conn.execute(
        "INSERT INTO sync_conflicts VALUES ('c1', 'CODE-0', 'day:2026-03-10', 'e1', 'kiosk-1', "
        "'2026-03-10T09:01:00+00:00', 'e2', 'kiosk-2', '2026-03-10T09:03:00+00:00', "
        "'2026-03-10T09:10:00+00:00', 'admitted_twice', NULL, NULL)"
    )
    scope = load_scope(event_store, None, None)
    rows = read_csv(write_csv(scope, tmp_path / "out.csv"))
    amara = next(row for row in rows if row["code"] == "CODE-0")
    assert (
        amara["conflicts"]
        == "day:2026-03-10: kiosk-1 2026-03-10 09:01 and kiosk-2 2026-03-10 09:03"
    )
    assert all(row["conflicts"] == "" for row in rows if row["code"] != "CODE-0")
    book = openpyxl.load_workbook(write_xlsx(scope, tmp_path / "out.xlsx"))
    listed = list(book["Conflicts"].iter_rows(values_only=True))
    assert listed[1][0] == "CODE-0" and "kiosk-2" in listed[1][1]


def test_xlsx_tables_have_a_frozen_filtered_header(event_store: Store, tmp_path: Path) -> None:
    event_store.conn.execute(
        "INSERT INTO sync_conflicts VALUES ('c1', 'CODE-0', 'day:2026-03-10', 'e1', 'kiosk-1', "
        "'2026-03-10T09:01:00+00:00', 'e2', 'kiosk-2', '2026-03-10T09:03:00+00:00', "
        "'2026-03-10T09:10:00+00:00', 'admitted_twice', NULL, NULL)"
    )
    path = write_xlsx(load_scope(event_store, None, None), tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    attendance = book["Attendance"]
    assert attendance.freeze_panes == "A2"
    last_column = openpyxl.utils.get_column_letter(len(HEADER))
    assert attendance.auto_filter.ref == f"A1:{last_column}{len(PEOPLE) + 1}"
    assert all(cell.font.b for cell in attendance[1])
    no_shows = book["No-shows"]
    assert [c.value for c in no_shows[1]] == [
        "First name", "Last name", "Organisation", "Email", "Email from", "Category"
    ]  # fmt: skip
    assert no_shows.freeze_panes == "A2"
    assert no_shows.auto_filter.ref == f"A1:F{no_shows.max_row}"
    assert book["Conflicts"].auto_filter.ref == "A1:B2"
    # The summary is not one table: nothing frozen, no filter.
    assert book["Summary"].freeze_panes is None
    assert not book["Summary"].auto_filter.ref
    # Excel's own record of each filter (a hidden defined name), which
    # openpyxl folds away on reading: read the workbook part itself.
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    assert (
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"'Attendance'!$A$1:${last_column}${len(PEOPLE) + 1}</definedName>"
    ) in workbook


def test_csv_keeps_machine_names(event_store: Store, tmp_path: Path) -> None:
    rows = read_csv(write_csv(load_scope(event_store, None, None), tmp_path / "out.csv"))
    assert list(rows[0])[:3] == ["code", "first_name", "last_name"]


def test_readme_lists_every_export_column() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for name, title, holds in COLUMNS:
        assert f"| `{name}` | {title} | {holds} |" in readme

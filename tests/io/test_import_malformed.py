"""Malformed files: one plain sentence each, never a traceback, nothing imported."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_helpers import SAMPLES

from kiosk.io import RosterError, import_roster
from kiosk.store import Store

TEN_MB = 10 * 1024 * 1024


def _one_sentence(message: str) -> None:
    assert message.endswith(".")
    assert "\n" not in message and "Traceback" not in message
    assert len(message) < 400


def _refused(store: Store, path: Path, fragment: str) -> None:
    with pytest.raises(RosterError) as caught:
        import_roster(store, path)
    _one_sentence(str(caught.value))
    assert fragment in str(caught.value)
    assert store.attendees() == []


def test_binary_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    _refused(store, path, "not a text file")


def test_binary_file_without_zero_bytes(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "noise.csv"
    path.write_bytes(bytes(range(1, 256)) * 40)
    _refused(store, path, "not a text file")


def test_truncated_in_the_middle_of_a_character(store: Store, tmp_path: Path) -> None:
    data = "first_name,last_name\nZoë,Ó Briain\n".encode()
    path = tmp_path / "cut.csv"
    path.write_bytes(data[: data.index("Ó".encode()) + 1])
    _refused(store, path, "cut short")


def test_truncated_utf16(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(
        codecs.BOM_UTF16_LE + "first_name\tcode\r\nZoë\tA\r\n".encode("utf-16-le")[:-1]
    )
    _refused(store, path, "cut short")


def test_truncated_in_the_middle_of_a_quoted_cell(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text('first_name,organisation,code\nAda,"Analytical Engine Soc', encoding="utf-8")
    _refused(store, path, "quoted cell that starts on row 2")


def test_empty_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    _refused(store, path, "is empty")


def test_file_of_blank_lines(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\r\n \r\n,,\r\n")
    _refused(store, path, "is empty")


def test_header_only(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_bytes(SAMPLES["eventbrite"].read_bytes().splitlines(keepends=True)[0])
    _refused(store, path, "no attendees")


@pytest.mark.parametrize("filler", [b"a", b",", b'"'], ids=["letters", "commas", "quotes"])
def test_ten_megabyte_single_line(store: Store, tmp_path: Path, filler: bytes) -> None:
    path = tmp_path / "line.csv"
    path.write_bytes(b"first_name," + filler * TEN_MB)
    _refused(store, path, "longer than")


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_a_long_line_between_ordinary_rows_is_found(
    store: Store, tmp_path: Path, ending: bytes
) -> None:
    # Well over a megabyte of ordinary rows around one line of two million characters.
    rows = [b"first_name,code"] + [b"Ada,C-%d" % index for index in range(60_000)]
    rows.insert(30_000, b"Long," + b"x" * 2_000_000)
    path = tmp_path / "long.csv"
    path.write_bytes(ending.join(rows) + ending)
    with pytest.raises(RosterError, match=r"Line 30001 of long\.csv is longer than"):
        import_roster(store, path)


@pytest.mark.expected_log("kiosk.io", "field larger than field limit")
def test_huge_cell_on_a_later_row(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cell.csv"
    # Line breaks inside one quoted cell: no line is long, the cell is.
    path.write_bytes(b'first_name,notes\nAda,"' + b"x\n" * 200_000 + b'"\n')
    _refused(store, path, "cell longer than")


def test_missing_file(store: Store, tmp_path: Path) -> None:
    _refused(store, tmp_path / "nowhere.csv", "There is no file")


def test_directory(store: Store, tmp_path: Path) -> None:
    _refused(store, tmp_path, "is a folder")


@pytest.mark.expected_log("kiosk.io", "not a readable workbook")
def test_xlsx_that_is_not_a_zip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_text("first_name,last_name\nAda,Lovelace\n")
    _refused(store, path, "not a readable XLSX workbook")


@pytest.mark.expected_log("kiosk.io", "not a readable workbook")
def test_zip_that_is_not_a_workbook(store: Store, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    path = tmp_path / "roster.csv"
    path.write_bytes(buffer.getvalue())
    _refused(store, path, "not a readable XLSX workbook")


@pytest.mark.expected_log("kiosk.io", "not a readable workbook")
def test_truncated_xlsx(store: Store, tmp_path: Path, xlsx_bytes: bytes) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(xlsx_bytes[: len(xlsx_bytes) // 2])
    _refused(store, path, "XLSX workbook")


def test_old_excel_workbook(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "roster.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    _refused(store, path, ".xls")


@pytest.fixture
def xlsx_bytes(tmp_path: Path) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for index in range(200):
        sheet.append([f"Person {index}", f"Surname {index}", f"CODE-{index}"])
    workbook.save(tmp_path / "whole.xlsx")
    return (tmp_path / "whole.xlsx").read_bytes()


_HEADER = st.sampled_from(
    [
        b"",
        b"first_name,last_name,code\n",
        "Zoë;Ó Briain\r\n".encode(),
        b"\xef\xbb\xbfname\tcode\n",
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@pytest.mark.expected_log("kiosk.io")  # random bytes: any reader may say what it refused
@given(head=_HEADER, body=st.binary(max_size=600) | st.text(max_size=300).map(str.encode))
def test_any_bytes_give_a_report_or_one_sentence(tmp_path: Path, head: bytes, body: bytes) -> None:
    store = Store.open(":memory:")
    path = tmp_path / "fuzz.csv"
    path.write_bytes(head + body)
    try:
        report = import_roster(store, path)
    except RosterError as error:
        _one_sentence(str(error))
        assert store.attendees() == []
    else:
        assert report.imported + report.unchanged + report.updated == len(store.attendees())
        for skipped in report.skipped:
            assert skipped.row >= 2

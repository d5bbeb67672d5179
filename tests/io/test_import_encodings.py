"""Encodings and delimiters: every combination reads the same names, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import DELIMITERS, ENCODINGS, by_code, encodable, sample_rows, write_csv

from kiosk.io import import_roster
from kiosk.store import Store

# Names a Windows-1252 file can hold too, and cells that contain every
# delimiter and a quote mark, so a wrong guess of the delimiter would show.
ROWS = [
    ["first_name", "last_name", "organisation", "category", "code", "email"],
    ["Zoë", "Ó Briain", 'Smith, Jones; and "Partners"\tLLP', "Speaker", "Z-1", "zoe@example.org"],
    ["Siobhán", "Müller-Lüdenscheidt", "Café Crème €", "Delegate", "S-2", ""],
    ["François", "d'Ávila", "", "Delegate", "F-3", "f@example.org"],
]


@pytest.mark.parametrize("delimiter", DELIMITERS, ids=["comma", "semicolon", "tab"])
@pytest.mark.parametrize(
    ("codec", "bom"), [e[1:] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS]
)
def test_each_encoding_and_delimiter_reads_names_exactly(
    store: Store, tmp_path: Path, codec: str, bom: bytes, delimiter: str
) -> None:
    path = write_csv(tmp_path / "roster.csv", ROWS, codec, bom, delimiter)
    report = import_roster(store, path)
    assert report.summary() == "imported 3, updated 0, unchanged 0, skipped 0"
    people = by_code(store)
    assert (people["Z-1"].first_name, people["Z-1"].last_name) == ("Zoë", "Ó Briain")
    assert people["Z-1"].organisation == 'Smith, Jones; and "Partners" LLP'
    assert people["S-2"].last_name == "Müller-Lüdenscheidt"
    assert people["S-2"].organisation == "Café Crème €"
    assert people["F-3"].last_name == "d'Ávila"


@pytest.mark.parametrize("preset", ["eventbrite", "pretix", "generic"])
@pytest.mark.parametrize(
    ("codec", "bom"), [e[1:] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS]
)
def test_each_preset_in_each_encoding(
    store: Store, tmp_path: Path, preset: str, codec: str, bom: bytes
) -> None:
    rows = encodable(sample_rows(preset), codec)
    delimiter = "\t" if codec.startswith("utf-16") else ","  # as Excel writes "Unicode text"
    path = write_csv(tmp_path / f"{preset}.csv", rows, codec, bom, delimiter)
    report = import_roster(store, path)
    assert report.source == preset
    assert report.imported == len(rows) - 1
    assert not report.skipped
    names = {(a.first_name, a.last_name) for a in store.attendees()}
    assert ("Tomás", "Ó Briain") in names


def test_utf16_without_byte_order_mark_is_recognised(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "roster.txt", ROWS, "utf-16-le", b"", "\t")
    assert import_roster(store, path).imported == 3
    assert by_code(store)["Z-1"].first_name == "Zoë"


def test_decomposed_accents_are_stored_composed(store: Store, tmp_path: Path) -> None:
    decomposed = "Zoe\u0308"  # e + combining diaeresis, as some Mac exports write it
    path = write_csv(tmp_path / "nfd.csv", [["first_name", "code"], [decomposed, "N-1"]])
    import_roster(store, path)
    assert by_code(store)["N-1"].first_name == "Zoë"
    assert [a.code for a in store.search("zoe")] == ["N-1"]


def test_line_breaks_and_tabs_inside_a_cell_become_single_spaces(
    store: Store, tmp_path: Path
) -> None:
    rows = [["first_name", "last_name", "code"], ["Mary\nAnn", "  Smith\t ", "M-1"]]
    import_roster(store, write_csv(tmp_path / "r.csv", rows))
    person = by_code(store)["M-1"]
    assert (person.first_name, person.last_name) == ("Mary Ann", "Smith")


def test_excel_separator_line_names_the_delimiter(store: Store, tmp_path: Path) -> None:
    # With "sep=," the semicolons are part of the cells, not delimiters.
    text = "sep=,\r\nfirst_name,organisation,code\r\nZoë,A;B;C,Z-1\r\n,,Z-2\r\n"
    (tmp_path / "excel.csv").write_bytes(text.encode("utf-8"))
    report = import_roster(store, tmp_path / "excel.csv")
    assert by_code(store)["Z-1"].organisation == "A;B;C"
    assert [skipped.row for skipped in report.skipped] == [3]

"""Skipped rows are reported with spreadsheet row numbers and a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import by_code, write_csv

from kiosk.io import RosterError, Skipped, import_roster
from kiosk.store import Store


def test_every_skipped_row_has_its_row_number_and_reason(store: Store, tmp_path: Path) -> None:
    rows = [
        ["first_name", "last_name", "code"],  # row 1
        ["Ada", "Lovelace", "C-1"],  # row 2
        ["", "", "C-2"],  # row 3: no name
        ["Alan", "Turing", "C-1"],  # row 4: code used on row 2
        ["Grace", "Hopper", "X" * 257],  # row 5: too long
        ["Edsger", "Dijkstra", "C-\x07bell"],  # row 6: control character
        [],  # row 7: blank, not a person
        ["Barbara", "Liskov", ""],  # row 8: fine, code generated
        ["  ", " ", "C-9"],  # row 9: no name (spaces only)
    ]
    report = import_roster(store, write_csv(tmp_path / "r.csv", rows))
    assert report.summary() == "imported 2, updated 0, unchanged 0, skipped 5"
    assert report.skipped == [
        Skipped(3, "no name"),
        Skipped(4, "code already used on row 2"),
        Skipped(5, "code longer than 256 characters"),
        Skipped(6, "code contains control or invisible characters"),
        Skipped(9, "no name"),
    ]
    assert by_code(store)["C-1"].first_name == "Ada"


def test_row_numbers_count_lines_inside_quoted_cells_as_a_spreadsheet_does(
    store: Store, tmp_path: Path
) -> None:
    text = 'first_name,organisation,code\r\n"Ada","Two\r\nlines",A\r\n,,B\r\n'
    (tmp_path / "r.csv").write_text(text, encoding="utf-8", newline="")
    report = import_roster(store, tmp_path / "r.csv")
    assert report.skipped == [Skipped(3, "no name")]


def test_blank_rows_before_the_header_keep_row_numbers(store: Store, tmp_path: Path) -> None:
    rows = [[], ["first_name", "code"], ["", "A"]]
    report = import_roster(store, write_csv(tmp_path / "r.csv", rows))
    assert report.skipped == [Skipped(3, "no name")]


def test_duplicate_registration_id_in_one_file_is_skipped(store: Store, tmp_path: Path) -> None:
    rows = [
        ["Order code", "Position ID", "Attendee name", "Secret"],
        ["A1", "1", "Ada Lovelace", "s1"],
        ["A1", "1", "Ada Lovelace", "s2"],
    ]
    report = import_roster(store, write_csv(tmp_path / "p.csv", rows))
    assert report.skipped == [Skipped(3, "same pretix id as row 2")]


def test_a_file_where_every_row_is_skipped_imports_nothing(store: Store, tmp_path: Path) -> None:
    rows = [["first_name", "code"], ["", "A"], ["", "B"]]
    report = import_roster(store, write_csv(tmp_path / "r.csv", rows))
    assert (report.imported, len(report.skipped)) == (0, 2)
    assert store.attendees() == []


def test_header_only_says_there_are_no_attendees(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["first_name", "code"], [], []])
    with pytest.raises(RosterError, match="no attendees"):
        import_roster(store, path)

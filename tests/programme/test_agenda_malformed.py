"""A malformed agenda: each bad row is skipped with one sentence saying why,
and the good rows are imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from programme_helpers import DATA, HEADER, add_people, write_csv

from kiosk.programme.agenda import AgendaError, import_agenda
from kiosk.store import Store


def test_each_bad_row_has_its_line_and_the_good_rows_are_imported(store: Store) -> None:
    add_people(store)
    report = import_agenda(store, DATA / "malformed.csv")
    assert report.lines == [
        "skipped row 3: the session ends before it starts (10:00 to 09:30)",
        "skipped row 4: unknown category 'Fellows' in open_to "
        "(the roster has: Delegate, Fellow, Staff)",
        "skipped row 5: day 2026-12-05 is outside the event (2026-03-10 to 2026-03-11)",
        "skipped row 6: the start time '9h30' is not a time like 09:30",
        "skipped row 7: the capacity 'ten' is not a positive whole number "
        "(leave it empty for no limit)",
        "skipped row 8: the title is missing",
    ]
    assert report.summary() == "imported 2, updated 0, unchanged 0, skipped 6"
    sessions = store.sessions()
    assert [s.key for s in sessions] == ["a", "h"]
    # The category is matched without case, and kept as the agenda wrote it.
    assert sessions[1].open_to == ("fellow",)


def test_with_an_empty_roster_every_category_is_accepted(store: Store) -> None:
    report = import_agenda(store, DATA / "malformed.csv")
    assert not any("category" in line for line in report.lines)
    assert [s.key for s in store.sessions()] == ["a", "c", "h"]


def test_an_event_without_days_takes_any_day(store: Store) -> None:
    event = store.event()
    store.save_event(type(event)(event.name, event.venue, event.timezone, None, None))
    report = import_agenda(store, DATA / "malformed.csv")
    assert "d" in [s.key for s in store.sessions()]
    assert not any("outside the event" in line for line in report.lines)


@pytest.mark.parametrize(
    "cells,sentence",
    [
        (["", "Talk", "", "09:00", "10:00"], "the day is missing"),
        (["", "Talk", "2026-03-10", "", "10:00"], "the start time is missing"),
        (["", "Talk", "2026-03-10", "09:00", ""], "the end time is missing"),
        (["", "Talk", "10/03/2026", "09:00", "10:00"], "the day '10/03/2026' is not a date"),
        (["", "Talk", "2026-03-10", "09:00", "25:00"], "the end time '25:00' is not a time"),
        (["", "Talk", "2026-03-10", "09:00", "09:00"], "the session ends when it starts"),
        (["", "Talk", "2026-03-10", "09:00", "10:00", "", "0"], "the capacity '0' is not"),
        (["", "Talk", "2026-03-10", "09:00", "10:00", "", "-5"], "the capacity '-5' is not"),
        (
            ["", "Talk", "2026-03-10", "09:00", "10:00", "", "", "", "maybe"],
            "booking_required 'maybe' is not yes or no",
        ),
    ],
)
def test_each_malformed_field_has_its_own_sentence(
    store: Store, tmp_path: Path, cells: list[str], sentence: str
) -> None:
    report = import_agenda(store, write_csv(tmp_path / "a.csv", [HEADER, cells]))
    assert report.skipped == 1 and report.imported == 0
    assert report.lines[0].startswith("skipped row 2: " + sentence)
    assert store.sessions() == []


@pytest.mark.parametrize(
    "content,sentence",
    [
        (None, "There is no file at"),
        (b"", "is empty"),
        (b"name,room\nKeynote,Hall\n", "has no title column, so it is not an agenda"),
        (b"title,day\nKeynote,2026-03-10\n", "has no start or end column"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old Excel .xls workbook"),
    ],
)
def test_a_file_that_is_not_an_agenda_is_one_sentence(
    store: Store, tmp_path: Path, content: bytes | None, sentence: str
) -> None:
    path = tmp_path / "agenda.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AgendaError, match=sentence):
        import_agenda(store, path)
    assert store.sessions() == []

"""Bookings read from a file: attendees by code or email, sessions by key."""

from __future__ import annotations

from pathlib import Path

import pytest
from programme_helpers import HEADER, add_people, write_csv

from kiosk.programme.agenda import import_agenda
from kiosk.programme.bookings import BookingsError, import_bookings
from kiosk.store import Store
from kiosk.store.programme import booked_attendees, session_by_key


@pytest.fixture
def people(store: Store, tmp_path: Path) -> dict[str, int]:
    ids = add_people(store)
    agenda = [
        HEADER,
        ["lab", "Lab", "2026-03-10", "10:00", "11:00", "Lab", "2", "", "yes"],
        ["talk", "Talk", "2026-03-10", "11:00", "12:00", "Hall", "", "", "no"],
    ]
    import_agenda(store, write_csv(tmp_path / "agenda.csv", agenda))
    return ids


def _booked(store: Store, key: str) -> set[int]:
    session = session_by_key(store, key)
    assert session is not None
    return booked_attendees(store, session.id)


def test_bookings_by_code_and_by_email_with_the_skipped_lines(
    store: Store, tmp_path: Path, people: dict[str, int]
) -> None:
    rows = [
        ["code", "email", "session"],
        ["D1", "", "lab"],  # 2: by code
        ["", "FEMI@example.org ", "lab"],  # 3: by email, any case
        ["D1", "", "lab"],  # 4: already booked (earlier row)
        ["NOPE", "", "lab"],  # 5
        ["", "nobody@example.org", "lab"],  # 6
        ["", "shared@example.org", "lab"],  # 7: two attendees share it
        ["D1", "", "workshop"],  # 8
        ["", "", "lab"],  # 9
        ["F1", "", ""],  # 10
        ["S1", "", "talk"],  # 11: a session that needs no booking
        ["S2", "", "talk"],  # 12
    ]
    report = import_bookings(store, write_csv(tmp_path / "bookings.csv", rows))
    assert report.summary() == "booked 4, already booked 1, skipped 6"
    assert report.lines == [
        "skipped row 5: no attendee has the code 'NOPE'",
        "skipped row 6: no attendee has this row's email",
        "skipped row 7: 2 attendees share this row's email, so it cannot say who booked "
        "(give their code instead)",
        "skipped row 8: no session has the key 'workshop'",
        "skipped row 9: the row has no code and no email",
        "skipped row 10: the session key is missing",
    ]
    assert report.notes == ["note: session talk does not require booking (booked all the same)"]
    assert _booked(store, "lab") == {people["D1"], people["F1"]}
    assert _booked(store, "talk") == {people["S1"], people["S2"]}
    again = import_bookings(store, write_csv(tmp_path / "bookings.csv", rows))
    assert again.summary() == "booked 0, already booked 5, skipped 6"


def test_dry_run_books_nobody(store: Store, tmp_path: Path, people: dict[str, int]) -> None:
    rows = [["code", "session"], ["D1", "lab"], ["F1", "lab"]]
    report = import_bookings(store, write_csv(tmp_path / "b.csv", rows), dry_run=True)
    assert report.summary() == "booked 2, already booked 0, skipped 0"
    assert _booked(store, "lab") == set()


def test_a_file_without_the_columns_is_one_sentence(
    store: Store, tmp_path: Path, people: dict[str, int]
) -> None:
    with pytest.raises(BookingsError, match="needs a session column and a code or email"):
        import_bookings(store, write_csv(tmp_path / "b.csv", [["name", "session"], ["x", "y"]]))

"""Re-import: merge by code or registration id, check-ins never lost, nothing deleted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from import_helpers import SAMPLES, by_code, columns, dump, sample_rows, write_csv

from kiosk.checkin import Station
from kiosk.domain.models import AttendeeStatus, Result
from kiosk.io import import_roster
from kiosk.store import Store

MORNING = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
AMARA = "7412300000900000000001"
TOMAS = "7412300003900000001001"


def _eventbrite(tmp_path: Path, rows: list[list[str]]) -> Path:
    return write_csv(tmp_path / "eventbrite-v2.csv", rows)


def _set(rows: list[list[str]], code: str, column: str, value: str) -> None:
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("Barcode #")] == code:
            row[header.index(column)] = value


def test_reimport_renames_people_after_they_checked_in(store: Store, tmp_path: Path) -> None:
    import_roster(store, SAMPLES["eventbrite"])
    station = Station(store, name="door-1", clock=lambda: MORNING)
    assert station.scan(AMARA).result is Result.CHECKED_IN
    assert station.scan(TOMAS).result is Result.CHECKED_IN
    log_before = store.log_entries()
    ids_before = {code: a.id for code, a in by_code(store).items()}

    rows = sample_rows("eventbrite")
    _set(rows, AMARA, "First Name", "Amarachi")
    _set(rows, AMARA, "Surname", "Okonkwo-Adeyemi")
    _set(rows, TOMAS, "Company", "University College London")
    _set(rows, TOMAS, "Ticket Type", "Speaker")
    report = import_roster(store, _eventbrite(tmp_path, rows))

    assert report.summary() == "imported 0, updated 2, unchanged 13, skipped 0"
    assert store.log_entries() == log_before
    assert {code: a.id for code, a in by_code(store).items()} == ids_before
    again = station.scan(AMARA)
    assert again.result is Result.ALREADY_CHECKED_IN
    assert again.attendee is not None
    assert (again.attendee.first_name, again.attendee.last_name) == ("Amarachi", "Okonkwo-Adeyemi")
    assert again.first_checked_in == log_before[0]
    tomas = by_code(store)[TOMAS]
    assert (tomas.organisation, tomas.category) == ("University College London", "Speaker")
    assert [a.code for a in store.search("amarachi")] == [AMARA]
    assert store.search("okonkwo adeyemi")[0].code == AMARA


def test_reimport_cancels_and_reinstates(store: Store, tmp_path: Path) -> None:
    import_roster(store, SAMPLES["eventbrite"])
    rows = sample_rows("eventbrite")
    _set(rows, AMARA, "Attendee Status", "Refunded")
    _set(rows, "7412300012900000004001", "Attendee Status", "Attending")
    import_roster(store, _eventbrite(tmp_path, rows))
    people = by_code(store)
    assert people[AMARA].status is AttendeeStatus.CANCELLED
    assert people["7412300012900000004001"].status is AttendeeStatus.ACTIVE
    station = Station(store, clock=lambda: MORNING)
    assert station.scan(AMARA).result is Result.CANCELLED


def test_attendees_missing_from_the_new_file_are_counted_not_deleted(
    store: Store, tmp_path: Path
) -> None:
    import_roster(store, SAMPLES["eventbrite"])
    Station(store, clock=lambda: MORNING).scan(AMARA)
    rows = [row for row in sample_rows("eventbrite") if AMARA not in row and TOMAS not in row]
    report = import_roster(store, _eventbrite(tmp_path, rows))
    assert (report.missing, report.unchanged) == (2, 13)
    assert len(store.attendees()) == 15
    assert Station(store, clock=lambda: MORNING).scan(AMARA).result is Result.ALREADY_CHECKED_IN


def test_reissued_barcode_merges_by_attendee_number(store: Store, tmp_path: Path) -> None:
    import_roster(store, SAMPLES["eventbrite"])
    Station(store, clock=lambda: MORNING).scan(AMARA)
    amara_id = by_code(store)[AMARA].id
    rows = sample_rows("eventbrite")
    _set(rows, AMARA, "Barcode #", "NEW-BARCODE-1")
    report = import_roster(store, _eventbrite(tmp_path, rows))
    assert (report.imported, report.updated) == (0, 1)
    people = by_code(store)
    assert AMARA not in people and people["NEW-BARCODE-1"].id == amara_id
    result = Station(store, clock=lambda: MORNING).scan("NEW-BARCODE-1")
    assert result.result is Result.ALREADY_CHECKED_IN


def test_reimporting_a_list_without_codes_does_not_duplicate_anyone(store: Store) -> None:
    first = import_roster(store, SAMPLES["generic"])
    codes = set(by_code(store))
    again = import_roster(store, SAMPLES["generic"])
    assert (first.imported, again.imported, again.unchanged) == (8, 0, 8)
    assert set(by_code(store)) == codes


def test_namesakes_without_codes_each_keep_their_own_attendee(store: Store, tmp_path: Path) -> None:
    # Two people with the same name and e-mail (case aside) and a third
    # person: a list without codes matches each row to a different attendee,
    # in file order, and a new namesake row is a new attendee.
    header = ["first_name", "last_name", "email", "job_title"]
    rows = [
        ["Sam", "Lee", "lee@x.org", "Chair"],
        ["SAM", "lee", "Lee@X.org", "Speaker"],
        ["Ana", "Ruiz", "", "Guest"],
    ]
    import_roster(store, write_csv(tmp_path / "a.csv", [header, *rows]))
    ids = {a.job_title: a.id for a in store.attendees()}
    again = [header, *rows, ["Sam", "Lee", "LEE@x.org", "Volunteer"]]
    report = import_roster(store, write_csv(tmp_path / "b.csv", again))
    assert report.summary() == "imported 1, updated 0, unchanged 3, skipped 0"
    after = {a.job_title: a.id for a in store.attendees()}
    assert {job: after[job] for job in ids} == ids
    assert after["Volunteer"] not in ids.values()


def test_unchanged_reimport_writes_nothing(store: Store) -> None:
    import_roster(store, SAMPLES["pretix"])
    stamps = columns(store, "updated_at")
    report = import_roster(store, SAMPLES["pretix"])
    assert report.summary() == "imported 0, updated 0, unchanged 10, skipped 0"
    assert columns(store, "updated_at") == stamps


def test_different_sources_with_their_own_codes_live_side_by_side(store: Store) -> None:
    import_roster(store, SAMPLES["eventbrite"])
    report = import_roster(store, SAMPLES["pretix"])
    assert (report.imported, report.missing) == (10, 0)
    assert len(store.attendees()) == 25


def test_dry_run_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    store = Store.open(db_path)
    import_roster(store, SAMPLES["eventbrite"])
    Station(store, clock=lambda: MORNING).scan(AMARA)
    store.close()
    before = dump(db_path)
    rows = sample_rows("eventbrite")
    _set(rows, AMARA, "First Name", "Amarachi")
    rows.append(
        [
            "1",
            "2026-03-09 10:00",
            "New",
            "Person",
            "n@example.org",
            "1",
            "Delegate",
            "9",
            "NEW-1",
            "Attending",
            "",
            "",
        ]
    )
    store = Store.open(db_path)
    report = import_roster(store, _eventbrite(tmp_path, rows), dry_run=True)
    store.close()
    assert report.dry_run and (report.imported, report.updated) == (1, 1)
    assert dump(db_path) == before


def test_bulk_import_keeps_the_search_index_in_step(store: Store, tmp_path: Path) -> None:
    rows = [["first_name", "last_name", "organisation", "code"]] + [
        [f"Zoë{index}", "Ó Briain", "Hammersmith", f"Z-{index}"] for index in range(50)
    ]
    import_roster(store, write_csv(tmp_path / "r.csv", rows))
    assert len(store.search("zoe1 briain", limit=100)) == 11  # Zoë1 and Zoë10..19
    rows[1][0] = "Renamed"
    import_roster(store, write_csv(tmp_path / "r.csv", rows))
    assert [a.code for a in store.search("renamed")] == ["Z-0"]
    assert [a.code for a in store.search("zoe0")] == []

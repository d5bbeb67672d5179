"""Presets recognised from headers, codes kept as they are, --map and unknown layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import SAMPLES, by_code, columns, sample_rows, write_csv

from kiosk.domain.codes import CODE_ALPHABET, GENERATED_CODE_LENGTH
from kiosk.domain.models import AttendeeStatus
from kiosk.io import RosterError, import_roster
from kiosk.store import Store


def test_eventbrite_report_keeps_barcodes_and_maps_statuses(store: Store) -> None:
    report = import_roster(store, SAMPLES["eventbrite"])
    assert report.source == "eventbrite"
    rows = sample_rows("eventbrite")
    header = rows[0]
    people = by_code(store)
    assert len(people) == len(rows) - 1
    for row in rows[1:]:
        cell = dict(zip(header, row, strict=True))
        person = people[cell["Barcode #"]]
        assert (person.first_name, person.last_name) == (cell["First Name"], cell["Surname"])
        assert person.category == cell["Ticket Type"]
        assert person.organisation == cell["Company"]
        assert person.job_title == cell["Job Title"]
        cancelled = cell["Attendee Status"] in ("Refunded", "Not Attending", "Transferred")
        assert (person.status is AttendeeStatus.CANCELLED) == cancelled, cell["Attendee Status"]
    assert {status for (status,) in columns(store, "status")} == {"active", "cancelled"}
    external = dict(columns(store, "code", "external_id"))
    assert external["7412300000900000000001"] == "900000000"


@pytest.mark.parametrize(
    "status", ["Refunded", "Cancelled", "Not Attending", "Transferred", "Deleted"]
)
def test_every_eventbrite_cancelling_status(store: Store, tmp_path: Path, status: str) -> None:
    rows = sample_rows("eventbrite")[:2]
    rows[1][rows[0].index("Attendee Status")] = status
    import_roster(store, write_csv(tmp_path / "eb.csv", rows))
    assert store.attendees()[0].status is AttendeeStatus.CANCELLED


def test_eventbrite_last_name_header_works_like_surname(store: Store, tmp_path: Path) -> None:
    rows = sample_rows("eventbrite")
    rows[0] = ["Last Name" if h == "Surname" else h for h in rows[0]]
    import_roster(store, write_csv(tmp_path / "eb.csv", rows))
    assert by_code(store)["7412300003900000001001"].last_name == "Ó Briain"


def test_pretix_export_keeps_secrets_and_order_positions(store: Store) -> None:
    report = import_roster(store, SAMPLES["pretix"])
    assert report.source == "pretix"
    people = by_code(store)
    amara = people["m9epxbc5udnvb8tgbcqqchcuqb5vd9hx"]
    assert (amara.first_name, amara.last_name, amara.email) == (
        "Amara",
        "Okonkwo",
        "amara@example.org",
    )
    assert amara.category == "Delegate"
    assert people["rc5c9jszycb2zkxvy5rkzp7yna9rnfwd"].status is AttendeeStatus.CANCELLED
    assert ("m9epxbc5udnvb8tgbcqqchcuqb5vd9hx", "pretix", "A0FA0-1") in columns(
        store, "code", "source", "external_id"
    )


def test_pretix_single_name_column_is_split_at_the_first_space(
    store: Store, tmp_path: Path
) -> None:
    rows = [
        ["Order code", "Position ID", "Attendee name", "Product", "Secret", "Status"],
        ["ABC12", "1", "Jean-Baptiste de la Fontaine", "Delegate", "s3cr3t", "paid"],
        ["ABC12", "2", "张伟", "Delegate", "s3cr3u", "c"],
    ]
    import_roster(store, write_csv(tmp_path / "pretix.csv", rows))
    people = by_code(store)
    assert (people["s3cr3t"].first_name, people["s3cr3t"].last_name) == (
        "Jean-Baptiste",
        "de la Fontaine",
    )
    assert (people["s3cr3u"].first_name, people["s3cr3u"].last_name) == ("张伟", "")
    assert people["s3cr3u"].status is AttendeeStatus.CANCELLED


def test_pretix_check_in_list_export(store: Store, tmp_path: Path) -> None:
    # The check-in list export: name parts after the full name, "Secret" and
    # "E-mail", no position or status column.
    header = ["Order code", "Attendee name", "Attendee name: Title", "Attendee name: First name"]
    header += ["Attendee name: Middle name", "Attendee name: Family name", "Product", "Price"]
    header += ["Checked in", "Secret", "E-mail", "Company"]
    nneka_row = ["Q7X2P", "Dr Nneka C Obi", "Dr", "Nneka", "C", "Obi", "Speaker", "0.00", ""]
    ian_row = ["Q7X2P", "Ian Price", "", "Ian", "", "Price", "Delegate", "80.00", ""]
    rows = [
        header,
        [*nneka_row, "k2j4", "nneka@example.org", "Brent Council"],
        [*ian_row, "m9p3", "", ""],
    ]
    report = import_roster(store, write_csv(tmp_path / "checkin-list.csv", rows))
    assert report.source == "pretix" and report.imported == 2
    nneka = by_code(store)["k2j4"]
    assert (nneka.first_name, nneka.last_name, nneka.email) == ("Nneka", "Obi", "nneka@example.org")
    assert (nneka.category, nneka.organisation) == ("Speaker", "Brent Council")
    assert ("m9p3", "m9p3") in columns(store, "code", "external_id")


def test_generic_roster_generates_random_codes_where_missing(store: Store) -> None:
    report = import_roster(store, SAMPLES["generic"])
    assert report.source == "generic"
    codes = [a.code for a in store.attendees()]
    given = {c for c in codes if c.startswith("GEN-")}
    made = [c for c in codes if not c.startswith("GEN-")]
    assert given == {"GEN-0000", "GEN-0002", "GEN-0004", "GEN-0006"}
    assert len(made) == 4 and len(set(made)) == 4
    for code in made:
        assert len(code) == GENERATED_CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    assert by_code(store)["GEN-0004"].status is AttendeeStatus.CANCELLED


def test_generic_headers_in_any_order_and_only_a_name_required(
    store: Store, tmp_path: Path
) -> None:
    rows = [["Category", "Last Name", "First-Name"], ["Speaker", "Okafor", "Chidi"]]
    report = import_roster(store, write_csv(tmp_path / "plain.csv", rows))
    assert report.source == "generic"
    person = store.attendees()[0]
    assert (person.first_name, person.last_name, person.category) == ("Chidi", "Okafor", "Speaker")


def test_codes_are_kept_exactly_apart_from_surrounding_whitespace(
    store: Store, tmp_path: Path
) -> None:
    rows = [["first_name", "code"], ["A", "  abc-DEF 123  "], ["B", "0042"]]
    import_roster(store, write_csv(tmp_path / "r.csv", rows))
    assert set(by_code(store)) == {"abc-DEF 123", "0042"}


def test_map_reads_an_unknown_layout(store: Store, tmp_path: Path) -> None:
    rows = [["Vorname", "Nachname", "Firma", "Ticket-Code"], ["Jürgen", "Groß", "Acme", "T-1"]]
    path = write_csv(tmp_path / "de.csv", rows, delimiter=";")
    report = import_roster(
        store,
        path,
        mapping=[
            "Vorname=first_name",
            "nachname=last_name",
            "Firma=organisation",
            "Ticket-Code=code",
        ],
    )
    assert report.source == "mapped"
    person = by_code(store)["T-1"]
    assert (person.first_name, person.last_name, person.organisation) == ("Jürgen", "Groß", "Acme")


def test_map_overrides_a_preset_column(store: Store, tmp_path: Path) -> None:
    rows = sample_rows("eventbrite")
    import_roster(store, write_csv(tmp_path / "eb.csv", rows), mapping=["Order #=category"])
    assert by_code(store)["7412300000900000000001"].category == "7412300000"


def test_unknown_layout_names_the_headers_and_suggests_map(tmp_path: Path, store: Store) -> None:
    path = write_csv(tmp_path / "odd.csv", [["Vorname", "Nachname"], ["Jürgen", "Groß"]])
    with pytest.raises(RosterError) as caught:
        import_roster(store, path)
    message = str(caught.value)
    assert "'Vorname'" in message and "'Nachname'" in message and "--map" in message
    assert message.count(". ") == 0 and message.endswith(".")


@pytest.mark.parametrize(
    ("mapping", "fragment"),
    [
        (["Vorname"], "COLUMN=FIELD"),
        (["Vorname=nickname"], "first_name"),
        (["Nope=first_name"], "does not have"),
    ],
)
def test_bad_map_is_one_sentence(
    store: Store, tmp_path: Path, mapping: list[str], fragment: str
) -> None:
    path = write_csv(tmp_path / "odd.csv", [["Vorname"], ["Jürgen"]])
    with pytest.raises(RosterError, match=fragment):
        import_roster(store, path, mapping=mapping)


def test_forced_format_that_does_not_fit_is_refused(store: Store) -> None:
    with pytest.raises(RosterError, match="eventbrite export"):
        import_roster(store, SAMPLES["pretix"], fmt="eventbrite")
    assert store.attendees() == []


def test_forced_format_that_fits_is_used(store: Store) -> None:
    assert import_roster(store, SAMPLES["pretix"], fmt="pretix").imported == 10

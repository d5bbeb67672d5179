"""Pronouns and credentials (post-nominals) read from every preset's own
column, from --map, and found by the search."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import by_code, sample_rows, write_csv

from kiosk.io import RosterError, import_roster
from kiosk.store import Store

# The header each preset writes them under (Eventbrite's "Suffix" is its own
# field; pretix's degree is a part of the attendee's name).
HEADERS = {
    "eventbrite": ("Pronouns", "Suffix"),
    "pretix": ("Pronouns", "Attendee name: Degree (after name)"),
    "generic": ("pronouns", "credentials"),
}
CODE_HEADER = {"eventbrite": "Barcode #", "pretix": "Ticket secret", "generic": "code"}
EMAIL_HEADER = {"eventbrite": "Email", "pretix": "Attendee email", "generic": "email"}


def _with_columns(preset: str, pronoun_header: str, credential_header: str) -> list[list[str]]:
    rows = sample_rows(preset)
    rows[0] += [pronoun_header, credential_header]
    for number, row in enumerate(rows[1:]):
        row += [f"they/them {number}", f"RN, MSc {number}"]
    return rows


@pytest.mark.parametrize("preset", sorted(HEADERS))
def test_each_preset_reads_pronouns_and_credentials(
    store: Store, tmp_path: Path, preset: str
) -> None:
    rows = _with_columns(preset, *HEADERS[preset])
    report = import_roster(store, write_csv(tmp_path / f"{preset}.csv", rows))
    assert report.source == preset
    code_at = rows[0].index(CODE_HEADER[preset])
    email_at = rows[0].index(EMAIL_HEADER[preset])
    people = by_code(store)
    by_email = {a.email: a for a in store.attendees()}
    for number, row in enumerate(rows[1:]):
        # The generic sample leaves some codes out (new ones are made).
        person = people[row[code_at]] if row[code_at] else by_email[row[email_at]]
        assert (person.pronouns, person.credentials) == (f"they/them {number}", f"RN, MSc {number}")


def test_a_file_without_the_columns_leaves_them_empty_and_a_reimport_keeps_them(
    store: Store, tmp_path: Path
) -> None:
    rows = _with_columns("generic", "pronouns", "credentials")
    import_roster(store, write_csv(tmp_path / "with.csv", rows))
    import_roster(store, write_csv(tmp_path / "without.csv", sample_rows("generic")))
    first = by_code(store)[rows[1][rows[0].index("code")]]
    assert (first.pronouns, first.credentials) == ("they/them 0", "RN, MSc 0")


def test_map_names_the_columns_of_any_file(store: Store, tmp_path: Path) -> None:
    rows = [["Vorname", "Pronomen", "Titel nach dem Namen"], ["Zoë", "sie/ihr", "Dr. med., MSc"]]
    import_roster(
        store,
        write_csv(tmp_path / "de.csv", rows),
        mapping=["Vorname=first_name", "Pronomen=pronouns", "Titel nach dem Namen=credentials"],
    )
    (person,) = store.attendees()
    assert (person.first_name, person.pronouns, person.credentials) == (
        "Zoë",
        "sie/ihr",
        "Dr. med., MSc",
    )


def test_map_to_a_misspelt_field_names_the_new_fields_among_the_known(
    store: Store, tmp_path: Path
) -> None:
    rows = [["Vorname", "Pronomen"], ["Zoë", "sie/ihr"]]
    with pytest.raises(RosterError) as refused:
        import_roster(store, write_csv(tmp_path / "de.csv", rows), mapping=["Pronomen=pronoun"])
    assert "pronouns" in str(refused.value) and "credentials" in str(refused.value)


def test_search_finds_credentials_by_their_words_and_not_by_pronouns(
    store: Store, tmp_path: Path
) -> None:
    rows = [
        ["first_name", "last_name", "pronouns", "credentials"],
        ["Ada", "Ní Bhriain", "she/her", "FRCP, MSc"],
        ["Theo", "Okafor", "he/him", ""],
        ["Sam", "Lee", "they/them", "RN"],
    ]
    import_roster(store, write_csv(tmp_path / "roster.csv", rows))
    assert [a.first_name for a in store.search("frcp")] == ["Ada"]
    assert [a.first_name for a in store.search("rn")] == ["Sam"]
    # "the" typed for Theo must not list everyone who is they/them.
    assert [a.first_name for a in store.search("the")] == ["Theo"]
    # A desk edit changes what the search finds.
    sam = next(a for a in store.attendees() if a.first_name == "Sam")
    store.update_attendee(sam.id, {"credentials": "RN, PhD"})
    assert [a.first_name for a in store.search("phd")] == ["Sam"]

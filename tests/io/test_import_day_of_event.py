"""Imports that would not work on the day (issue 14, item 6): an Eventbrite
report without its barcodes is said loudly, and a pretix attendee without an
e-mail of their own gets the buyer's, marked as such."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from import_helpers import sample_rows, write_csv

from kiosk.cli import main
from kiosk.desk import HelpDesk
from kiosk.domain.models import EmailFrom
from kiosk.io import import_roster
from kiosk.store import Store


def _without(rows: list[list[str]], header: str) -> list[list[str]]:
    dropped = rows[0].index(header)
    return [[cell for index, cell in enumerate(row) if index != dropped] for row in rows]


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _written(kind: str, path: Path, rows: list[list[str]]) -> Path:
    return _xlsx(path.with_suffix(".xlsx"), rows) if kind == "xlsx" else write_csv(path, rows)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_eventbrite_report_without_barcodes_warns_on_the_command_line(
    kind: str, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _without(sample_rows("eventbrite"), "Barcode #")
    roster = _written(kind, tmp_path / "no-barcodes.csv", rows)
    people = len(rows) - 1

    assert main(["import", str(roster), "--db", str(db_path), "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert 'WARNING: This file has no "Barcode #" column, so it carries no ticket codes.' in dry
    assert f"New codes will be made for {people} attendees." in dry

    assert main(["import", str(roster), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"imported {people}, updated 0, unchanged 0, skipped 0\n")
    assert 'no "Barcode #" column' in out
    assert f"New codes were made for {people} attendees." in out
    assert "will NOT scan at the door" in out
    assert "kiosk codes --db EVENT-FILE -o FOLDER" in out


def test_the_report_names_the_code_column_for_the_wizard_too(store: Store, tmp_path: Path) -> None:
    whole = import_roster(store, write_csv(tmp_path / "all.csv", sample_rows("eventbrite")))
    assert (whole.codes_made, whole.code_column, whole.codes_notice()) == (0, "Barcode #", [])
    rows = sample_rows("eventbrite")
    code = rows[0].index("Barcode #")
    rows[1][code] = ""
    rows[2][code] = ""
    again = import_roster(Store.open(":memory:"), write_csv(tmp_path / "some.csv", rows))
    assert (again.codes_made, again.code_column) == (2, "Barcode #")
    assert (
        'Some rows have an empty "Barcode #". New codes were made for 2'
        in (again.codes_notice()[0])
    )


def test_a_file_with_every_code_says_nothing_about_codes(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_csv(tmp_path / "all.csv", sample_rows("eventbrite"))
    assert main(["import", str(roster), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "WARNING" not in out and "kiosk codes" not in out


PRETIX_HEADER = [
    "Order code",
    "Position ID",
    "Status",
    "Email",
    "Product",
    "Attendee name: Given name",
    "Attendee name: Family name",
    "Attendee email",
    "Company",
    "Ticket secret",
]
PRETIX_ROWS = [
    # One order, two tickets: the buyer named one attendee's e-mail, not the other's.
    ["B0001", "1", "paid", "buyer@example.org", "Delegate", "Amara", "Okonkwo", "", "", "s-1"],
    [
        "B0001",
        "2",
        "paid",
        "buyer@example.org",
        "Delegate",
        "Ruth",
        "Ahmed",
        "ruth@x.org",
        "",
        "s-2",
    ],
    # No e-mail anywhere: none is made up.
    ["B0002", "1", "paid", "", "Delegate", "Tomás", "Ó Briain", "", "", "s-3"],
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_pretix_attendee_without_email_gets_the_buyers_marked(
    kind: str, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = _written(kind, tmp_path / "pretix.csv", [PRETIX_HEADER, *PRETIX_ROWS])
    assert main(["import", str(roster), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("imported 3, updated 0, unchanged 0, skipped 0\n")
    assert "1 attendees have no e-mail of their own: their order's (the buyer's) is used" in out

    store = Store.open(db_path)
    amara, ruth, tomas = (store.attendee_by_code(code) for code in ("s-1", "s-2", "s-3"))
    assert amara is not None and ruth is not None and tomas is not None
    assert (amara.email, amara.email_from, amara.email_is_buyers) == (
        "buyer@example.org",
        EmailFrom.BUYER,
        True,
    )
    assert (ruth.email, ruth.email_is_buyers) == ("ruth@x.org", False)
    assert (tomas.email, tomas.email_is_buyers) == ("", False)
    # The mark is stored, not worked out on reading.
    stored = dict(store.conn.execute("SELECT code, email_from FROM attendees").fetchall())
    assert stored == {"s-1": "buyer", "s-2": "", "s-3": ""}

    # Tickets go to that address, with the mark for the mail merge.
    assert main(["codes", "--db", str(db_path), "-o", str(tmp_path / "codes")]) == 0
    with (tmp_path / "codes" / "mailmerge.csv").open(encoding="utf-8-sig") as handle:
        merge = {row["code"]: row for row in csv.DictReader(handle)}
    assert (merge["s-1"]["email"], merge["s-1"]["email_from"]) == ("buyer@example.org", "buyer")
    assert (merge["s-2"]["email"], merge["s-2"]["email_from"]) == ("ruth@x.org", "")
    store.close()


def test_a_reimport_with_the_attendees_own_email_drops_the_mark(
    store: Store, tmp_path: Path
) -> None:
    import_roster(store, write_csv(tmp_path / "v1.csv", [PRETIX_HEADER, *PRETIX_ROWS]))
    rows = [list(row) for row in PRETIX_ROWS]
    rows[0][7] = "amara@own.org"
    report = import_roster(store, write_csv(tmp_path / "v2.csv", [PRETIX_HEADER, *rows]))
    assert (report.updated, report.unchanged, report.buyer_emails) == (1, 2, 0)
    amara = store.attendee_by_code("s-1")
    assert amara is not None
    assert (amara.email, amara.email_is_buyers) == ("amara@own.org", False)


def test_an_export_with_only_the_orders_email_reads_it_as_the_email(
    store: Store, tmp_path: Path
) -> None:
    header = [h for h in PRETIX_HEADER if h != "Attendee email"]
    rows = [[c for i, c in enumerate(row) if i != 7] for row in PRETIX_ROWS]
    import_roster(store, write_csv(tmp_path / "one-email.csv", [header, *rows]))
    amara = store.attendee_by_code("s-1")
    assert amara is not None
    assert (amara.email, amara.email_is_buyers) == ("buyer@example.org", False)


def test_an_email_typed_at_the_desk_is_the_attendees_own(store: Store, tmp_path: Path) -> None:
    import_roster(store, write_csv(tmp_path / "pretix.csv", [PRETIX_HEADER, *PRETIX_ROWS]))
    desk = HelpDesk(store, station="desk-1")
    amara = store.attendee_by_code("s-1")
    assert amara is not None and amara.email_is_buyers
    desk.edit(amara.id, {"organisation": "Imperial"})
    assert store.attendee(amara.id).email_is_buyers  # type: ignore[union-attr]
    edited = desk.edit(amara.id, {"email": "amara@own.org"})
    assert (edited.email, edited.email_is_buyers) == ("amara@own.org", False)

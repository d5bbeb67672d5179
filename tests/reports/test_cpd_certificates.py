"""Certificates and the attendance export show the minutes spent in each room
and the CPD credit they earn, under the event's cpd.* settings."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.message
import email.policy
import io
from pathlib import Path

import openpyxl
import pypdf
import pytest
from report_data import DAY, at

from kiosk.checkin import Station
from kiosk.cli import main
from kiosk.domain.models import Event, Session
from kiosk.reports.certificates import Signatory, write_certificates
from kiosk.reports.exports import write_csv, write_xlsx
from kiosk.reports.table import load_scope
from kiosk.settings import SettingError, Settings
from kiosk.store import Store

# A day like the seed's: the person below comes to three sessions.
PROGRAMME = [
    ("Registration", 8, 30, 9, 15, "Foyer"),
    ("Keynote", 9, 15, 10, 0, "Main Hall"),
    ("Learning Lab", 10, 15, 11, 15, "Main Hall"),
    ("Breakout A", 11, 30, 12, 30, "Room 1"),
    ("Breakout B", 11, 30, 12, 30, "Room 2"),
    ("Breakout C", 13, 30, 14, 30, "Room 1"),
    ("Breakout D", 13, 30, 14, 30, "Room 2"),
    ("Panel", 14, 45, 15, 30, "Main Hall"),
]


def scan(store: Store, session: Session, code: str, when: dt.datetime, out: bool = False) -> None:
    door = Station(store, name="door", session=session, exit_mode=out, clock=lambda: when)
    assert door.scan(code).result.value == ("checked_out" if out else "checked_in")


def make_day(store: Store) -> dict[str, Session]:
    store.save_event(Event("Spring Learning Event", "St Paul's Centre", "Europe/London", DAY, DAY))
    return {
        title: store.add_session(title, at(h1, m1), at(h2, m2), room)
        for title, h1, m1, h2, m2, room in PROGRAMME
    }


def attend_partly(store: Store, sessions: dict[str, Session]) -> None:
    """Rosa: the keynote from before its start to its end, 50 minutes of
    Breakout A, half of Breakout C. Sam: only came to the event."""
    store.add_attendee({"code": "ROSA-1", "first_name": "Rosa", "last_name": "Diaz"})
    store.add_attendee({"code": "SAM-2", "first_name": "Sam", "last_name": "Lee"})
    Station(store, name="entrance", clock=lambda: at(8, 40)).scan("SAM-2")
    scan(store, sessions["Keynote"], "ROSA-1", at(9, 5))  # no exit: counts to the end
    scan(store, sessions["Breakout A"], "ROSA-1", at(11, 40))
    scan(store, sessions["Breakout A"], "ROSA-1", at(12, 30), out=True)
    scan(store, sessions["Breakout C"], "ROSA-1", at(13, 30))
    scan(store, sessions["Breakout C"], "ROSA-1", at(14, 0), out=True)


@pytest.fixture
def day_store() -> Store:
    store = Store.open(":memory:")
    attend_partly(store, make_day(store))
    return store


def certificate_text(store: Store, tmp_path: Path, code: str = "ROSA-1") -> str:
    written = write_certificates(
        load_scope(store, None, None), tmp_path / f"{code}.pdf", Signatory("Dr Jane Doe"), code
    )
    pages = pypdf.PdfReader(written[0]).pages
    assert len(pages) == 1
    return " ".join(pages[0].extract_text().split())  # one line: wrapping does not matter


def read_csv(path: Path) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(path.read_bytes().decode("utf-8-sig").splitlines())
    return {row["code"]: row for row in rows}


def test_certificate_shows_minutes_credit_and_a_session_below_the_share(
    day_store: Store, tmp_path: Path
) -> None:
    text = certificate_text(day_store, tmp_path)
    assert "Keynote — attended 45 of 45 min, credit 45 min" in text
    assert "Breakout A — attended 50 of 60 min, credit 45 min" in text  # rounded down to 15
    assert "Breakout C — attended 30 of 60 min, not credited" in text  # below 75%
    assert "Total: 1.5 CPD hours" in text
    assert "at least 75% of a session, rounded down to 15 min" in text
    assert "Breakout B" not in text and "Panel" not in text  # never there


def test_export_csv_and_xlsx_carry_session_minutes_and_cpd_hours(
    day_store: Store, tmp_path: Path
) -> None:
    scope = load_scope(day_store, None, None)
    rows = read_csv(write_csv(scope, tmp_path / "out.csv"))
    rosa, sam = rows["ROSA-1"], rows["SAM-2"]
    assert rosa["session_minutes"] == "Keynote: 45; Breakout A: 50; Breakout C: 30"
    assert rosa["cpd_hours"] == "1.5"
    assert (sam["session_minutes"], sam["cpd_hours"]) == ("", "0")
    book = openpyxl.load_workbook(write_xlsx(scope, tmp_path / "out.xlsx"))
    sheet = list(book["Attendance"].iter_rows(values_only=True))
    titles = list(sheet[0])
    by_code = {row[0]: dict(zip(titles, row, strict=True)) for row in sheet[1:]}
    assert by_code["ROSA-1"]["Minutes in sessions"] == rosa["session_minutes"]
    assert by_code["ROSA-1"]["CPD hours"] == 1.5  # a number the spreadsheet can sum


def test_export_of_one_session_counts_only_its_minutes(tmp_path: Path) -> None:
    db = tmp_path / "event.db"
    store = Store.open(db, create=True)
    sessions = make_day(store)
    attend_partly(store, sessions)
    breakout_c = sessions["Breakout C"].id
    store.close()
    for fmt in ("csv", "xlsx"):
        out = tmp_path / f"c.{fmt}"
        args = ["export", "--db", str(db), "--format", fmt, "--session", str(breakout_c)]
        assert main([*args, "-o", str(out)]) == 0
    rosa = read_csv(tmp_path / "c.csv")["ROSA-1"]
    assert (rosa["session_minutes"], rosa["cpd_hours"]) == ("Breakout C: 30", "0")
    sheet = list(
        openpyxl.load_workbook(tmp_path / "c.xlsx")["Attendance"].iter_rows(values_only=True)
    )
    row = dict(zip(sheet[0], next(r for r in sheet[1:] if r[0] == "ROSA-1"), strict=True))
    assert (row["Minutes in sessions"], row["CPD hours"]) == ("Breakout C: 30", 0)


def test_a_lower_minimum_share_credits_a_session_the_default_does_not(
    day_store: Store, tmp_path: Path
) -> None:
    Settings(day_store).set("cpd.minimum_share", 0.5)
    text = certificate_text(day_store, tmp_path)
    assert "Breakout C — attended 30 of 60 min, credit 30 min" in text
    assert "Total: 2 CPD hours" in text
    assert (
        read_csv(write_csv(load_scope(day_store, None, None), tmp_path / "o.csv"))["ROSA-1"][
            "cpd_hours"
        ]
        == "2"
    )


def test_no_minimum_share_credits_any_time_and_says_so(day_store: Store, tmp_path: Path) -> None:
    Settings(day_store).set("cpd.minimum_share", 0)
    text = certificate_text(day_store, tmp_path)
    assert "Breakout C — attended 30 of 60 min, credit 30 min" in text
    assert "counts the time spent in the room, rounded down to 15 min." in text


def test_a_session_with_no_length_is_listed_as_attended_and_earns_nothing(
    day_store: Store, tmp_path: Path
) -> None:
    photo = day_store.add_session("Group photo", at(12, 45), at(12, 45), "Lawn")
    scan(day_store, photo, "ROSA-1", at(12, 40))
    text = certificate_text(day_store, tmp_path)
    # In programme order, and nothing after "attended": no minutes, no credit.
    assert "credit 45 min Group photo — attended Breakout C — attended 30 of 60 min" in text
    assert "Total: 1.5 CPD hours" in text  # as before
    rows = read_csv(write_csv(load_scope(day_store, None, None), tmp_path / "o.csv"))
    assert rows["ROSA-1"]["session_minutes"].split("; ")[2] == "Group photo: 0"


def test_rounding_thirty_rounds_forty_five_down_to_thirty(day_store: Store, tmp_path: Path) -> None:
    Settings(day_store).set("cpd.rounding_minutes", 30)
    text = certificate_text(day_store, tmp_path)
    assert "Keynote — attended 45 of 45 min, credit 30 min" in text
    assert "Breakout A — attended 50 of 60 min, credit 30 min" in text
    assert "Total: 1 CPD hour " in text + " "


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("cpd.minimum_share", "1.5"),
        ("cpd.minimum_share", "-0.1"),
        ("cpd.minimum_share", "nan"),
        ("cpd.minimum_share", "most"),
        ("cpd.rounding_minutes", "0"),
        ("cpd.rounding_minutes", "61"),
    ],
)
def test_cpd_settings_refuse_values_outside_their_range(
    store: Store, name: str, value: str
) -> None:
    with pytest.raises(SettingError):
        Settings(store).set(name, value)
    assert Settings(store).is_default(name)


def test_a_whole_share_may_be_given_as_a_whole_number(store: Store) -> None:
    Settings(store).set("cpd.minimum_share", 1)
    assert Settings(store).get("cpd.minimum_share") == 1.0


@pytest.mark.parametrize("count", [8, 16])
def test_a_full_day_of_long_titles_fits_on_one_page(tmp_path: Path, count: int) -> None:
    store = Store.open(":memory:")
    store.save_event(Event("Spring Learning Event", "St Paul's Centre", "Europe/London", DAY, DAY))
    store.add_attendee(
        {"code": "ALL-1", "first_name": "Bartholomew", "last_name": "Featherstonehaugh"}
    )
    titles = []
    for index in range(count):
        start = at(8, 30) + dt.timedelta(minutes=60 * index)
        title = f"Session {index + 1}: Evaluation with Patient, Public and Community Involvement"
        titles.append(title)
        session = store.add_session(title, start, start + dt.timedelta(minutes=50), f"Room {index}")
        Station(store, name="door", session=session, clock=lambda s=start: s).scan("ALL-1")
    text = certificate_text(store, tmp_path, "ALL-1")
    for title in titles:
        assert f"{title} — attended 50 of 50 min, credit 45 min" in text
    assert f"Total: {count * 45 / 60:g} CPD hours" in text  # 45 minutes each
    assert " CPD-" in text  # the certificate id, last on the page


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        load_scope(store, None, None)
    finally:
        store.conn.set_trace_callback(None)
    return seen


def test_the_session_log_is_read_once_whatever_the_number_of_attendees() -> None:
    def event_of(people: int) -> Store:
        store = Store.open(":memory:")
        sessions = make_day(store)
        for index in range(people):
            code = f"P-{index}"
            store.add_attendee({"code": code, "first_name": f"Person {index}"})
            for title in ("Keynote", "Breakout A", "Panel"):
                scan(store, sessions[title], code, sessions[title].starts_at)
        return store

    few, many = _statements(event_of(2)), _statements(event_of(25))
    assert len(few) == len(many)  # no statement per attendee or per session
    assert sum("FROM checkins" in sql for sql in many) == 1


def test_an_emailed_certificate_carries_the_same_minutes_and_credit(day_store: Store) -> None:
    from kiosk.mail.content import Content
    from kiosk.mail.message import Sender
    from kiosk.store.outbox import MailKind, message, queue_one

    rosa = day_store.attendee_by_code("ROSA-1")
    assert rosa is not None
    row = message(
        day_store, queue_one(day_store, MailKind.CERTIFICATE, rosa.id, "rosa@example.org")
    )
    assert row is not None
    sent = email.message_from_bytes(
        Content(day_store, Sender("events@example.org"), None).build(row),
        policy=email.policy.default,
    )
    assert isinstance(sent, email.message.EmailMessage)
    attachment = next(sent.iter_attachments())
    reader = pypdf.PdfReader(io.BytesIO(attachment.get_content()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Breakout A — attended 50 of 60 min, credit 45 min" in text
    assert "Breakout C — attended 30 of 60 min, not credited" in text
    assert "Total: 1.5 CPD hours" in text

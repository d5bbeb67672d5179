"""`kiosk scan --room/--at`, `kiosk undo --room` and `kiosk admit`, each
through a real `python -m kiosk` process on an event file.

Times are set relative to the clock of the machine running the tests (a
programme a few hours ago, or around now), so that "--at in the past" and
"a session open now" hold whenever the tests run."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from test_cli import run as kiosk  # `python -m kiosk`, its input given

from kiosk.domain.models import Event, Session
from kiosk.domain.roles import Role
from kiosk.store import Store
from kiosk.store.audit import audit_entries
from kiosk.store.operators import add_operator
from kiosk.store.programme import book

LONDON = ZoneInfo("Europe/London")
# The start of the past programme: four hours ago to the minute, venue time.
START = (dt.datetime.now(LONDON) - dt.timedelta(hours=4)).replace(second=0, microsecond=0)


def minutes(offset: float) -> dt.datetime:
    return START + dt.timedelta(minutes=offset)


def venue_text(moment: dt.datetime) -> str:
    """As an organiser types it from a paper list: venue time, no offset."""
    return moment.astimezone(LONDON).replace(tzinfo=None).isoformat()


@pytest.fixture
def event(tmp_path: Path) -> Path:
    """Room 1 had Breakout A (START to +60 min) and Breakout C (+75 to +135);
    Room 2 has a workshop on now with 2 seats, open to fellows who booked."""
    path = tmp_path / "event.db"
    store = Store.open(path, create=True)
    store.save_event(Event("Door Test", timezone="Europe/London"))  # no days: open every day
    for code, category in [("F-1", "Fellow"), ("F-2", "Fellow"), ("F-3", "fellow")]:
        store.add_attendee({"code": code, "first_name": code, "category": category})
    for code in ("D-1", "D-2", "D-3"):
        store.add_attendee({"code": code, "first_name": code, "category": "Delegate"})
    store.add_session("Breakout A", minutes(0), minutes(60), "Room 1", capacity=2)
    store.add_session("Breakout C", minutes(75), minutes(135), "Room 1")
    now = dt.datetime.now(LONDON)
    workshop = store.add_session(
        "Workshop",
        now - dt.timedelta(minutes=10),
        now + dt.timedelta(hours=2),
        "Room 2",
        capacity=2,
        open_to=["Fellow"],
        booking_required=True,
    )
    for code in ("F-1", "F-2", "F-3"):
        attendee = store.attendee_by_code(code)
        assert attendee is not None
        book(store, attendee.id, workshop.id)
    store.close()
    return path


def scan(db: Path, *options: str, codes: list[str]) -> list[dict[str, Any]]:
    done = kiosk("scan", "--db", str(db), *options, stdin="".join(f"{c}\n" for c in codes))
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def session_named(db: Path, title: str) -> Session:
    store = Store.open(db)
    try:
        return next(s for s in store.sessions() if s.title == title)
    finally:
        store.close()


def log_entries(db: Path, code: str, session: Session) -> list[Any]:
    store = Store.open(db)
    try:
        attendee = store.attendee_by_code(code)
        assert attendee is not None
        return list(store.entries_for(attendee.id, session.id))
    finally:
        store.close()


# -- kiosk scan --room -------------------------------------------------------


@pytest.mark.parametrize(
    ("offset_s", "expected"),
    [
        (44 * 60, "Breakout A"),  # C's doors open at +45
        (45 * 60, "Breakout A"),  # both open: A has started, A wins
        (60 * 60, "Breakout A"),  # A's last second
        (60 * 60 + 1, "Breakout C"),
    ],
)
def test_scan_room_admits_to_the_session_open_in_the_room_at_each_edge(
    event: Path, offset_s: int, expected: str
) -> None:
    moment = START + dt.timedelta(seconds=offset_s)
    [answer] = scan(event, "--room", "ROOM 1", "--at", venue_text(moment), codes=["D-1"])
    assert answer["result"] == "checked_in"
    assert answer["session"]["title"] == expected
    assert answer["session"]["room"] == "Room 1"
    assert answer["room"] == "Room 1", "the room as the programme spells it"
    [entry] = log_entries(event, "D-1", session_named(event, expected))
    assert entry.at == moment and entry.entered_later


def test_scan_room_with_no_session_open_is_not_valid_now_and_admits_nobody(event: Path) -> None:
    between = venue_text(minutes(140))  # C ended at +135
    [answer] = scan(event, "--room", "Room 1", "--at", between, codes=["D-1"])
    assert answer["result"] == "not_valid_now"
    assert answer["session"] is None and answer["room"] == "Room 1"
    store = Store.open(event)
    try:
        assert store.log_entries() == [], "not admitted to the event's day instead"
    finally:
        store.close()


def test_scan_unknown_room_is_one_sentence_naming_the_rooms(event: Path) -> None:
    done = kiosk("scan", "--db", str(event), "--room", "Room 9", stdin="D-1\n")
    assert done.returncode == 2
    assert "There is no room called 'Room 9'; the rooms are: Room 1, Room 2." in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_scan_room_and_session_together_are_refused(event: Path) -> None:
    done = kiosk("scan", "--db", str(event), "--room", "Room 1", "--session", "1", stdin="")
    assert done.returncode == 2 and "not allowed with argument" in done.stderr


def test_scan_json_gives_the_session_seats_left_and_the_new_results(event: Path) -> None:
    workshop = session_named(event, "Workshop")
    answers = scan(event, "--session", str(workshop.id), codes=["F-1", "D-1", "F-2", "F-3", "F-1"])
    assert [a["result"] for a in answers] == [
        "checked_in",
        "not_eligible",
        "checked_in",
        "session_full",
        "already_checked_in",
    ]
    assert [a["session"]["seats_left"] for a in answers] == [1, 1, 0, 0, 0]
    assert answers[0]["session"] == {
        "id": workshop.id,
        "title": "Workshop",
        "room": "Room 2",
        "seats_left": 1,
    }
    # Refused: nobody's details but the scanner's own (the attendee field is theirs).
    assert answers[3]["attendee"]["first_name"] == "F-3"
    unlimited = session_named(event, "Breakout C")
    [answer] = scan(
        event,
        "--session",
        str(unlimited.id),
        "--at",
        venue_text(minutes(80)),
        codes=["D-2"],
    )
    assert answer["session"]["seats_left"] is None


def test_scan_exit_at_a_door_frees_a_seat(event: Path) -> None:
    scan(event, "--room", "Room 2", codes=["F-1", "F-2"])
    assert scan(event, "--room", "Room 2", codes=["F-3"])[0]["result"] == "session_full"
    [out] = scan(event, "--room", "Room 2", "--exit", codes=["F-1"])
    assert out["result"] == "checked_out" and out["session"]["seats_left"] == 1
    assert scan(event, "--room", "Room 2", codes=["F-3"])[0]["result"] == "checked_in"


# -- kiosk scan --at ---------------------------------------------------------


def test_scan_at_a_past_time_counts_the_room_as_it_was_then(event: Path) -> None:
    """Breakout A has 2 seats. F-1 and F-2 were in from +5; F-1 left at +20.
    The paper list: D-1 at +10 (full then), D-2 at +25 (a seat free then)."""
    a = str(session_named(event, "Breakout A").id)
    scan(event, "--session", a, "--at", venue_text(minutes(5)), codes=["F-1", "F-2"])
    scan(event, "--session", a, "--at", venue_text(minutes(20)), "--exit", codes=["F-1"])
    scan(event, "--session", a, "--at", venue_text(minutes(30)), codes=["F-3"])  # full now
    [d1] = scan(event, "--session", a, "--at", venue_text(minutes(10)), codes=["D-1"])
    [d2] = scan(event, "--session", a, "--at", venue_text(minutes(25)), codes=["D-2"])
    assert d1["result"] == "session_full"
    assert d2["result"] == "checked_in"
    assert d2["session"]["seats_left"] == 0, "as the room stood at +25"
    [entry] = log_entries(event, "D-2", session_named(event, "Breakout A"))
    assert entry.entered_later and entry.at == minutes(25)


def test_scan_at_without_an_offset_is_venue_time_and_with_one_is_that_moment(
    event: Path,
) -> None:
    a = session_named(event, "Breakout A")
    moment = minutes(15)
    utc_text = moment.astimezone(dt.UTC).isoformat()  # "+00:00": an offset of its own
    scan(event, "--session", str(a.id), "--at", venue_text(moment), codes=["D-1"])
    scan(event, "--session", str(a.id), "--at", utc_text, codes=["D-2"])
    assert log_entries(event, "D-1", a)[0].at == moment
    assert log_entries(event, "D-2", a)[0].at == moment


def test_scan_at_is_held_to_the_window_of_that_moment(event: Path) -> None:
    a = str(session_named(event, "Breakout A").id)
    [answer] = scan(event, "--session", a, "--at", venue_text(minutes(90)), codes=["D-1"])
    assert answer["result"] == "not_valid_now"


@pytest.mark.parametrize("when", ["future", "garbage"])
def test_scan_at_in_the_future_or_unreadable_is_refused_in_one_sentence(
    event: Path, when: str
) -> None:
    text = (
        venue_text(dt.datetime.now(LONDON) + dt.timedelta(minutes=5))
        if when == "future"
        else "half past ten"
    )
    done = kiosk("scan", "--db", str(event), "--room", "Room 2", "--at", text, stdin="F-1\n")
    assert done.returncode == 2 and done.stdout == ""
    expected = "is in the future" if when == "future" else "must be a date and time like"
    assert expected in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_scan_at_is_in_the_log_file_with_ids_not_names(event: Path) -> None:
    store = Store.open(event)
    with store.transaction():
        store.conn.execute("UPDATE attendees SET first_name = 'Zebedee' WHERE code = 'D-3'")
    store.close()
    a = str(session_named(event, "Breakout A").id)
    scan(event, "--session", a, "--at", venue_text(minutes(10)), codes=["D-3"])
    log_text = (Path(os.environ["KIOSK_LOG_DIR"]) / "kiosk.log").read_text(encoding="utf-8")
    assert "scan run entered later station=headless" in log_text
    assert f"session={a} entered_later" in log_text
    assert "Zebedee" not in log_text


# -- kiosk undo --room -------------------------------------------------------


def test_undo_room_takes_back_the_check_in_to_the_rooms_session_now(event: Path) -> None:
    scan(event, "--room", "Room 2", codes=["F-1"])
    done = kiosk("undo", "F-1", "--db", str(event), "--room", "room 2")
    assert done.returncode == 0, done.stderr
    kinds = [e.kind.value for e in log_entries(event, "F-1", session_named(event, "Workshop"))]
    assert kinds == ["entry", "undo"]
    nothing = kiosk("undo", "F-1", "--db", str(event), "--room", "Room 1")  # nothing on now
    assert nothing.returncode == 2 and "No session is open in that room now." in nothing.stderr


# -- kiosk admit -------------------------------------------------------------


def admit(db: Path, code: str, *options: str) -> Any:
    return kiosk("admit", code, "--db", str(db), "--room", "Room 2", *options)


def test_admit_without_override_is_an_ordinary_scan(event: Path) -> None:
    refused = admit(event, "D-1")
    assert refused.returncode == 1
    assert refused.stdout.strip() == (
        "This session is not open to this ticket. Please see the help desk. "
        "Session: Workshop (Room 2). 2 seats left."
    )
    assert admit(event, "F-1").returncode == 0
    assert admit(event, "F-2").returncode == 0
    full = admit(event, "F-3", "--json")
    assert full.returncode == 1
    answer = json.loads(full.stdout)
    assert answer["result"] == "session_full" and answer["override"] is False
    assert admit(event, "F-3").stdout.startswith("This session is full. Please see the help desk.")


def test_admit_override_lets_in_past_the_rules_and_logs_operator_and_reason(event: Path) -> None:
    admit(event, "F-1")
    admit(event, "F-2")
    done = admit(event, "D-1", "--override", "--reason", "guest speaker", "--operator", "Sam")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Checked in. Session: Workshop (Room 2). 0 seats left."
    [entry] = log_entries(event, "D-1", session_named(event, "Workshop"))
    assert (entry.override, entry.reason, entry.operator) == (True, "guest speaker", "Sam")
    store = Store.open(event)
    try:
        [audit] = audit_entries(store)
    finally:
        store.close()
    assert audit.action == "override" and audit.operator == "Sam"
    assert audit.attendee_id == entry.attendee_id
    assert audit.details == {
        "entry": entry.id,
        "session": entry.session_id,
        "reason": "guest speaker",
    }


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--override"], "--override needs a reason"),
        (["--override", "--reason", "   "], "--override needs a reason"),
        (["--reason", "why"], "--reason goes with --override"),
    ],
)
def test_admit_override_needs_a_reason(event: Path, options: list[str], message: str) -> None:
    done = admit(event, "D-1", *options)
    assert done.returncode == 2 and message in done.stderr
    assert "Traceback" not in done.stderr
    assert log_entries(event, "D-1", session_named(event, "Workshop")) == []


def test_admit_override_without_a_session_is_refused(event: Path) -> None:
    done = kiosk("admit", "D-1", "--db", str(event), "--override", "--reason", "x")
    assert done.returncode == 2 and "give --session ID or --room NAME" in done.stderr


@pytest.mark.parametrize(
    ("code", "expected"),
    [("NOPE-1", "No attendee has that code."), ("", "That is not a code.")],
)
def test_admit_override_does_not_pass_an_unknown_code(
    event: Path, code: str, expected: str
) -> None:
    done = admit(event, code, "--override", "--reason", "x")
    assert done.returncode == 1 and done.stdout.startswith(expected)


def test_admit_override_at_a_room_with_nothing_on_is_refused(event: Path) -> None:
    done = kiosk(
        "admit", "D-1", "--db", str(event), "--room", "Room 1", "--override", "--reason", "x"
    )
    assert done.returncode == 1
    assert done.stdout.strip() == "No session is open in Room 1 now."


def test_admit_override_with_volunteer_accounts_needs_a_supervisor(event: Path) -> None:
    store = Store.open(event)
    add_operator(store, "Dana", Role.DESK, "unused-hash")
    add_operator(store, "Sam", Role.SUPERVISOR, "unused-hash")
    store.close()
    options = ["--override", "--reason", "speaker"]
    nobody = admit(event, "D-1", *options)
    assert nobody.returncode == 2 and "say who you are with --operator" in nobody.stderr
    desk = admit(event, "D-1", *options, "--operator", "dana")
    assert desk.returncode == 2
    assert "Only a supervisor may admit past a session's rules; Dana may not." in desk.stderr
    assert log_entries(event, "D-1", session_named(event, "Workshop")) == []
    assert admit(event, "D-1", *options, "--operator", "sam").returncode == 0
    [entry] = log_entries(event, "D-1", session_named(event, "Workshop"))
    assert entry.operator == "Sam" and entry.override

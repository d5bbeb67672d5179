"""`kiosk sessions` and `kiosk bookings` end to end, through `python -m kiosk`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run as kiosk  # `python -m kiosk`, its input given

from kiosk.store import Store
from kiosk.store.audit import audit_entries

AGENDA = Path(__file__).resolve().parents[1] / "programme" / "data" / "agenda.csv"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "event.db"
    created = kiosk(
        "init", "--db", str(path), "--event-name", "Spring", "--first-day", "2026-03-10",
        "--last-day", "2026-03-11",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    return path


def test_import_then_list_as_json(db: Path, tmp_path: Path) -> None:
    dry = kiosk("sessions", "import", str(AGENDA), "--db", str(db), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "imported 3, updated 0, unchanged 0, skipped 0",
        "Dry run: nothing was changed.",
    ]
    assert json.loads(kiosk("sessions", "--db", str(db), "--json").stdout) == []

    done = kiosk("sessions", "import", str(AGENDA), "--db", str(db))
    assert done.stdout.splitlines() == ["imported 3, updated 0, unchanged 0, skipped 0"]
    listed = kiosk("sessions", "--db", str(db), "--json")
    assert listed.returncode == 0, listed.stderr
    sessions = json.loads(listed.stdout)
    assert [s["key"] for s in sessions] == ["opening", "lab", "fellows"]
    lab = sessions[1]
    assert lab == {
        "id": lab["id"],
        "key": "lab",
        "title": "Learning Lab: Réseaux",
        "day": "2026-03-10",
        "starts_at": "2026-03-10T10:00:00+00:00",
        "ends_at": "2026-03-10T11:00:00+00:00",
        "room": "Lab",
        "capacity": 40,
        "open_to": [],
        "booking_required": True,
        "booked": 0,
        "admitted": 0,
        "in_the_room": 0,
        "cancelled": False,
    }
    again = kiosk("sessions", "import", str(AGENDA), "--db", str(db))
    assert again.stdout.splitlines()[0] == "imported 0, updated 0, unchanged 3, skipped 0"


def test_skipped_rows_are_listed_and_an_unreadable_file_is_one_sentence(
    db: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "title,day,start,end\nLate,2026-03-10,10:00,09:30\nGood,2026-03-10,10:00,11:00\n",
        encoding="utf-8",
    )
    result = kiosk("sessions", "import", str(bad), "--db", str(db))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "imported 1, updated 0, unchanged 0, skipped 1",
        "skipped row 2: the session ends before it starts (10:00 to 09:30)",
    ]
    missing = kiosk("sessions", "import", str(tmp_path / "none.csv"), "--db", str(db))
    assert missing.returncode == 2
    assert missing.stderr.startswith("kiosk: There is no file at")
    assert "Traceback" not in missing.stderr


def test_list_shows_venue_time_counts_and_cancelled(db: Path) -> None:
    kiosk("sessions", "import", str(AGENDA), "--db", str(db))
    cancelled = kiosk("sessions", "cancel", "1", "--db", str(db))
    assert cancelled.returncode == 0, cancelled.stderr
    lines = kiosk("sessions", "--db", str(db)).stdout.splitlines()
    assert lines[0].split("\t")[:5] == ["id", "key", "title", "day", "time"]
    opening = lines[1].split("\t")
    assert opening[1:7] == ["opening", "Séance d'ouverture", "2026-03-10", "09:00-09:45",
                            "Main Hall", "-"]  # fmt: skip
    assert opening[-1] == "cancelled"
    lab = lines[2].split("\t")
    assert lab[6:9] == ["40", "everyone", "required (0 booked)"] and lab[-1] != "cancelled"


def test_add_edit_cancel_with_volunteer_accounts(db: Path) -> None:
    for name, role in (("Avery", "supervisor"), ("Blake", "desk")):
        added = kiosk("operators", "add", name, "--role", role, "--db", str(db), stdin="48213579\n")
        assert added.returncode == 0, added.stderr
    options = ["--title", "Panel", "--day", "2026-03-10", "--start", "14:45", "--end", "15:30"]
    anonymous = kiosk("sessions", "add", *options, "--db", str(db))
    assert anonymous.returncode == 2 and "--operator" in anonymous.stderr
    desk = kiosk("sessions", "add", *options, "--db", str(db), "--operator", "Blake")
    assert desk.returncode == 2
    assert "Changing the programme needs a supervisor; Blake is a desk." in desk.stderr

    add = kiosk("sessions", "add", *options, "--room", "Hall", "--key", "panel",
                "--db", str(db), "--operator", "avery")  # fmt: skip
    assert add.returncode == 0, add.stderr
    assert add.stdout.strip() == "Added session 1: Panel, 2026-03-10 14:45-15:30 in Hall"
    bad = kiosk("sessions", "edit", "1", "--end", "14:00", "--db", str(db), "--operator", "Avery")
    assert bad.returncode == 2
    assert bad.stderr.strip() == (
        "kiosk: The session was not saved: the session ends before it starts (14:45 to 14:00)."
    )
    edit = kiosk("sessions", "edit", "1", "--capacity", "25", "--booking-required",
                 "--db", str(db), "--operator", "Avery")  # fmt: skip
    assert edit.returncode == 0, edit.stderr
    cancel = kiosk("sessions", "cancel", "1", "--db", str(db), "--operator", "Avery")
    assert cancel.stdout.strip().endswith("(cancelled)")
    undo = kiosk("sessions", "cancel", "1", "--undo", "--db", str(db), "--operator", "Avery")
    assert not undo.stdout.strip().endswith("(cancelled)")
    unknown = kiosk("sessions", "edit", "9", "--title", "X", "--db", str(db), "--operator", "Avery")
    assert unknown.returncode == 2 and "There is no session 9" in unknown.stderr

    store = Store.open(db)
    try:
        session = store.session(1)
        assert session is not None
        assert (session.capacity, session.booking_required, session.cancelled) == (25, True, False)
        audit = [e for e in audit_entries(store) if e.action.startswith("session_")]
    finally:
        store.close()
    assert [e.action for e in audit] == [
        "session_added",
        "session_edited",
        "session_cancelled",
        "session_restored",
    ]
    assert all(e.operator == "Avery" and e.details["session_id"] == 1 for e in audit)
    assert audit[1].details["changes"] == {"capacity": "25", "booking_required": "yes"}


def test_bookings_import_and_counts(db: Path, tmp_path: Path) -> None:
    kiosk("sessions", "import", str(AGENDA), "--db", str(db))
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "code,first_name,last_name,email,category\n"
        "AAA111,Ada,Lovelace,ada@example.org,Fellow\n"
        "BBB222,Bo,Chen,bo@example.org,Staff\n",
        encoding="utf-8",
    )
    assert kiosk("import", str(roster), "--db", str(db)).returncode == 0
    bookings = tmp_path / "bookings.csv"
    bookings.write_text("code;email;session\nAAA111;;lab\n;bo@example.org;lab\nZZZ;;lab\n")
    result = kiosk("bookings", "import", str(bookings), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "booked 2, already booked 0, skipped 1",
        "skipped row 4: no attendee has the code 'ZZZ'",
    ]
    counts = json.loads(kiosk("bookings", "--db", str(db), "--json").stdout)
    assert {row["key"]: row["booked"] for row in counts} == {"opening": 0, "lab": 2, "fellows": 0}
    assert "Ada" not in kiosk("bookings", "--db", str(db)).stdout
    lab_id = next(row["id"] for row in counts if row["key"] == "lab")
    who = json.loads(kiosk("bookings", "--db", str(db), "--session", str(lab_id), "--json").stdout)
    assert [row["code"] for row in who] == ["BBB222", "AAA111"]  # by last name
    assert who[1]["name"] == "Ada Lovelace"


def test_db_before_the_subcommand_is_kept(db: Path) -> None:
    result = kiosk("sessions", "--db", str(db), "import", str(AGENDA))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported 3")

"""`kiosk flag` sets and clears flags and the notify mark (audited); `kiosk alerts`
prints arrivals of watched attendees as JSON lines; `kiosk scan` says see_desk."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_cli import run as _kiosk

from kiosk.cli import main
from kiosk.domain.models import Event
from kiosk.store import Store
from kiosk.store.audit import audit_entries


@pytest.fixture
def event(tmp_path: Path) -> Path:
    path = tmp_path / "event.db"
    store = Store.open(path, create=True)
    store.save_event(Event("Flag Test"))  # no dates: open today
    store.add_attendee({"code": "KEY-1", "first_name": "Keynote", "last_name": "Speaker"})
    store.add_attendee({"code": "DEL-2", "first_name": "Dee", "last_name": "Legate"})
    store.close()
    return path


def _attendee(path: Path, code: str):  # type: ignore[no-untyped-def]
    store = Store.open(path)
    try:
        return store.attendee_by_code(code)
    finally:
        store.close()


def test_flag_sets_a_note_and_notify_and_clear_removes_the_note(
    event: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(event)]
    note = "  speaker:  send to green room "
    assert main(["flag", "KEY-1", *db, "--note", note, "--notify"]) == 0
    person = _attendee(event, "KEY-1")
    assert (person.attention, person.notify) == ("speaker: send to green room", True)
    assert main(["flag", "KEY-1", *db, "--clear"]) == 0
    person = _attendee(event, "KEY-1")
    assert (person.attention, person.notify) == ("", True)
    assert main(["flag", "KEY-1", *db, "--no-notify"]) == 0
    assert _attendee(event, "KEY-1").notify is False
    store = Store.open(event)
    actions = [(e.action, e.details) for e in audit_entries(store, person.id)]
    store.close()
    assert actions == [
        ("flag_set", {"attention": "speaker: send to green room", "notify": 1}),
        ("flag_set", {"attention": ""}),
        ("flag_set", {"notify": 0}),
    ]
    assert "Attendee" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["NOPE-9", "--note", "x"], "No attendee has that code."),
        (["KEY-1"], "Say what to change"),
        (["KEY-1", "--note", "x" * 201], "at most 200 characters"),
        (["KEY-1", "--note", "   "], "cannot be empty"),
    ],
)
def test_flag_refuses_bad_input_with_one_sentence(event: Path, args: list[str], says: str) -> None:
    done = _kiosk("flag", *args, "--db", str(event))
    assert done.returncode == 2
    assert says in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_scan_says_see_desk_for_a_flag_and_alerts_lists_watched_arrivals(event: Path) -> None:
    assert main(["flag", "KEY-1", "--db", str(event), "--note", "green room", "--notify"]) == 0
    scanned = _kiosk("scan", "--db", str(event), "--station", "door-2", stdin="KEY-1\nDEL-2\n")
    answers = [json.loads(line) for line in scanned.stdout.splitlines()]
    assert [(a["result"], a["see_desk"]) for a in answers] == [
        ("checked_in", True),
        ("checked_in", False),
    ]
    assert "green room" not in scanned.stdout
    listed = _kiosk("alerts", "--db", str(event), "--json")
    assert listed.returncode == 0, listed.stderr
    alerts = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(alerts) == 1
    assert alerts[0]["name"] == "Keynote Speaker"
    assert alerts[0]["station"] == "door-2"
    assert alerts[0]["id"].startswith("arrival:")
    plain = _kiosk("alerts", "--db", str(event))
    assert "Keynote Speaker arrived at door-2" in plain.stdout


def test_alerts_follow_prints_an_arrival_made_by_another_process(event: Path) -> None:
    assert main(["flag", "DEL-2", "--db", str(event), "--notify"]) == 0
    follower = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "alerts", "--db", str(event), "--follow", "--json"],
        stdout=subprocess.PIPE,
        text=True,
    )
    # A broken follower must fail the test, not hang it.
    watchdog = threading.Timer(60, follower.kill)
    watchdog.start()
    try:
        _kiosk("scan", "--db", str(event), "--station", "door-3", stdin="DEL-2\n")
        assert follower.stdout is not None
        line = json.loads(follower.stdout.readline())
        assert (line["name"], line["station"]) == ("Dee Legate", "door-3")
    finally:
        watchdog.cancel()
        follower.terminate()
        follower.wait(timeout=30)

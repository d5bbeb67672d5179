"""The `kiosk` command: user errors, help, and the documented commands."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser, main
from kiosk.domain.models import AttendeeStatus
from kiosk.store import Store

README = Path(__file__).resolve().parents[2] / "README.md"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", subcommands())
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "usage: kiosk " + command in result.stdout
    assert re.search(rf"`kiosk {command}\b", README.read_text(encoding="utf-8")), (
        f"kiosk {command} is not documented in README.md"
    )


def test_init_then_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "e.db"
    assert (
        main(["init", "--db", str(db), "--event-name", "Spring", "--first-day", "2026-03-10"]) == 0
    )
    assert main(["status", "--db", str(db), "--json"]) == 0
    counts = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert counts == {"expected": 0, "checked_in": 0, "cancelled": 0, "by_category": {}}
    assert Store.open(db).event().last_day.isoformat() == "2026-03-10"  # type: ignore[union-attr]


def test_db_defaults_to_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("KIOSK_DB", str(db))
    assert main(["init", "--event-name", "From env"]) == 0
    assert Store.open(db).event().name == "From env"


def test_demo_scan_undo_status_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert run("demo", "--db", str(db)).returncode == 0
    store = Store.open(db)
    active = store.attendees(status=AttendeeStatus.ACTIVE)[:2]
    cancelled = store.attendees(status=AttendeeStatus.CANCELLED)[0]
    lines = [active[0].code, active[1].code, active[0].code, cancelled.code, "nope", ""]
    result = run("scan", "--db", str(db), "--station", "door", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["result"] for r in records] == [
        "checked_in",
        "checked_in",
        "already_checked_in",
        "cancelled",
        "unknown_code",
        "invalid_input",
    ]
    assert records[0]["attendee"]["id"] == active[0].id
    assert set(records[0]["attendee"]) == {
        "id",
        "first_name",
        "last_name",
        "organisation",
        "category",
    }
    assert records[2]["first_checked_in_at"] == records[0]["first_checked_in_at"]
    assert records[2]["station"] == "door"
    assert records[4]["attendee"] is None and records[4]["first_checked_in_at"] is None

    assert run("undo", active[0].code, "--db", str(db), "--reason", "test").returncode == 0
    status = json.loads(run("status", "--db", str(db), "--json").stdout)
    assert status["checked_in"] == 1
    assert status["cancelled"] == 6 and status["expected"] == 144


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--db", "{tmp}/missing.db"], "There is no event database"),
        (["scan", "--db", "{tmp}"], "is a folder"),
        (["status", "--db", "{tmp}/garbage.db"], "is damaged"),
        (["status", "--db", "{tmp}/other.db"], "not an event database"),
        (["status", "--db", "{tmp}/future.db"], "newer version"),
        (["init", "--db", "{tmp}/x.db", "--event-name", "X", "--first-day", "10/03/2026"], "date"),
        (
            ["init", "--db", "{tmp}/x.db", "--event-name", "X", "--timezone", "Mars/Olympus"],
            "time zone",
        ),
        (
            [
                "init",
                "--db",
                "{tmp}/x.db",
                "--event-name",
                "X",
                "--first-day",
                "2026-03-10",
                "--last-day",
                "2026-03-09",
            ],
            "before",
        ),
        (["undo", "NOPE", "--db", "{tmp}/ok.db"], "No attendee"),
        (["scan", "--db", "{tmp}/ok.db", "--session", "99"], "no session"),
    ],
)
def test_user_errors_are_one_sentence_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "garbage.db").write_bytes(b"this is not a database at all" * 100)
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.commit()
    Store.open(tmp_path / "future.db", create=True).conn.execute("PRAGMA user_version = 999")
    assert main(["init", "--db", str(tmp_path / "ok.db"), "--event-name", "OK"]) == 0
    result = run(*(arg.replace("{tmp}", str(tmp_path)) for arg in args))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_database_file_is_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "private.db"
    assert run("demo", "--db", str(db)).returncode == 0
    for path in tmp_path.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name

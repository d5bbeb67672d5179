"""The tamper-evident log: `kiosk verify` names the first row that was edited."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.checkin import Station
from kiosk.cli import main
from kiosk.domain.models import Event
from kiosk.store import Store
from kiosk.store.chain import verify_chain


@pytest.fixture
def logged(tmp_path: Path) -> Path:
    path = tmp_path / "event.db"
    store = Store.open(path, create=True)
    store.save_event(Event("Chain"))
    station = Station(store, name="door")
    for index in range(6):
        store.add_attendee({"code": f"C{index}", "first_name": "Test"})
        station.scan(f"C{index}")
    station.undo("C2", reason="wrong ticket")
    store.close()
    return path


def tamper(path: Path, sql: str) -> None:
    """What someone with the sqlite3 shell could do: drop the guard, edit."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER checkins_no_update")
    conn.execute("DROP TRIGGER checkins_no_delete")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_an_untouched_log_verifies(logged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--db", str(logged)]) == 0
    assert "intact: 7 rows" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("sql", "seq"),
    [
        ("UPDATE checkins SET station = 'elsewhere' WHERE seq = 4", 4),
        ("UPDATE checkins SET at = '2020-01-01T00:00:00+00:00' WHERE seq = 2", 2),
        ("UPDATE checkins SET attendee_id = 1 WHERE seq = 6", 6),
        ("UPDATE checkins SET reason = '' WHERE kind = 'undo'", 7),
        ("DELETE FROM checkins WHERE seq = 3", 3),
    ],
)
def test_any_edit_fails_verification_and_names_the_row(
    logged: Path, sql: str, seq: int, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(logged, sql)
    assert main(["verify", "--db", str(logged)]) == 1
    assert f"row {seq}" in capsys.readouterr().out


def test_deleting_the_last_row_is_noticed(logged: Path) -> None:
    tamper(logged, "DELETE FROM checkins WHERE seq = 7")
    _, broken = verify_chain(Store.open(logged).conn)
    assert broken is not None and broken.seq == 7 and "deleted" in broken.reason


def test_the_chain_itself_is_append_only(logged: Path) -> None:
    store = Store.open(logged)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE checkin_chain SET link = 'x'")


def test_an_outside_program_cannot_append_unlinked(logged: Path) -> None:
    """A plain sqlite3 connection lacks the link function, so it cannot add
    a row that the chain would not cover."""
    conn = sqlite3.connect(logged)
    with pytest.raises(sqlite3.OperationalError, match="kiosk_chain_link"):
        conn.execute(
            "INSERT INTO checkins (id, attendee_id, kind, at, day, station) "
            "VALUES ('forged', 1, 'entry', '2026-01-01T00:00:00+00:00', '2026-01-01', 'x')"
        )

"""The chunked bulk writer: many chunks, and all or nothing on failure."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from import_helpers import by_code, write_csv

from kiosk.cli import main
from kiosk.io import import_roster, merge
from kiosk.store import Store, bulk


def _roster(path: Path, count: int, prefix: str = "Person") -> Path:
    rows = [["first_name", "last_name", "code"]]
    rows += [[f"{prefix}{index}", "Ó Briain", f"C-{index}"] for index in range(count)]
    return write_csv(path, rows)


def test_many_small_chunks_insert_and_update_everyone(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge, "CHUNK_ROWS", 3)
    assert import_roster(store, _roster(tmp_path / "a.csv", 20)).imported == 20
    report = import_roster(store, _roster(tmp_path / "b.csv", 26, prefix="Renamed"))
    assert (report.imported, report.updated) == (6, 20)
    people = by_code(store)
    assert len(people) == 26 and people["C-7"].first_name == "Renamed7"
    assert [a.code for a in store.search("renamed19")] == ["C-19"]


def _refuse_boom(conn: sqlite3.Connection) -> None:
    # A real database failure half-way through the import.
    conn.execute(
        "CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON main.attendees "
        "WHEN new.first_name = 'Person15' BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )


def test_a_failing_write_leaves_the_event_as_it_was(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge, "CHUNK_ROWS", 4)
    _refuse_boom(store.conn)
    with pytest.raises(sqlite3.DatabaseError, match="disk says no"):
        import_roster(store, _roster(tmp_path / "a.csv", 20))
    assert store.attendees() == []
    assert not store.conn.in_transaction
    store.conn.execute("DROP TRIGGER temp.refuse_boom")
    assert import_roster(store, _roster(tmp_path / "a.csv", 20)).imported == 20


@pytest.mark.expected_log("kiosk.io", "import could not write the event database", level="ERROR")
def test_cli_reports_a_failing_write_in_one_sentence(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A permanent trigger, as a temporary one would not survive to the CLI's connection.
    store = Store.open(db_path)
    store.conn.execute(
        "CREATE TRIGGER refuse_boom BEFORE INSERT ON attendees "
        "WHEN new.first_name = 'Person15' BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    store.close()
    assert main(["import", str(_roster(tmp_path / "a.csv", 20)), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nothing was imported" in err[0]
    assert Store.open(db_path).attendees() == []


def _schema(store: Store) -> list[tuple[str, str]]:
    return store.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()


@pytest.mark.parametrize("index_rows", [bulk.INDEX_ROWS, 10], ids=["at-the-end", "every-10"])
def test_import_indexes_new_rows_and_puts_the_index_triggers_back(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index_rows: int
) -> None:
    monkeypatch.setattr(merge, "CHUNK_ROWS", 7)
    monkeypatch.setattr(bulk, "INDEX_ROWS", index_rows)  # rows indexed as the load goes, too
    triggers = _schema(store)
    store.add_attendee({"code": "OLD", "first_name": "Before", "last_name": "Import"})
    import_roster(store, _roster(tmp_path / "a.csv", 30))
    import_roster(store, _roster(tmp_path / "b.csv", 40, prefix="Renamed"))
    assert _schema(store) == triggers
    # Both full-text indexes agree with the table, row for row ('integrity-check'
    # with rank 1 compares an external-content index with its content).
    for index in ("attendees_words", "attendees_fts"):
        store.conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
    assert store.search("renamed3", limit=20)[0].code == "C-3"
    assert [a.code for a in store.search("before")] == ["OLD"]
    # And a walk-in added after the import is indexed by the triggers again.
    store.add_attendee({"code": "NEW", "first_name": "Walkin", "last_name": "Later"})
    assert [a.code for a in store.search("walk")] == ["NEW"]
    assert [a.code for a in store.search("alki", names_only=True)] == ["NEW"]


def test_a_failing_import_keeps_the_index_triggers(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    triggers = _schema(store)
    monkeypatch.setattr(merge, "CHUNK_ROWS", 4)
    _refuse_boom(store.conn)
    with pytest.raises(sqlite3.DatabaseError):
        import_roster(store, _roster(tmp_path / "a.csv", 20))
    store.conn.execute("DROP TRIGGER temp.refuse_boom")
    assert _schema(store) == triggers


def _outbox_codes(store: Store) -> list[str]:
    rows = store.conn.execute("SELECT attendee_code FROM sync_outbox ORDER BY rowid").fetchall()
    return [code for (code,) in rows]


def test_import_with_sync_capture_off_records_nothing_and_keeps_the_capture_triggers(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge, "CHUNK_ROWS", 5)
    triggers = _schema(store)
    import_roster(store, _roster(tmp_path / "a.csv", 12))
    import_roster(store, _roster(tmp_path / "b.csv", 14, prefix="Renamed"))
    assert _outbox_codes(store) == []
    assert _schema(store) == triggers


def test_import_with_sync_capture_on_records_every_new_and_changed_attendee(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge, "CHUNK_ROWS", 5)
    with store.transaction():
        store.conn.execute("UPDATE sync_state SET value = '1' WHERE key = 'capture'")
    import_roster(store, _roster(tmp_path / "a.csv", 12))
    assert _outbox_codes(store) == [f"C-{index}" for index in range(12)]
    import_roster(store, _roster(tmp_path / "b.csv", 14, prefix="Renamed"))
    # Twelve renamed (updates), then two new.
    assert sorted(_outbox_codes(store)[12:]) == sorted(f"C-{index}" for index in range(14))


def _automerge(store: Store) -> list[object]:
    return [
        store.conn.execute(f"SELECT v FROM {index}_config WHERE k = 'automerge'").fetchone()
        for index in ("attendees_words", "attendees_fts")
    ]


def test_import_leaves_the_index_merge_settings_as_it_found_them(
    store: Store, tmp_path: Path
) -> None:
    # Paused during the load; afterwards SQLite's default (4), or what was set before.
    import_roster(store, _roster(tmp_path / "a.csv", 10))
    assert _automerge(store) == [(4,), (4,)]
    store.conn.execute("INSERT INTO attendees_fts (attendees_fts, rank) VALUES ('automerge', 8)")
    import_roster(store, _roster(tmp_path / "b.csv", 12, prefix="Renamed"))
    assert _automerge(store) == [(4,), (8,)]


def test_import_gives_back_the_interpreters_switch_interval(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The writer shortens it for the load; afterwards, and after a failure, it is as it was.
    monkeypatch.setattr(merge, "CHUNK_ROWS", 4)
    before = sys.getswitchinterval()
    import_roster(store, _roster(tmp_path / "a.csv", 10))
    assert sys.getswitchinterval() == before
    _refuse_boom(store.conn)
    with pytest.raises(sqlite3.DatabaseError):
        import_roster(store, _roster(tmp_path / "b.csv", 20))
    assert sys.getswitchinterval() == before

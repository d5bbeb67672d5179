"""Opening event files: migrations, refusals and durability settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.store import Store, StoreError
from kiosk.store.migrations import SCHEMA_VERSION


def test_new_file_gets_the_latest_schema_and_durable_settings(db_path: Path) -> None:
    store = Store.open(db_path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_reopening_keeps_data(db_path: Path) -> None:
    store = Store.open(db_path)
    store.add_attendee({"code": "A", "first_name": "Ada"})
    store.close()
    assert Store.open(db_path).attendee_by_code("A") is not None


def test_newer_schema_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(db_path)


def test_missing_file_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no event database"):
        Store.open(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_created_files_are_owner_only(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "sub" / "e.db", create=True)
    store.add_attendee({"code": "A", "first_name": "Ada"})
    for path in (tmp_path / "sub").iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_attendee({"code": "A", "first_name": "Ada"})
        raise RuntimeError("boom")
    assert store.attendee_by_code("A") is None


def test_duplicate_codes_are_refused(store: Store) -> None:
    store.add_attendee({"code": "A", "first_name": "Ada"})
    with pytest.raises(sqlite3.IntegrityError):
        store.add_attendee({"code": "A", "first_name": "Bob"})


def test_a_schema_5_file_keeps_finding_names_after_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migration 6 rebuilds the name-fragment index from the rows already there."""
    from kiosk.store import database, migrations, rows

    older = {version: step for version, step in migrations.MIGRATIONS.items() if version <= 5}
    monkeypatch.setattr(database, "MIGRATIONS", older)
    monkeypatch.setattr(database, "SCHEMA_VERSION", 5)
    db_path = tmp_path / "schema5.db"
    store = Store.open(db_path, create=True)
    # Written as a schema-5 file's rows were (today's add_attendee reads back
    # columns a schema-5 file does not have).
    fields = {"code": "OB-1", "first_name": "Siobhán", "last_name": "O'Brien"}
    record = {**fields, **rows.search_keys(fields)}
    store.conn.execute(
        f"INSERT INTO attendees ({', '.join(record)}) VALUES ({', '.join('?' for _ in record)})",
        tuple(record.values()),
    )
    store.close()
    monkeypatch.undo()

    store = Store.open(db_path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [a.code for a in store.search("brie")] == ["OB-1"]  # a fragment, not a word start

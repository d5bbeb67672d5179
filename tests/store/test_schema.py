"""The tables declared once in kiosk.store.schema, held to what the migrations
build and to the domain's dataclasses. When one of these fails after a schema
change, its message says what else must follow."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from kiosk.domain.models import Attendee, Event, LogEntry, Session
from kiosk.printing.jobs import PrintJob
from kiosk.store import Store
from kiosk.store.schema import ATTENDEES, CHECKINS, EVENT, PRINT_JOBS, SESSIONS, TABLES, Use


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


@pytest.fixture
def migrated(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "fresh.db", create=True)
    yield store  # type: ignore[misc]
    store.close()


def _ordinary_tables(store: Store) -> set[str]:
    """Tables the migrations made, without SQLite's own and the full-text
    indexes' (virtual tables and their shadow tables)."""
    rows = store.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    return {
        name
        for name, _ in rows
        if not name.startswith("sqlite_")
        and not any(name == v or name.startswith(f"{v}_") for v in virtual)
    }


def test_the_migrated_file_has_exactly_the_declared_tables(migrated: Store) -> None:
    declared = {table.name for table in TABLES}
    found = _ordinary_tables(migrated)
    assert found == declared, (
        f"tables made by the migrations but not declared in kiosk/store/schema.py: "
        f"{sorted(found - declared)}; declared but made by no migration: {sorted(declared - found)}"
    )


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_each_migrated_table_has_exactly_the_declared_columns(migrated: Store, table) -> None:  # type: ignore[no-untyped-def]
    found = [
        (name, type_, notnull, default, pk)
        for _cid, name, type_, notnull, default, pk in migrated.conn.execute(
            f"PRAGMA table_info({table.name})"
        )
    ]
    declared = [column.table_info() for column in table.columns]
    assert found == declared, (
        f"{table.name}: the migrated file has (name, type, not null, default, key)\n{found}\n"
        f"but kiosk/store/schema.py declares\n{declared}\n"
        "A column is added with one line in schema.py and a new migration that adds it "
        "(in the same place: SQLite adds columns at the end)."
    )


def test_an_attendee_has_a_field_for_each_row_column_in_order() -> None:
    assert _fields(Attendee) == ATTENDEES.names(Use.ROW), (
        "kiosk.domain.models.Attendee must have one field per attendees column marked "
        "Use.ROW in kiosk/store/schema.py, in the same order (rows.attendee_from_tuple "
        "builds it from them); a column the domain does not need is declared without ROW"
    )


def test_an_attendee_fields_defaults_are_the_columns_defaults() -> None:
    for field in dataclasses.fields(Attendee):
        default = ATTENDEES.column(field.name).default
        if default is not None and default.startswith("'"):
            assert field.default == default.strip("'"), (
                f"Attendee.{field.name} defaults to {field.default!r}, the column to {default}"
            )


def test_a_log_entry_has_a_field_for_each_log_column_it_reads() -> None:
    assert set(_fields(LogEntry)) == set(CHECKINS.names(Use.ROW)) == set(CHECKINS.names()) - {"seq"}


def test_a_session_has_a_field_for_each_session_column() -> None:
    assert set(_fields(Session)) == set(SESSIONS.names())


def test_an_event_has_a_field_for_each_event_column_but_id_and_creation() -> None:
    assert set(_fields(Event)) == set(EVENT.names()) - {"id", "created_at"}


def test_a_print_job_has_a_field_for_each_print_jobs_column() -> None:
    assert set(_fields(PrintJob)) == set(PRINT_JOBS.names()), (
        "kiosk.printing.jobs.PrintJob reads every column of print_jobs (kiosk/store/schema.py)"
    )


def test_moments_are_text_and_a_persons_identity_is_editable_personal_data() -> None:
    for table in TABLES:
        for column in table.columns:
            if Use.MOMENT in column.uses:
                assert column.type == "TEXT", f"{table.name}.{column.name}"
    assert set(ATTENDEES.names(Use.IDENTITY)) <= set(ATTENDEES.names(Use.EDIT))
    assert set(ATTENDEES.names(Use.IDENTITY)) <= set(ATTENDEES.names(Use.PERSONAL))


def test_an_attendee_change_sent_to_the_hub_carries_every_hub_column(migrated: Store) -> None:
    migrated.conn.execute("UPDATE sync_state SET value = '1' WHERE key = 'capture'")
    migrated.add_attendee({"code": "A-1", "first_name": "Ada"})
    payload = migrated.conn.execute(
        "SELECT payload FROM sync_outbox WHERE kind = 'attendee' ORDER BY seq DESC LIMIT 1"
    ).fetchone()[0]
    missing = set(ATTENDEES.names(Use.HUB)) - set(json.loads(payload))
    assert not missing, (
        f"the sync capture triggers on attendees leave out {sorted(missing)}: the migration that "
        "adds a column the hub carries must create them again with it (as migration 8 did)"
    )


def test_a_check_in_sent_to_the_hub_carries_the_wire_keys(migrated: Store) -> None:
    # kiosk.sync.wire derives a check-in's keys from the log's columns; the
    # frozen capture trigger (migration 3) writes its own. They must agree.
    from kiosk.domain.models import EntryKind
    from kiosk.sync.wire import ENTRY_KEYS

    migrated.conn.execute("UPDATE sync_state SET value = '1' WHERE key = 'capture'")
    ada = migrated.add_attendee({"code": "A-1", "first_name": "Ada"})
    at = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    migrated.append_entry(LogEntry("e-1", ada.id, EntryKind.ENTRY, at, at.date(), "door-1"))
    payload = migrated.conn.execute(
        "SELECT payload FROM sync_outbox WHERE kind = 'checkin'"
    ).fetchone()[0]
    assert tuple(json.loads(payload)) == ENTRY_KEYS, (
        "a check-in's keys on the wire (kiosk.sync.wire.ENTRY_KEYS, from the checkins columns) "
        "differ from what the capture trigger sends: a new log column needs both"
    )

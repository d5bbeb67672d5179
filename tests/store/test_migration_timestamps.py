"""Migration 9: a file made at schema 8, with moments in every older shape,
comes out with every moment in the one format and nothing else changed."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kiosk.store import Store
from kiosk.store.migrations import SCHEMA_VERSION
from kiosk.store.schema import TABLES, Use
from kiosk.store.timestamps import parse_utc, utc_text

ONE_FORMAT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")
# Older shapes, as schema 8's writers left them.
PRINT_TIME = "2026-03-10T09:01:02.345678Z"  # kiosk.printing.jobs
SYNC_TIME = "2026-03-10T09:01:02.345+00:00"  # kiosk.sync.local
HUB_TIME = "2026-03-10 09:01:02.345678+00:00"  # str() of a hub timestamptz
LOCKED_UNTIL = 1773133262.345678  # a Unix time, as the PIN lock-out kept it


def _schema_8_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Makes the file; returns its outbox as (change id, created_at), in order."""
    from kiosk.store import database, migrations

    older = {version: step for version, step in migrations.MIGRATIONS.items() if version <= 8}
    monkeypatch.setattr(database, "MIGRATIONS", older)
    monkeypatch.setattr(database, "SCHEMA_VERSION", 8)
    store = Store.open(path, create=True)
    c = store.conn
    c.execute(
        "INSERT INTO event (id, name, timezone, created_at) VALUES (1, 'E', 'UTC', ?)", (SYNC_TIME,)
    )
    c.execute(
        "INSERT INTO sessions (id, title, starts_at, ends_at) VALUES (1, 'S', ?, ?)",
        (HUB_TIME, PRINT_TIME),
    )
    c.execute(
        "INSERT INTO attendees (code, first_name, created_at, updated_at) "
        "VALUES ('A-1', 'Ada', ?, ?)",
        (PRINT_TIME, utc_text(dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC))),
    )
    # Capture on, as on a joined station: the rewrite must not be sent anywhere.
    c.execute("UPDATE sync_state SET value = '1' WHERE key = 'capture'")
    c.execute(
        "INSERT INTO print_jobs (attendee_id, kind, state, attempts, token, copies, created_at, "
        "updated_at, next_attempt_at, sent_at, done_at) "
        "VALUES (1, 'auto', 'done', 1, 'tok', 1, ?, ?, ?, ?, ?)",
        (PRINT_TIME, PRINT_TIME, PRINT_TIME, PRINT_TIME, PRINT_TIME),
    )
    c.execute("UPDATE sync_outbox SET sent_at = ?", (SYNC_TIME,))
    c.execute(
        "INSERT INTO sync_outbox (change_id, kind, attendee_code, payload) "
        "VALUES ('pending-1', 'checkin', 'A-1', '{}')"
    )
    c.execute("INSERT INTO sync_state (key, value) VALUES ('last_sync', ?)", (SYNC_TIME,))
    c.execute("INSERT INTO sync_state (key, value) VALUES ('seen_hub_at', ?)", (SYNC_TIME,))
    c.execute(
        "INSERT INTO sync_conflicts VALUES ('c1', 'A-1', 'day:2026-03-10', 'e1', 'door-1', ?, "
        "'e2', 'door-2', ?, ?)",
        (utc_text(parse_utc(SYNC_TIME)), utc_text(parse_utc(SYNC_TIME)), HUB_TIME),
    )
    c.execute(
        "INSERT INTO pin_lockouts VALUES ('door-1', 5, ?), ('door-2', 0, '0.0')",
        (str(LOCKED_UNTIL),),
    )
    outbox = c.execute("SELECT change_id, created_at FROM sync_outbox ORDER BY seq").fetchall()
    store.close()
    monkeypatch.undo()
    return outbox


def test_a_schema_8_file_comes_out_with_every_moment_in_one_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "schema8.db"
    outbox_before = _schema_8_file(path, monkeypatch)
    assert outbox_before[-1][1].endswith("Z")  # the premise: SQLite's old default
    store = Store.open(path)
    c = store.conn
    assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for table in TABLES:
        for column in table.names(Use.MOMENT):
            if column == "locked_until":
                continue
            for (value,) in c.execute(f"SELECT {column} FROM {table.name}"):
                assert value is None or ONE_FORMAT.fullmatch(value), (table.name, column, value)
    # The same moments, in the one format; the outbox keeps every change, in order.
    outbox = c.execute("SELECT change_id, created_at FROM sync_outbox ORDER BY seq").fetchall()
    assert [(cid, parse_utc(at)) for cid, at in outbox] == [
        (cid, parse_utc(at)) for cid, at in outbox_before
    ]
    job = c.execute("SELECT created_at, done_at FROM print_jobs").fetchone()
    assert job == ("2026-03-10T09:01:02.345678+00:00",) * 2
    assert c.execute("SELECT starts_at FROM sessions").fetchone()[0] == (
        "2026-03-10T09:01:02.345678+00:00"
    )
    states = dict(c.execute("SELECT key, value FROM sync_state"))
    assert states["last_sync"] == states["seen_hub_at"] == "2026-03-10T09:01:02.345000+00:00"
    assert states["capture"] == "1"
    # The PIN lock-out is a moment now and reads back as the same time.
    assert store.pin_lockout("door-1") == (5, pytest.approx(LOCKED_UNTIL, abs=1e-6))
    assert store.pin_lockout("door-2") == (0, 0.0)
    until = c.execute("SELECT locked_until FROM pin_lockouts WHERE station = 'door-1'").fetchone()
    assert ONE_FORMAT.fullmatch(until[0])
    # The rewrite queued nothing for the hub (the outbox is as it was, above).
    assert len(outbox) == len(outbox_before) == 2
    store.close()


def test_after_migration_9_the_outbox_still_fills_in_the_one_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "schema8.db"
    _schema_8_file(path, monkeypatch)
    store = Store.open(path)
    last_seq = store.conn.execute("SELECT max(seq) FROM sync_outbox").fetchone()[0]
    store.update_attendee(1, {"notes": "wheelchair user"})
    seq, kind, created, payload = store.conn.execute(
        "SELECT seq, kind, created_at, payload FROM sync_outbox ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert (kind, json.loads(payload)["code"]) == ("attendee", "A-1")
    assert seq > last_seq
    assert ONE_FORMAT.fullmatch(created), created
    store.close()

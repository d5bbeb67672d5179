"""Migration 8: whose address the e-mail is, on files made before it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.domain.models import EmailFrom
from kiosk.store import Store
from kiosk.store.migrations import SCHEMA_VERSION


def test_a_schema_7_file_gains_the_mark_and_sends_it_when_syncing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.store import database, migrations

    older = {version: step for version, step in migrations.MIGRATIONS.items() if version <= 7}
    monkeypatch.setattr(database, "MIGRATIONS", older)
    monkeypatch.setattr(database, "SCHEMA_VERSION", 7)
    db_path = tmp_path / "schema7.db"
    store = Store.open(db_path, create=True)
    store.conn.execute(
        "INSERT INTO attendees (code, first_name, email) VALUES ('A-1', 'Ada', 'ada@x.org')"
    )
    store.close()
    monkeypatch.undo()

    store = Store.open(db_path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    ada = store.attendee_by_code("A-1")
    assert ada is not None
    assert (ada.email, ada.email_from, ada.email_is_buyers) == (
        "ada@x.org",
        EmailFrom.ATTENDEE,
        False,
    )
    # The sync triggers carry the new column (capture on, as after joining a hub).
    store.conn.execute("UPDATE sync_state SET value = '1' WHERE key = 'capture'")
    store.update_attendee(ada.id, {"email_from": EmailFrom.BUYER.value})
    payload = json.loads(
        store.conn.execute("SELECT payload FROM sync_outbox ORDER BY seq DESC LIMIT 1").fetchone()[
            0
        ]
    )
    assert payload["email_from"] == "buyer" and payload["email"] == "ada@x.org"
    store.close()

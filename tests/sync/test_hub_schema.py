"""The hub's tables against their mirror (kiosk.sync.hubschema), and the hub's
schema version, on the real throwaway PostgreSQL: a station refuses a hub it
cannot share with one sentence, and uses a hub that is only ahead additively."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sync_helpers import Hub

from kiosk.store import Store
from kiosk.sync import SyncSetupError, hubschema
from kiosk.sync import hub as hub_ops
from kiosk.sync.hubversion import schema_version
from kiosk.sync.join import join

# The mirror's shape at each recorded hub schema version. A change to the
# hub's tables changes the fingerprint: then raise hubschema.MINOR (a new
# table, or a new column that may be NULL or has a default) or MAJOR
# (anything else), and record the new fingerprint here.
RECORDED = {
    "1.1": "428735cfcf561f08",
    "1.2": "1a79efb44d02dcdb",
    "1.3": "013cf67d31458b47",
    "1.4": "b29d4d4472e83459",
}

_TYPES = {"int": "integer", "bigserial": "bigint", "timestamptz": "timestamp with time zone"}


def _fingerprint() -> str:
    text = "\n".join(table.ddl() for table in hubschema.TABLES)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _declared(table: hubschema.HubTable) -> list[tuple[str, str, bool, str | None]]:
    return [
        (
            c.name,
            _TYPES.get(c.type, c.type),
            c.not_null or c.primary_key or c.type == "bigserial",
            "nextval" if c.type == "bigserial" else c.default,
        )
        for c in table.columns
    ]


def _found(conn: psycopg.Connection, table: str) -> list[tuple[str, str, bool, str | None]]:
    rows = conn.execute(
        "SELECT column_name, data_type, is_nullable = 'NO', column_default "
        "FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %s ORDER BY ordinal_position",
        (table,),
    ).fetchall()
    return [
        (
            name,
            type_,
            not_null,
            None if default is None else re.sub(r"nextval\(.*\)|::[a-z ]+", _plain, default),
        )
        for name, type_, not_null, default in rows
    ]


def _plain(match: re.Match[str]) -> str:
    return "nextval" if match.group(0).startswith("nextval") else ""


def _set_version(url: str, version: str | None) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM kiosk_meta WHERE key = %s", (hubschema.VERSION_KEY,))
        if version is not None:
            conn.execute(
                "INSERT INTO kiosk_meta (key, value) VALUES (%s, %s)",
                (hubschema.VERSION_KEY, version),
            )


def _version(url: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT value FROM kiosk_meta WHERE key = %s", (hubschema.VERSION_KEY,)
        ).fetchone()
    assert row is not None
    return str(row[0])


def test_the_recorded_version_is_the_mirrors_version() -> None:
    version = f"{hubschema.MAJOR}.{hubschema.MINOR}"
    assert RECORDED.get(version) == _fingerprint(), (
        f"the hub's tables (kiosk/sync/hubschema.py) are not those recorded for hub schema "
        f"{version}: raise MINOR for an additive change (a new table, or a column that may be "
        f"NULL or has a default; stations add it to older hubs) or MAJOR for anything else, "
        f"and record {_fingerprint()!r} for the new version in {Path(__file__).name}"
    )


def test_a_new_hub_has_exactly_the_mirrors_tables_and_columns(hub: Hub) -> None:
    with psycopg.connect(hub.url) as conn:
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        }
        assert tables == {table.name for table in hubschema.TABLES}
        for table in hubschema.TABLES:
            assert _found(conn, table.name) == _declared(table), table.name
    assert _version(hub.url) == f"{hubschema.MAJOR}.{hubschema.MINOR}"


def test_the_hubs_attendees_carry_the_columns_the_schema_marks_for_the_hub() -> None:
    from kiosk.store.schema import ATTENDEES, Use

    assert ATTENDEES.names(Use.HUB) == hubschema.ATTENDEE_COLUMNS


def test_a_hub_from_before_versions_gains_what_it_lacks_and_its_version(
    hub: Hub, tmp_path: Path
) -> None:
    with psycopg.connect(hub.url, autocommit=True) as conn:
        conn.execute("ALTER TABLE attendees DROP COLUMN email_from")
        conn.execute("DROP TABLE print_log")
    _set_version(hub.url, None)
    store = join(tmp_path / "door.db", hub.url, "door")
    store.close()
    with psycopg.connect(hub.url) as conn:
        names = {t.name: sorted(c[0] for c in _found(conn, t.name)) for t in hubschema.TABLES}
    # Added columns come last; every statement names its columns, so order is no matter.
    assert names == {t.name: sorted(t.names()) for t in hubschema.TABLES}
    assert _version(hub.url) == f"{hubschema.MAJOR}.{hubschema.MINOR}"


def test_a_1_3_hub_gains_the_programme_additively_and_keeps_its_rows(
    hub: Hub, tmp_path: Path
) -> None:
    # A hub as 1.3 made it: no bookings, sessions without the programme's
    # columns, a log without the override marks, conflicts of one kind only.
    with psycopg.connect(hub.url, autocommit=True) as conn:
        conn.execute("DROP TABLE bookings")
        for table, columns in (
            ("sessions", ("key", "open_to", "booking_required", "cancelled")),
            ("checkins", ("override", "entered_later")),
            ("conflicts", ("kind", "capacity", "inside")),
        ):
            for column in columns:
                conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute(
            "INSERT INTO sessions (id, title, room, starts_at, ends_at, capacity) "
            "VALUES (7, 'Panel', 'Hall', '2026-03-10T09:00:00.000000+00:00', "
            "'2026-03-10T10:00:00.000000+00:00', 80)"
        )
    _set_version(hub.url, "1.3")
    store = join(tmp_path / "door.db", hub.url, "door")
    try:
        panel = store.session(7)
    finally:
        store.close()
    assert _version(hub.url) == f"{hubschema.MAJOR}.{hubschema.MINOR}"
    with psycopg.connect(hub.url) as conn:
        for table in hubschema.TABLES:
            assert sorted(c[0] for c in _found(conn, table.name)) == sorted(table.names())
        row = conn.execute(
            "SELECT title, capacity, key, open_to, booking_required, cancelled "
            "FROM sessions WHERE id = 7"
        ).fetchone()
    # The old row keeps its values and takes the new columns' defaults.
    assert row == ("Panel", 80, "", "", 0, 0)
    assert panel is not None and (panel.title, panel.capacity, panel.open_to) == ("Panel", 80, ())


def test_a_station_uses_a_hub_that_is_ahead_only_additively(hub: Hub, tmp_path: Path) -> None:
    ahead = f"{hubschema.MAJOR}.{hubschema.MINOR + 3}"
    with psycopg.connect(hub.url, autocommit=True) as conn:
        conn.execute("ALTER TABLE attendees ADD COLUMN added_later text NOT NULL DEFAULT ''")
    _set_version(hub.url, ahead)
    store = join(tmp_path / "door.db", hub.url, "door")
    try:
        assert store.attendee_count() == len(hub.codes)
        # This station's changes reach the newer hub; the column it does not
        # know keeps its default.
        with psycopg.connect(hub.url) as conn:
            station_change = hub_change(store)
            hub_ops.upload(conn, "door", [station_change])
            row = conn.execute(
                "SELECT first_name, added_later FROM attendees WHERE code = %s",
                (station_change.payload["code"],),
            ).fetchone()
        assert row == ("Renamed", "")
    finally:
        store.close()
    assert _version(hub.url) == ahead  # never written back down


def hub_change(store: Store) -> hub_ops.Change:
    attendee = store.attendees()[0]
    fields = dict(zip(hubschema.ATTENDEE_COLUMNS, [None] * 99, strict=False))
    fields.update(code=attendee.code, first_name="Renamed", status="active")
    return hub_ops.Change(uuid.uuid4().hex, "attendee", "door", fields)


@pytest.mark.parametrize(
    ("version", "said"),
    [
        (f"{hubschema.MAJOR + 1}.0", "set up by a newer version of the kiosk"),
        (f"{hubschema.MAJOR - 1}.4", "set up by an older version of the kiosk"),
    ],
)
def test_a_station_refuses_a_hub_of_another_major_version(
    hub: Hub, tmp_path: Path, version: str, said: str
) -> None:
    _set_version(hub.url, version)
    with pytest.raises(SyncSetupError, match=said) as refused:
        join(tmp_path / "door.db", hub.url, "door")
    assert f"hub schema {version}" in str(refused.value)
    assert not (tmp_path / "door.db").exists()


def test_a_joined_station_refuses_to_start_on_a_hub_of_a_newer_major_in_one_sentence(
    hub: Hub, tmp_path: Path
) -> None:
    db = tmp_path / "door.db"
    join(db, hub.url, "door").close()
    _set_version(hub.url, f"{hubschema.MAJOR + 1}.0")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_SERVER": ""}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "server", "join", hub.url, "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "newer version of the kiosk" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert hub.cluster.password not in result.stderr + result.stdout


def test_a_login_that_may_not_upgrade_an_older_hub_is_refused(hub: Hub, tmp_path: Path) -> None:
    user, password = f"door_{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex}"
    with psycopg.connect(hub.url, autocommit=True) as conn:
        conn.execute("ALTER TABLE attendees DROP COLUMN email_from")
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(user), password)
        )
        conn.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {user}")
        conn.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {user}")
    _set_version(hub.url, "1.0")
    params = psycopg.conninfo.conninfo_to_dict(hub.url)
    params.update(user=user, password=password)
    url = psycopg.conninfo.make_conninfo(**params)
    with pytest.raises(SyncSetupError, match="login may not make"):
        join(tmp_path / "door.db", url, "door")
    assert _version(hub.url) == "1.0"  # nothing half-done


def test_the_version_check_reads_a_hub_made_before_versions_as_1_0(hub: Hub) -> None:
    _set_version(hub.url, None)
    with psycopg.connect(hub.url) as conn:
        assert schema_version(conn) == (1, 0)

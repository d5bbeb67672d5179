"""The hub's schema version: a station refuses a hub it cannot share and
brings an older one up to its own version additively (see docs/sync.md,
"Schema version")."""

from __future__ import annotations

import logging
from typing import Any

from kiosk.sync import hubschema
from kiosk.sync.connection import SyncSetupError

log = logging.getLogger("kiosk.sync")


class HubIncompatible(SyncSetupError):
    """A hub whose tables this station cannot work with, in one sentence."""


def schema_version(conn: Any) -> tuple[int, int]:
    """The hub's (major, minor); a hub made before versions were recorded is 1.0."""
    with conn.cursor() as cur:
        row = cur.execute(
            "SELECT value FROM kiosk_meta WHERE key = %s", (hubschema.VERSION_KEY,)
        ).fetchone()
    if row is None:
        return (1, 0)
    major, _, minor = str(row[0]).partition(".")
    return (int(major), int(minor or 0))


def hub_columns(conn: Any) -> dict[str, list[str]]:
    """The hub's tables and their columns in order, as PostgreSQL has them."""
    found: dict[str, list[str]] = {}
    with conn.cursor() as cur:
        for table, column in cur.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        ):
            found.setdefault(table, []).append(column)
    return found


def ensure_compatible(conn: Any) -> None:
    """Use the hub only if its tables are this version's, or differ additively.

    A hub of another major version is refused. A hub behind this station's
    minor version gains what it lacks (new tables and columns, each with a
    default) in one transaction, and records the version; a login that may
    not alter the hub's tables is refused then, since this station would
    write columns the hub lacks. A hub ahead (additive) is used as it is.
    """
    major, minor = schema_version(conn)
    version = f"{major}.{minor}"
    if major > hubschema.MAJOR:
        raise HubIncompatible(
            f"The hub was set up by a newer version of the kiosk (hub schema {version}); "
            "update this station to the version the other stations run."
        )
    if major < hubschema.MAJOR:
        raise HubIncompatible(
            f"The hub was set up by an older version of the kiosk (hub schema {version}) "
            "that this version cannot share; publish the event to a new hub."
        )
    if minor > hubschema.MINOR:
        log.info("hub schema %s is ahead of this station's (additive): using it", version)
    if minor >= hubschema.MINOR:
        return
    _upgrade(conn, version)


def _upgrade(conn: Any, version: str) -> None:
    from psycopg import errors

    have = hub_columns(conn)
    statements = []
    for table in hubschema.TABLES:
        if table.name not in have:
            statements.append(table.ddl())
            continue
        statements += [
            f"ALTER TABLE {table.name} ADD COLUMN IF NOT EXISTS {column.ddl()}"
            for column in table.columns
            if column.name not in have[table.name]
        ]
    target = f"{hubschema.MAJOR}.{hubschema.MINOR}"
    try:
        with conn.transaction(), conn.cursor() as cur:
            for statement in statements:
                cur.execute(statement)
            cur.execute(
                "INSERT INTO kiosk_meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (hubschema.VERSION_KEY, target),
            )
    except errors.InsufficientPrivilege:
        if statements:
            # Said to the user as the refusal; the versions are for the log.
            log.info("hub schema %s lacks what %s adds; this login may not add it", version, target)
            raise HubIncompatible(
                "The hub needs an upgrade that this station's login may not make; "
                "start one station with the hub owner's login first."
            ) from None
        # Nothing is missing: only the version could not be written down.
        log.warning("hub schema %s is up to date but this login may not record it", version)
        return
    log.info("hub upgraded from schema %s to %s (%d changes)", version, target, len(statements))

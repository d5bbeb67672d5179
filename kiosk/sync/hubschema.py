"""The hub's tables in PostgreSQL, and what each one is for."""

from __future__ import annotations

from typing import Any

# Every transaction that adds to `changes` first takes this advisory lock, so
# changes commit in the order of their `seq` and a station that has read up to
# seq N can never later find a smaller seq appear (see docs/sync.md).
CHANGES_LOCK = 7_411_001
NOTIFY_CHANNEL = "kiosk_changes"

ATTENDEE_COLUMNS = (
    "code",
    "first_name",
    "last_name",
    "organisation",
    "job_title",
    "email",
    "category",
    "status",
    "notes",
    "source",
    "external_id",
    "name_key",
    "search_key",
    "sort_key",
    "created_at",
    "updated_at",
    "email_from",
)
# Values for columns a station of an older version leaves out of its
# changes (NULL would break the column's NOT NULL).
ATTENDEE_DEFAULTS = {"email_from": ""}

_COLUMN_EXTRA = {"code": " PRIMARY KEY", "email_from": " NOT NULL DEFAULT ''"}

SCHEMA = f"""
CREATE TABLE kiosk_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE event (
    id int PRIMARY KEY, name text NOT NULL, venue text NOT NULL DEFAULT '',
    timezone text NOT NULL, first_day text, last_day text
);
CREATE TABLE sessions (
    id int PRIMARY KEY, title text NOT NULL, room text NOT NULL DEFAULT '',
    starts_at text NOT NULL, ends_at text NOT NULL, capacity int
);
CREATE TABLE settings (key text PRIMARY KEY, value text);
-- The roster by ticket code: local integer ids differ between stations.
CREATE TABLE attendees (
    {", ".join(f"{c} text" + _COLUMN_EXTRA.get(c, "") for c in ATTENDEE_COLUMNS)},
    hub_updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_by text NOT NULL DEFAULT ''
);
-- Every change any station made, once: the id is the station's own.
CREATE TABLE changes (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    kind text NOT NULL,
    station text NOT NULL,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE checkins (
    id text PRIMARY KEY, attendee_code text NOT NULL, session_id int, kind text NOT NULL,
    undoes text, at text NOT NULL, day text NOT NULL, station text NOT NULL,
    operator text NOT NULL DEFAULT '', reason text NOT NULL DEFAULT '',
    offline boolean NOT NULL DEFAULT false, change_seq bigint NOT NULL
);
CREATE INDEX checkins_code ON checkins (attendee_code);
-- One row per admission scope: 'day:YYYY-MM-DD' for the event, 'session:ID'
-- for a session list. The unique constraint is what stops two stations from
-- both admitting one ticket.
CREATE TABLE admissions (
    attendee_code text NOT NULL, scope text NOT NULL, entry_id text NOT NULL,
    station text NOT NULL, at text NOT NULL, day text NOT NULL,
    inside boolean NOT NULL DEFAULT true,
    CONSTRAINT admissions_once UNIQUE (attendee_code, scope)
);
CREATE TABLE conflicts (
    id text PRIMARY KEY, attendee_code text NOT NULL, scope text NOT NULL,
    kept_entry text NOT NULL, kept_station text NOT NULL, kept_at text NOT NULL,
    other_entry text NOT NULL UNIQUE, other_station text NOT NULL, other_at text NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE print_log (
    change_id text PRIMARY KEY, attendee_code text, token text, state text,
    station text NOT NULL, payload jsonb NOT NULL
);
CREATE TABLE stations (
    name text PRIMARY KEY, last_upload_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE FUNCTION kiosk_changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
    RETURN NULL;
END $$;
CREATE TRIGGER changes_notify AFTER INSERT ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_changes_notify();
"""

# Additive changes a hub made by an older version needs, each safe to run
# again; a station applies them when it connects (kiosk.sync.hub.upgrade).
# Each is (table, column it adds, statement); only a missing column is added,
# so a station whose login may not alter tables passes over an upgraded hub.
UPGRADES = (
    (
        "attendees",
        "email_from",
        "ALTER TABLE attendees ADD COLUMN IF NOT EXISTS email_from text NOT NULL DEFAULT ''",
    ),
)


def attendee_values(fields: dict[str, Any]) -> list[Any]:
    """The row for ATTENDEE_COLUMNS from a change's fields, defaults filled in."""
    values = [fields.get(column) for column in ATTENDEE_COLUMNS]
    return [
        ATTENDEE_DEFAULTS.get(column) if value is None else value
        for column, value in zip(ATTENDEE_COLUMNS, values, strict=True)
    ]


def scope_of(session_id: int | None, day: str) -> str:
    return f"session:{session_id}" if session_id is not None else f"day:{day}"

"""The hub's tables in PostgreSQL, declared as data, and the hub's schema version.

Tables the stations share (event, sessions, settings, attendees) mirror the
columns `kiosk.store.schema` marks `Use.HUB`; the hub's own tables (the
change feed, admissions, conflicts) are declared here. The DDL a new hub is
made with, the columns an older hub gains when a station connects, and the
test that compares a real hub with this mirror all come from these lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.store import schema
from kiosk.store.conflicts import ADMITTED_TWICE
from kiosk.store.schema import Use

# Every transaction that adds to `changes` first takes this advisory lock, so
# changes commit in the order of their `seq` and a station that has read up to
# seq N can never later find a smaller seq appear (see docs/sync.md).
CHANGES_LOCK = 7_411_001
NOTIFY_CHANNEL = "kiosk_changes"

# The hub's schema version, recorded in kiosk_meta. A station works with a
# hub of its own MAJOR only. MINOR counts additive changes (a new column with
# a default): a hub behind this station's MINOR gains the missing columns
# when a station connects; a hub ahead of it is used as it is, since an older
# station simply leaves the new columns to their defaults.
# tests/sync/test_hub_schema.py fails until a change to the tables below
# raises MINOR (additive) or MAJOR (anything else).
MAJOR = 1
MINOR = 4
VERSION_KEY = "schema_version"
# kiosk_meta's next free block of session ids (see `kiosk.store.store.SESSION_ID_BLOCK`).
SESSION_BLOCK_KEY = "next_session_block"


@dataclass(frozen=True, slots=True)
class HubColumn:
    name: str
    type: str  # as written in PostgreSQL DDL
    not_null: bool = False
    default: str | None = None
    primary_key: bool = False
    unique: bool = False

    def ddl(self) -> str:
        parts = [self.name, self.type]
        if self.primary_key:
            parts.append("PRIMARY KEY")
        elif self.not_null:
            parts.append("NOT NULL")
        if self.default is not None:
            parts.append(f"DEFAULT {self.default}")
        if self.unique:
            parts.append("UNIQUE")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class HubTable:
    name: str
    columns: tuple[HubColumn, ...]
    constraints: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def ddl(self) -> str:
        body = ",\n    ".join([c.ddl() for c in self.columns] + list(self.constraints))
        return f"CREATE TABLE {self.name} (\n    {body}\n);"


_TYPES = {"INTEGER": "int", "TEXT": "text"}


def _mirrored(table: schema.Table, key: str | None = None) -> HubTable:
    """The hub's copy of a station table: its HUB columns, keyed by `key` (or
    the station's own key). A required column keeps its default, so rows from
    a station that predates the column fill in."""
    columns = []
    for column in table.columns:
        if Use.HUB not in column.uses:
            continue
        is_key = column.name == key if key else column.primary_key
        columns.append(
            HubColumn(
                column.name,
                _TYPES[column.type],
                not_null=column.not_null,
                default=column.default if column.not_null else None,
                primary_key=is_key,
            )
        )
    return HubTable(table.name, tuple(columns))


def _text(name: str, **options: Any) -> HubColumn:
    return HubColumn(name, "text", **options)


def _required(name: str, type_: str = "text", default: str | None = None) -> HubColumn:
    return HubColumn(name, type_, not_null=True, default=default)


def _clock(name: str) -> HubColumn:
    """A moment the hub stamps itself (native timestamptz; stations read it
    through kiosk.store.timestamps.utc_text)."""
    return HubColumn(name, "timestamptz", not_null=True, default="clock_timestamp()")


# The roster by ticket code: local integer ids differ between stations.
_ATTENDEES = _mirrored(schema.ATTENDEES, key="code")
ATTENDEES = HubTable(
    "attendees",
    (*_ATTENDEES.columns, _clock("hub_updated_at"), _required("updated_by", default="''")),
)
ATTENDEE_COLUMNS = _ATTENDEES.names()
EVENT = _mirrored(schema.EVENT)
SESSIONS = _mirrored(schema.SESSIONS)
SESSION_COLUMNS = SESSIONS.names()
# Who booked which session (kiosk.store.programme), the attendee by code.
BOOKINGS = HubTable(
    "bookings",
    (_required("attendee_code"), _required("session_id", "int"), _required("booked_at")),
    ("CONSTRAINT bookings_once PRIMARY KEY (attendee_code, session_id)",),
)
BOOKING_KEYS = ("code", "session_id", "booked_at")
# Lost badges' codes (kiosk.store.replaced), named by the attendee's current
# code: a code change renames every reference at the hub, these rows too.
REPLACED_CODES = HubTable(
    "replaced_codes",
    (
        _text("code", primary_key=True),
        _required("attendee_code"),
        _required("replaced_at"),
        _required("station"),
        _required("operator", default="''"),
    ),
)
REPLACED_CODE_KEYS = REPLACED_CODES.names()
TABLES = (
    HubTable("kiosk_meta", (_text("key", primary_key=True), _required("value"))),
    EVENT,
    SESSIONS,
    _mirrored(schema.SETTINGS),
    ATTENDEES,
    # Every change any station made, once: the id is the station's own.
    HubTable(
        "changes",
        (
            HubColumn("seq", "bigserial", primary_key=True),
            HubColumn("id", "text", not_null=True, unique=True),
            _required("kind"),
            _required("station"),
            _required("payload", "jsonb"),
            _clock("received_at"),
        ),
    ),
    HubTable(
        "checkins",
        (
            _text("id", primary_key=True),
            _required("attendee_code"),
            HubColumn("session_id", "int"),
            _required("kind"),
            _text("undoes"),
            _required("at"),
            _required("day"),
            _required("station"),
            _required("operator", default="''"),
            _required("reason", default="''"),
            _required("offline", "boolean", "false"),
            _required("change_seq", "bigint"),
            _required("override", "boolean", "false"),
            _required("entered_later", "boolean", "false"),
        ),
    ),
    # One row per admission scope: 'day:YYYY-MM-DD' for the event, 'session:ID'
    # for a session list. The unique constraint is what stops two stations
    # from both admitting one ticket.
    HubTable(
        "admissions",
        (
            _required("attendee_code"),
            _required("scope"),
            _required("entry_id"),
            _required("station"),
            _required("at"),
            _required("day"),
            _required("inside", "boolean", "true"),
        ),
        ("CONSTRAINT admissions_once UNIQUE (attendee_code, scope)",),
    ),
    HubTable(
        "conflicts",
        (
            _text("id", primary_key=True),
            _required("attendee_code"),
            _required("scope"),
            _required("kept_entry"),
            _required("kept_station"),
            _required("kept_at"),
            HubColumn("other_entry", "text", not_null=True, unique=True),
            _required("other_station"),
            _required("other_at"),
            _clock("detected_at"),
            # 'admitted_twice', or 'over_capacity': an offline door admitted
            # `other_entry` to a room that already held `capacity` people, making
            # `inside` (the admission that had taken the last seat is `kept_entry`).
            _required("kind", default=f"'{ADMITTED_TWICE}'"),
            HubColumn("capacity", "int"),
            HubColumn("inside", "int"),
        ),
    ),
    HubTable(
        "print_log",
        (
            _text("change_id", primary_key=True),
            _text("attendee_code"),
            _text("token"),
            _text("state"),
            _required("station"),
            _required("payload", "jsonb"),
        ),
    ),
    HubTable("stations", (_text("name", primary_key=True), _clock("last_upload_at"))),
    REPLACED_CODES,
    BOOKINGS,
)

SCHEMA = "\n".join(table.ddl() for table in TABLES) + (
    f"""
CREATE INDEX checkins_code ON checkins (attendee_code);
CREATE FUNCTION kiosk_changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
    RETURN NULL;
END $$;
CREATE TRIGGER changes_notify AFTER INSERT ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_changes_notify();
"""
)

# Values for columns a station of an older version leaves out of its
# changes (NULL would break a NOT NULL column): the declared defaults.
ATTENDEE_DEFAULTS = schema.ATTENDEES.defaults(Use.HUB)
SESSION_DEFAULTS = schema.SESSIONS.defaults(Use.HUB)


def _with_defaults(
    columns: tuple[str, ...], defaults: dict[str, Any], fields: dict[str, Any]
) -> list[Any]:
    values = [fields.get(column) for column in columns]
    return [
        defaults.get(column) if value is None else value
        for column, value in zip(columns, values, strict=True)
    ]


def attendee_values(fields: dict[str, Any]) -> list[Any]:
    """The row for ATTENDEE_COLUMNS from a change's fields, defaults filled in."""
    return _with_defaults(ATTENDEE_COLUMNS, ATTENDEE_DEFAULTS, fields)


def session_values(fields: dict[str, Any]) -> list[Any]:
    """The row for SESSION_COLUMNS from a change's fields, defaults filled in."""
    return _with_defaults(SESSION_COLUMNS, SESSION_DEFAULTS, fields)


def scope_of(session_id: int | None, day: str) -> str:
    return f"session:{session_id}" if session_id is not None else f"day:{day}"

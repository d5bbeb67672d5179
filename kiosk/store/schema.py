"""Every table of the event file, its columns declared once.

The migrations build the tables (and stay frozen once shipped); this module
says what the newest migration leaves, and who carries each column: the
domain's row mapping, roster imports, the hub, the help desk's edit form.
Everything else that lists columns takes its list from here, and the tests
in tests/store/test_schema.py hold the migrations, the domain's dataclasses
and the hub's mirror (kiosk.sync.hubschema) to this declaration.

Adding a column to `attendees` is one line below plus a migration that adds
it; the tests then say what else must follow (a field of `Attendee`, the
hub's schema version).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.store.timestamps import SQL_NOW


class Use(enum.Flag):
    """Who carries a column besides the table itself."""

    NONE = 0
    ROW = enum.auto()  # read into the domain's object (Attendee, LogEntry)
    IMPORT = enum.auto()  # a roster import writes it
    HUB = enum.auto()  # the hub carries it (kiosk.sync.hubschema mirrors it)
    EDIT = enum.auto()  # staff may change it at the help desk
    IDENTITY = enum.auto()  # who the person is: handed on when a registration is transferred
    PERSONAL = enum.auto()  # names or describes a person: blanked by a purge
    MOMENT = enum.auto()  # a moment, written by kiosk.store.timestamps.utc_text


@dataclass(frozen=True, slots=True)
class Column:
    """One column as SQLite's `PRAGMA table_info` reports it."""

    name: str
    type: str = "TEXT"
    not_null: bool = False
    # The default as an SQL expression, exactly as table_info reports it.
    default: str | None = None
    primary_key: bool = False
    uses: Use = Use.NONE

    def table_info(self) -> tuple[str, str, int, str | None, int]:
        return (self.name, self.type, int(self.not_null), self.default, int(self.primary_key))


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]

    def names(self, use: Use = Use.NONE) -> tuple[str, ...]:
        """The columns (carried by `use`, when given) in table order."""
        return tuple(c.name for c in self.columns if use in c.uses)

    def defaults(self, use: Use = Use.NONE) -> dict[str, str | int]:
        """The text and integer columns (carried by `use`) that have a constant
        default, with its value."""
        return {
            c.name: c.default[1:-1] if c.default.startswith("'") else int(c.default)
            for c in self.columns
            if use in c.uses
            and c.default is not None
            and (c.default.startswith("'") or (c.type == "INTEGER" and c.default.isdigit()))
        }

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _key(name: str, type_: str = "INTEGER") -> Column:
    return Column(name, type_, primary_key=True)


def _text(name: str, uses: Use = Use.NONE, *, default: str | None = None) -> Column:
    """A text column that may be NULL."""
    return Column(name, default=default, uses=uses)


def _required(
    name: str, type_: str = "TEXT", default: str | None = None, uses: Use = Use.NONE
) -> Column:
    return Column(name, type_, not_null=True, default=default, uses=uses)


def _moment(name: str, *, required: bool = False, uses: Use = Use.NONE) -> Column:
    return Column(name, not_null=required, uses=uses | Use.MOMENT)


def _integer(name: str, *, default: str | None = None) -> Column:
    return Column(name, "INTEGER", default=default)


_ROW, _IMPORT, _HUB, _EDIT, _PERSONAL = Use.ROW, Use.IMPORT, Use.HUB, Use.EDIT, Use.PERSONAL
_PERSON = _ROW | _IMPORT | _HUB | _EDIT | Use.IDENTITY | _PERSONAL

EVENT = Table(
    "event",
    (
        Column("id", "INTEGER", primary_key=True, uses=_HUB),
        _required("name", uses=_HUB),
        _text("venue", _HUB, default="''"),
        _required("timezone", default="'Europe/London'", uses=_HUB),
        _text("first_day", _HUB),
        _text("last_day", _HUB),
        _moment("created_at"),
    ),
)
SESSIONS = Table(
    "sessions",
    (
        Column("id", "INTEGER", primary_key=True, uses=_HUB),
        _required("title", uses=_HUB),
        _text("room", _HUB, default="''"),
        _moment("starts_at", required=True, uses=_HUB),
        _moment("ends_at", required=True, uses=_HUB),
        Column("capacity", "INTEGER", uses=_HUB),
        # The programme (kiosk.programme): the organiser's own id for the
        # session, who may come in (categories separated by ';', '' for
        # everyone), whether a booking is needed, and a cancelled session.
        _required("key", default="''", uses=_HUB),
        _required("open_to", default="''", uses=_HUB),
        _required("booking_required", "INTEGER", "0", _HUB),
        _required("cancelled", "INTEGER", "0", _HUB),
    ),
)
# Who booked a session that needs booking (kiosk bookings import).
BOOKINGS = Table(
    "bookings",
    (
        _required("attendee_id", "INTEGER"),
        _required("session_id", "INTEGER"),
        _moment("booked_at", required=True),
    ),
)
ATTENDEES = Table(
    "attendees",
    (
        Column("id", "INTEGER", primary_key=True, uses=_ROW),
        _required("code", uses=_ROW | _IMPORT | _HUB),
        _required("first_name", uses=_PERSON),
        _text("last_name", _PERSON, default="''"),
        _text("organisation", _PERSON, default="''"),
        _text("job_title", _PERSON, default="''"),
        _text("email", _PERSON, default="''"),
        _text("category", _ROW | _IMPORT | _HUB | _EDIT, default="''"),
        _required("status", default="'active'", uses=_ROW | _IMPORT | _HUB),
        _text("notes", _ROW | _HUB | _EDIT | _PERSONAL, default="''"),
        _text("source", _IMPORT | _HUB, default="''"),
        _text("external_id", _IMPORT | _HUB),
        # Folded text for name search (kiosk.store.rows.search_keys).
        _text("name_key", _HUB, default="''"),
        _text("search_key", _HUB, default="''"),
        _text("sort_key", _HUB, default="''"),
        _moment("created_at", uses=_HUB),
        _moment("updated_at", uses=_HUB),
        _required("email_from", default="''", uses=_ROW | _IMPORT | _HUB),
        # Printed on the badge where a template places them; the attendee may
        # fix them at the kiosk (kiosk.editable_badge_fields).
        _text("pronouns", _PERSON, default="''"),
        _text("credentials", _PERSON, default="''"),  # post-nominals: "RN, MSc"
        # A short staff note that sends the attendee to the help desk
        # (kiosk.domain.alerts), and whether staff are alerted when they arrive.
        _text("attention", _ROW | _IMPORT | _HUB | _EDIT | _PERSONAL, default="''"),
        _required("notify", "INTEGER", "0", _ROW | _IMPORT | _HUB),
    ),
)
CHECKINS = Table(
    "checkins",
    (
        _key("seq"),
        _required("id", uses=_ROW),
        _required("attendee_id", "INTEGER", uses=_ROW),
        Column("session_id", "INTEGER", uses=_ROW),
        _required("kind", uses=_ROW),
        _text("undoes", _ROW),
        _moment("at", required=True, uses=_ROW),
        _required("day", uses=_ROW),
        _required("station", uses=_ROW),
        _text("operator", _ROW, default="''"),
        _text("reason", _ROW, default="''"),
        Column("offline", "INTEGER", default="0", uses=_ROW),
        # A supervisor let them in past a rule (eligibility, a full room),
        # with `reason`; a scan entered later from a paper list (kiosk scan --at).
        _required("override", "INTEGER", "0", _ROW),
        _required("entered_later", "INTEGER", "0", _ROW),
    ),
)
# Settings reach the hub too, all but each station's own (kiosk.sync.join).
SETTINGS = Table(
    "settings", (Column("key", "TEXT", primary_key=True, uses=_HUB), _text("value", _HUB))
)
PRINT_JOBS = Table(
    "print_jobs",
    (
        _key("id"),
        _integer("attendee_id"),
        _required("kind"),
        _text("printer"),
        _required("state", default="'queued'"),
        _required("attempts", "INTEGER", "0"),
        _text("error", default="''"),
        _text("spooler_job_id"),
        _required("token"),
        _text("worker"),
        _required("copies", "INTEGER", "1"),
        _moment("created_at", required=True),
        _moment("updated_at", required=True),
        _moment("next_attempt_at"),
        _moment("sent_at"),
        _moment("done_at"),
    ),
)
SYNC_OUTBOX = Table(
    "sync_outbox",
    (
        _key("seq"),
        _required("change_id"),
        _required("kind"),
        _text("attendee_code"),
        _required("payload"),
        Column("created_at", not_null=True, default=SQL_NOW, uses=Use.MOMENT),
        _moment("sent_at"),
    ),
)
SYNC_STATE = Table("sync_state", (_key("key", "TEXT"), _text("value")))
SYNC_CONFLICTS = Table(
    "sync_conflicts",
    (
        _key("id", "TEXT"),
        _required("attendee_code"),
        _required("scope"),
        _required("kept_entry"),
        _required("kept_station"),
        _moment("kept_at", required=True),
        _required("other_entry"),
        _required("other_station"),
        _moment("other_at", required=True),
        _moment("detected_at", required=True),
        # 'admitted_twice', or 'over_capacity': an offline door filled a
        # session's room past `capacity`, making `inside` (kiosk.sync.hub).
        _required("kind", default="'admitted_twice'"),
        _integer("capacity"),
        _integer("inside"),
    ),
)
CHECKIN_CHAIN = Table("checkin_chain", (_key("seq"), _required("link")))
AUDIT_LOG = Table(
    "audit_log",
    (
        _key("seq"),
        _required("id"),
        _integer("attendee_id"),
        _required("action"),
        _required("station"),
        _required("operator", default="''"),
        _moment("at", required=True),
        _required("details", default="'{}'"),
    ),
)
EVENT_IDENTITY = Table("event_identity", (_key("id"), _required("uid")))
PIN_LOCKOUTS = Table(
    "pin_lockouts",
    (
        _key("station", "TEXT"),
        _required("failures", "INTEGER", "0"),
        _moment("locked_until"),
    ),
)
# Volunteer accounts (kiosk.store.operators); each station's own, like its PIN.
OPERATORS = Table(
    "operators",
    (
        _key("id"),
        _required("name"),
        _required("role"),
        _required("pin_hash"),
        _moment("created_at", required=True),
        _moment("removed_at"),
    ),
)
# The codes of lost badges, each replaced by a new code (kiosk reissue): a
# scan of one answers `replaced` and never admits. The hub carries them
# (kiosk.sync.hubschema.REPLACED_CODES), keyed to the attendee's current code.
REPLACED_CODES = Table(
    "replaced_codes",
    (
        _key("code", "TEXT"),
        _required("attendee_id", "INTEGER"),
        _moment("replaced_at", required=True),
        _required("station"),
        _required("operator", default="''"),
    ),
)
# Alerts waiting to be POSTed to the webhook receiver (kiosk.store.webhooks).
WEBHOOK_OUTBOX = Table(
    "webhook_outbox",
    (
        _key("seq"),
        _required("event_id"),
        _required("body"),
        Column("created_at", not_null=True, default=SQL_NOW, uses=Use.MOMENT),
        _required("attempts", "INTEGER", "0"),
        _moment("next_attempt_at"),
        _moment("claimed_until"),
        _moment("delivered_at"),
        _text("error", default="''"),
    ),
)

EMAIL_OUTBOX = Table(
    "email_outbox",
    (
        _key("id"),
        _required("kind"),
        _integer("attendee_id"),
        # The address at the time the message was queued: it is where it went.
        _required("recipient", uses=_PERSONAL),
        _required("round", "INTEGER", "1"),
        _required("state", default="'queued'"),
        _required("attempts", "INTEGER", "0"),
        # The server's reply: the reason of a failure, the acceptance of a send.
        _required("reply", default="''"),
        _required("token"),
        _moment("created_at", required=True),
        _moment("updated_at", required=True),
        _moment("next_attempt_at"),
        _moment("sent_at"),
    ),
)

# Whether each attendee is in each session's room now: the log's answer,
# kept by a trigger on it (migration: _session_presence).
SESSION_PRESENCE = Table(
    "session_presence",
    (
        _required("session_id", "INTEGER"),
        _required("attendee_id", "INTEGER"),
        _required("inside", "INTEGER"),
    ),
)

TABLES = (
    EVENT,
    SESSIONS,
    BOOKINGS,
    ATTENDEES,
    CHECKINS,
    SETTINGS,
    PRINT_JOBS,
    SYNC_OUTBOX,
    SYNC_STATE,
    SYNC_CONFLICTS,
    CHECKIN_CHAIN,
    AUDIT_LOG,
    EVENT_IDENTITY,
    PIN_LOCKOUTS,
    OPERATORS,
    REPLACED_CODES,
    WEBHOOK_OUTBOX,
    EMAIL_OUTBOX,
    SESSION_PRESENCE,
)
# Keys of `sync_state` whose values are moments.
SYNC_STATE_MOMENTS = ("last_sync", "seen_hub_at")

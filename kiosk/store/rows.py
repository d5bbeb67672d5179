"""Converting between table rows and domain objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from kiosk.domain.models import (
    Attendee,
    AttendeeStatus,
    EmailFrom,
    EntryKind,
    Event,
    LogEntry,
    Session,
)
from kiosk.domain.text import fold
from kiosk.store.schema import ATTENDEES, CHECKINS, Use

# Moments are read and written here by many callers: re-exported.
from kiosk.store.timestamps import parse_utc as parse_utc
from kiosk.store.timestamps import utc_text as utc_text

# The attendee columns read into `Attendee`, in the order `attendee_from_tuple` takes them.
ATTENDEE_FIELDS = ATTENDEES.names(Use.ROW)
ATTENDEE_COLUMNS = ", ".join(ATTENDEE_FIELDS)
# The log columns read into `LogEntry`, in the order `entry_from_tuple` takes them.
ENTRY_FIELDS = CHECKINS.names(Use.ROW)
ENTRY_COLUMNS = ", ".join(ENTRY_FIELDS)


def parse_day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def event_from_row(row: Mapping[str, Any]) -> Event:
    return Event(
        name=row["name"],
        venue=row["venue"] or "",
        timezone=row["timezone"],
        first_day=parse_day(row["first_day"]),
        last_day=parse_day(row["last_day"]),
    )


def session_from_row(row: Mapping[str, Any]) -> Session:
    return Session(
        id=row["id"],
        title=row["title"],
        room=row["room"] or "",
        starts_at=parse_utc(row["starts_at"]),
        ends_at=parse_utc(row["ends_at"]),
        capacity=row["capacity"],
        key=row["key"] or "",
        open_to=split_categories(row["open_to"] or ""),
        booking_required=bool(row["booking_required"]),
        cancelled=bool(row["cancelled"]),
    )


def split_categories(text: str) -> tuple[str, ...]:
    """A session's `open_to` as stored ("fellow; guest") into its categories."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


def join_categories(categories: tuple[str, ...] | list[str]) -> str:
    return "; ".join(categories)


def attendee_from_tuple(row: tuple[Any, ...]) -> Attendee:
    """An attendee from the values of ATTENDEE_FIELDS; NULL text reads as ''."""
    fields: dict[str, Any] = {
        name: "" if value is None else value
        for name, value in zip(ATTENDEE_FIELDS, row, strict=True)
    }
    fields["status"] = AttendeeStatus(fields["status"])
    fields["email_from"] = EmailFrom(fields["email_from"])
    fields["notify"] = bool(fields["notify"])
    return Attendee(**fields)


def entry_from_tuple(row: tuple[Any, ...]) -> LogEntry:
    """A log entry from the values of ENTRY_FIELDS."""
    values = dict(zip(ENTRY_FIELDS, row, strict=True))
    return LogEntry(
        id=values["id"],
        attendee_id=values["attendee_id"],
        kind=EntryKind(values["kind"]),
        at=parse_utc(values["at"]),
        day=dt.date.fromisoformat(values["day"]),
        station=values["station"],
        operator=values["operator"] or "",
        session_id=values["session_id"],
        undoes=values["undoes"],
        reason=values["reason"] or "",
        offline=bool(values["offline"]),
        override=bool(values["override"]),
        entered_later=bool(values["entered_later"]),
    )


def entry_to_row(entry: LogEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "attendee_id": entry.attendee_id,
        "kind": entry.kind.value,
        "at": utc_text(entry.at),
        "day": entry.day.isoformat(),
        "station": entry.station,
        "operator": entry.operator,
        "session_id": entry.session_id,
        "undoes": entry.undoes,
        "reason": entry.reason,
        "offline": int(entry.offline),
        "override": int(entry.override),
        "entered_later": int(entry.entered_later),
    }


def search_keys(fields: Mapping[str, Any]) -> dict[str, str]:
    """The folded text that name search and the staff search run over."""
    name = fold(f"{fields.get('first_name') or ''} {fields.get('last_name') or ''}")
    # Credentials are found by their words ("msc"); pronouns are not search
    # words on purpose: "the" typed for Theo would list everyone who is they/them.
    rest = " ".join(
        str(fields.get(key) or "") for key in ("organisation", "email", "code", "credentials")
    )
    sort = fold(f"{fields.get('last_name') or ''} {fields.get('first_name') or ''}")
    return {
        "name_key": name,
        "search_key": f"{name} {fold(rest)}".strip(),
        "sort_key": sort,
    }

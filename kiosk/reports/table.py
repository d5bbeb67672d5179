"""The attendance table that CSV and XLSX exports share: columns and rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from kiosk.domain.cpd import CpdRule, cpd_hours
from kiosk.domain.models import Event, Session
from kiosk.reports.attendance import AttendanceRecord, attendance, cpd_rule, local_time
from kiosk.store import Store
from kiosk.store.conflicts import offline_conflicts

# The export columns, in order: the machine name (the CSV header, stable for
# scripts), the title people read (the XLSX header) and what each holds (the
# README lists these).
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("code", "Code", "the ticket code"),
    ("first_name", "First name", "first name"),
    ("last_name", "Last name", "last name"),
    ("organisation", "Organisation", "organisation"),
    ("job_title", "Job title", "job title"),
    ("pronouns", "Pronouns", "pronouns, as the attendee gave or corrected them"),
    ("credentials", "Post-nominals", "post-nominal credentials, e.g. RN, MSc"),
    ("email", "Email", "email address"),
    (
        "email_from",
        "Email from",
        "buyer when the email is the order's buyer's (the attendee gave none), else empty",
    ),
    ("category", "Category", "category or ticket type"),
    ("status", "Registration", "active or cancelled"),
    (
        "attended",
        "Attended",
        "yes if the registration is active and was admitted to the event or any "
        "session in the export's scope",
    ),
    ("first_check_in", "First check-in", "first admission, venue time (YYYY-MM-DD HH:MM)"),
    ("first_station", "First station", "the station of that first admission"),
    (
        "check_ins",
        "Check-ins by day",
        "each day's first admission, venue time, separated by '; '",
    ),
    ("days_attended", "Days attended", "number of event days with an admission"),
    (
        "sessions_attended",
        "Sessions attended",
        "titles of the sessions admitted to, separated by '; '",
    ),
    ("session_count", "Number of sessions", "number of sessions admitted to"),
    (
        "session_minutes",
        "Minutes in sessions",
        "minutes in the room in each session admitted to, in programme order, "
        "as 'Title: minutes; Title: minutes'",
    ),
    (
        "cpd_hours",
        "CPD hours",
        "CPD credit in hours (credited minutes over 60, two decimals at most; "
        "see the cpd settings)",
    ),
    (
        "conflicts",
        "Offline conflicts",
        "admissions made twice while stations were offline (scope, both stations and times),"
        " and rooms an offline door filled past capacity",
    ),
)
HEADER = [name for name, _, _ in COLUMNS]
TITLES = {name: title for name, title, _ in COLUMNS}


@dataclass(frozen=True)
class Scope:
    event: Event
    sessions: dict[int, Session]
    records: list[AttendanceRecord]
    conflicts: dict[str, list[str]] = field(default_factory=dict)  # by attendee code
    cpd: CpdRule | None = None  # the rule the records' credits were counted by


def load_scope(store: Store, day: dt.date | None, session_id: int | None) -> Scope:
    event = store.event()
    sessions = {session.id: session for session in store.sessions()}
    rule = cpd_rule(store)
    return Scope(
        event,
        sessions,
        attendance(store, sessions, rule, day=day, session_id=session_id),
        _conflicts(store, event),
        rule,
    )


def _conflicts(store: Store, event: Event) -> dict[str, list[str]]:
    """Offline double admissions (multi-station sync), described per attendee."""
    found: dict[str, list[str]] = {}
    for c in offline_conflicts(store):
        found.setdefault(c.attendee_code, []).append(
            f"{c.room_sentence()}: admitted at {c.other_station} {local_time(event, c.other_at)}"
            if c.over_capacity
            else f"{c.scope}: {c.kept_station} {local_time(event, c.kept_at)} and "
            f"{c.other_station} {local_time(event, c.other_at)}"
        )
    return found


def row_values(scope: Scope, record: AttendanceRecord) -> list[str | int | float]:
    attendee = record.attendee
    first = record.first_admission
    days = sorted(record.days.values(), key=lambda a: a.at)
    sessions = sorted(
        (scope.sessions[sid] for sid in record.sessions if sid in scope.sessions),
        key=lambda s: s.starts_at,
    )
    return [
        attendee.code,
        attendee.first_name,
        attendee.last_name,
        attendee.organisation,
        attendee.job_title,
        attendee.pronouns,
        attendee.credentials,
        attendee.email,
        attendee.email_from.value,
        attendee.category,
        attendee.status.value,
        "yes" if record.attended else "no",
        local_time(scope.event, first.at) if first else "",
        first.station if first else "",
        "; ".join(local_time(scope.event, a.at) for a in days),
        len(days),
        "; ".join(s.title for s in sessions),
        len(sessions),
        "; ".join(f"{c.session.title}: {c.minutes}" for c in record.session_credits),
        _hours_cell(cpd_hours(record.session_credits)),
        " | ".join(scope.conflicts.get(attendee.code, ())),
    ]


def _hours_cell(hours: float) -> int | float:
    """A number a spreadsheet sums: 3, not 3.0, for whole hours."""
    return int(hours) if hours.is_integer() else hours


def rows(scope: Scope) -> Iterator[list[str | int | float]]:
    for record in scope.records:
        yield row_values(scope, record)

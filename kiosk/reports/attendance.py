"""Who attended what, derived from the check-in log in one pass."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from kiosk.domain.models import Attendee, EntryKind, Event, LogEntry, Session
from kiosk.domain.rules import live_entries
from kiosk.store import Store


@dataclass(frozen=True, slots=True)
class Admission:
    """The first live admission of a day (event) or of a session."""

    at: dt.datetime
    station: str
    day: dt.date


@dataclass(slots=True)
class AttendanceRecord:
    attendee: Attendee
    days: dict[dt.date, Admission] = field(default_factory=dict)
    sessions: dict[int, Admission] = field(default_factory=dict)

    @property
    def attended(self) -> bool:
        return bool(self.days or self.sessions)

    @property
    def first_admission(self) -> Admission | None:
        admissions = [*self.days.values(), *self.sessions.values()]
        return min(admissions, key=lambda a: a.at) if admissions else None


def _first_admissions(
    entries: list[LogEntry],
) -> dict[tuple[int | None, dt.date | None], Admission]:
    """First live entry per scope: (None, day) for the event, (session, None)."""
    scopes: dict[tuple[int | None, dt.date | None], list[LogEntry]] = defaultdict(list)
    for entry in entries:
        key = (entry.session_id, None) if entry.session_id is not None else (None, entry.day)
        scopes[key].append(entry)
    firsts = {}
    for key, scope in scopes.items():
        for entry in live_entries(scope):
            if entry.kind is EntryKind.ENTRY:
                firsts[key] = Admission(entry.at, entry.station, entry.day)
                break
    return firsts


def attendance(
    store: Store, *, day: dt.date | None = None, session_id: int | None = None
) -> list[AttendanceRecord]:
    """One record per attendee, sorted by last name; `day` and `session_id`
    narrow which admissions count (the attendee list is always complete)."""
    by_attendee: dict[int, list[LogEntry]] = defaultdict(list)
    for entry in store.log_entries():
        by_attendee[entry.attendee_id].append(entry)
    records = []
    for attendee in store.attendees():
        record = AttendanceRecord(attendee)
        records.append(record)
        entries = by_attendee.get(attendee.id)
        if not entries:
            continue
        for (session, entry_day), admission in _first_admissions(entries).items():
            if day is not None and admission.day != day:
                continue
            if session is None:
                if session_id is None:
                    record.days[entry_day] = admission  # type: ignore[index]
            elif session_id is None or session == session_id:
                record.sessions[session] = admission
    return records


def local_time(event: Event, moment: dt.datetime) -> str:
    return moment.astimezone(event.zone).strftime("%Y-%m-%d %H:%M")


def session_hours(session: Session) -> float:
    return round((session.ends_at - session.starts_at).total_seconds() / 3600, 2)

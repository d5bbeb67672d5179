"""Who attended what, for the day's-end reports: one record per attendee.

The admissions come from `kiosk.store.attended`, the one definition of
"attended" that every count and report shares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kiosk.domain.models import Attendee, Event, Session
from kiosk.store import Store
from kiosk.store.attended import Admission, first_admissions


@dataclass(slots=True)
class AttendanceRecord:
    attendee: Attendee
    days: dict[dt.date, Admission] = field(default_factory=dict)
    sessions: dict[int, Admission] = field(default_factory=dict)

    @property
    def attended(self) -> bool:
        # Only admissions that count are ever filed here (none for a
        # cancelled registration), so any admission means attended.
        return bool(self.days or self.sessions)

    @property
    def first_admission(self) -> Admission | None:
        admissions = [*self.days.values(), *self.sessions.values()]
        return min(admissions, key=lambda a: a.at) if admissions else None


def attendance(
    store: Store, *, day: dt.date | None = None, session_id: int | None = None
) -> list[AttendanceRecord]:
    """One record per attendee, sorted by last name; `day` and `session_id`
    narrow which admissions count (the attendee list is always complete)."""
    records = {attendee.id: AttendanceRecord(attendee) for attendee in store.attendees()}
    for admission in first_admissions(store, day=day, session_id=session_id):
        record = records.get(admission.attendee_id)
        if record is None:
            continue
        if admission.session_id is None:
            record.days[admission.day] = admission
        else:
            record.sessions[admission.session_id] = admission
    return list(records.values())


def local_time(event: Event, moment: dt.datetime) -> str:
    return moment.astimezone(event.zone).strftime("%Y-%m-%d %H:%M")


def session_hours(session: Session) -> float:
    return round((session.ends_at - session.starts_at).total_seconds() / 3600, 2)

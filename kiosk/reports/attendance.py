"""Who attended what, for the day's-end reports: one record per attendee.

The admissions come from `kiosk.store.attended`, the one definition of
"attended" that every count and report shares. Each session admitted to also
gets its minutes in the room and CPD credit (`kiosk.domain.cpd`), worked out
from the session log read in one query, under the event's cpd.* settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kiosk.domain.cpd import CpdRule, SessionCredit, session_credit
from kiosk.domain.models import Attendee, Event, Session
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.attended import Admission, first_admissions
from kiosk.store.minutes import session_logs


@dataclass(slots=True)
class AttendanceRecord:
    attendee: Attendee
    days: dict[dt.date, Admission] = field(default_factory=dict)
    sessions: dict[int, Admission] = field(default_factory=dict)
    # Minutes in the room and credit, for each session in `sessions`.
    credits: dict[int, SessionCredit] = field(default_factory=dict)

    @property
    def attended(self) -> bool:
        # Only admissions that count are ever filed here (none for a
        # cancelled registration), so any admission means attended.
        return bool(self.days or self.sessions)

    @property
    def first_admission(self) -> Admission | None:
        admissions = [*self.days.values(), *self.sessions.values()]
        return min(admissions, key=lambda a: a.at) if admissions else None

    @property
    def session_credits(self) -> list[SessionCredit]:
        """Minutes and credit of each session attended, in programme order."""
        return sorted(self.credits.values(), key=lambda c: (c.session.starts_at, c.session.id))


def cpd_rule(store: Store) -> CpdRule:
    """The event's CPD rule, from its settings."""
    settings = Settings(store)
    return CpdRule(settings.get("cpd.minimum_share"), settings.get("cpd.rounding_minutes"))


def attendance(
    store: Store,
    sessions: dict[int, Session],
    rule: CpdRule,
    *,
    day: dt.date | None = None,
    session_id: int | None = None,
) -> list[AttendanceRecord]:
    """One record per attendee, sorted by last name; `day` and `session_id`
    narrow which admissions count (the attendee list is always complete).
    `sessions` is the programme by id, for the minutes in each room, and
    `rule` turns them into CPD credit."""
    records = {attendee.id: AttendanceRecord(attendee) for attendee in store.attendees()}
    for admission in first_admissions(store, day=day, session_id=session_id):
        record = records.get(admission.attendee_id)
        if record is None:
            continue
        if admission.session_id is None:
            record.days[admission.day] = admission
        else:
            record.sessions[admission.session_id] = admission
    _add_credits(store, records.values(), sessions, rule, session_id)
    return list(records.values())


def _add_credits(
    store: Store,
    records: Iterable[AttendanceRecord],
    sessions: dict[int, Session],
    rule: CpdRule,
    session_id: int | None,
) -> None:
    """Minutes and credit for every session admission, from one read of the log."""
    logs = session_logs(store, session_id)
    for record in records:
        for sid in record.sessions:
            session = sessions.get(sid)
            if session is not None:
                entries = logs.get((record.attendee.id, sid), [])
                record.credits[sid] = session_credit(entries, session, rule)


def local_time(event: Event, moment: dt.datetime) -> str:
    return moment.astimezone(event.zone).strftime("%Y-%m-%d %H:%M")

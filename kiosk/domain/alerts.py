"""Attention flags and arrival alerts: what a check-in tells the staff.

A flag is a short staff note on an attendee ("speaker: send to green room");
their check-in admits as usual, the kiosk sends them to the help desk without
saying why, and the desk sees the note. An attendee marked to notify raises
an arrival alert (who, where, when) on every console. Both also go out
as webhooks (kiosk.alerts).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from kiosk.domain.models import Attendee, LogEntry

# A flag is a short note for the desk, not a file: longer text is refused.
MAX_NOTE_LENGTH = 200


class NoteError(ValueError):
    """A flag note that cannot be used, in one sentence."""


class AlertKind(enum.StrEnum):
    # The attendee is flagged: the desk attends to them (the note says why).
    SEE_DESK = "see_desk"
    # The attendee is marked to notify: staff want to know they arrived.
    ARRIVAL = "arrival"


@dataclass(frozen=True, slots=True)
class Alert:
    """One thing a check-in tells the staff. `id` names it everywhere (the
    webhook's event id, the handled mark): the kind and the log entry's id."""

    kind: AlertKind
    entry_id: str
    attendee_id: int
    name: str
    station: str
    at: dt.datetime
    note: str = ""

    @property
    def id(self) -> str:
        return alert_id(self.kind, self.entry_id)


def alert_id(kind: AlertKind, entry_id: str) -> str:
    return f"{kind.value}:{entry_id}"


def clean_note(text: str) -> str:
    """A flag note as stored: one line, trimmed; NoteError when too long."""
    note = " ".join(text.split())
    if len(note) > MAX_NOTE_LENGTH:
        raise NoteError(
            f"A flag note is at most {MAX_NOTE_LENGTH} characters; this one has {len(note)}."
        )
    return note


def is_flagged(attendee: Attendee) -> bool:
    return bool(attendee.attention)


def raises_alerts(attendee: Attendee) -> bool:
    """Whether this attendee's check-in tells the staff anything."""
    return bool(attendee.attention) or attendee.notify


def alerts_for(attendee: Attendee, entry: LogEntry) -> list[Alert]:
    """What one admission of `attendee` tells the staff: a see-desk alert for a
    flag, an arrival alert for someone marked to notify, both, or nothing."""
    kinds = []
    if attendee.attention:
        kinds.append(AlertKind.SEE_DESK)
    if attendee.notify:
        kinds.append(AlertKind.ARRIVAL)
    return [
        Alert(
            kind,
            entry.id,
            attendee.id,
            attendee.full_name,
            entry.station,
            entry.at,
            attendee.attention,
        )
        for kind in kinds
    ]

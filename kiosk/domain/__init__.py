"""The check-in rules in plain Python: no Qt, no SQL."""

from kiosk.domain.models import (
    Attendee,
    AttendeeStatus,
    EntryKind,
    Event,
    LogEntry,
    Result,
    ScanResult,
    Session,
)
from kiosk.domain.rules import ScanRequest, decide

__all__ = [
    "Attendee",
    "AttendeeStatus",
    "EntryKind",
    "Event",
    "LogEntry",
    "Result",
    "ScanRequest",
    "ScanResult",
    "Session",
    "decide",
]

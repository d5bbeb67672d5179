"""Counts over the roster itself (who is registered, not who came)."""

from __future__ import annotations

from kiosk.domain.models import AttendeeStatus
from kiosk.store.store import Store


def status_counts(store: Store) -> dict[AttendeeStatus, int]:
    """How many registrations are active and how many cancelled."""
    counts = dict.fromkeys(AttendeeStatus, 0)
    for status, count in store.conn.execute(
        "SELECT status, count(*) FROM attendees GROUP BY status"
    ):
        counts[AttendeeStatus(status)] += count
    return counts

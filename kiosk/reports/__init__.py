"""Attendance: counts, exports, registers, certificates and invitations.

Everything here is derived from the check-in log; nothing is stored twice.
"""

from __future__ import annotations

from typing import Any

from kiosk.store import Store
from kiosk.store.attended import attended_ids


def attendance_counts(store: Store) -> dict[str, Any]:
    """Expected (active), checked in (attended the event, on any day or in any
    session: `kiosk.store.attended`), cancelled, and the first two by category."""
    admitted = attended_ids(store)
    expected = 0
    cancelled = 0
    by_category: dict[str, dict[str, int]] = {}
    for attendee_id, category, status in store.conn.execute(
        "SELECT id, category, status FROM attendees"
    ):
        if status == "cancelled":
            cancelled += 1
            continue
        expected += 1
        row = by_category.setdefault(category or "(none)", {"expected": 0, "checked_in": 0})
        row["expected"] += 1
        if attendee_id in admitted:
            row["checked_in"] += 1
    return {
        "expected": expected,
        "checked_in": sum(row["checked_in"] for row in by_category.values()),
        "cancelled": cancelled,
        "by_category": dict(sorted(by_category.items())),
    }

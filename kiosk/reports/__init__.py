"""Attendance: counts, exports, registers, certificates and invitations.

Everything here is derived from the check-in log; nothing is stored twice.
"""

from __future__ import annotations

from typing import Any

from kiosk.domain.models import AttendeeStatus
from kiosk.store import Store
from kiosk.store.overview import category_counts
from kiosk.store.roster import status_counts


def attendance_counts(store: Store) -> dict[str, Any]:
    """Expected (active), checked in (attended the event, on any day or in any
    session: the `attended` view), cancelled, and the first two by category."""
    by_category = {
        count.category or "(none)": {"expected": count.expected, "checked_in": count.checked_in}
        for count in category_counts(store)
    }
    return {
        "expected": sum(row["expected"] for row in by_category.values()),
        "checked_in": sum(row["checked_in"] for row in by_category.values()),
        "cancelled": status_counts(store)[AttendeeStatus.CANCELLED],
        "by_category": dict(sorted(by_category.items())),
    }

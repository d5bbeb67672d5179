"""The event the report tests share."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
DAY = dt.date(2026, 3, 10)

PEOPLE = [
    # first, last, organisation, category, attends event, sessions attended
    ("Amara", "Okonkwo", "Chelsea and Westminster", "Speaker", True, ["Keynote", "Breakout A"]),
    ("محمد", "العلي", "Ealing Community Partners", "Patient & Public Partner", True, ["Keynote"]),
    ("伟", "王", "Imperial College London", "Delegate", True, []),
    ("Γιώργος", "Παπαδόπουλος", "", "Delegate", False, ["Breakout A"]),
    ("प्रिया", "शर्मा", "West London NHS Trust", "Delegate", True, ["Breakout A"]),
    ('=HYPERLINK("http://x","y")', "+Evil", "@SUM(A1)", "-Delegate", True, []),
    ("Noshow", "Person", "Nowhere", "Delegate", False, []),
    ("Cancelled", "Person", "Nowhere", "Delegate", False, []),
]


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute), LONDON)

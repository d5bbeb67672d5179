"""A check-in as it travels between a station and the hub.

It carries the log's columns (kiosk.store.schema CHECKINS) with one change:
the attendee is named by code, since attendee ids differ between files. The
keys are those of the JSON that stations already queue, so they stay fixed.
"""

from __future__ import annotations

from typing import Any

from kiosk.store.schema import CHECKINS, Use

ENTRY_KEYS: tuple[str, ...] = tuple(
    "code" if name == "attendee_id" else name for name in CHECKINS.names(Use.ROW)
)
# Keys an older station may leave out, and what they mean then.
_MISSING = {
    "session_id": None,
    "undoes": None,
    "operator": "",
    "reason": "",
    "offline": False,
    "override": False,
    "entered_later": False,
}
_FLAGS = ("offline", "override", "entered_later")


def entry_values(entry: dict[str, Any], attendee: Any) -> list[Any]:
    """The values of a received check-in in ENTRY_KEYS order, its attendee
    replaced by `attendee` (the receiver's id, or the hub's code)."""
    values = []
    for key in ENTRY_KEYS:
        if key == "code":
            values.append(attendee)
        elif key in _MISSING:
            values.append(entry.get(key) or _MISSING[key])
        else:
            values.append(entry[key])
    for flag in _FLAGS:
        values[ENTRY_KEYS.index(flag)] = bool(values[ENTRY_KEYS.index(flag)])
    return values


def entry_columns(attendee_column: str) -> str:
    """The column list of a log table whose attendee column is `attendee_column`."""
    return ", ".join(attendee_column if key == "code" else key for key in ENTRY_KEYS)

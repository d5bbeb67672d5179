"""Lengths written with units ("4in", "101.6mm", "72pt") turned into millimetres."""

from __future__ import annotations

import re

MM_PER = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, "pc": 25.4 / 6}
_LENGTH = re.compile(
    r"^\s*(-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE]-?[0-9]+)?)\s*(mm|cm|in|pt|pc)?\s*$"
)
PT_PER_MM = 72 / 25.4


def to_mm(value: object, default_unit: str = "mm") -> float:
    """A number (taken in `default_unit`) or a string with a unit, in millimetres.

    Raises ValueError for anything else.
    """
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a length")
    if isinstance(value, int | float):
        return float(value) * MM_PER[default_unit]
    if isinstance(value, str):
        match = _LENGTH.match(value)
        if match:
            return float(match.group(1)) * MM_PER[match.group(2) or default_unit]
    raise ValueError(f"{value!r} is not a length like 12.5, '4in' or '72pt'")

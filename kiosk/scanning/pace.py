"""The pace of the scanner in use, learned from the scans it has typed.

Plain Python (no Qt): the wedge filter feeds it the key gaps of every burst it
accepted as a scan and asks it two things back: how slow a gap this scanner
may leave between keys, and whether it ends its codes with Enter (or Tab).
"""

from __future__ import annotations

from collections import deque

# No scanner is learned slower than this: a code typed by hand at the welcome
# screen (accepted, since nobody can be typing into anything there) must not
# teach the wedge that people's typing is a scanner's.
SLOWEST_SCANNER_GAP_MS = 120.0
# A learned scanner may be this much slower than the slowest gap it was seen to
# leave: USB polling and Bluetooth radio add jitter from scan to scan.
MARGIN = 1.3
# How many recent scans the pace is taken from: enough to ride out one odd
# scan, few enough to follow a scanner swapped during the day.
REMEMBERED = 3


class ScannerPace:
    """What the last few accepted scans said about the scanner in use."""

    def __init__(self) -> None:
        self._slowest: deque[float] = deque(maxlen=REMEMBERED)
        self._ended_with_enter: deque[bool] = deque(maxlen=REMEMBERED)

    def record(self, gaps: list[float], ended_with_enter: bool) -> None:
        """One accepted scan: its gaps between keys (ms) and how it ended."""
        slowest = max(gaps, default=0.0)
        if slowest > SLOWEST_SCANNER_GAP_MS:
            return  # typed by hand: says nothing about the scanner
        self._slowest.append(slowest)
        self._ended_with_enter.append(ended_with_enter)

    def ceiling_ms(self) -> float | None:
        """The slowest gap this scanner's keys may leave, or None before any scan."""
        if not self._slowest:
            return None
        return min(SLOWEST_SCANNER_GAP_MS, max(self._slowest) * MARGIN)

    def sends_enter(self) -> bool | None:
        """True when its recent scans all ended with Enter, False when none
        did, None when unknown (no scan yet, or a mix: two scanners)."""
        if not self._ended_with_enter:
            return None
        if all(self._ended_with_enter):
            return True
        if not any(self._ended_with_enter):
            return False
        return None

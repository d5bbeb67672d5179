"""The learned pace of the scanner in use (plain Python, no Qt)."""

from __future__ import annotations

from kiosk.scanning.pace import MARGIN, SLOWEST_SCANNER_GAP_MS, ScannerPace


def test_nothing_is_known_before_a_scan() -> None:
    pace = ScannerPace()
    assert pace.ceiling_ms() is None and pace.sends_enter() is None


def test_the_ceiling_follows_the_slowest_recent_gap_with_a_margin() -> None:
    pace = ScannerPace()
    pace.record([8, 9, 30, 12], ended_with_enter=True)
    assert pace.ceiling_ms() == 30 * MARGIN
    pace.record([80, 85, 70], ended_with_enter=True)
    assert pace.ceiling_ms() == min(SLOWEST_SCANNER_GAP_MS, 85 * MARGIN)
    for _ in range(3):  # the slow scanner replaced by a fast one
        pace.record([5, 6, 5], ended_with_enter=True)
    assert pace.ceiling_ms() == 6 * MARGIN


def test_a_code_typed_by_hand_teaches_nothing() -> None:
    pace = ScannerPace()
    pace.record([300, 250, 410], ended_with_enter=True)
    assert pace.ceiling_ms() is None and pace.sends_enter() is None


def test_the_enter_habit_is_known_only_when_recent_scans_agree() -> None:
    pace = ScannerPace()
    pace.record([10], ended_with_enter=False)
    assert pace.sends_enter() is False
    pace.record([10], ended_with_enter=True)
    assert pace.sends_enter() is None  # two scanners, or one that changed
    pace.record([10], ended_with_enter=True)
    pace.record([10], ended_with_enter=True)
    assert pace.sends_enter() is True

"""Fixtures of the fault-injection suite (helpers live in fault_helpers)."""

from fault_helpers import bind_mount, small_disk, stations

__all__ = ["bind_mount", "small_disk", "stations"]

"""Percentiles and result rows shared by the benchmarks."""

from __future__ import annotations

import statistics
from typing import Any


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timing_row(name: str, samples_s: list[float], target: str, unit: str = "ms") -> dict[str, Any]:
    scale = 1000.0 if unit == "ms" else 1.0
    return {
        "name": name,
        "p50": statistics.median(samples_s) * scale,
        "p99": percentile(samples_s, 0.99) * scale,
        "target": target,
        "unit": unit,
        "n": len(samples_s),
    }


def value_row(name: str, value: float, target: str, unit: str) -> dict[str, Any]:
    return {"name": name, "value": value, "target": target, "unit": unit}


def floor_row(
    name: str,
    value: float,
    floor: float,
    target: str,
    ratio_target: str,
    unit: str,
    *,
    floor_name: str,
    p50: bool = False,
) -> dict[str, Any]:
    """A figure beside its floor measured in the same run, and their ratio.

    `value` and `floor` are seconds (shown in `unit`); with `p50`, they are
    medians and shown in the p50 column.
    """
    scale = 1000.0 if unit == "ms" else 1.0
    row: dict[str, Any] = {
        "name": name,
        "floor": floor * scale,
        "floor_name": floor_name,
        "ratio": value / floor if floor else float("nan"),
        "ratio_target": ratio_target,
        "target": target,
        "unit": unit,
    }
    row["p50" if p50 else "value"] = value * scale
    return row

"""Run every benchmark and print one table with each figure beside its target.

.venv/bin/kiosk bench [--attendees 100000] [--only core,import] [--markdown]
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import os
import platform
from typing import Any

MODULES = {
    "import": "benchmarks.bench_import",
    "core": "benchmarks.bench_core",
    "reports": "benchmarks.bench_reports",
    "console": "benchmarks.bench_console",
    "badges": "benchmarks.bench_badges",
    "print": "benchmarks.bench_print",
    "ui": "benchmarks.bench_ui",
    "sync": "benchmarks.bench_sync",
    "package": "benchmarks.bench_package",
    "alerts": "benchmarks.bench_alerts",
    "email": "benchmarks.bench_email",
    "programme": "benchmarks.bench_programme",
    "room-switch": "benchmarks.bench_room_switch",
}


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {cpu_model()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _number(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def format_rows(rows: list[dict[str, Any]], markdown: bool = True) -> str:
    header = ["benchmark", "p50", "p95 / p99 / value", "floor, same run", "× floor", "target"]
    lines = []
    for row in rows:
        unit = row.get("unit", "")
        p50 = f"{_number(row['p50'])} {unit}" if "p50" in row else ""
        if "value" in row:
            tail = f"{_number(row['value'])} {unit}"
        elif "p99" in row:
            tail = f"p99 {_number(row['p99'])} {unit}"
        elif "p95" in row:
            tail = f"p95 {_number(row['p95'])} {unit}"
        else:
            tail = ""
        lines.append([row["name"], p50, tail, *_floor_cells(row), str(row.get("target", ""))])
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(str(x)) for x in column) for column in zip(header, *lines, strict=False)]
    return "\n".join(
        "  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=False))
        for line in [header, *lines]
    )


def _floor_cells(row: dict[str, Any]) -> list[str]:
    """The floor measured in the same run (what it is), and the ratio beside its target."""
    if "floor" not in row:
        return ["", ""]
    floor = f"{_number(row['floor'])} {row.get('unit', '')} ({row['floor_name']})"
    target = f" ({row['ratio_target']})" if row.get("ratio_target") else ""
    return [floor, f"{row['ratio']:.2f}×{target}"]


def report(names: list[str], attendees: int, markdown: bool = True) -> str:
    rows: list[dict[str, Any]] = []
    for key in names:
        try:
            module = importlib.import_module(MODULES[key])
        except ModuleNotFoundError as error:
            rows.append({"name": f"{key}: not available ({error.name})", "target": ""})
            continue
        accepts = inspect.signature(module.run).parameters
        kwargs = {"attendees": attendees} if "attendees" in accepts else {}
        rows.extend(module.run(**kwargs))
    stamp = f"Measured {dt.date.today().isoformat()} on {machine()}."
    return f"{stamp}\n\n{format_rows(rows, markdown)}"


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=100_000)
    parser.add_argument("--only", default=",".join(MODULES))
    args = parser.parse_args()
    print(report(args.only.split(","), args.attendees))

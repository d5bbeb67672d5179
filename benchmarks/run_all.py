"""Run every benchmark and print one table with each figure beside its target.

.venv/bin/python -m benchmarks.run_all [--attendees 100000] [--only core,import]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import os
import platform
from typing import Any

from benchmarks.bench_core import format_rows

MODULES = {
    "import": "benchmarks.bench_import",
    "core": "benchmarks.bench_core",
    "badges": "benchmarks.bench_badges",
    "print": "benchmarks.bench_print",
    "ui": "benchmarks.bench_ui",
}


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=100_000)
    parser.add_argument("--only", default=",".join(MODULES))
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for key in args.only.split(","):
        module = importlib.import_module(MODULES[key])
        accepts = inspect.signature(module.run).parameters
        kwargs = {"attendees": args.attendees} if "attendees" in accepts else {}
        rows.extend(module.run(**kwargs))
    print(f"Measured {dt.date.today().isoformat()} on {machine()}\n")
    print(format_rows(rows))


if __name__ == "__main__":
    main()

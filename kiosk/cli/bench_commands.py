"""`kiosk bench`: every benchmark in one table, each figure beside its target."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli.common import UserError

# The benchmarks live beside the package in a source checkout, not in the
# installed package: they generate large rosters and are for developers.
CHECKOUT = Path(__file__).resolve().parents[2]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bench = subparsers.add_parser("bench", help="run the benchmarks and print the figures")
    bench.add_argument("--attendees", type=int, default=100_000, metavar="N")
    bench.add_argument("--markdown", action="store_true", help="print a Markdown table")
    bench.add_argument(
        "--only",
        metavar="NAMES",
        help="comma-separated: import,core,reports,console,badges,print,ui,sync,package,"
        "alerts,email,room-switch,programme",
    )
    bench.set_defaults(handler=run_bench)


def run_bench(args: argparse.Namespace) -> int:
    if not (CHECKOUT / "benchmarks" / "run_all.py").is_file():
        raise UserError("The benchmarks come with the source checkout; run this from there.")
    if str(CHECKOUT) not in sys.path:
        sys.path.insert(0, str(CHECKOUT))
    from benchmarks.run_all import MODULES, report

    names = args.only.split(",") if args.only else list(MODULES)
    unknown = [name for name in names if name not in MODULES]
    if unknown:
        raise UserError(f"Unknown benchmark {unknown[0]!r}; choose from {', '.join(MODULES)}.")
    print(report(names, args.attendees, markdown=args.markdown))
    return 0

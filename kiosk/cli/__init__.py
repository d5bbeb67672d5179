"""The `kiosk` command: thin wrappers over the layers below.

Each module in COMMAND_MODULES adds its subcommands with `register(subparsers)`;
a subcommand's handler takes the parsed arguments and returns an exit status.
Errors a user can cause raise `UserError` and become one sentence and exit 2.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.cli.common import UserError
from kiosk.logs import setup_logging
from kiosk.store import StoreError

COMMAND_MODULES = (
    "kiosk.cli.event_commands",
    "kiosk.cli.import_commands",
    "kiosk.cli.badge_commands",
    "kiosk.cli.print_commands",
    "kiosk.cli.run_commands",
    "kiosk.cli.report_commands",
    "kiosk.cli.desk_commands",
    "kiosk.cli.ops_commands",
    "kiosk.cli.config_commands",
    "kiosk.cli.setup_commands",
    "kiosk.cli.bench_commands",
    "kiosk.cli.server_commands",
)

log = logging.getLogger("kiosk.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="On-site event check-in: roster, scanning and name badges."
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue  # a command group not built yet
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(verbose=args.verbose)
    try:
        return int(args.handler(args) or 0)
    except (UserError, StoreError) as error:
        log.info("user error in %s: %s", args.command, error)
        print(f"kiosk: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0

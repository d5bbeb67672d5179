"""The `kiosk` command: thin wrappers over the layers below.

Each module in COMMAND_MODULES adds its subcommands with `register(subparsers)`;
a subcommand's handler takes the parsed arguments and returns an exit status.
Errors a user can cause raise `UserError`; they and the environment's faults
become one sentence and exit 2, and anything else is a bug logged with its
traceback (`kiosk.cli.failures`): no traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import importlib
import logging
from collections.abc import Sequence

from kiosk import __version__
from kiosk.cli.failures import report
from kiosk.logs import setup_logging

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
    "kiosk.cli.autostart_commands",
    "kiosk.cli.lost_badge_commands",
    "kiosk.cli.operator_commands",
    "kiosk.cli.alert_commands",
    "kiosk.cli.email_commands",
    "kiosk.cli.programme_commands",
    "kiosk.cli.admit_commands",
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
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    log_file = setup_logging(verbose=args.verbose)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the one handler: a sentence, or an apology for a bug
        return report(error, args, log_file)

"""`kiosk install-autostart`: start the kiosk full screen at login."""

from __future__ import annotations

import argparse

from kiosk import autostart
from kiosk.cli.common import UserError, add_db_argument, db_path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "install-autostart", help="start the kiosk full screen when this user logs in"
    )
    add_db_argument(command)
    command.add_argument("--station", metavar="NAME", help="station name in the log")
    command.add_argument("--remove", action="store_true", help="stop starting it at login")
    command.set_defaults(handler=run_install_autostart)


def run_install_autostart(args: argparse.Namespace) -> int:
    if args.remove:
        print(autostart.remove().message)
        return 0
    path = db_path(args)
    if not path.is_file():
        raise UserError(f"There is no event database at {path}; create it first (kiosk setup).")
    print(autostart.install(path, args.station).message)
    return 0

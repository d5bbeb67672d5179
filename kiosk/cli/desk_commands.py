"""`kiosk desk`: the help-desk console and live overview in a window."""

from __future__ import annotations

import argparse

from kiosk.cli.common import add_db_argument, db_path
from kiosk.operations import check_event_file
from kiosk.store.live import register as register_live


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    desk = subparsers.add_parser("desk", help="open the help-desk console and live overview")
    add_db_argument(desk)
    desk.add_argument("--station", default="help-desk", metavar="NAME")
    desk.add_argument("--operator", default="", metavar="NAME", help="who is at the desk")
    desk.add_argument("--smoke", action="store_true", help="open, draw once and exit")
    desk.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.ui.console.window import run_desk

    path = db_path(args)
    check_event_file(path)  # a missing, foreign or damaged file is a one-sentence error
    live = register_live(path, args.station, "kiosk desk")  # a restore refuses while we run
    try:
        return run_desk(path, args.station, args.operator, smoke=args.smoke)
    finally:
        if live is not None:
            live.close()

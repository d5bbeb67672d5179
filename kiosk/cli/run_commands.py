"""`kiosk run` (the self-service kiosk) and `kiosk set-pin` (its staff PIN)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from kiosk.cli.common import UserError, add_db_argument, db_path, open_store
from kiosk.cli.door import add_door_arguments, fixed_session, room_named
from kiosk.operations import damaged_event_file
from kiosk.store import Store
from kiosk.store.private import read_private
from kiosk.sync.connection import SERVER_ENV, SERVER_SETTING, SyncSetupError, resolve_server


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser("run", help="start the self-service check-in kiosk")
    add_db_argument(run)
    run.add_argument("--station", default=None, metavar="NAME", help="station name in the log")
    run.add_argument(
        "--server", metavar="URL", help="join this hub (default: $KIOSK_SERVER, station setting)"
    )
    add_door_arguments(run, session_help="a door station for this one session")
    run.add_argument("--windowed", action="store_true", help="a normal window, not locked")
    run.add_argument(
        "--print-only",
        action="store_true",
        help="print the badge for each scan and admit nobody (a badge desk)",
    )
    run.add_argument(
        "--smoke", action="store_true", help="paint the welcome screen once and exit (for CI)"
    )
    run.set_defaults(handler=run_kiosk_command)

    pin = subparsers.add_parser("set-pin", help="set the kiosk's staff PIN (4 to 8 digits)")
    add_db_argument(pin)
    pin.add_argument(
        "--stdin", action="store_true", help="read the PIN from standard input, not a prompt"
    )
    pin.add_argument("--clear", action="store_true", help="remove the PIN (kiosk not locked)")
    pin.set_defaults(handler=run_set_pin)


def run_kiosk_command(args: argparse.Namespace) -> int:
    path = db_path(args)
    # A damaged file opens the recovery screen; other faults are one sentence here.
    damaged = damaged_event_file(path) if path.exists() else None
    server = _server(args, path, readable=damaged is None)
    if not path.exists() and server is None:
        raise UserError(f"There is no event database at {path}; create one with 'kiosk init'.")
    room = _door(args, path) if damaged is None else (args.room or "")
    if args.smoke and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        # CI machines have no display: paint into memory instead.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.ui.app import run_kiosk

    existed = path.exists()
    try:
        return run_kiosk(
            path,
            station_name=args.station,
            windowed=args.windowed,
            smoke=args.smoke,
            server=server,
            damaged=damaged,
            print_only=args.print_only,
            room=room,
            session_id=args.session,
        )
    except SyncSetupError as error:
        # Refused or unreachable before the first copy: leave no empty file.
        if not existed:
            from kiosk.store.purge import delete_event_file

            delete_event_file(path)
        raise UserError(str(error)) from None


def _door(args: argparse.Namespace, path: Path) -> str:
    """--room as the programme spells it, after checking it (and --session)
    in the event file; one sentence and exit 2 for one it does not have. A
    station joining a hub for the first time has no file to check yet."""
    if not (args.room or args.session is not None) or not path.exists():
        return args.room or ""
    store = Store.open(path)
    try:
        fixed_session(store, args.session)
        return room_named(store, args.room) if args.room else ""
    finally:
        store.close()


def _server(args: argparse.Namespace, path: Path, *, readable: bool = True) -> str | None:
    """--server, then $KIOSK_SERVER, then the station's `sync.server` setting."""
    setting = None
    if path.exists() and not (args.server or os.environ.get(SERVER_ENV)):
        if not readable:
            # Kept beside the event file, not in it: damage does not hide it.
            setting = read_private(path).get(SERVER_SETTING)
        else:
            store = Store.open(path)
            try:
                setting = store.setting(SERVER_SETTING)
            finally:
                store.close()
    return resolve_server(args.server, setting)


def run_set_pin(args: argparse.Namespace) -> int:
    from kiosk.settings import Settings
    from kiosk.ui.pin import hash_pin

    store = open_store(args)
    settings = Settings(store)
    if args.clear:
        settings.set("kiosk.pin_hash", "")
        print("Staff PIN removed: the kiosk is not locked.")
        return 0
    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New staff PIN: ")
        if getpass.getpass("Same PIN again: ") != pin:
            raise UserError("The two PINs differ; nothing was changed.")
    try:
        settings.set("kiosk.pin_hash", hash_pin(pin))
    except ValueError as error:
        raise UserError(str(error)) from None
    print("Staff PIN set.")
    return 0

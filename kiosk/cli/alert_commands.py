"""Attention flags and arrival alerts: `kiosk flag` and `kiosk alerts`."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from typing import Any

from kiosk.cli.common import (
    UserError,
    add_db_argument,
    add_operator_argument,
    open_store,
    operator_name,
)
from kiosk.domain.alerts import Alert, NoteError, clean_note
from kiosk.domain.codes import clean_scan
from kiosk.store.alerts import arrivals_after, set_flag
from kiosk.store.timestamps import utc_text

FOLLOW_POLL_S = 0.5


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    flag = subparsers.add_parser(
        "flag", help="set or clear a staff note that sends an attendee to the help desk"
    )
    flag.add_argument("code", metavar="CODE")
    add_db_argument(flag)
    note = flag.add_mutually_exclusive_group()
    note.add_argument("--note", metavar="TEXT", help="the note the desk sees (never the kiosk)")
    note.add_argument("--clear", action="store_true", help="remove the note")
    notify = flag.add_mutually_exclusive_group()
    notify.add_argument(
        "--notify", action="store_true", default=None, help="alert every console on arrival"
    )
    notify.add_argument("--no-notify", dest="notify", action="store_false")
    flag.add_argument("--station", default="cli", metavar="NAME")
    add_operator_argument(flag)
    flag.set_defaults(handler=run_flag)

    alerts = subparsers.add_parser(
        "alerts", help="arrivals of attendees marked to notify, one line each"
    )
    add_db_argument(alerts)
    alerts.add_argument("--follow", action="store_true", help="keep printing new arrivals")
    alerts.add_argument("--json", action="store_true", help="one JSON object per line")
    alerts.set_defaults(handler=run_alerts)


def run_flag(args: argparse.Namespace) -> int:
    if args.note is None and not args.clear and args.notify is None:
        raise UserError("Say what to change: --note TEXT, --clear, --notify or --no-notify.")
    try:
        note = "" if args.clear else (clean_note(args.note) if args.note is not None else None)
    except NoteError as error:
        raise UserError(str(error)) from None
    if note == "" and not args.clear:
        raise UserError("A flag note cannot be empty; use --clear to remove one.")
    store = open_store(args)
    code = clean_scan(args.code)
    attendee = store.attendee_by_code(code) if code else None
    if attendee is None:
        raise UserError("No attendee has that code.")
    set_flag(
        store,
        attendee.id,
        note=note,
        notify=args.notify,
        station=args.station,
        # With volunteer accounts, one of them; without, whoever runs the command.
        operator=operator_name(store, args.operator) or getpass.getuser(),
    )
    flagged = store.attendee(attendee.id)
    assert flagged is not None
    state = f"flagged: {flagged.attention}" if flagged.attention else "not flagged"
    notify = "alerts on arrival" if flagged.notify else "no arrival alert"
    print(f"Attendee {flagged.id}: {state}; {notify}.")
    return 0


def alert_json(alert: Alert) -> dict[str, Any]:
    return {
        "id": alert.id,
        "attendee_id": alert.attendee_id,
        "name": alert.name,
        "station": alert.station,
        "at": utc_text(alert.at),
    }


def _line(alert: Alert, as_json: bool) -> str:
    if as_json:
        return json.dumps(alert_json(alert), ensure_ascii=False)
    return f"{utc_text(alert.at)}  {alert.name} arrived at {alert.station}"


def run_alerts(args: argparse.Namespace) -> int:
    store = open_store(args)
    last_seq = 0
    while True:
        for seq, alert in arrivals_after(store, last_seq):
            sys.stdout.write(_line(alert, args.json) + "\n")
            last_seq = seq
        sys.stdout.flush()
        if not args.follow:
            return 0
        # Ended with Ctrl-C (exit 130, no traceback: kiosk.cli.main).
        time.sleep(FOLLOW_POLL_S)

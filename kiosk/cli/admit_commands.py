"""`kiosk admit`: a supervisor lets one person in, past a session's door rules
if need be (--override), with the reason logged and audited."""

from __future__ import annotations

import argparse
import json

from kiosk.checkin import Station
from kiosk.cli.common import (
    UserError,
    add_db_argument,
    add_operator_argument,
    open_store,
    operator_name,
)
from kiosk.cli.door import add_door_arguments, fixed_session, room_named, sentence, session_json
from kiosk.cli.event_commands import scan_json, synced_station
from kiosk.domain.models import Result
from kiosk.domain.roles import StaffAction, may, minimum_role
from kiosk.store import Store
from kiosk.store.operators import has_operators, operator_named


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    admit = subparsers.add_parser(
        "admit",
        help="let one person in at a session's door; with --override, past a full room or "
        "a session not open to their ticket (a supervisor's, with a reason)",
        description="Exit status 0 when the person is in (admitted now or already inside), "
        "1 when refused.",
    )
    admit.add_argument("code", metavar="CODE")
    add_db_argument(admit)
    add_door_arguments(admit, session_help="admit to this session")
    admit.add_argument(
        "--override",
        action="store_true",
        help="admit past the session's rules (not eligible, full); every other rule holds",
    )
    admit.add_argument("--reason", default="", metavar="TEXT", help="why (needed with --override)")
    admit.add_argument("--station", default="cli", metavar="NAME")
    admit.add_argument(
        "--server",
        metavar="URL",
        help="decide at this hub (default: $KIOSK_SERVER, station setting)",
    )
    add_operator_argument(admit)
    admit.add_argument("--json", action="store_true", help="print the result as JSON")
    admit.set_defaults(handler=run_admit)


def _supervisor(store: Store, typed: str) -> str:
    """The operator, held to a role that may override when the event has
    volunteer accounts."""
    name = operator_name(store, typed)
    if has_operators(store):
        account = operator_named(store, name)
        assert account is not None  # operator_name found it
        if not may(account.role, StaffAction.CAPACITY_OVERRIDE):
            role = minimum_role(StaffAction.CAPACITY_OVERRIDE).value
            raise UserError(f"Only a {role} may admit past a session's rules; {name} may not.")
    return name


def run_admit(args: argparse.Namespace) -> int:
    reason = " ".join(args.reason.split())
    if args.override and not reason:
        raise UserError("--override needs a reason: say why with --reason TEXT.")
    if reason and not args.override:
        raise UserError("--reason goes with --override.")
    if args.override and args.session is None and args.room is None:
        raise UserError(
            "--override admits past a session's rules: give --session ID or --room NAME."
        )
    # Joined to a hub, the hub decides (a room's seats count every door).
    synced = synced_station(args)
    station = synced if synced is not None else Station(open_store(args), name=args.station)
    try:
        return _admit(station, args, reason)
    finally:
        if synced is not None:
            synced.close()  # type: ignore[attr-defined]  # a SyncedStation: last upload


def _admit(station: Station, args: argparse.Namespace, reason: str) -> int:
    store = station.store
    if args.override:
        station.operator = _supervisor(store, args.operator)
    else:
        station.operator = operator_name(store, args.operator)
    station.session = fixed_session(store, args.session)
    if args.room is not None:
        station.room = room_named(store, args.room)
    result = station.admit_override(args.code, reason) if args.override else station.scan(args.code)
    session = session_json(store, result.session_id, None)
    if args.json:
        record = scan_json(result, station.name, session)
        if station.room:
            record["room"] = station.room
        record["override"] = bool(result.appended and result.appended.override)
        print(json.dumps(record, ensure_ascii=False))
    else:
        print(sentence(result, session, station.room))
    return 0 if result.result in (Result.CHECKED_IN, Result.ALREADY_CHECKED_IN) else 1

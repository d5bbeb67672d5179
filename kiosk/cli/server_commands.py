"""Hub commands: publish an event to PostgreSQL, sync once, list conflicts."""

from __future__ import annotations

import argparse
import dataclasses
import json

from kiosk.cli.common import UserError, add_db_argument, db_path, open_store
from kiosk.store import Store
from kiosk.store.conflicts import OVER_CAPACITY, room_sentence


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    server = subparsers.add_parser("server", help="share the event with other stations")
    commands = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)

    init = commands.add_parser("init", help="publish this event to an empty PostgreSQL database")
    init.add_argument("url", metavar="URL", help="libpq connection string of the hub")
    add_db_argument(init)
    init.add_argument("--station", default="desk", metavar="NAME")
    init.set_defaults(handler=run_init)

    join = commands.add_parser("join", help="copy the event from the hub into a station file")
    join.add_argument("url", metavar="URL", help="libpq connection string of the hub")
    add_db_argument(join)
    join.add_argument("--station", default="station", metavar="NAME")
    join.add_argument(
        "--remember",
        action="store_true",
        help="keep URL in the station's settings (the file is readable by its owner only)",
    )
    join.set_defaults(handler=run_join)

    sync = commands.add_parser("sync", help="upload and download changes once, then stop")
    sync.add_argument("--server", metavar="URL", help="hub (default: $KIOSK_SERVER, setting)")
    add_db_argument(sync)
    sync.add_argument("--station", default=None, metavar="NAME")
    sync.add_argument("--json", action="store_true", help="print the sync status as JSON")
    sync.set_defaults(handler=run_sync)

    conflicts = commands.add_parser(
        "conflicts",
        help="tickets admitted at two stations while they were offline, and rooms an "
        "offline door filled past capacity",
    )
    add_db_argument(conflicts)
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(handler=run_conflicts)


def _server(args: argparse.Namespace, store: Store | None) -> str:
    from kiosk.sync import resolve_server
    from kiosk.sync.connection import SERVER_SETTING

    url = resolve_server(
        getattr(args, "server", None) or getattr(args, "url", None),
        store.setting(SERVER_SETTING) if store else None,
    )
    if not url:
        raise UserError("Give the hub with --server URL or $KIOSK_SERVER.")
    return url


def run_init(args: argparse.Namespace) -> int:
    from kiosk.sync import SyncSetupError
    from kiosk.sync.join import publish
    from kiosk.sync.local import is_joined

    store = open_store(args)
    if is_joined(store):
        raise UserError("This event file has already joined a hub.")
    try:
        counts = publish(store, args.url, args.station)
    except SyncSetupError as error:
        raise UserError(str(error)) from None
    print(
        f"Published {counts['attendees']} attendees and {counts['checkins']} check-ins "
        f"from {db_path(args)}."
    )
    return 0


def run_join(args: argparse.Namespace) -> int:
    from kiosk.sync import SyncSetupError, describe
    from kiosk.sync.connection import SERVER_SETTING
    from kiosk.sync.join import join

    try:
        store = join(db_path(args), args.url, args.station)
    except SyncSetupError as error:
        raise UserError(str(error)) from None
    if args.remember:
        store.set_setting(SERVER_SETTING, args.url)
    count = store.attendee_count()
    print(f"{db_path(args)} follows the hub at {describe(args.url)} ({count} attendees).")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from kiosk.sync import SyncSetupError, describe, file_status
    from kiosk.sync.connection import HubUnavailable, connect
    from kiosk.sync.join import join
    from kiosk.sync.local import STATION, state
    from kiosk.sync.worker import pull, push

    path = db_path(args)
    url = _server(args, Store.open(path) if path.exists() else None)
    try:
        store = join(path, url, args.station or "sync")
        station = args.station or state(store, STATION) or "sync"
        with connect(url, station) as conn:
            sent, applied = push(conn, store, station), pull(conn, store)
    except HubUnavailable:
        raise UserError(f"The hub at {describe(url)} cannot be reached.") from None
    except SyncSetupError as error:
        raise UserError(str(error)) from None
    status = file_status(store)
    assert status is not None
    if args.json:
        print(json.dumps({"sent": sent, "received": applied, **dataclasses.asdict(status)}))
    else:
        print(f"Sent {sent} changes, received {applied}; {status.conflicts} conflicts.")
    return 0


def conflict_rows(store: Store) -> list[dict[str, object]]:
    """Conflicts with the attendee's local id and name for the people at the desk."""
    from kiosk.sync.local import local_conflicts

    rows: list[dict[str, object]] = []
    for conflict in local_conflicts(store):
        attendee = store.attendee_by_code(str(conflict["attendee_code"]))
        row: dict[str, object] = {
            "attendee_id": attendee.id if attendee else None,
            "name": attendee.full_name if attendee else "",
            "kind": conflict["kind"],
            "scope": conflict["scope"],
            "kept": {"station": conflict["kept_station"], "at": conflict["kept_at"]},
            "other": {"station": conflict["other_station"], "at": conflict["other_at"]},
        }
        if conflict["kind"] == OVER_CAPACITY:
            # An offline door filled the room: `other` is the admission that did.
            _, _, session_id = str(conflict["scope"]).partition(":")
            session = store.session(int(session_id)) if session_id.isdigit() else None
            row["session"] = session.title if session else conflict["scope"]
            row["capacity"], row["inside"] = conflict["capacity"], conflict["inside"]
            row["sentence"] = room_sentence(
                str(row["session"]), conflict["inside"], conflict["capacity"]
            )
        rows.append(row)
    return rows


def run_conflicts(args: argparse.Namespace) -> int:
    store = open_store(args)
    rows = conflict_rows(store)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No conflicts.")
    for row in rows:
        kept, other = row["kept"], row["other"]
        assert isinstance(kept, dict) and isinstance(other, dict)
        if row["kind"] == OVER_CAPACITY:
            print(
                f"{row['sentence']}: {row['name'] or row['attendee_id']} admitted at "
                f"{other['station']} {other['at']}"
            )
            continue
        print(
            f"{row['name'] or row['attendee_id']}  {row['scope']}  "
            f"{kept['station']} {kept['at']}  and  {other['station']} {other['at']}"
        )
    return 0

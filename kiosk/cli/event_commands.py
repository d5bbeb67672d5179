"""Event commands: init, demo, scan (the headless station), undo, status."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.alerts.sender import start_webhooks
from kiosk.checkin import Station, UndoError
from kiosk.cli.common import (
    UserError,
    add_db_argument,
    add_operator_argument,
    db_path,
    open_store,
    operator_name,
    parse_day,
)
from kiosk.cli.door import (
    add_door_arguments,
    fixed_session,
    parse_at,
    room_named,
    session_json,
)
from kiosk.cli.print_only_commands import add_print_only_arguments, scan_print_only
from kiosk.domain.models import Event, ScanResult
from kiosk.reports import attendance_counts
from kiosk.store import Store
from kiosk.store import live as live_stations
from kiosk.store.faults import StoreFault
from kiosk.store.timestamps import utc_text

log = logging.getLogger("kiosk.scan")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser("init", help="create an event database")
    add_db_argument(init)
    init.add_argument("--event-name", required=True, metavar="TEXT")
    init.add_argument("--venue", default="", metavar="TEXT")
    init.add_argument("--first-day", metavar="YYYY-MM-DD")
    init.add_argument("--last-day", metavar="YYYY-MM-DD")
    init.add_argument("--timezone", default="Europe/London", metavar="ZONE")
    init.set_defaults(handler=run_init)

    demo = subparsers.add_parser("demo", help="create the demo event (about 150 attendees)")
    add_db_argument(demo)
    demo.set_defaults(handler=run_demo)

    scan = subparsers.add_parser(
        "scan", help="headless station: codes on stdin, one JSON result per line on stdout"
    )
    add_db_argument(scan)
    scan.add_argument("--station", default="headless", metavar="NAME")
    add_door_arguments(scan, session_help="check in to this session")
    scan.add_argument("--exit", action="store_true", help="record exits instead of entries")
    scan.add_argument(
        "--at",
        metavar="ISO-TIME",
        help="enter a paper list kept while a station was down: every scan is decided "
        "as if at this past moment (venue time unless it has an offset) and logged as "
        "entered later. With a hub the hub still guards against double admissions",
    )
    add_operator_argument(scan)
    scan.add_argument(
        "--server", metavar="URL", help="join this hub (default: $KIOSK_SERVER, station setting)"
    )
    add_print_only_arguments(scan)
    scan.set_defaults(handler=run_scan)

    undo = subparsers.add_parser("undo", help="take back the latest check-in of a code")
    undo.add_argument("code", metavar="CODE")
    add_db_argument(undo)
    undo.add_argument("--reason", default="", metavar="TEXT")
    undo.add_argument("--station", default="cli", metavar="NAME")
    add_door_arguments(undo, session_help="take back a check-in to this session")
    add_operator_argument(undo)
    undo.set_defaults(handler=run_undo)

    status = subparsers.add_parser("status", help="counts: expected, checked in, cancelled")
    add_db_argument(status)
    status.add_argument("--json", action="store_true", help="print the counts as JSON")
    status.set_defaults(handler=run_status)


def run_init(args: argparse.Namespace) -> int:
    try:
        ZoneInfo(args.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(f"{args.timezone!r} is not a time zone name like Europe/London.") from None
    first = parse_day(args.first_day, "--first-day") if args.first_day else None
    last = parse_day(args.last_day, "--last-day") if args.last_day else first
    if first and last and last < first:
        raise UserError("--last-day is before --first-day.")
    path = db_path(args)
    store = Store.open(path, create=True)
    store.save_event(Event(args.event_name, args.venue, args.timezone, first, last))
    print(f"Created event {args.event_name!r} in {path}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from kiosk.demo import create_demo_event

    path = db_path(args)
    store = Store.open(path, create=True)
    count = create_demo_event(store)
    print(f"Demo event with {count} attendees in {path}")
    return 0


def scan_json(
    result: ScanResult, station: str, session: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One scan's answer; `session` is `door.session_json`'s for a session scan."""
    attendee = result.attendee
    first = result.first_checked_in
    return {
        "code": result.code,
        "result": result.result.value,
        "attendee": None
        if attendee is None
        else {
            "id": attendee.id,
            "first_name": attendee.first_name,
            "last_name": attendee.last_name,
            "organisation": attendee.organisation,
            "category": attendee.category,
        },
        "first_checked_in_at": utc_text(first.at) if first else None,
        "station": first.station if first else station,
        "session": session,
        # Flagged: staff attend to them at the desk (the note is never shown here).
        "see_desk": result.see_desk,
    }


def _station(args: argparse.Namespace, store: Store) -> Station:
    station = Station(
        store,
        name=args.station,
        operator=operator_name(store, getattr(args, "operator", "")),
        session=fixed_session(store, args.session),
        exit_mode=getattr(args, "exit", False),
    )
    return _at_the_door(station, args)


def _at_the_door(station: Station, args: argparse.Namespace) -> Station:
    """The station given its room (--room) and the moment of a paper list (--at)."""
    if args.room is not None:
        station.room = room_named(station.store, args.room)
    at_text = getattr(args, "at", None)
    if at_text is not None:
        at = parse_at(at_text, station.event)
        station.clock = lambda: at
        station.entered_later = True
        log.info("scan run entered later station=%s at=%s", station.name, utc_text(at))
    return station


def synced_station(args: argparse.Namespace) -> Station | None:
    """A station joined to the hub, if one is named (--server, $KIOSK_SERVER,
    the station's setting); None for a station on its own."""
    path = db_path(args)
    setting = None
    if path.exists():
        from kiosk.sync.connection import SERVER_SETTING

        probe = Store.open(path)
        try:
            setting = probe.setting(SERVER_SETTING)
        finally:
            # Closed, not left open: SQLite shares one descriptor per file in
            # a process, and a reconnect after a fault must get a fresh one.
            probe.close()
    if not (args.server or os.environ.get("KIOSK_SERVER") or setting):
        return None
    from kiosk.sync import SyncSetupError, open_synced_station, resolve_server

    url = resolve_server(args.server, setting)
    assert url is not None
    try:
        return open_synced_station(
            path,
            url,
            name=args.station,
            session_id=args.session,
            exit_mode=getattr(args, "exit", False),  # kiosk admit has no --exit
        )
    except SyncSetupError as error:
        raise UserError(str(error)) from None


def run_scan(args: argparse.Namespace) -> int:
    if args.print_only:
        if args.room is not None or args.at is not None:
            raise UserError("--print-only admits nobody: it cannot be used with --room or --at.")
        return scan_print_only(args)
    # Registered before the file is opened: a restore now refuses until we stop.
    live = live_stations.register(db_path(args), args.station, "kiosk scan")
    try:
        synced = synced_station(args)
        if synced is not None:
            try:
                synced.operator = operator_name(synced.store, args.operator)
                _at_the_door(synced, args)
            except UserError:
                synced.close()  # type: ignore[attr-defined]  # a SyncedStation: stop its sync
                raise
            return _scan_lines(synced, synced=True)
        store = open_store(args)
        return _scan_lines(_station(args, store), synced=False)
    finally:
        if live is not None:
            live.close()


# How long `kiosk scan` goes on sending waiting webhooks after its last line.
DRAIN_S = 5.0


def fault_json(code: str, fault: StoreFault) -> dict[str, Any]:
    """The answer to a scan that could not be saved: nobody was admitted."""
    return {"code": code, "result": "error", "error": fault.kind.value, "message": str(fault)}


def _scan_lines(station: Station, *, synced: bool) -> int:
    webhooks = start_webhooks(station.store)
    if webhooks is not None:
        station.on_alert = webhooks.wake
    try:
        return _scan_each_line(station, synced=synced)
    finally:
        if webhooks is not None:
            # What can go now goes now; the rest waits for the next process.
            webhooks.drain(DRAIN_S)


def _scan_each_line(station: Station, *, synced: bool) -> int:
    # Lines are read as bytes and decoded leniently: a scanner sending
    # garbage must produce `invalid_input`, never stop the station.
    for raw in sys.stdin.buffer:
        text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        try:
            result = station.scan(text)
        except StoreFault as fault:
            # Not saved, so not admitted; the next line tries again, and is
            # saved as soon as the cause is gone.
            record = fault_json(text.strip(), fault)
        else:
            # Only now, after COMMIT, is the attendee told anything.
            record = scan_json(result, station.name, _session_now(station, result))
            if station.room:
                record["room"] = station.room
            if synced:
                record["offline"] = result.offline
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if synced:
        station.close()  # type: ignore[attr-defined]  # a SyncedStation: last upload
    return 0


def _session_now(station: Station, result: ScanResult) -> dict[str, Any] | None:
    at = station.clock() if station.entered_later else None
    return session_json(station.store, result.session_id, at)


def run_undo(args: argparse.Namespace) -> int:
    store = open_store(args)
    station = _station(args, store)
    try:
        undo = station.undo(args.code, args.reason)
    except UndoError as error:
        raise UserError(str(error)) from None
    print(f"Undone the check-in {undo.undoes} ({undo.day.isoformat()}).")
    return 0


def run_status(args: argparse.Namespace) -> int:
    store = open_store(args)
    counts = attendance_counts(store)
    from kiosk.sync import file_status

    sync = file_status(store)
    if args.json:
        if sync is not None:  # only for a station that joined a hub
            counts = {**counts, "sync": dataclasses.asdict(sync)}
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return 0
    print(f"Event:       {store.event().name}")
    print(f"Expected:    {counts['expected']}")
    print(f"Checked in:  {counts['checked_in']}")
    print(f"Cancelled:   {counts['cancelled']}")
    if counts["by_category"]:
        print("By category (checked in / expected):")
        width = max(len(name) for name in counts["by_category"])
        for name, row in counts["by_category"].items():
            print(f"  {name:<{width}}  {row['checked_in']} / {row['expected']}")
    if sync is not None:
        state = "online" if sync.online else "offline"
        if sync.refused:
            state = "Hub refused this station's password; check-ins are kept here"
        print(
            f"Sync:        {state} ({sync.hub}), "
            f"{sync.waiting} waiting to upload, last sync {sync.last_sync or 'never'}"
        )
        if sync.conflicts:
            print(f"Conflicts:   {sync.conflicts} (list them with kiosk server conflicts)")
    return 0

"""`kiosk reissue`: replace a lost badge with a new code, and print it."""

from __future__ import annotations

import argparse

from kiosk.cli.common import (
    UserError,
    add_db_argument,
    add_operator_argument,
    db_path,
    open_store,
    operator_name,
)
from kiosk.cli.print_commands import backend_or_error, report_job, saved_file, station_printer
from kiosk.domain.codes import clean_scan
from kiosk.lost_badges import ReissueError, reissue
from kiosk.printing import PrintQueue, PrintWorker
from kiosk.store import Store
from kiosk.store.timestamps import utc_now


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "reissue",
        help="replace a lost badge: a new code, the old one refused from now on, and the badge",
    )
    command.add_argument("code", metavar="CODE", help="the code of the lost badge")
    add_db_argument(command)
    command.add_argument("--station", default="cli", metavar="NAME")
    add_operator_argument(command)
    command.add_argument(
        "--printer",
        metavar="NAME",
        help="cups:QUEUE, qt:PRINTER NAME, folder:PATH or none (default: the station's printer)",
    )
    command.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")
    command.set_defaults(handler=run_reissue)


def run_reissue(args: argparse.Namespace) -> int:
    store = open_store(args)
    code = clean_scan(args.code)
    attendee = store.attendee_by_code(code) if code else None
    if attendee is None:
        if code and store.attendee_by_replaced_code(code) is not None:
            raise UserError(
                "That badge was replaced already; give the code of the attendee's newest badge."
            )
        raise UserError("No attendee has that code.")
    operator = operator_name(store, args.operator)
    printer = args.printer or station_printer(store)
    backend_or_error(printer)
    queue = PrintQueue(store)
    worker = PrintWorker(db_path(args), printer)
    worker.refresh(queue)
    try:
        done = reissue(
            store,
            attendee.id,
            station=args.station,
            operator=operator,
            at=utc_now(),
            printer=queue,
        )
    except ReissueError as error:
        raise UserError(str(error)) from None
    print(
        f"{attendee.full_name} has a new code: {done.attendee.code}. "
        "The old badge is refused from now on."
    )
    _share_with_hub(store, args.station)
    assert done.print_job is not None
    job = worker.run_until_settled(queue, done.print_job, args.timeout)
    label = f"The new badge for {attendee.full_name}"
    return report_job(label, job, printer, saved_file(worker, job))


def _share_with_hub(store: Store, station: str) -> None:
    """On a station joined to a hub, send the replacement now: every other
    station then refuses the old code within a second. A hub out of reach
    gets it with this station's next sync."""
    from kiosk.sync import local

    if not local.is_joined(store):
        return
    from kiosk.sync.connection import (
        SERVER_SETTING,
        HubUnavailable,
        SyncSetupError,
        connect,
        resolve_server,
    )
    from kiosk.sync.worker import push

    url = resolve_server(None, store.setting(SERVER_SETTING))
    name = local.state(store, local.STATION) or station
    try:
        if not url:
            raise HubUnavailable("no hub address")
        with connect(url, name) as conn:
            push(conn, store, name)
    except (HubUnavailable, SyncSetupError):
        print("The hub cannot be reached now: the other stations hear of it at the next sync.")
        return
    print("The other stations have been told.")

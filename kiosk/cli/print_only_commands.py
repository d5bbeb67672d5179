"""`kiosk scan --print-only`: a headless badge desk that admits nobody.

Each code read on standard input gets its badge printed (the station's
printer, or --printer) and one JSON line once the printer has it; the line
is the scan's (kiosk scan) with `badge` (the job, whether it is a reprint,
its state and the file a `none` printer saved), `printed_before` and
`waiting` (badges given and on their way before this scan) added. A second
badge needs --reprint, and is then a reprint, counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.cli.common import UserError, db_path, open_store
from kiosk.cli.print_commands import backend_or_error, saved_file, station_printer
from kiosk.print_only import BadgeAnswer, PrintOnlyStation
from kiosk.printing import PrintQueue, PrintWorker
from kiosk.store import live as live_stations
from kiosk.store.faults import StoreFault


def add_print_only_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--print-only",
        action="store_true",
        help="print the badge for each code and admit nobody (a badge desk)",
    )
    parser.add_argument(
        "--reprint",
        action="store_true",
        help="with --print-only: print a second badge too, counted as a reprint",
    )
    parser.add_argument(
        "--printer",
        metavar="NAME",
        help="with --print-only: print here (default: the station's printer)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="with --print-only: how long to wait for the printer per badge",
    )


def scan_print_only(args: argparse.Namespace) -> int:
    if args.exit or args.session is not None:
        raise UserError("--print-only admits nobody: it cannot be used with --exit or --session.")
    from kiosk.cli.event_commands import synced_station

    live = live_stations.register(db_path(args), args.station, "kiosk scan --print-only")
    synced = None
    try:
        # Joined to a hub, the station keeps receiving replacements and
        # cancellations while it prints, and sends its print records.
        synced = synced_station(args)
        store = synced.store if synced is not None else open_store(args)
        printer = args.printer or station_printer(store)
        backend_or_error(printer)
        queue = PrintQueue(store)
        worker = PrintWorker(db_path(args), printer)
        worker.refresh(queue)
        station = PrintOnlyStation(queue, name=args.station, may_reprint=args.reprint)
        for raw in sys.stdin.buffer:
            text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            record = _answer(station, worker, queue, text, args.timeout)
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 0
    finally:
        if synced is not None:
            synced.close()  # type: ignore[attr-defined]  # a SyncedStation: last upload
        if live is not None:
            live.close()


def _answer(
    station: PrintOnlyStation, worker: PrintWorker, queue: PrintQueue, text: str, timeout: float
) -> dict[str, Any]:
    from kiosk.cli.event_commands import fault_json, scan_json

    try:
        answer = station.scan(text)
        if answer.job is not None:
            job = worker.run_until_settled(queue, answer.job, timeout)
            badge = _badge_json(answer, job.state.value, job.error, saved_file(worker, job))
        else:
            badge = None
    except StoreFault as fault:
        return fault_json(text.strip(), fault)
    record = scan_json(answer.result, station.name)
    record["badge"] = badge
    record["printed_before"] = answer.printed_before
    record["waiting"] = answer.waiting
    return record


def _badge_json(answer: BadgeAnswer, state: str, error: str, file: object) -> dict[str, Any]:
    return {
        "job": answer.job,
        "reprint": answer.reprint,
        "state": state,
        "error": error,
        "file": None if file is None else str(file),
    }

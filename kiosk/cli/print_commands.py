"""Print commands: printers, print (one badge, waiting for the printer), queue."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.cli.common import UserError, add_db_argument, db_path, open_store
from kiosk.domain.codes import clean_scan
from kiosk.printing import JobKind, JobState, PrintJob, PrintQueue, PrintWorker, QueueError
from kiosk.printing.backends import (
    Backend,
    PrinterInfo,
    PrintError,
    UnknownPrinter,
    badge_folder_for,
    list_printers,
    media_warning,
    open_backend,
)
from kiosk.printing.documents import stock_size_mm
from kiosk.printing.jobs import OPEN_STATES
from kiosk.store import Store

PRINTER_SETTING = "printer"
DEFAULT_PRINTER = "none"
SHOWN_MEDIA = 6


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    printers = subparsers.add_parser(
        "printers", help="list the printers this station can use, with their media"
    )
    printers.add_argument(
        "--db", type=Path, default=None, metavar="PATH",
        help="also show (and with --use, set) this event's station printer",
    )  # fmt: skip
    printers.add_argument("--use", metavar="NAME", help="make NAME the station's printer")
    printers.set_defaults(handler=run_printers)

    print_ = subparsers.add_parser(
        "print", help="print one badge and wait until the printer has accepted it"
    )
    print_.add_argument("code", nargs="?", metavar="CODE", help="the attendee's ticket code")
    add_db_argument(print_)
    print_.add_argument(
        "--printer", metavar="NAME",
        help="cups:QUEUE, qt:PRINTER NAME, folder:PATH or none (default: the station's printer)",
    )  # fmt: skip
    print_.add_argument("--reprint", action="store_true", help="print another badge")
    print_.add_argument("--copies", type=int, default=1, metavar="N")
    print_.add_argument("--test-page", action="store_true", help="print a test page instead")
    print_.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")
    print_.set_defaults(handler=run_print)

    queue = subparsers.add_parser("queue", help="show the print queue; retry, cancel or move jobs")
    add_db_argument(queue)
    action = queue.add_mutually_exclusive_group()
    action.add_argument("--retry", type=int, metavar="ID", help="send a job again")
    action.add_argument("--cancel", type=int, metavar="ID", help="stop a job")
    action.add_argument(
        "--move", nargs=2, metavar=("ID", "PRINTER"), help="send a job to another printer"
    )
    queue.add_argument("--all", action="store_true", help="list finished jobs too")
    queue.set_defaults(handler=run_queue)


def station_printer(store: Store) -> str:
    return store.setting(PRINTER_SETTING) or DEFAULT_PRINTER


def _describe(info: PrinterInfo) -> str:
    parts = [info.name]
    if info.state:
        parts.append(f"[{info.state}]")
    if info.description:
        parts.append(f"{info.description}")
    line = "  ".join(parts)
    if info.default_media:
        line += f"\n    loaded: {info.default_media}"
    if info.media:
        shown = ", ".join(info.media[:SHOWN_MEDIA])
        more = len(info.media) - SHOWN_MEDIA
        line += f"\n    media: {shown}" + (f" (+{more} more)" if more > 0 else "")
    return line


def run_printers(args: argparse.Namespace) -> int:
    _qt_application()
    store = Store.open(args.db) if args.db is not None else None
    if args.use is not None:
        if store is None:
            raise UserError("--use needs --db to say which event's station to set.")
        backend_or_error(args.use)
        store.set_setting(PRINTER_SETTING, args.use)
        print(f"The station now prints on {args.use}.")
    print("Backends: cups:QUEUE, qt:PRINTER NAME, folder:PATH, none")
    badges = badge_folder_for(args.db) if args.db is not None else None
    for info in list_printers(save_dir=badges):
        print(_describe(info))
    if store is not None:
        current = station_printer(store)
        print(f"Station printer: {current}")
        warning = _media_check(current, store)
        if warning:
            print(f"Warning: {warning}")
    return 0


def backend_or_error(name: str) -> Backend:
    try:
        return open_backend(name)
    except UnknownPrinter as error:
        raise UserError(str(error)) from None
    except PrintError as error:
        raise UserError(str(error)) from None


def _media_check(printer: str, store: Store) -> str | None:
    if not printer.startswith(("cups:", "qt:")):
        return None
    try:
        info = backend_or_error(printer).info()
    except PrintError:
        return None
    return media_warning(info, stock_size_mm(store))


def _qt_application() -> None:
    """Qt's printer list and the qt: backend need an application object."""
    try:
        # A widgets application, not a bare GUI one: whatever runs next in the
        # same process (the kiosk window, a test) may need widgets.
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return
    if QApplication.instance() is None:
        no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if sys.platform.startswith("linux") and no_display:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _qt_application.app = QApplication([sys.argv[0]])  # type: ignore[attr-defined]


def run_print(args: argparse.Namespace) -> int:
    store = open_store(args)
    queue = PrintQueue(store)
    printer = args.printer or station_printer(store)
    backend_or_error(printer)
    if printer.startswith("qt:"):
        _qt_application()
    if args.copies < 1:
        raise UserError("--copies must be 1 or more.")
    worker = PrintWorker(db_path(args), printer)
    # Jobs earlier commands left at the spooler may have finished since.
    worker.refresh(queue)
    if args.test_page:
        job_id = queue.enqueue(None, JobKind.TEST, printer, args.copies)
        label = "The test page"
    else:
        job_id, label = _queue_badge(args, store, queue, printer)
    assert job_id is not None
    warning = _media_check(printer, store)
    if warning:
        print(f"Warning: {warning}", file=sys.stderr)
    job = worker.run_until_settled(queue, job_id, args.timeout)
    return report_job(label, job, printer, saved_file(worker, job))


def saved_file(worker: PrintWorker, job: PrintJob) -> Path | None:
    """The PDF file a finished job became, with printer "none" or a hot folder."""
    if job.state is not JobState.DONE:
        return None
    file_for = getattr(worker.backend(job.printer), "file_for", None)
    return file_for(job.spool_title) if file_for is not None else None


def _queue_badge(
    args: argparse.Namespace, store: Store, queue: PrintQueue, printer: str
) -> tuple[int, str]:
    if not args.code:
        raise UserError("Give the attendee's ticket code, or --test-page.")
    code = clean_scan(args.code)
    attendee = store.attendee_by_code(code) if code else None
    if attendee is None:
        raise UserError("No attendee has that code.")
    kind = JobKind.REPRINT if args.reprint else JobKind.AUTO
    job_id = queue.enqueue(attendee.id, kind, args.printer, args.copies)
    if job_id is None:
        printed = queue.printed_count(attendee.id)
        waiting = len(queue.jobs(OPEN_STATES, attendee_id=attendee.id))
        times = "once" if printed == 1 else f"{printed} times"
        if waiting:
            raise UserError(
                f"{attendee.full_name}'s badge was printed {times} so far and {waiting} more "
                "is on its way; use --reprint to print another."
            )
        raise UserError(
            f"{attendee.full_name}'s badge was already printed {times}; "
            "use --reprint to print another."
        )
    return job_id, f"The badge for {attendee.full_name}"


def report_job(label: str, job: PrintJob, printer: str, saved: Path | None = None) -> int:
    where = job.printer or printer
    if job.state is JobState.DONE and saved is not None:
        print(f"{label} was saved as {saved} (job {job.id}).")
        return 0
    if job.state is JobState.DONE:
        print(f"{label} was printed on {where} (job {job.id}).")
        return 0
    if job.state is JobState.SENT:
        print(f"{label} was accepted by {where} as {job.spooler_job_id} (job {job.id}).")
        return 0
    if job.state is JobState.FAILED:
        print(f"{label} failed on {where}: {job.error} (job {job.id}).")
        return 1
    reason = job.error or "the printer did not take it in time"
    print(
        f"{label} was not accepted by {where}: {reason} It stays in the queue as job {job.id}; "
        "see 'kiosk queue'."
    )
    return 1


def run_queue(args: argparse.Namespace) -> int:
    store = open_store(args)
    queue = PrintQueue(store)
    PrintWorker(db_path(args), station_printer(store)).refresh(queue)
    try:
        if args.retry is not None:
            queue.retry(args.retry)
            print(f"Job {args.retry} will be sent again.")
        elif args.cancel is not None:
            queue.cancel(args.cancel)
            print(f"Job {args.cancel} is cancelled.")
        elif args.move is not None:
            job_text, printer = args.move
            if not job_text.isdigit():
                raise UserError(f"{job_text!r} is not a job number.")
            backend_or_error(printer)
            new_id = queue.move(int(job_text), printer)
            print(f"Job {job_text} goes to {printer}" + (
                f" as job {new_id}." if new_id != int(job_text) else "."
            ))  # fmt: skip
    except QueueError as error:
        raise UserError(str(error)) from None
    states = None if args.all else [JobState.QUEUED, JobState.SENT, JobState.FAILED]
    jobs = queue.jobs(states)
    if not jobs:
        print("The print queue is empty." if args.all else "No waiting or failed print jobs.")
        return 0
    default = station_printer(store)
    print(f"{'JOB':>5}  {'STATE':<9}  {'KIND':<7}  {'ATTENDEE':>8}  {'TRIES':>5}  PRINTER / REASON")
    for job in jobs:
        attendee = str(job.attendee_id) if job.attendee_id is not None else "-"
        reason = f"  {job.error}" if job.error else ""
        print(
            f"{job.id:>5}  {job.state.value:<9}  {job.kind.value:<7}  {attendee:>8}  "
            f"{job.attempts:>5}  {job.printer or default}{reason}"
        )
    return 0

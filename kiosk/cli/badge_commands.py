"""Badge commands: badges (a batch PDF), badge (one attendee), templates (what to print on)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kiosk.cli.common import UserError, add_db_argument, open_store
from kiosk.domain.models import Attendee, AttendeeStatus
from kiosk.domain.text import fold
from kiosk.store import Store
from kiosk.store.attended import attended_ids


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    batch = subparsers.add_parser(
        "badges", help="render many badges into one PDF, sorted by last name"
    )
    add_db_argument(batch)
    who = batch.add_mutually_exclusive_group()
    who.add_argument("--all", action="store_true", help="every attendee not cancelled (default)")
    who.add_argument(
        "--not-printed", action="store_true", help="attendees with no badge printed yet"
    )
    who.add_argument("--checked-in", action="store_true", help="attendees checked in to the event")
    who.add_argument("--category", metavar="NAME", help="attendees of one category")
    _add_layout_arguments(batch)
    batch.add_argument("--cut-marks", action="store_true", help="cut marks on sheets")
    batch.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    batch.set_defaults(handler=run_badges)

    one = subparsers.add_parser("badge", help="render the badge of one attendee")
    one.add_argument("code", metavar="CODE")
    add_db_argument(one)
    _add_layout_arguments(one)
    one.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    one.set_defaults(handler=run_badge)

    templates = subparsers.add_parser("templates", help="list badge templates and stock")
    templates.add_argument(
        "--all-stock",
        action="store_true",
        help="list every glabels stock, not only name badges",
    )
    templates.set_defaults(handler=run_templates)


def _add_layout_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", metavar="NAME", help="badge template (default: 4x3in)")
    parser.add_argument(
        "--stock", metavar="'BRAND PART'", help="print on other stock, e.g. 'Avery 5395'"
    )


def _printed_ids(store: Store) -> set[int]:
    from kiosk.printing import JobState, PrintQueue

    done = PrintQueue(store).jobs([JobState.DONE])
    return {job.attendee_id for job in done if job.attendee_id is not None}


def select_attendees(store: Store, args: argparse.Namespace) -> list[Attendee]:
    people = store.attendees(status=AttendeeStatus.ACTIVE)
    if args.not_printed:
        printed = _printed_ids(store)
        people = [a for a in people if a.id not in printed]
    elif args.checked_in:
        admitted = attended_ids(store)
        people = [a for a in people if a.id in admitted]
    elif args.category:
        wanted = fold(args.category)
        people = [a for a in people if fold(a.category) == wanted]
    return sorted(people, key=lambda a: (fold(a.last_name), fold(a.first_name), a.id))


def _render(attendees: list[Attendee], store: Store, args: argparse.Namespace) -> bytes:
    from kiosk.badges import StockError, TemplateError, render_badges_pdf

    try:
        return render_badges_pdf(
            attendees,
            store.event(),
            args.template,
            stock=args.stock,
            cut_marks=getattr(args, "cut_marks", False),
        )
    except (TemplateError, StockError) as error:
        raise UserError(str(error)) from None


def write_private(path: Path, data: bytes) -> None:
    """Badges carry names: the file is readable by its owner only."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        raise UserError(f"Cannot write {path}: {error.strerror}.") from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o600)


def run_badges(args: argparse.Namespace) -> int:
    store = open_store(args)
    people = select_attendees(store, args)
    if not people:
        raise UserError("No attendees match that choice, so there is nothing to render.")
    write_private(args.output, _render(people, store, args))
    print(f"Wrote {len(people)} badge(s) to {args.output}")
    return 0


def run_badge(args: argparse.Namespace) -> int:
    store = open_store(args)
    attendee = store.attendee_by_code(args.code.strip())
    if attendee is None:
        raise UserError("No attendee has that code.")
    write_private(args.output, _render([attendee], store, args))
    print(f"Wrote the badge of attendee {attendee.id} to {args.output}")
    return 0


def run_templates(args: argparse.Namespace) -> int:
    from kiosk.badges.fields import FIELDS
    from kiosk.badges.glabels import glabels_dir, glabels_stocks
    from kiosk.badges.stock import builtin_stocks
    from kiosk.badges.templates import list_templates

    print("Templates:")
    for info in list_templates():
        sheet = f", {info.per_page} per page" if info.per_page > 1 else ""
        print(
            f"  {info.name:<16} {info.width_mm:7.1f} × {info.height_mm:5.1f} mm"
            f"  on {info.stock}{sheet}  ({info.source})"
        )
    print("Fields (write them as {name} in a template's text, payload or field):")
    for field in FIELDS:
        print(f"  {field.name:<16} {field.label:<16} e.g. {field.sample}")
    print("Built-in stock:")
    for stock in builtin_stocks().values():
        print(_stock_line(stock.name, stock))
    folder = glabels_dir()
    stocks = glabels_stocks()
    if not stocks:
        print("glabels stock: none found (install glabels-data or set KIOSK_GLABELS_DIR).")
        return 0
    chosen = [s for s in stocks.values() if args.all_stock or "name-badge" in s.categories]
    kind = "all" if args.all_stock else "name badges; --all-stock lists all"
    print(f"glabels stock from {folder} ({kind}):")
    for stock in sorted(chosen, key=lambda s: (s.brand.lower(), s.part.lower())):
        print(_stock_line(f"{stock.brand} {stock.part}", stock))
    return 0


def _stock_line(name: str, stock: object) -> str:
    from kiosk.badges.stock import Stock

    assert isinstance(stock, Stock)
    label = f"{stock.label_width:.1f} × {stock.label_height:.1f} mm"
    if stock.is_sheet:
        label += f", {stock.per_page} on {stock.page_width:.1f} × {stock.page_height:.1f} mm"
    return f"  {name:<24} {label}  {stock.description}"

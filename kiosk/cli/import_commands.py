"""The `kiosk import` command: load or update the roster from a CSV or XLSX file."""

from __future__ import annotations

import argparse
import logging
import sqlite3
from pathlib import Path

from kiosk.cli.common import UserError, add_db_argument, open_store
from kiosk.io import FIELDS, FORMATS, RosterError, import_roster

log = logging.getLogger("kiosk.io")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import or update the roster from a CSV or XLSX file",
        description=(
            "Import a roster (Eventbrite, pretix or a generic CSV/XLSX). Re-importing merges "
            "by code or registration id; attendees missing from the file are kept."
        ),
    )
    parser.add_argument("roster", type=Path, metavar="ROSTER", help="CSV or XLSX file")
    add_db_argument(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="the export layout (default: recognised from the header row)",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=f"read COLUMN as FIELD (repeatable); fields: {', '.join(FIELDS)}",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would change, change nothing"
    )
    parser.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        report = import_roster(
            store, args.roster, fmt=args.format, mapping=args.map, dry_run=args.dry_run
        )
    except RosterError as error:
        raise UserError(str(error)) from None
    except sqlite3.Error as error:
        # Locked for longer than the busy timeout, disk full, read-only file.
        log.error("import could not write the event database: %s", type(error).__name__)
        raise UserError(
            f"The roster could not be written to the event database ({error}); "
            "nothing was imported."
        ) from None
    finally:
        store.close()
    print(report.summary())
    for skipped in report.skipped:
        print(f"skipped row {skipped.row}: {skipped.reason}")
    if report.missing:
        print(
            f"{report.missing} attendees already in the event are not in this file "
            "(kept, not deleted)."
        )
    else:
        print("0 attendees already in the event are missing from this file.")
    if report.buyer_emails:
        print(
            f"{report.buyer_emails} attendees have no e-mail of their own: their order's "
            "(the buyer's) is used, marked as the buyer's."
        )
    for line in report.codes_notice():
        print(line)
    if report.dry_run:
        print("Dry run: nothing was changed.")
    return 0

"""Organiser commands: export, certificates, codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli.common import UserError, add_db_argument, open_store, parse_day
from kiosk.reports.table import load_scope


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser("export", help="attendance as CSV, XLSX or a PDF register")
    add_db_argument(export)
    export.add_argument("--format", choices=("csv", "xlsx", "pdf"), required=True)
    export.add_argument("--session", type=int, metavar="ID", help="only this session")
    export.add_argument("--day", metavar="YYYY-MM-DD", help="only admissions on this day")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.set_defaults(handler=run_export)

    certificates = subparsers.add_parser(
        "certificates", help="CPD certificates for everyone who attended"
    )
    add_db_argument(certificates)
    certificates.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER_OR_PDF")
    certificates.add_argument("--code", metavar="CODE", help="only this attendee")
    certificates.add_argument("--organiser", metavar="TEXT", help="the organiser who signs")
    certificates.add_argument("--signature", type=Path, metavar="IMAGE", help="signature image")
    certificates.set_defaults(handler=run_certificates)

    codes = subparsers.add_parser("codes", help="QR codes (PNG, SVG) and a mail-merge CSV")
    add_db_argument(codes)
    codes.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER")
    codes.set_defaults(handler=run_codes)


def _writable_target(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name.")
    if not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist.")


def run_export(args: argparse.Namespace) -> int:
    from kiosk.reports.exports import write_csv, write_xlsx
    from kiosk.reports.register import write_register_pdf

    store = open_store(args)
    day = parse_day(args.day, "--day") if args.day else None
    if args.session is not None and store.session(args.session) is None:
        raise UserError(f"There is no session with id {args.session}.")
    _writable_target(args.output)
    scope = load_scope(store, day, args.session)
    attended = sum(1 for record in scope.records if record.attended)
    # Nothing to write means no file: an empty one would pass for a real export.
    if not scope.records:
        print("The event has no attendees yet, so no export was made.")
        return 0
    if args.format == "pdf" and not attended:
        print("Nobody in scope has a check-in, so no attendance register was made.")
        return 0
    if args.format == "csv":
        write_csv(scope, args.output)
    elif args.format == "xlsx":
        write_xlsx(scope, args.output)
    else:
        write_register_pdf(scope, args.output, args.session)
    print(f"Wrote {args.output} ({len(scope.records)} attendees, {attended} attended)")
    return 0


def run_certificates(args: argparse.Namespace) -> int:
    from kiosk.reports.certificates import UNNAMED_SIGNATORY, Signatory, write_certificates

    store = open_store(args)
    organiser = (args.organiser or store.setting("organiser_name") or "").strip()
    if not organiser:
        print(
            "Warning: no organiser named (give --organiser or set organiser_name with "
            f"kiosk config); the certificates are signed '{UNNAMED_SIGNATORY}'.",
            file=sys.stderr,
        )
    signature = args.signature or (
        Path(value) if (value := store.setting("signature_image")) else None
    )
    if signature is not None and not signature.is_file():
        raise UserError(f"The signature image {signature} does not exist.")
    if args.code and store.attendee_by_code(args.code.strip()) is None:
        raise UserError("No attendee has that code.")
    if args.output.suffix.lower() == ".pdf":
        _writable_target(args.output)
    scope = load_scope(store, None, None)
    written = write_certificates(
        scope,
        args.output,
        Signatory(organiser, signature),
        args.code.strip() if args.code else None,
    )
    if not written:
        print("Nobody in scope has a check-in, so no certificate was made.")
        return 0
    print(f"Wrote {len(written)} file(s) to {args.output}")
    return 0


def run_codes(args: argparse.Namespace) -> int:
    from kiosk.reports.invitations import write_invitation_codes

    store = open_store(args)
    if args.output.exists() and not args.output.is_dir():
        raise UserError(f"{args.output} is a file; give a folder.")
    count = write_invitation_codes(store, args.output)
    if not count:
        print("No active attendee to invite, so no codes were made.")
        return 0
    print(f"Wrote QR codes for {count} attendees and mailmerge.csv to {args.output}")
    return 0

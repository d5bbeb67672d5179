"""Operations: backup, restore, verify, purge and doctor."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli.common import UserError, add_db_argument, db_path, open_store
from kiosk.store import StoreError
from kiosk.store.backup import backup_database, restore_database
from kiosk.store.chain import verify_chain


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser("backup", help="write a consistent copy of the event file")
    add_db_argument(backup)
    backup.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", help="put a backup in place of the event file")
    restore.add_argument("backup", type=Path, metavar="FILE")
    add_db_argument(restore)
    restore.add_argument(
        "--force", action="store_true", help="replace even a database with newer changes"
    )
    restore.set_defaults(handler=run_restore)

    verify = subparsers.add_parser(
        "verify", help="check that no row of the attendance log was changed or removed"
    )
    add_db_argument(verify)
    verify.set_defaults(handler=run_verify)

    purge = subparsers.add_parser("purge", help="remove personal data after the event")
    add_db_argument(purge)
    purge.add_argument(
        "--keep-counts",
        action="store_true",
        help="anonymise in place, keeping attendance counts; without it the file is deleted",
    )
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge.set_defaults(handler=run_purge)

    doctor = subparsers.add_parser("doctor", help="check this station before the doors open")
    add_db_argument(doctor)
    doctor.set_defaults(handler=run_doctor)


def run_backup(args: argparse.Namespace) -> int:
    source = db_path(args)
    if not source.is_file():
        raise StoreError(f"There is no event database at {source}.")
    if args.output.is_dir():
        args.output = args.output / f"{source.stem}-backup.db"
    backup_database(source, args.output)
    print(f"Backed up {source} to {args.output}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    target = db_path(args)
    restore_database(args.backup, target, force=args.force)
    print(f"Restored {args.backup} to {target}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    store = open_store(args)
    checked, broken = verify_chain(store.conn)
    if broken is None:
        print(f"The attendance log is intact: {checked} rows, every link matches.")
        return 0
    entry = f" (entry {broken.entry_id})" if broken.entry_id else ""
    print(
        f"The attendance log was altered: row {broken.seq}{entry} does not verify: "
        f"{broken.reason}. {checked} rows before it are intact."
    )
    return 1


def run_purge(args: argparse.Namespace) -> int:
    from kiosk.store.purge import anonymise, delete_event_file

    path = db_path(args)
    store = open_store(args)
    what = (
        "remove every name, email, organisation, note and ticket code, keeping only "
        "anonymous attendance counts"
        if args.keep_counts
        else "delete the whole event file with everything in it"
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("Purging cannot be undone; add --yes to confirm.")
        answer = input(f"This will {what} in {path}. It cannot be undone. Type 'purge': ")
        if answer.strip().lower() != "purge":
            print("Nothing was changed.")
            return 1
    if args.keep_counts:
        count = anonymise(store)
        store.close()
        print(f"Removed the personal data of {count} attendees; counts are kept.")
    else:
        store.close()
        delete_event_file(path)
        print(f"Deleted {path}.")
    return 0


def run_doctor(args: argparse.Namespace) -> int:
    from kiosk.health import check_hub, run_checks

    store = open_store(args)
    findings = run_checks(store, [lambda: check_hub(store)])
    for finding in findings:
        print(finding.line())
    return 0 if all(finding.ok for finding in findings) else 1

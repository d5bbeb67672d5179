"""Operations: backup and restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.common import add_db_argument, db_path
from kiosk.store import StoreError
from kiosk.store.backup import backup_database, restore_database


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

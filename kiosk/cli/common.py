"""Pieces shared by the subcommands."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from kiosk.paths import data_dir
from kiosk.store import Store


class UserError(Exception):
    """Something the user can fix; printed as one sentence, exit status 2."""


def default_db_path() -> Path:
    """KIOSK_DB, else `event.db` in the user's data directory."""
    if env := os.environ.get("KIOSK_DB"):
        return Path(env)
    return data_dir() / "event.db"


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help="event database (default: $KIOSK_DB, then event.db in the user data directory)",
    )


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()


def open_store(args: argparse.Namespace) -> Store:
    return Store.open(db_path(args))


def parse_day(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} must be a date like 2026-03-10, not {text!r}.") from None


def add_operator_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--operator",
        default="",
        metavar="NAME",
        help="who is doing this, named in the log and the audit "
        "(with volunteer accounts, one of them)",
    )


def operator_name(store: Store, typed: str) -> str:
    """`--operator` as the log will name it: with volunteer accounts, one of
    them, spelt as its account; without, the name as typed (or none)."""
    from kiosk.store.operators import has_operators, operator_named

    typed = " ".join(typed.split())
    if not has_operators(store):
        return typed
    if not typed:
        raise UserError("This event has volunteer accounts: say who you are with --operator NAME.")
    account = operator_named(store, typed)
    if account is None:
        raise UserError(f"There is no volunteer called {typed} (see kiosk operators list).")
    return account.name

"""`kiosk operators add|list|remove`: volunteer accounts and their roles.

A PIN is never a command-line argument (it would stay in the shell's history
and show in the process list): it is read from standard input, asked twice
when that is a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from kiosk.cli.common import UserError, add_db_argument, open_store
from kiosk.domain.pins import hash_pin, is_valid_pin
from kiosk.domain.roles import Role, parse_role
from kiosk.store.operators import OperatorExists, add_operator, operators, remove_operator
from kiosk.store.timestamps import utc_text

ROLE_NAMES = [role.value for role in Role]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "operators", help="volunteer accounts: who may work the desk, in which role"
    )
    commands = parser.add_subparsers(dest="operators_command", metavar="ACTION", required=True)
    add = commands.add_parser("add", help="add a volunteer (PIN read from standard input)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLE_NAMES)
    add_db_argument(add)
    add.set_defaults(handler=run_add)
    listing = commands.add_parser("list", help="the volunteers and their roles")
    listing.add_argument("--json", action="store_true", help="one JSON object a line")
    add_db_argument(listing)
    listing.set_defaults(handler=run_list)
    remove = commands.add_parser("remove", help="close a volunteer's account")
    remove.add_argument("name", metavar="NAME")
    add_db_argument(remove)
    remove.set_defaults(handler=run_remove)


def read_pin() -> str:
    """The new PIN: typed twice, hidden, on a terminal; else the first line of input."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    pin = getpass.getpass("PIN for this volunteer: ")
    if getpass.getpass("Same PIN again: ") != pin:
        raise UserError("The two PINs differ; nothing was changed.")
    return pin


def run_add(args: argparse.Namespace) -> int:
    name = " ".join(args.name.split())
    if not name:
        raise UserError("A volunteer needs a name.")
    role = parse_role(args.role)
    pin = read_pin()
    if not is_valid_pin(pin):
        raise UserError("A PIN is 4 to 8 digits from 0 to 9; nothing was changed.")
    store = open_store(args)
    try:
        add_operator(store, name, role, hash_pin(pin))
    except OperatorExists:
        raise UserError(f"There is already a volunteer called {name}.") from None
    finally:
        store.close()
    print(f"Volunteer {name} added as {role.value}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        accounts = operators(store)
    finally:
        store.close()
    for account in accounts:
        if args.json:
            row = {"name": account.name, "role": account.role.value}
            print(json.dumps({**row, "created_at": utc_text(account.created_at)}))
        else:
            print(f"{account.name}\t{account.role.value}")
    if not accounts and not args.json:
        print("No volunteer accounts: the single staff PIN guards the desk.")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        removed = remove_operator(store, args.name)
    finally:
        store.close()
    if not removed:
        raise UserError(f"There is no volunteer called {args.name}.")
    print(f"Volunteer {args.name} removed; their past entries keep their name.")
    return 0

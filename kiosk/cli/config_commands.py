"""`kiosk config`: read and change the station's settings."""

from __future__ import annotations

import argparse

from kiosk.cli.common import UserError, add_db_argument, open_store
from kiosk.settings import (
    SECRET_SETTINGS,
    SETTINGS,
    SettingError,
    Settings,
    settings_markdown,
    spec_for,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = subparsers.add_parser("config", help="show or change this station's settings")
    actions = config.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every setting with its value and default")
    add_db_argument(listing)
    listing.add_argument("--markdown", action="store_true", help="the docs table, no database")
    listing.set_defaults(handler=run_list)
    get = actions.add_parser("get", help="one setting's value")
    get.add_argument("name", metavar="NAME")
    add_db_argument(get)
    get.set_defaults(handler=run_get)
    setter = actions.add_parser("set", help="change one setting (the default value clears it)")
    setter.add_argument("name", metavar="NAME")
    setter.add_argument("value", metavar="VALUE")
    add_db_argument(setter)
    setter.set_defaults(handler=run_set)


def _shown(name: str, value: object) -> str:
    if name in SECRET_SETTINGS and value:
        return "(set)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def run_list(args: argparse.Namespace) -> int:
    if args.markdown:
        print(settings_markdown(), end="")
        return 0
    settings = Settings(open_store(args))
    width = max(len(spec.name) for spec in SETTINGS)
    for spec in SETTINGS:
        value = _shown(spec.name, settings.get(spec.name))
        mark = " " if settings.is_default(spec.name) else "*"
        print(f"{mark} {spec.name:<{width}}  {value}")
    print("(* differs from the default)")
    return 0


def run_get(args: argparse.Namespace) -> int:
    try:
        spec_for(args.name)
    except SettingError as error:
        raise UserError(str(error)) from None
    print(_shown(args.name, Settings(open_store(args)).get(args.name)))
    return 0


def run_set(args: argparse.Namespace) -> int:
    if args.name == "kiosk.pin_hash":
        raise UserError("Set the staff PIN with 'kiosk set-pin', so that it is stored hashed.")
    try:
        Settings(open_store(args)).set(args.name, args.value)
    except SettingError as error:
        raise UserError(str(error)) from None
    print(f"{args.name} = {args.value}")
    return 0

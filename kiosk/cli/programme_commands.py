"""`kiosk sessions` and `kiosk bookings`: the programme from the command line."""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path
from typing import Any

from kiosk.cli.common import (
    UserError,
    add_db_argument,
    add_operator_argument,
    open_store,
    operator_name,
)
from kiosk.domain.models import Event, Session
from kiosk.domain.roles import StaffAction, may, minimum_role
from kiosk.programme.agenda import AgendaError, AgendaReport, import_agenda
from kiosk.programme.bookings import BookingsError, BookingsReport, import_bookings
from kiosk.programme.changes import ProgrammeError, add_session, edit_session, set_cancelled
from kiosk.programme.drafts import DraftError, SessionDraft, draft_of, read_draft, with_changes
from kiosk.store import Store
from kiosk.store.operators import has_operators, operator_named
from kiosk.store.programme import SessionCounts, booked_attendees, session_counts

# The options of `sessions add` and `sessions edit`, by the agenda column each fills.
_FIELD_OPTIONS = {
    "title": "--title",
    "day": "--day",
    "start": "--start",
    "end": "--end",
    "room": "--room",
    "capacity": "--capacity",
    "open_to": "--open-to",
    "booking_required": "--booking-required",
    "key": "--key",
}


def _sub_db(parser: argparse.ArgumentParser) -> None:
    """--db on a subcommand too, without hiding one given before the subcommand."""
    add_db_argument(parser)
    db = next(action for action in parser._actions if action.dest == "db")
    db.default = argparse.SUPPRESS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sessions = subparsers.add_parser(
        "sessions",
        help="list, import, add, edit or cancel the programme's sessions",
        description=(
            "Without a subcommand, list every session with what it admits and how many "
            "are in the room now. Times are the venue's."
        ),
    )
    add_db_argument(sessions)
    sessions.add_argument("--json", action="store_true", help="a JSON list of sessions")
    sessions.set_defaults(handler=run_list)
    actions = sessions.add_subparsers(dest="sessions_command", metavar="SUBCOMMAND")

    imported = actions.add_parser(
        "import",
        help="import or update sessions from an agenda (CSV or XLSX)",
        description=(
            "Columns: key (optional), title, day (YYYY-MM-DD), start and end (HH:MM, venue "
            "time), room, capacity (empty for no limit), open_to (categories separated by "
            "';', empty for everyone), booking_required (yes/no). Re-importing merges by key, "
            "then by title and day; sessions missing from the file are left alone."
        ),
    )
    imported.add_argument("agenda", type=Path, metavar="AGENDA", help="CSV or XLSX file")
    _sub_db(imported)
    imported.add_argument(
        "--dry-run", action="store_true", help="report what would change, change nothing"
    )
    imported.set_defaults(handler=run_import)

    add = actions.add_parser("add", help="add one session")
    _field_options(add)
    add.set_defaults(handler=run_add)
    edit = actions.add_parser("edit", help="change a session (only the options given)")
    edit.add_argument("session_id", type=int, metavar="ID")
    _field_options(edit)
    edit.set_defaults(handler=run_edit)
    cancel = actions.add_parser(
        "cancel", help="cancel a session (it admits nobody; its log and bookings stay)"
    )
    cancel.add_argument("session_id", type=int, metavar="ID")
    cancel.add_argument("--undo", action="store_true", help="bring a cancelled session back")
    _staff_options(cancel)
    cancel.set_defaults(handler=run_cancel)

    bookings = subparsers.add_parser(
        "bookings",
        help="bookings per session, or import them",
        description="Without a subcommand, how many booked each session (names with --session).",
    )
    add_db_argument(bookings)
    bookings.add_argument("--session", type=int, metavar="ID", help="who booked this session")
    bookings.add_argument("--json", action="store_true", help="JSON instead of text")
    bookings.set_defaults(handler=run_bookings)
    booking_actions = bookings.add_subparsers(dest="bookings_command", metavar="SUBCOMMAND")
    booked = booking_actions.add_parser(
        "import",
        help="book attendees into sessions from a CSV or XLSX file",
        description=(
            "Columns: code (or email) and session (the session's key from the agenda). "
            "Bookings already made are kept."
        ),
    )
    booked.add_argument("file", type=Path, metavar="FILE", help="CSV or XLSX file")
    _sub_db(booked)
    booked.add_argument(
        "--dry-run", action="store_true", help="report what would change, change nothing"
    )
    booked.set_defaults(handler=run_bookings_import)


def _field_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", metavar="TEXT")
    parser.add_argument("--day", metavar="YYYY-MM-DD")
    parser.add_argument("--start", metavar="HH:MM", help="venue time")
    parser.add_argument("--end", metavar="HH:MM", help="venue time")
    parser.add_argument("--room", metavar="NAME")
    parser.add_argument("--capacity", metavar="N", help="seats ('' or none for no limit)")
    parser.add_argument(
        "--open-to", metavar="CATEGORIES", help="categories separated by ';' ('' for everyone)"
    )
    parser.add_argument(
        "--booking-required",
        nargs="?",
        const="yes",
        metavar="yes|no",
        help="only people who booked may come in",
    )
    parser.add_argument("--key", metavar="KEY", help="your own id for the session")
    _staff_options(parser)


def _staff_options(parser: argparse.ArgumentParser) -> None:
    _sub_db(parser)
    add_operator_argument(parser)
    parser.add_argument("--station", default="cli", metavar="NAME", help="named in the audit")


# -- sessions -----------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        report = import_agenda(store, args.agenda, dry_run=args.dry_run)
    except AgendaError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    _print_report(report)
    return 0


def _print_report(report: AgendaReport | BookingsReport) -> None:
    print(report.summary())
    for line in report.lines:
        print(line)
    for note in getattr(report, "notes", []):
        print(note)
    if report.dry_run:
        print("Dry run: nothing was changed.")


def _typed_fields(args: argparse.Namespace) -> dict[str, str | None]:
    fields: dict[str, str | None] = {name: getattr(args, name) for name in _FIELD_OPTIONS}
    if fields["capacity"] is not None and fields["capacity"].strip().casefold() in ("none", "-"):
        fields["capacity"] = ""
    return fields


def _refused(problems: list[str]) -> UserError:
    return UserError(f"The session was not saved: {'; '.join(problems)}.")


def _operator(store: Store, args: argparse.Namespace) -> str:
    """Who is changing the programme; with volunteer accounts, one allowed to."""
    name = operator_name(store, args.operator)
    if has_operators(store):
        account = operator_named(store, name)
        assert account is not None  # operator_name checked it
        if not may(account.role, StaffAction.PROGRAMME):
            needed = minimum_role(StaffAction.PROGRAMME).value
            raise UserError(
                f"Changing the programme needs a {needed}; {name} is a {account.role.value}."
            )
    return name or getpass.getuser()


def run_add(args: argparse.Namespace) -> int:
    return _save(args, None)


def run_edit(args: argparse.Namespace) -> int:
    return _save(args, args.session_id)


def _save(args: argparse.Namespace, session_id: int | None) -> int:
    """Add a session (`session_id` None) or change the options given of one."""
    store = open_store(args)
    try:
        operator = _operator(store, args)
        fields = _typed_fields(args)
        try:
            if session_id is None:
                draft = read_draft({name: value or "" for name, value in fields.items()})
                session = add_session(store, draft, operator=operator, station=args.station)
            else:
                before = _session(store, session_id)
                draft = with_changes(draft_of(before, store.event()), fields)
                session = edit_session(
                    store, session_id, draft, operator=operator, station=args.station
                )
        except (DraftError, ProgrammeError) as error:
            raise _refused(error.problems) from None
        added = "Added session" if session_id is None else "Session"
        print(f"{added} {session.id}: {_describe(session, store.event())}")
    finally:
        store.close()
    return 0


def run_cancel(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        operator = _operator(store, args)
        session = _session(store, args.session_id)
        session = set_cancelled(
            store, session.id, not args.undo, operator=operator, station=args.station
        )
        print(f"Session {session.id}: {_describe(session, store.event())}")
    finally:
        store.close()
    return 0


def _session(store: Store, session_id: int) -> Session:
    session = store.session(session_id)
    if session is None:
        raise UserError(f"There is no session {session_id} (see kiosk sessions).")
    return session


def _describe(session: Session, event: Event) -> str:
    draft = draft_of(session, event)
    where = f" in {session.room}" if session.room else ""
    state = " (cancelled)" if session.cancelled else ""
    return f"{draft.title}, {draft.day} {_span(draft)}{where}{state}"


def _span(draft: SessionDraft) -> str:
    return f"{draft.start:%H:%M}-{draft.end:%H:%M}"


def session_json(session: Session, event: Event, counts: SessionCounts) -> dict[str, Any]:
    draft = draft_of(session, event)
    return {
        "id": session.id,
        "key": session.key,
        "title": session.title,
        "day": draft.day.isoformat(),
        "starts_at": session.starts_at.astimezone(event.zone).isoformat(),
        "ends_at": session.ends_at.astimezone(event.zone).isoformat(),
        "room": session.room,
        "capacity": session.capacity,
        "open_to": list(session.open_to),
        "booking_required": session.booking_required,
        "booked": counts.booked,
        "admitted": counts.admitted,
        "in_the_room": counts.inside,
        "cancelled": session.cancelled,
    }


_LIST_HEADER = (
    "id",
    "key",
    "title",
    "day",
    "time",
    "room",
    "capacity",
    "open to",
    "booking",
    "admitted",
    "in the room",
    "",
)


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        event = store.event()
        sessions = store.sessions()
        counts = session_counts(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps([session_json(s, event, counts[s.id]) for s in sessions], indent=2))
        return 0
    if not sessions:
        print("No sessions yet: add them with kiosk sessions import AGENDA or kiosk sessions add.")
        return 0
    print("\t".join(_LIST_HEADER).rstrip())
    for session in sessions:
        draft, count = draft_of(session, event), counts[session.id]
        cells = (
            session.id,
            session.key or "-",
            session.title,
            draft.day.isoformat(),
            _span(draft),
            session.room or "-",
            "-" if session.capacity is None else session.capacity,
            "; ".join(session.open_to) or "everyone",
            f"required ({count.booked} booked)" if session.booking_required else "no",
            count.admitted,
            count.inside,
            "cancelled" if session.cancelled else "",
        )
        print("\t".join(str(cell) for cell in cells).rstrip())
    return 0


# -- bookings -----------------------------------------------------------


def run_bookings_import(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        report = import_bookings(store, args.file, dry_run=args.dry_run)
    except BookingsError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    _print_report(report)
    return 0


def run_bookings(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if args.session is not None:
            return _who_booked(store, _session(store, args.session), args.json)
        counts = session_counts(store)
        rows = [
            {
                "id": s.id,
                "key": s.key,
                "title": s.title,
                "booking_required": s.booking_required,
                "booked": counts[s.id].booked,
            }
            for s in store.sessions()
        ]
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print("id\tkey\ttitle\tbooking\tbooked")
    for row in rows:
        needed = "required" if row["booking_required"] else "not needed"
        print(f"{row['id']}\t{row['key'] or '-'}\t{row['title']}\t{needed}\t{row['booked']}")
    return 0


def _who_booked(store: Store, session: Session, as_json: bool) -> int:
    people = [a for a in (store.attendee(i) for i in booked_attendees(store, session.id)) if a]
    people.sort(key=lambda a: (a.last_name.casefold(), a.first_name.casefold(), a.id))
    rows = [
        {
            "attendee_id": a.id,
            "code": a.code,
            "name": " ".join(p for p in (a.first_name, a.last_name) if p),
            "category": a.category,
        }
        for a in people
    ]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    print(f"{len(rows)} booked for session {session.id} ({session.title})")
    for row in rows:
        print(f"{row['code']}\t{row['name']}\t{row['category']}")
    return 0

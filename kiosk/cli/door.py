"""What `kiosk scan`, `kiosk undo` and `kiosk admit` share at a session's door:
the --session/--room choice, --at for a paper list typed in later, the
session as JSON, and one sentence for each result."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from kiosk.cli.common import UserError
from kiosk.domain.models import Event, Result, ScanResult, Session
from kiosk.domain.rules import seats_left
from kiosk.store import Store
from kiosk.store.programme import rooms
from kiosk.store.timestamps import utc_now

# A clock a little ahead of this machine's must not make "a minute ago" the future.
FUTURE_TOLERANCE = dt.timedelta(minutes=1)


def add_door_arguments(parser: argparse.ArgumentParser, *, session_help: str) -> None:
    """--session ID or --room NAME, never both."""
    door = parser.add_mutually_exclusive_group()
    door.add_argument("--session", type=int, metavar="ID", help=session_help)
    door.add_argument(
        "--room",
        metavar="NAME",
        help="a door station: the session open in this room at each scan "
        "(see kiosk sessions for the rooms)",
    )


def room_named(store: Store, typed: str) -> str:
    """The room as the programme spells it (rooms match without regard to
    case); UserError naming the rooms there are."""
    known = rooms(store)
    for room in known:
        if room.casefold() == typed.strip().casefold():
            return room
    if not known:
        raise UserError(f"There is no room called {typed!r}: no session has a room yet.")
    raise UserError(f"There is no room called {typed!r}; the rooms are: {', '.join(known)}.")


def fixed_session(store: Store, session_id: int | None) -> Session | None:
    if session_id is None:
        return None
    session = store.session(session_id)
    if session is None:
        raise UserError(f"There is no session with id {session_id}.")
    return session


def parse_at(text: str, event: Event, now: dt.datetime | None = None) -> dt.datetime:
    """--at as a UTC moment: an ISO time, venue local time unless it gives an
    offset, and not in the future."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"--at must be a date and time like 2026-03-10T11:45, not {text!r}."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=event.zone)
    moment = moment.astimezone(dt.UTC)
    if moment > (now or utc_now()) + FUTURE_TOLERANCE:
        raise UserError(
            f"--at {text} is in the future: only check-ins that already happened "
            "can be entered later."
        )
    return moment


def session_json(
    store: Store, session_id: int | None, at: dt.datetime | None
) -> dict[str, Any] | None:
    """The session a scan was decided for, with the seats left after it
    (as the room stood at `at` for a scan entered later)."""
    session = store.session(session_id) if session_id is not None else None
    if session is None:
        return None
    return {
        "id": session.id,
        "title": session.title,
        "room": session.room,
        "seats_left": seats_left(session, store.inside_count(session.id, at))
        if session.capacity is not None
        else None,
    }


# One sentence for each result, for the people at a door (never another
# attendee's details): what `kiosk admit` prints without --json.
SENTENCES = {
    Result.CHECKED_IN: "Checked in.",
    Result.ALREADY_CHECKED_IN: "Already checked in: this person keeps their seat.",
    Result.UNKNOWN_CODE: "No attendee has that code.",
    Result.CANCELLED: "This registration was cancelled.",
    Result.NOT_VALID_NOW: "This ticket is not valid at this time.",
    Result.INVALID_INPUT: "That is not a code.",
    Result.REPLACED: "This badge was replaced by a newer one. Please see the help desk.",
    Result.NOT_ELIGIBLE: "This session is not open to this ticket. Please see the help desk.",
    Result.SESSION_FULL: "This session is full. Please see the help desk.",
    Result.CHECKED_OUT: "Checked out.",
    Result.NOT_CHECKED_IN: "This person was not checked in.",
}


def sentence(result: ScanResult, session: dict[str, Any] | None, room: str) -> str:
    """The result in words, with the session it was for and its seats left."""
    if result.result is Result.NOT_VALID_NOW and room and session is None:
        return f"No session is open in {room} now."
    words = SENTENCES.get(result.result, result.result.value)
    if session is None:
        return words
    where = f" ({session['room']})" if session["room"] else ""
    seats = session["seats_left"]
    left = "" if seats is None else f" {seats} seats left."
    return f"{words} Session: {session['title']}{where}.{left}"

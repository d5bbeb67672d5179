"""What each check-in result says, in words a first-time visitor understands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.domain.models import Event, Result, ScanResult, Session
from kiosk.scanning.camera_status import CameraStatus
from kiosk.store.timestamps import parse_utc
from kiosk.ui.badge_state import BadgeState

if TYPE_CHECKING:
    from kiosk.sync import SyncStatus

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class ResultMessage:
    tone: str  # success | warning | danger: a colour, always with an icon and words
    icon: str  # check | info | stop
    title: str
    lines: tuple[str, ...]
    help_desk: bool


def unbroken(name: str) -> str:
    """A name as shown, its hyphens non-breaking (U+2011): "Jean-Baptiste"
    wraps as a whole. The data keeps its hyphen; only the screen changes."""
    return name.replace("-", "\u2011")


def local_time(moment: dt.datetime, event: Event) -> str:
    return moment.astimezone(event.zone).strftime("%H:%M")


def help_desk_line(where: str) -> str:
    if where:
        return translate("Result", "Please see the help desk ({where}).").format(where=where)
    return translate("Result", "Please see the help desk.")


def next_session_line(session: Session | None, event: Event) -> str:
    if session is None:
        return ""
    when = local_time(session.starts_at, event)
    if session.room:
        return translate("Result", "Next: {title} at {time}, {room}").format(
            title=session.title, time=when, room=session.room
        )
    return translate("Result", "Next: {title} at {time}").format(title=session.title, time=when)


def message_for(
    scan: ScanResult,
    event: Event,
    next_session: Session | None,
    help_desk: str = "",
    *,
    has_badge: bool = False,
) -> ResultMessage:
    first = unbroken(scan.attendee.first_name) if scan.attendee else ""
    desk = help_desk_line(help_desk)
    match scan.result:
        case Result.CHECKED_IN:
            # A flagged attendee is admitted and sent to the desk; the note,
            # which may be personal ("payment pending"), is never shown here.
            lines = (next_session_line(next_session, event), desk if scan.see_desk else "")
            return ResultMessage(
                "success",
                "check",
                translate("Result", "Welcome, {name}!").format(name=first),
                tuple(line for line in lines if line),
                scan.see_desk,
            )
        case Result.ALREADY_CHECKED_IN:
            at = scan.first_checked_in.at if scan.first_checked_in else None
            when = (
                translate("Result", "You checked in at {time} today.").format(
                    time=local_time(at, event)
                )
                if at
                else translate("Result", "You have already checked in today.")
            )
            # A new badge only for someone who was given one.
            new_badge = translate("Result", "Need a new badge?") + " " + desk
            return ResultMessage(
                "warning",
                "info",
                translate("Result", "You are already checked in, {name}").format(name=first),
                (when, new_badge) if has_badge else (when,),
                has_badge,
            )
        case Result.UNKNOWN_CODE:
            text = translate("Result", "We could not find this code on the guest list.")
            return ResultMessage(
                "danger", "stop", translate("Result", "Code not recognised"), (text, desk), True
            )
        case Result.REPLACED:
            # A lost badge's code: whoever holds it now is sent to the desk,
            # never greeted by the owner's name.
            return ResultMessage(
                "danger", "stop", translate("Result", "This badge was replaced"), (desk,), True
            )
        case Result.BADGE_PRINTED:
            # A print-only station: the badge line says how the printing goes.
            return ResultMessage(
                "success",
                "check",
                translate("Result", "Hello, {name}!").format(name=first),
                (),
                False,
            )
        case Result.ALREADY_PRINTED:
            text = translate(
                "Result", "Your badge was printed before. Ask the help desk for a new one."
            )
            return ResultMessage(
                "warning", "info", translate("Result", "Badge printed before"), (text,), True
            )
        case Result.CANCELLED:
            text = translate("Result", "This registration has been cancelled.")
            return ResultMessage(
                "danger", "stop", translate("Result", "Registration cancelled"), (text, desk), True
            )
        case Result.NOT_ELIGIBLE:
            # Never why (a category, a booking): the desk can look that up.
            return ResultMessage(
                "danger",
                "stop",
                translate("Result", "This session is not open to your ticket."),
                (desk,),
                True,
            )
        case Result.SESSION_FULL:
            return ResultMessage(
                "danger", "stop", translate("Result", "This session is full."), (desk,), True
            )
        case Result.CHECKED_OUT:
            return ResultMessage(
                "success",
                "check",
                translate("Result", "Goodbye, {name}!").format(name=first),
                (translate("Result", "You are checked out. Thank you for coming."),),
                False,
            )
        case Result.NOT_CHECKED_IN:
            text = translate("Result", "This door is for leaving: check in at the entrance.")
            return ResultMessage(
                "warning", "info", translate("Result", "You are not checked in"), (text,), False
            )
        case Result.NOT_VALID_NOW:
            text = translate("Result", "This ticket is for another day or time.")
            return ResultMessage(
                "danger", "stop", translate("Result", "Not valid at this time"), (text, desk), True
            )
        case _:
            # Garbage or a burst cut short: nothing was looked up.
            text = translate("Result", "Please scan your code again.")
            return ResultMessage(
                "danger", "stop", translate("Result", "Couldn't read that"), (text,), False
            )


def problem_message(help_desk: str = "") -> ResultMessage:
    """After a bug (its traceback is in the log): calm words, never details."""
    return ResultMessage(
        "danger",
        "stop",
        translate("Result", "Something went wrong"),
        (
            translate("Result", "Check-ins so far are safe. Please scan your code again."),
            help_desk_line(help_desk),
        ),
        False,
    )


def next_session_after(sessions: list[Session], now: dt.datetime) -> Session | None:
    """The first session that has not ended yet, by start time."""
    upcoming = [s for s in sessions if s.ends_at > now]
    return min(upcoming, key=lambda s: (s.starts_at, s.id)) if upcoming else None


def badge_line(state: BadgeState, help_desk: str = "") -> str:
    """The result screen's line about the badge ("" for BadgeState.NONE)."""
    failed = translate("Result", "Your badge could not be printed. Please see the help desk.")
    printing = translate("Result", "Printing your badge…")
    if state is BadgeState.AT_DESK:
        if help_desk:
            return translate(
                "Result", "Please collect your badge at the help desk ({where})."
            ).format(where=help_desk)
        return translate("Result", "Please collect your badge at the help desk.")
    return {
        BadgeState.NONE: "",
        BadgeState.OFF: translate(
            "Result", "Badge printing is off. Please collect your badge at the help desk."
        ),
        BadgeState.QUEUED: printing,
        BadgeState.SENT: printing,
        BadgeState.DONE: translate(
            "Result", "Your badge is ready: please take it from the printer."
        ),
        BadgeState.FAILED: failed,
        BadgeState.CANCELLED: failed,
        BadgeState.PRINTED_BEFORE: translate(
            "Result", "Your badge was printed before. Ask the help desk for a new one."
        ),
    }[state]


@dataclass(frozen=True, slots=True)
class DoorInfo:
    """What a door's header shows; never anything about an attendee."""

    room: str
    session: Session | None  # the session the door admits to now
    seats_left: int | None  # None: open seating (no capacity)
    next_session: Session | None  # with no session now: the room's next one


def door_lines(info: DoorInfo, event: Event) -> tuple[str, str]:
    """The header's two lines: the session (or what to do), then room and seats."""
    if info.session is None:
        if info.next_session is None:
            first = translate("Door", "No session in {room} now.").format(room=info.room)
        else:
            first = translate("Door", "No session in {room} now. Next: {title} at {time}").format(
                room=info.room,
                title=info.next_session.title,
                time=local_time(info.next_session.starts_at, event),
            )
        return first, ""
    if info.seats_left is None:
        seats = translate("Door", "Open seating")
    elif info.seats_left == 0:
        seats = translate("Door", "Full")
    elif info.seats_left == 1:
        seats = translate("Door", "1 seat left")
    else:
        seats = translate("Door", "{count} seats left").format(count=info.seats_left)
    return info.session.title, " · ".join(part for part in (info.room, seats) if part)


def exit_prompt() -> str:
    """A station in exit mode asks this instead of the welcome's own words."""
    return translate("Door", "Exit: scan your badge as you leave")


def camera_line(status: CameraStatus) -> str:
    return {
        CameraStatus.READY: translate("Result", "Camera on"),
        CameraStatus.NO_CAMERA: translate("Result", "No camera"),
        CameraStatus.NO_DECODER: translate("Result", "Camera off"),
        CameraStatus.ERROR: translate("Result", "Camera error"),
        CameraStatus.OFF: translate("Result", "Camera off"),
    }[status]


def sync_line(status: SyncStatus) -> str:
    """Online or offline, changes not yet uploaded and the last sync, in one line."""
    if status.refused:
        # Not "offline": the hub is there, its password changed; staff must act.
        first = translate("Result", "Hub refused this station's password: check-ins are kept here")
    elif status.online:
        first = translate("Result", "Hub online")
    else:
        first = translate("Result", "Hub offline: check-ins are kept here")
    parts = [first]
    if status.waiting:
        parts.append(translate("Result", "{count} waiting to upload").format(count=status.waiting))
    if status.last_sync:
        try:
            synced = parse_utc(status.last_sync).astimezone()
        except ValueError:
            synced = None
        if synced is not None:
            parts.append(
                translate("Result", "last sync {time}").format(time=synced.strftime("%H:%M"))
            )
    return ", ".join(parts)

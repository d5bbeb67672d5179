"""A session as an organiser writes it (venue time, text fields), checked by
one set of rules whether it comes from an agenda row, the command line or a
screen, and saved as the store's `Session` (UTC moments)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from kiosk.domain.models import Event, Session
from kiosk.store import Store
from kiosk.store.programme import update_session

# The agenda's columns, in the order a sample file lists them.
COLUMNS = ("key", "title", "day", "start", "end", "room", "capacity", "open_to", "booking_required")
REQUIRED = ("title", "day", "start", "end")
_YES = {"yes", "true", "1", "y"}
_NO = {"no", "false", "0", "n", ""}


@dataclass(frozen=True, slots=True)
class SessionDraft:
    """A session in venue time, before it is saved."""

    title: str
    day: dt.date
    start: dt.time
    end: dt.time
    room: str = ""
    capacity: int | None = None
    open_to: tuple[str, ...] = ()
    booking_required: bool = False
    key: str = ""


class DraftError(ValueError):
    """Fields that do not make a session; `problems` holds one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def read_draft(fields: Mapping[str, str]) -> SessionDraft:
    """A draft from text fields named as the agenda's columns (missing = empty).

    Raises DraftError listing every field that cannot be read.
    """
    text = {name: " ".join((fields.get(name) or "").split()) for name in COLUMNS}
    problems: list[str] = []
    for name in REQUIRED:
        if not text[name]:
            problems.append(f"the {_label(name)} is missing")
    day = _day(text["day"], problems) if text["day"] else None
    start = _time(text["start"], "start", problems) if text["start"] else None
    end = _time(text["end"], "end", problems) if text["end"] else None
    capacity = _capacity(text["capacity"], problems)
    booking = _yes_no(text["booking_required"], problems)
    if problems or day is None or start is None or end is None:
        raise DraftError(problems)
    return SessionDraft(
        title=text["title"],
        day=day,
        start=start,
        end=end,
        room=text["room"],
        capacity=capacity,
        open_to=split_open_to(text["open_to"]),
        booking_required=booking,
        key=text["key"],
    )


def fields_of(draft: SessionDraft) -> dict[str, str]:
    """The draft as the agenda's text fields (what `read_draft` reads back)."""
    return {
        "key": draft.key,
        "title": draft.title,
        "day": draft.day.isoformat(),
        "start": draft.start.strftime("%H:%M"),
        "end": draft.end.strftime("%H:%M"),
        "room": draft.room,
        "capacity": "" if draft.capacity is None else str(draft.capacity),
        "open_to": "; ".join(draft.open_to),
        "booking_required": "yes" if draft.booking_required else "no",
    }


def split_open_to(text: str) -> tuple[str, ...]:
    return tuple(" ".join(part.split()) for part in text.split(";") if part.strip())


def session_problems(draft: SessionDraft, event: Event, known_categories: set[str]) -> list[str]:
    """What is wrong with the draft for this event, one sentence each (empty = fine).

    A category is unknown when the roster has categories and none matches it
    without regard to case; with an empty roster every category is accepted.
    """
    problems: list[str] = []
    if not draft.title.strip():
        problems.append("the title is missing")
    if draft.end <= draft.start:
        span = f"{draft.start:%H:%M} to {draft.end:%H:%M}"
        if draft.end == draft.start:
            problems.append(f"the session ends when it starts ({span})")
        else:
            problems.append(f"the session ends before it starts ({span})")
    if draft.capacity is not None and draft.capacity < 1:
        problems.append(f"the capacity {draft.capacity} is not a positive whole number")
    known = {category.casefold() for category in known_categories}
    for category in draft.open_to:
        if known and category.casefold() not in known:
            listed = ", ".join(sorted(known_categories, key=str.casefold))
            problems.append(f"unknown category '{category}' in open_to (the roster has: {listed})")
    if (event.first_day or event.last_day) and not event.is_open_on(draft.day):
        first = event.first_day.isoformat() if event.first_day else "…"
        last = event.last_day.isoformat() if event.last_day else "…"
        problems.append(f"day {draft.day.isoformat()} is outside the event ({first} to {last})")
    return problems


def draft_of(session: Session, event: Event) -> SessionDraft:
    """The session as an organiser sees it, in venue time."""
    start = session.starts_at.astimezone(event.zone)
    end = session.ends_at.astimezone(event.zone)
    return SessionDraft(
        title=session.title,
        day=start.date(),
        start=start.time().replace(second=0, microsecond=0),
        end=end.time().replace(second=0, microsecond=0),
        room=session.room,
        capacity=session.capacity,
        open_to=session.open_to,
        booking_required=session.booking_required,
        key=session.key,
    )


def moments(draft: SessionDraft, event: Event) -> tuple[dt.datetime, dt.datetime]:
    """The draft's start and end as UTC moments (its times are the venue's)."""
    start = dt.datetime.combine(draft.day, draft.start, event.zone)
    end = dt.datetime.combine(draft.day, draft.end, event.zone)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def save_draft(store: Store, draft: SessionDraft, session_id: int | None = None) -> Session:
    """Insert the draft as a new session, or write it over session `session_id`.

    The caller checks it with `session_problems` first and holds the transaction.
    """
    starts_at, ends_at = moments(draft, store.event())
    if session_id is None:
        return store.add_session(
            draft.title,
            starts_at,
            ends_at,
            draft.room,
            draft.capacity,
            key=draft.key,
            open_to=draft.open_to,
            booking_required=draft.booking_required,
        )
    return update_session(
        store,
        session_id,
        {
            "title": draft.title,
            "room": draft.room,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "capacity": draft.capacity,
            "key": draft.key,
            "open_to": draft.open_to,
            "booking_required": draft.booking_required,
        },
    )


def with_changes(draft: SessionDraft, fields: Mapping[str, str | None]) -> SessionDraft:
    """The draft with some of its text fields replaced (None = keep), read by
    the same rules as an agenda row; raises DraftError."""
    current = fields_of(draft)
    current.update({name: value for name, value in fields.items() if value is not None})
    return read_draft(current)


def same_session(a: SessionDraft, b: SessionDraft) -> bool:
    """Whether saving `b` over `a` would change nothing (open_to compared
    without regard to case or order)."""

    def norm(d: SessionDraft) -> SessionDraft:
        return replace(d, open_to=tuple(sorted(c.casefold() for c in d.open_to)))

    return norm(a) == norm(b)


def _label(name: str) -> str:
    return {"start": "start time", "end": "end time"}.get(name, name)


def _day(text: str, problems: list[str]) -> dt.date | None:
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    problems.append(f"the day '{text}' is not a date like 2026-11-30")
    return None


def _time(text: str, name: str, problems: list[str]) -> dt.time | None:
    # A spreadsheet's time cell reads as 09:30:00; whole minutes only.
    parts = text.replace(".", ":").split(":")
    if len(parts) == 3 and parts[2] == "00":
        parts = parts[:2]
    if len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[1]) == 2:
        hour, minute = int(parts[0]), int(parts[1])
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    problems.append(f"the {_label(name)} '{text}' is not a time like 09:30")
    return None


def _capacity(text: str, problems: list[str]) -> int | None:
    if not text:
        return None
    if text.isdigit() and int(text) > 0:
        return int(text)
    problems.append(
        f"the capacity '{text}' is not a positive whole number (leave it empty for no limit)"
    )
    return None


def _yes_no(text: str, problems: list[str]) -> bool:
    answer = text.casefold()
    if answer in _YES:
        return True
    if answer not in _NO:
        problems.append(f"booking_required '{text}' is not yes or no")
    return False

"""The nouns of check-in: event, session, attendee, log entry and scan result."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from zoneinfo import ZoneInfo


class AttendeeStatus(enum.StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"


class EmailFrom(enum.StrEnum):
    """Whose address an attendee's e-mail is: their own, or the buyer's of
    the order (imported when the attendee gave none; tickets and
    certificates still reach the attendee through the buyer)."""

    ATTENDEE = ""
    BUYER = "buyer"


class EntryKind(enum.StrEnum):
    ENTRY = "entry"
    EXIT = "exit"
    UNDO = "undo"


class Result(enum.StrEnum):
    """What a scan decided. The first seven are the results of an entry scan."""

    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN_CODE = "unknown_code"
    # The code of a lost badge, replaced by a new one: it never admits again.
    REPLACED = "replaced"
    CANCELLED = "cancelled"
    NOT_VALID_NOW = "not_valid_now"
    INVALID_INPUT = "invalid_input"
    # A session's door rules (kiosk.domain.rules): not for this attendee's
    # category or not booked, and a room at capacity.
    NOT_ELIGIBLE = "not_eligible"
    SESSION_FULL = "session_full"
    # Exit scans (a station in exit mode) have two outcomes of their own.
    CHECKED_OUT = "checked_out"
    NOT_CHECKED_IN = "not_checked_in"
    # A print-only station's answers: it prints badges and admits nobody.
    BADGE_PRINTED = "badge_printed"
    ALREADY_PRINTED = "already_printed"

    @property
    def admitted(self) -> bool:
        return self is Result.CHECKED_IN


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    venue: str = ""
    timezone: str = "Europe/London"
    first_day: dt.date | None = None
    last_day: dt.date | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_day(self, moment: dt.datetime) -> dt.date:
        """The calendar day at the venue for a UTC moment."""
        return moment.astimezone(self.zone).date()

    def is_open_on(self, day: dt.date) -> bool:
        if self.first_day is not None and day < self.first_day:
            return False
        return not (self.last_day is not None and day > self.last_day)


@dataclass(frozen=True, slots=True)
class Session:
    """A part of the programme with its own admission list (a breakout, a lab)."""

    id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str = ""
    capacity: int | None = None
    key: str = ""  # the organiser's own id for it, from the agenda
    # Categories that may come in; empty for everyone.
    open_to: tuple[str, ...] = ()
    booking_required: bool = False
    cancelled: bool = False

    @property
    def length(self) -> dt.timedelta:
        return self.ends_at - self.starts_at

    def is_open_at(self, moment: dt.datetime, early: dt.timedelta) -> bool:
        """People may check in from `early` before the start until the end,
        unless the session was cancelled."""
        return not self.cancelled and self.starts_at - early <= moment <= self.ends_at


@dataclass(frozen=True, slots=True)
class Attendee:
    id: int
    code: str
    first_name: str
    last_name: str = ""
    organisation: str = ""
    job_title: str = ""
    email: str = ""
    category: str = ""
    status: AttendeeStatus = AttendeeStatus.ACTIVE
    notes: str = ""
    email_from: EmailFrom = EmailFrom.ATTENDEE
    pronouns: str = ""
    credentials: str = ""  # post-nominals, as the attendee writes them: "RN, MSc"
    attention: str = ""  # a staff note: the kiosk sends them to the help desk
    notify: bool = False  # staff are alerted when they arrive

    @property
    def email_is_buyers(self) -> bool:
        return bool(self.email) and self.email_from is EmailFrom.BUYER

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One line of the append-only check-in log.

    `day` is the venue's calendar day of `at`, so that "once per day" does not
    depend on the station's own time zone.
    """

    id: str
    attendee_id: int
    kind: EntryKind
    at: dt.datetime
    day: dt.date
    station: str
    operator: str = ""
    session_id: int | None = None
    undoes: str | None = None
    reason: str = ""
    offline: bool = False
    # A supervisor let them in past a session rule, giving `reason`.
    override: bool = False
    # Recorded afterwards from a paper list (kiosk scan --at): `at` is the
    # moment on the list, not when it was typed in.
    entered_later: bool = False


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The decision for one scan, and the log entry it appends (if any)."""

    code: str
    result: Result
    attendee: Attendee | None = None
    first_checked_in: LogEntry | None = None
    appended: LogEntry | None = None
    session_id: int | None = None
    offline: bool = False

    @property
    def see_desk(self) -> bool:
        """An admission of a flagged attendee: sent to the help desk (never told why)."""
        return self.result is Result.CHECKED_IN and bool(self.attendee and self.attendee.attention)

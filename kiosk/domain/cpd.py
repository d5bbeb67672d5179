"""Time in the room and CPD credit: what accreditors count is the time people
actually spent in a session, not the time it was scheduled for.

Minutes attended come from one attendee's log for one session (entries,
exits and the undos that take some of them back):

- an entry counts from the later of its time and the session's start;
- an exit ends the count; an exit with no open entry is ignored;
- a second entry while already inside is ignored (it does not restart the count);
- an entry with no exit counts until the session's end, even while the session
  is still running: certificates are made at the end of the day, and a door
  that never scanned people out must not cost them their credit;
- nothing before the start or after the end counts, and the total is capped at
  the session's length.

Seconds are summed over every stay and the total is floored once to whole
minutes, so two stays of 30 minutes 30 seconds make 61 minutes, not 60.

Credit is then given by a rule the organiser sets (`cpd.minimum_share` and
`cpd.rounding_minutes` in kiosk.settings): nothing below the minimum share of
the session, else the minutes rounded down to the rounding. A session with no
length earns nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.domain.models import EntryKind, LogEntry, Session
from kiosk.domain.rules import live_entries

# At the same moment an entry is taken before an exit (a scan in and out at
# once counts nothing), then the id decides: the order the log is read in
# never changes the minutes.
_KIND_ORDER = {EntryKind.ENTRY: 0, EntryKind.EXIT: 1}


@dataclass(frozen=True, slots=True)
class CpdRule:
    """How minutes attended become credit (the two cpd.* settings)."""

    minimum_share: float  # 0..1: the share of a session needed for any credit
    rounding_minutes: int  # credit is rounded down to a multiple of this


@dataclass(frozen=True, slots=True)
class SessionCredit:
    """One attendee in one session: minutes attended and the credit they earn."""

    session: Session
    minutes: int
    credit: int
    met_share: bool  # attended at least the minimum share (credit may still round to 0)

    @property
    def length_minutes(self) -> int:
        return session_minutes(self.session)


def session_minutes(session: Session) -> int:
    """The session's scheduled length in whole minutes (0 when it has none)."""
    return max(int(session.length.total_seconds() // 60), 0)


def _overlap(
    begin: dt.datetime, end: dt.datetime, session_start: dt.datetime, session_end: dt.datetime
) -> dt.timedelta:
    start = max(begin, session_start)
    stop = min(end, session_end)
    return max(stop - start, dt.timedelta(0))


def minutes_attended(entries: Iterable[LogEntry], session: Session) -> int:
    """Whole minutes the attendee spent in `session`, from their log for it
    (other sessions' lines are left out; undone lines removed)."""
    if session.ends_at <= session.starts_at:
        return 0
    own = [e for e in entries if e.session_id == session.id]
    moves = sorted(live_entries(own), key=lambda e: (e.at, _KIND_ORDER[e.kind], e.id))
    total = dt.timedelta(0)
    opened: dt.datetime | None = None
    for move in moves:
        if move.kind is EntryKind.ENTRY:
            if opened is None:
                opened = move.at
        elif opened is not None:
            total += _overlap(opened, move.at, session.starts_at, session.ends_at)
            opened = None
    if opened is not None:
        total += _overlap(opened, session.ends_at, session.starts_at, session.ends_at)
    total = min(total, session.length)
    return int(total.total_seconds() // 60)


def credit_minutes(minutes: int, session: Session, minimum_share: float, rounding: int) -> int:
    """The CPD credit, in minutes, for `minutes` attended of `session`: 0 below
    the minimum share of its length, else the minutes rounded down to `rounding`."""
    length = session_minutes(session)
    if length == 0 or not meets_share(minutes, session, minimum_share):
        return 0
    step = max(rounding, 1)
    return min(minutes, length) // step * step


def meets_share(minutes: int, session: Session, minimum_share: float) -> bool:
    """At least `minimum_share` of the session attended (a session with no
    length is never met: there is nothing to credit)."""
    length = session_minutes(session)
    # The tolerance keeps 0.7 x 60 from asking 42.00000000000001 minutes.
    needed = math.ceil(minimum_share * length - 1e-9)
    return length > 0 and minutes >= needed


def session_credit(entries: Iterable[LogEntry], session: Session, rule: CpdRule) -> SessionCredit:
    minutes = minutes_attended(entries, session)
    return SessionCredit(
        session,
        minutes,
        credit_minutes(minutes, session, rule.minimum_share, rule.rounding_minutes),
        meets_share(minutes, session, rule.minimum_share),
    )


def cpd_hours(credits: Iterable[SessionCredit]) -> float:
    """Total credited minutes as hours, to two decimals (165 minutes: 2.75)."""
    return round(sum(c.credit for c in credits) / 60, 2)


def hours_text(hours: float) -> str:
    """Hours as people write them: 2.75, 1.5, 3 (never 3.00)."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")

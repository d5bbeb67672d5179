"""Which session a door admits to: the one open in its room at a moment.

A door station set up for a room (`kiosk run --room`, `kiosk scan --room`)
asks this at every scan and every second, so it moves from one session to
the next by itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kiosk.domain.models import Session


def session_in_room(
    sessions: Iterable[Session], moment: dt.datetime, early: dt.timedelta
) -> Session | None:
    """The session a room's door admits to at `moment`, of the room's `sessions`.

    A session is open from `early` before its start until its end (never if
    cancelled). When two are open at once (the next one's doors open while
    the last one is still running), the one that has started wins until it
    ends: people still arriving late for Breakout A are admitted to A, and
    from A's end the door admits to what comes next.
    """
    open_now = [s for s in sessions if s.is_open_at(moment, early)]
    if not open_now:
        return None
    running = [s for s in open_now if s.starts_at <= moment]
    if running:
        # The latest to start: a keynote overrunning into the next slot's
        # start has handed the room over.
        return max(running, key=lambda s: (s.starts_at, s.id))
    return min(open_now, key=lambda s: (s.starts_at, s.id))


def next_in_room(sessions: Iterable[Session], moment: dt.datetime) -> Session | None:
    """The room's next session starting after `moment` (cancelled ones left out)."""
    later = [s for s in sessions if not s.cancelled and s.starts_at > moment]
    return min(later, key=lambda s: (s.starts_at, s.id)) if later else None


def next_change(
    sessions: Iterable[Session], moment: dt.datetime, early: dt.timedelta
) -> dt.datetime | None:
    """The first moment after `moment` at which `session_in_room` may answer
    differently: a session's doors opening, its start or its end."""
    edges = [
        edge
        for s in sessions
        if not s.cancelled
        for edge in (s.starts_at - early, s.starts_at, s.ends_at + dt.timedelta(microseconds=1))
        if edge > moment
    ]
    return min(edges) if edges else None

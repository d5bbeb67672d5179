"""The one way a moment is written as text: UTC, ISO 8601, microseconds, `+00:00`.

`2026-03-10T09:01:02.345678+00:00`: fixed width, so text order is time order
and SQL can compare moments as text. Every moment the event file holds is
written by `utc_text` (or, in SQL defaults, by `SQL_NOW`, the same shape) and
read by `parse_utc`; moments the hub gives as PostgreSQL `timestamptz` values
go through `utc_text` before they are stored or shown.
"""

from __future__ import annotations

import datetime as dt

# SQLite's own clock has milliseconds only; the zeros keep the width.
SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now')"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utc_text(moment: dt.datetime) -> str:
    """A moment as stored; a naive moment is taken to be UTC already."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def now_text() -> str:
    return utc_text(utc_now())


def parse_utc(text: str) -> dt.datetime:
    """A stored moment (or one in an older shape: `Z`, milliseconds, a space)."""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def normalised(text: str | None) -> str | None:
    """`text` in the one shape, for rewriting older rows; text that is no
    moment at all comes back as it was (nothing is lost)."""
    if not text:
        return text
    try:
        return utc_text(parse_utc(text))
    except ValueError:
        return text

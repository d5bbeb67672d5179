"""The webhook outbox: alerts waiting to be POSTed, durable across restarts.

A row is written in the check-in's own transaction, so an admission that
raised an alert always has its webhook waiting. Any station process on the
file sends them (kiosk.alerts.sender): it claims one row for a lease, posts
it, and marks it delivered or schedules the next try. The event id is the
row's key, so an alert is queued once; a claim held by a process that died
mid-delivery runs out with its lease and the row is sent again under the
same id, which the receiver uses to drop the repeat.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.store.store import Store
from kiosk.store.timestamps import parse_utc, utc_text

# A try waits 1 s after the first failure, doubling to 30 s.
FIRST_RETRY_S = 1.0
LAST_RETRY_S = 30.0


@dataclass(frozen=True, slots=True)
class Outgoing:
    event_id: str
    body: str
    attempts: int


def queue_webhook(store: Store, event_id: str, body: str) -> None:
    """Inside the caller's transaction: queue one event (once per id)."""
    store.conn.execute(
        "INSERT OR IGNORE INTO webhook_outbox (event_id, body) VALUES (?, ?)", (event_id, body)
    )


def _due(now: dt.datetime) -> tuple[str, str]:
    moment = utc_text(now)
    return moment, moment


_DUE = """delivered_at IS NULL
    AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
    AND (claimed_until IS NULL OR claimed_until <= ?)"""


def claim_next(store: Store, now: dt.datetime, lease: dt.timedelta) -> Outgoing | None:
    """The oldest event due now that no live claim holds, claimed until now + lease."""
    with store.transaction():
        row = store.conn.execute(
            f"SELECT event_id, body, attempts FROM webhook_outbox WHERE {_DUE} "
            "ORDER BY seq LIMIT 1",
            _due(now),
        ).fetchone()
        if row is None:
            return None
        store.conn.execute(
            "UPDATE webhook_outbox SET claimed_until = ? WHERE event_id = ?",
            (utc_text(now + lease), row[0]),
        )
    return Outgoing(str(row[0]), str(row[1]), int(row[2]))


def mark_delivered(store: Store, event_id: str, now: dt.datetime) -> None:
    with store.transaction():
        store.conn.execute(
            "UPDATE webhook_outbox SET delivered_at = ?, claimed_until = NULL, error = '', "
            "attempts = attempts + 1 WHERE event_id = ?",
            (utc_text(now), event_id),
        )


def retry_delay(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failed try."""
    seconds = min(LAST_RETRY_S, FIRST_RETRY_S * 2 ** max(0, attempts - 1))
    return dt.timedelta(seconds=seconds)


def mark_failed(store: Store, event_id: str, now: dt.datetime, error: str) -> None:
    """Schedule the next try with backoff; `error` is a short reason without secrets."""
    with store.transaction():
        row = store.conn.execute(
            "SELECT attempts FROM webhook_outbox WHERE event_id = ?", (event_id,)
        ).fetchone()
        attempts = int(row[0]) + 1 if row else 1
        store.conn.execute(
            "UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ?, claimed_until = NULL, "
            "error = ? WHERE event_id = ?",
            (attempts, utc_text(now + retry_delay(attempts)), error[:200], event_id),
        )


def next_due_at(store: Store) -> dt.datetime | None:
    """When the earliest undelivered event may be tried (None: nothing waits)."""
    row = store.conn.execute(
        "SELECT min(max(coalesce(next_attempt_at, ''), coalesce(claimed_until, ''))) "
        "FROM webhook_outbox WHERE delivered_at IS NULL"
    ).fetchone()
    if row is None or row[0] is None:
        return None
    if row[0] == "":
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return parse_utc(str(row[0]))


def waiting_count(store: Store) -> int:
    return int(
        store.conn.execute(
            "SELECT count(*) FROM webhook_outbox WHERE delivered_at IS NULL"
        ).fetchone()[0]
    )

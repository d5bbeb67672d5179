"""The webhook outbox: one row per event id, a claim that keeps other senders
off until its lease runs out, and retries that back off from 1 s to 30 s."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.store import Store
from kiosk.store.purge import anonymise
from kiosk.store.webhooks import (
    claim_next,
    mark_delivered,
    mark_failed,
    next_due_at,
    queue_webhook,
    retry_delay,
    waiting_count,
)

T0 = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
LEASE = dt.timedelta(seconds=8)


def test_an_event_is_queued_once_and_a_claim_keeps_a_second_sender_off(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    first, second = Store.open(path, create=True), None
    try:
        with first.transaction():
            queue_webhook(first, "arrival:e1", '{"id": "arrival:e1"}')
            queue_webhook(first, "arrival:e1", '{"id": "a repeat"}')
        assert waiting_count(first) == 1
        second = Store.open(path)
        claimed = claim_next(first, T0, LEASE)
        assert claimed is not None and claimed.body == '{"id": "arrival:e1"}'
        assert claim_next(second, T0 + dt.timedelta(seconds=7), LEASE) is None
        # The first sender died without a word: after the lease the next one sends it.
        again = claim_next(second, T0 + dt.timedelta(seconds=9), LEASE)
        assert again is not None and again.event_id == "arrival:e1"
        mark_delivered(second, "arrival:e1", T0 + dt.timedelta(seconds=9))
        assert waiting_count(first) == 0
        assert claim_next(first, T0 + dt.timedelta(hours=1), LEASE) is None
        assert next_due_at(first) is None
    finally:
        first.close()
        if second is not None:
            second.close()


def test_failures_back_off_from_one_second_doubling_to_thirty(store: Store) -> None:
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 5, 6, 7)] == [
        1,
        2,
        4,
        8,
        16,
        30,
        30,
    ]
    with store.transaction():
        queue_webhook(store, "see_desk:e2", "{}")
    now = T0
    for attempt in (1, 2, 3):
        claimed = claim_next(store, now, LEASE)
        assert claimed is not None and claimed.attempts == attempt - 1
        mark_failed(store, "see_desk:e2", now, "no answer: ConnectionRefusedError")
        wait = retry_delay(attempt)
        assert claim_next(store, now + wait - dt.timedelta(milliseconds=1), LEASE) is None
        assert next_due_at(store) == now + wait
        now += wait
    row = store.conn.execute("SELECT attempts, error FROM webhook_outbox").fetchone()
    assert row == (3, "no answer: ConnectionRefusedError")


def test_a_purge_removes_waiting_and_sent_webhooks(store: Store) -> None:
    with store.transaction():
        queue_webhook(store, "see_desk:e3", '{"attendee": {"name": "Ada Lovelace"}}')
        queue_webhook(store, "arrival:e4", '{"attendee": {"name": "Ada Lovelace"}}')
    mark_delivered(store, "arrival:e4", T0)
    anonymise(store)
    assert store.conn.execute("SELECT count(*) FROM webhook_outbox").fetchone()[0] == 0

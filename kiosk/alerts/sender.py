"""The webhook sender: a thread in every station process that empties the outbox.

Every process on an event file (kiosk run, kiosk desk, kiosk scan) runs one
when `alerts.webhook_url` is set; they share the outbox through claims
(kiosk.store.webhooks), so each event goes out from one of them at a time.
It wakes when its own station queues an alert and otherwise looks every
quarter second for alerts other processes queued. `kiosk scan` drains what
it can before it exits; the rest goes with the next process.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from kiosk.alerts.queue import URL_SETTING
from kiosk.alerts.webhook import TIMEOUT_S, DeliveryFailed, post, where
from kiosk.store import Store
from kiosk.store.faults import StoreError
from kiosk.store.timestamps import utc_now
from kiosk.store.webhooks import Outgoing, claim_next, mark_delivered, mark_failed, next_due_at

log = logging.getLogger("kiosk.alerts")

SECRET_SETTING = "alerts.webhook_secret"
# A claim outlives one request with room to spare; a process killed while it
# held one leaves the event to the next sender once the lease ends.
LEASE = dt.timedelta(seconds=2 * TIMEOUT_S)
POLL_S = 0.25


class WebhookSender:
    """Sends the outbox of the event file at `db_path` to `url`, signed with `secret`."""

    def __init__(
        self,
        db_path: Path,
        url: str,
        secret: str,
        *,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.db_path, self.url, self.secret, self.clock = db_path, url, secret, clock
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._store: Store | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kiosk-webhooks", daemon=True)
        self._thread.start()
        log.info("webhooks go to %s", where(self.url))

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = TIMEOUT_S + 1) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def drain(self, deadline_s: float) -> int:
        """Stop the thread and send what waits, retries that fall due within
        `deadline_s` included; returns how many were delivered."""
        self.stop()
        delivered = 0
        end = time.monotonic() + deadline_s
        store = self._open()
        try:
            while time.monotonic() < end:
                outcome = self._send_one(store)
                if outcome is not None:
                    delivered += outcome
                    continue
                due = next_due_at(store)
                if due is None:
                    break
                wait = (due - self.clock()).total_seconds()
                if wait > end - time.monotonic():
                    break
                time.sleep(max(0.0, min(wait, POLL_S)))
        finally:
            store.close()
        return delivered

    def _open(self) -> Store:
        # Its own connection: SQLite connections stay on the thread that made them.
        return Store.open(self.db_path)

    def _run(self) -> None:
        try:
            store = self._open()
        except StoreError as error:
            log.error("webhook sender cannot open the event file: %s", error)
            return
        try:
            while not self._stop.is_set():
                try:
                    outcome = self._send_one(store)
                except StoreError as error:
                    log.warning("webhook outbox unreadable, trying again: %s", error)
                    outcome = None
                if outcome is None:
                    self._wake.wait(POLL_S)
                    self._wake.clear()
        finally:
            store.close()

    def _send_one(self, store: Store) -> int | None:
        """Send the next due event: 1 delivered, 0 failed, None when nothing is due."""
        outgoing = claim_next(store, self.clock(), LEASE)
        if outgoing is None:
            return None
        return self._deliver(store, outgoing)

    def _deliver(self, store: Store, outgoing: Outgoing) -> int:
        try:
            post(self.url, self.secret, outgoing.event_id, outgoing.body)
        except DeliveryFailed as error:
            mark_failed(store, outgoing.event_id, self.clock(), str(error))
            log.info(
                "webhook %s not delivered (try %d): %s",
                outgoing.event_id,
                outgoing.attempts + 1,
                error,
            )
            return 0
        mark_delivered(store, outgoing.event_id, self.clock())
        log.info("webhook %s delivered", outgoing.event_id)
        return 1


def webhook_settings(store: Store) -> tuple[str, str] | None:
    """(url, secret) when this station sends webhooks; None when it does not.

    A URL without a secret sends nothing (a receiver could not trust it): the
    alerts wait in the outbox, and the log says why once."""
    url = (store.setting(URL_SETTING) or "").strip()
    if not url:
        return None
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        log.warning("alerts.webhook_url is not an http(s) address: webhooks wait")
        return None
    secret = store.setting(SECRET_SETTING) or ""
    if not secret:
        log.warning("alerts.webhook_secret is not set on this station: webhooks wait")
        return None
    return url, secret


def start_webhooks(store: Store) -> WebhookSender | None:
    """A running sender for this station's event file, or None when webhooks are off."""
    settings = webhook_settings(store)
    if settings is None or store.path is None:
        return None
    sender = WebhookSender(store.path, *settings)
    sender.start()
    return sender

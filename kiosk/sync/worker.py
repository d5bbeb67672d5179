"""The background sync thread: uploads the outbox, applies the hub's changes.

It has its own SQLite connection and its own hub connection. It sleeps in
select() on the hub socket (LISTEN/NOTIFY) and on a wake-up socket, so a change
made here goes up at once and a change made elsewhere comes down at once;
changes made by code that does not wake it are found within 0.25 s by
looking at the local outbox; the hub is read again every 5 s only as a safety
net, not as the way changes are found.
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.store import Store
from kiosk.store.timestamps import now_text
from kiosk.sync import hub, hubversion, local
from kiosk.sync.connection import HubRefused, HubUnavailable, connect, describe, psycopg_module
from kiosk.sync.hubschema import NOTIFY_CHANNEL
from kiosk.sync.join import hub_id_of

log = logging.getLogger("kiosk.sync")

RETRY_S = 1.0
# A hub that refused the password is asked again only this often: every
# attempt is a failed login in the hub's log (and may trip a lock-out there).
REFUSED_RETRY_S = 10.0
SAFETY_POLL_S = 5.0
# How often the outbox is looked at when nothing woke the thread.
OUTBOX_CHECK_S = 0.25
BATCH = 500


def push(conn: Any, store: Store, station: str) -> int:
    """Upload everything in the outbox; safe to repeat after a crash."""
    sent = 0
    while batch := local.pending(store, station, limit=BATCH):
        hub.upload(conn, station, [change for _seq, change in batch])
        with store.transaction():
            local.mark_sent(store, [seq for seq, _change in batch])
            local.set_state(store, local.LAST_SYNC, now_text())
        sent += len(batch)
    return sent


def pull(conn: Any, store: Store) -> int:
    """Apply every hub change after this station's cursor."""
    applied = 0
    while True:
        cursor = int(local.state(store, local.CURSOR, "0") or 0)
        batch = hub.changes_after(conn, cursor, BATCH)
        applied += local.apply_changes(store, batch, lambda code: hub.attendee(conn, code))
        if len(batch) < BATCH:
            return applied


class SyncWorker(threading.Thread):
    def __init__(
        self,
        path: Path,
        url: str,
        station: str,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(name=f"sync-{station}", daemon=True)
        self.path = path
        self.url = url
        self.station = station
        self.on_change = on_change
        self.online = False
        self.refused = False
        self._stopping = threading.Event()
        # A connected socket pair, not a pipe: select() takes sockets on every
        # system, pipes only on POSIX.
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)

    def wake(self) -> None:
        # A full buffer means a wake-up is already waiting; a closed one, that we stopped.
        with contextlib.suppress(OSError):
            self._wake_w.send(b"!")

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after one last upload and download (if the hub is there)."""
        self._stopping.set()
        self.wake()
        self.join(timeout)
        if not self.is_alive():
            self._wake_r.close()
            self._wake_w.close()

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while self._wake_r.recv(4096):
                pass

    def _set_online(self, store: Store, online: bool, *, refused: bool = False) -> None:
        if online != self.online:
            log.info("hub %s is %s", describe(self.url), "online" if online else "offline")
        self.online, self.refused = online, refused
        local.set_state(store, local.ONLINE, "1" if online else "0")
        local.set_state(store, local.REFUSED, "1" if refused else "0")
        if self.on_change:
            self.on_change()

    def run(self) -> None:
        psycopg = psycopg_module()
        store = Store.open(self.path)
        try:
            while not self._stopping.is_set():
                try:
                    conn = connect(self.url, self.station)
                except HubRefused:
                    # Said on the status line and in `kiosk status`, never
                    # taken for a hub that is merely away.
                    self._set_online(store, False, refused=True)
                    self._pause(REFUSED_RETRY_S)
                    continue
                except HubUnavailable:
                    self._set_online(store, False)
                    self._pause(RETRY_S)
                    continue
                try:
                    with conn:
                        self._serve(conn, store)
                except (psycopg.Error, OSError) as error:
                    log.info("lost the hub: %s", type(error).__name__)
                    self._set_online(store, False)
                    self._pause(RETRY_S)
        finally:
            # The file says "online" only while a station is running on it.
            with contextlib.suppress(Exception):
                local.set_state(store, local.ONLINE, "0")
            store.close()

    def _pause(self, seconds: float) -> None:
        if not self._stopping.is_set():
            select.select([self._wake_r], [], [], seconds)
            self._drain()

    def _serve(self, conn: Any, store: Store) -> None:
        if hub_id_of(conn) != local.state(store, local.HUB_ID):
            log.error("hub %s holds a different event; staying offline", describe(self.url))
            self._pause(30)
            return
        try:
            hubversion.ensure_compatible(conn)
        except hubversion.HubIncompatible as error:
            log.error("hub %s cannot be used: %s", describe(self.url), error)
            self._pause(30)
            return
        if local.state(store, local.SESSION_BLOCK) is None:
            # Joined before stations numbered their sessions in blocks.
            block = hub.claim_session_block(conn)
            with store.transaction():
                local.set_state(store, local.SESSION_BLOCK, str(block))
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        self._set_online(store, True)
        must_pull = True
        last_pull = time.monotonic()
        while True:
            started = time.monotonic()
            # The outbox is a local table: looking at it costs microseconds and
            # catches changes made by code that does not wake us (an edit at
            # the desk, the print worker, another process on this file).
            sent = push(conn, store, self.station)
            applied = 0
            if must_pull or self._stopping.is_set():
                applied = pull(conn, store)
                last_pull = time.monotonic()
                # A heartbeat, so that a station killed while online does not
                # read as online forever in `kiosk status`.
                local.set_state(store, local.SEEN_HUB_AT, now_text())
            if (sent or applied) and self.on_change:
                self.on_change()
            if sent or applied:
                log.debug(
                    "sync: %d up, %d down in %.3f s", sent, applied, time.monotonic() - started
                )
            if self._stopping.is_set():
                return
            # Notifications that came in while we were busy are already read
            # off the socket (select would not see them): collect them first.
            if any(True for _ in conn.notifies(timeout=0)):
                must_pull = True
                continue
            ready, _, _ = select.select([conn.fileno(), self._wake_r], [], [], OUTBOX_CHECK_S)
            self._drain()
            must_pull = time.monotonic() - last_pull >= SAFETY_POLL_S
            if conn.fileno() in ready:
                # Reading the notifications also notices a connection that died.
                for _ in conn.notifies(timeout=0):
                    must_pull = True

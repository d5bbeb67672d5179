"""The sending run: queued messages out through the organiser's mail server.

One run at a time per event file (a kernel lock on a file beside it, dropped
by the kernel however the run ends, kill -9 included). Under that lock, rows
a stopped run left `sending` are queued again first. Each message is then
claimed (committed), sent as MAIL, RCPT and DATA on one connection, and
marked sent with the server's acceptance as soon as DATA is accepted.

What the server answers decides what follows: 2xx sent; 5xx to RCPT or DATA
(no such mailbox, refused) failed with the server's reason, never retried;
4xx (try later) queued again with a backoff; a lost or refused connection
puts the message back and waits before reconnecting; a login refused, an
untrusted certificate or the sender address refused stop the run with one
sentence, the message queued for the next run. Logs hold outbox ids and
reply codes, never addresses or the server's text (which can quote one).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import smtplib
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.mail.content import Content, NotSendable
from kiosk.mail.server import MailServer, MailServerError, connect
from kiosk.store import Store, outbox
from kiosk.store.live import lock_fd
from kiosk.store.outbox import MailState, OutboxMessage
from kiosk.store.timestamps import utc_now

log = logging.getLogger("kiosk.email")

Progress = Callable[[OutboxMessage, MailState, str], None]


class AlreadySending(Exception):
    """Another run is sending this event's email."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    backoff_s: float = 5.0  # first wait after a 4xx or a lost connection, doubling
    max_backoff_s: float = 300.0
    tries_per_run: int = 4  # a message answered 4xx this often waits for the next run
    connection_failures: int = 5  # in a row, before the run gives up

    def wait(self, failures: int) -> float:
        return float(min(self.backoff_s * 2 ** max(failures - 1, 0), self.max_backoff_s))


@dataclass
class RunReport:
    sent: int = 0
    failed: int = 0
    left: int = 0  # still queued when the run ended
    stopped: str = ""  # why the run stopped early, one sentence ("" when it finished)
    resumed: list[int] = field(default_factory=list)  # rows a stopped run left sending


class _Stop(Exception):
    """The run cannot go on (one sentence)."""


@contextlib.contextmanager
def sending_lock(db_path: Path | None) -> Iterator[None]:
    """Held while a run sends: a second run is refused at once."""
    if db_path is None or str(db_path) == ":memory:":
        yield
        return
    path = db_path.with_name(f"{db_path.name}-email.lock")
    fd = os.open(path, os.O_CREAT | os.O_RDWR | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if not lock_fd(fd, wait=False):
            raise AlreadySending("Another run is already sending this event's email.")
        yield
    finally:
        os.close(fd)  # releases the lock


class Run:
    """One sending run over the outbox of one event file."""

    def __init__(
        self,
        store: Store,
        server: MailServer,
        password: str | None,
        content: Content,
        *,
        rate_per_minute: int = 0,
        policy: RetryPolicy = RetryPolicy(),
        tls: ssl.SSLContext | None = None,
        progress: Progress | None = None,
        stop: threading.Event | None = None,
        only: int | None = None,
    ) -> None:
        self.store, self.server, self.password, self.content = store, server, password, content
        self.interval = 60.0 / rate_per_minute if rate_per_minute > 0 else 0.0
        self.policy, self.tls, self.progress = policy, tls, progress
        self.stop = stop or threading.Event()
        self.only = only  # send this one message and no other (a test message)
        self.report = RunReport()
        self._connection: smtplib.SMTP | None = None
        self._last_send = float("-inf")
        self._tries: dict[int, int] = {}
        self._given_up: set[int] = set()
        self._connection_failures = 0

    def run(self) -> RunReport:
        with sending_lock(self.store.path):
            self.report.resumed = outbox.requeue_interrupted(self.store)
            if self.report.resumed:
                log.warning(
                    "outbox %s: left sending by a stopped run; sending again under the same "
                    "Message-ID",
                    ",".join(map(str, self.report.resumed)),
                )
            try:
                self._loop()
            except _Stop as stop:
                self.report.stopped = str(stop)
            finally:
                self._disconnect()
        self.report.left = sum(
            1
            for message in outbox.unfinished(self.store)
            if self.only is None or message.id == self.only
        )
        log.info(
            "email run: %d sent, %d failed, %d left%s",
            self.report.sent,
            self.report.failed,
            self.report.left,
            " (stopped)" if self.report.stopped else "",
        )
        return self.report

    def _loop(self) -> None:
        while not self.stop.is_set():
            skip = frozenset(self._given_up)
            row = outbox.claim_next(self.store, utc_now(), skip, self.only)
            if row is None:
                due = outbox.next_due(self.store, skip, self.only)
                if due is None:
                    return
                self._sleep((due - utc_now()).total_seconds())
                continue
            self._send(row)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.stop.wait(seconds)

    def _settle(self, row: OutboxMessage, state: MailState, reply: str) -> None:
        if state is MailState.SENT:
            outbox.mark_sent(self.store, row.id, reply)
            self.report.sent += 1
        elif state is MailState.FAILED:
            outbox.mark_failed(self.store, row.id, reply)
            self.report.failed += 1
        if self.progress is not None:
            self.progress(row, state, reply)

    def _send(self, row: OutboxMessage) -> None:
        try:
            data = self.content.build(row)
        except NotSendable as error:
            log.info("outbox %d: failed before sending (%s)", row.id, type(error).__name__)
            self._settle(row, MailState.FAILED, str(error))
            return
        self._sleep(self._last_send + self.interval - time.monotonic())
        try:
            connection = self._connect(row)
            code, reply = self._transaction(connection, row, data)
        except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError) as error:
            self._lost_connection(row, error)
            return
        except smtplib.SMTPResponseException as error:  # DATA refused before the content
            code, reply = error.smtp_code, _text(error.smtp_error)
        except OSError as error:  # refused, reset, timed out (SMTPException is one too)
            self._lost_connection(row, error)
            return
        self._last_send = time.monotonic()
        self._connection_failures = 0
        text = f"{code} {reply}"
        if 200 <= code < 300:
            log.info("outbox %d: sent (%d)", row.id, code)
            self._settle(row, MailState.SENT, text)
        elif code >= 500:
            log.info("outbox %d: failed, the server answered %d", row.id, code)
            self._settle(row, MailState.FAILED, text)
        else:
            self._later(row, text, code)

    def _transaction(
        self, connection: smtplib.SMTP, row: OutboxMessage, data: bytes
    ) -> tuple[int, str]:
        """(code, reply) of the step that decided: RCPT's refusal or DATA's answer."""
        code, reply = connection.mail(self.content.sender.address)
        if code != 250:
            connection.rset()
            if code >= 500:
                outbox.mark_retry(self.store, row.id, f"{code} {_text(reply)}", None)
                raise _Stop(
                    f"The mail server refused the sender address ({code}); check email.from."
                )
            return code, _text(reply)
        code, reply = connection.rcpt(row.recipient)
        if code not in (250, 251):
            connection.rset()
            return code, _text(reply)
        code, reply = connection.data(data)
        return code, _text(reply)

    def _connect(self, row: OutboxMessage) -> smtplib.SMTP:
        if self._connection is not None:
            return self._connection
        try:
            self._connection = connect(self.server, self.password, self.tls)
        except _REFUSALS as error:
            reason, sentence = _refusal(error, self.server.where)
            outbox.mark_retry(self.store, row.id, reason, None)  # for the next run
            raise _Stop(sentence) from None
        log.info("connected to the mail server %s", self.server.where)
        return self._connection

    def _disconnect(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self._connection.quit()
            self._connection = None

    def _lost_connection(self, row: OutboxMessage, error: BaseException) -> None:
        """The server did not accept the message: it goes back to the queue."""
        self._connection = None
        self._connection_failures += 1
        reason = f"connection failed: {type(error).__name__}"
        outbox.mark_retry(self.store, row.id, reason, None)
        log.warning(
            "outbox %d: %s (%d in a row) on %s",
            row.id,
            reason,
            self._connection_failures,
            self.server.where,
        )
        if self.progress is not None:
            self.progress(row, MailState.QUEUED, reason)
        if self._connection_failures >= self.policy.connection_failures:
            raise _Stop(
                f"The mail server {self.server.where} could not be reached; the messages "
                "not sent are still queued: run the command again to send them."
            )
        self._sleep(self.policy.wait(self._connection_failures))

    def _later(self, row: OutboxMessage, text: str, code: int) -> None:
        """A 4xx: try this one again after a wait; after a few, at the next run."""
        tries = self._tries[row.id] = self._tries.get(row.id, 0) + 1
        wait = self.policy.wait(tries)
        outbox.mark_retry(self.store, row.id, text, utc_now() + dt.timedelta(seconds=wait))
        if tries >= self.policy.tries_per_run:
            self._given_up.add(row.id)
        log.info("outbox %d: the server answered %d; trying again later", row.id, code)
        if self.progress is not None:
            self.progress(row, MailState.QUEUED, text)


# Refusals no wait can mend: the run stops with a sentence, nothing is failed.
_REFUSALS = (
    smtplib.SMTPAuthenticationError,
    ssl.SSLCertVerificationError,
    smtplib.SMTPNotSupportedError,
    MailServerError,
)


def _refusal(error: BaseException, where: str) -> tuple[str, str]:
    """(the reason kept on the message, the sentence for the organiser)."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return (
            f"{error.smtp_code} login refused",
            f"The mail server {where} refused the user name or password.",
        )
    if isinstance(error, ssl.SSLCertVerificationError):
        return (
            "certificate not trusted",
            f"The mail server {where} showed a certificate this computer does not trust, "
            "so nothing was sent.",
        )
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return (
            "the server takes no login",
            f"The mail server {where} takes no login; leave the user out of email.server, "
            "or use the server's submission port.",
        )
    return "no encryption for the password", str(error)


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return " ".join(text.split())

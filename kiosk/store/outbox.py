"""The email outbox: one row per message, in the event file.

A row moves queued -> sending -> sent, or ends failed with the server's
reason. It is claimed (`sending`, committed) before a byte goes to the mail
server and marked sent as soon as the server accepts it, so a run that is
killed and started again finds every message either sent, still queued, or
`sending`: interrupted between the claim and the mark. Those are sent again
under the same Message-ID (see docs/email.md for what that can and cannot
promise). Only one run sends at a time (kiosk.mail.sender holds a lock).

One row per (kind, attendee, round): the unique index makes queueing the
same message twice impossible, and a deliberate resend is a new round.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets
from dataclasses import dataclass

from kiosk.store.schema import EMAIL_OUTBOX
from kiosk.store.store import Store
from kiosk.store.timestamps import now_text, parse_utc, utc_text

_COLUMNS = ", ".join(EMAIL_OUTBOX.names())


class MailKind(enum.StrEnum):
    TICKET = "ticket"
    CERTIFICATE = "certificate"
    TEST = "test"


class MailState(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"  # claimed by a run; the server may or may not have it yet
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    id: int
    kind: MailKind
    attendee_id: int | None
    recipient: str
    round: int
    state: MailState
    attempts: int
    reply: str
    token: str
    created_at: dt.datetime
    updated_at: dt.datetime
    next_attempt_at: dt.datetime | None
    sent_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone a message would be queued for."""

    attendee_id: int
    recipient: str


def _moment(text: str | None) -> dt.datetime | None:
    return parse_utc(text) if text else None


def _message(row: tuple[object, ...]) -> OutboxMessage:
    values = dict(zip(EMAIL_OUTBOX.names(), row, strict=True))
    return OutboxMessage(
        id=int(str(values["id"])),
        kind=MailKind(str(values["kind"])),
        attendee_id=None if values["attendee_id"] is None else int(str(values["attendee_id"])),
        recipient=str(values["recipient"]),
        round=int(str(values["round"])),
        state=MailState(str(values["state"])),
        attempts=int(str(values["attempts"])),
        reply=str(values["reply"]),
        token=str(values["token"]),
        created_at=parse_utc(str(values["created_at"])),
        updated_at=parse_utc(str(values["updated_at"])),
        next_attempt_at=_moment(values["next_attempt_at"]),  # type: ignore[arg-type]
        sent_at=_moment(values["sent_at"]),  # type: ignore[arg-type]
    )


# Who would get a message of each kind; the dry run and the queueing read
# the same statements. Only active registrations with an address.
_HAS_ADDRESS = "a.status = 'active' AND a.email != ''"
_NO_ROW_YET = (
    "NOT EXISTS (SELECT 1 FROM email_outbox AS o WHERE o.kind = ? AND o.attendee_id = a.id)"
)
# Certificates: everyone the `attended` view holds (migration 10), once.
_ATTENDED_WITH_ADDRESS = f"""SELECT a.id, a.email FROM attendees AS a
    WHERE {_HAS_ADDRESS}
      AND EXISTS (SELECT 1 FROM attended AS v WHERE v.attendee_id = a.id)"""
_CERTIFICATE_CANDIDATES = f"{_ATTENDED_WITH_ADDRESS} AND {_NO_ROW_YET} ORDER BY a.id"
_TICKET_CANDIDATES = f"SELECT a.id, a.email FROM attendees AS a WHERE {_HAS_ADDRESS}"
_NEW_TICKET_CANDIDATES = f"{_TICKET_CANDIDATES} AND {_NO_ROW_YET}"


def candidates(store: Store, kind: MailKind, *, only_new: bool = True) -> list[Candidate]:
    """Who a run would queue a message of `kind` for now. Certificates are
    always only the new ones; tickets are everyone unless `only_new`."""
    if kind is MailKind.CERTIFICATE:
        rows = store.conn.execute(_CERTIFICATE_CANDIDATES, (kind.value,))
    elif only_new:
        rows = store.conn.execute(f"{_NEW_TICKET_CANDIDATES} ORDER BY a.id", (kind.value,))
    else:
        rows = store.conn.execute(f"{_TICKET_CANDIDATES} ORDER BY a.id")
    return [Candidate(int(attendee_id), str(email)) for attendee_id, email in rows]


def attended_with_address(store: Store) -> list[Candidate]:
    """Everyone a certificate can go to, whether sent one already or not."""
    rows = store.conn.execute(f"{_ATTENDED_WITH_ADDRESS} ORDER BY a.id")
    return [Candidate(int(attendee_id), str(email)) for attendee_id, email in rows]


def queue(store: Store, kind: MailKind, *, only_new: bool = True) -> int:
    """Queue a message for each candidate, in one transaction (the candidates
    are read inside it, so two runs cannot both queue one)."""
    with store.transaction():
        found = candidates(store, kind, only_new=only_new)
        _insert(store, kind, found)
    return len(found)


def queue_one(store: Store, kind: MailKind, attendee_id: int, recipient: str) -> int:
    """A deliberate resend: a new round for one attendee. Returns the row's id."""
    with store.transaction():
        return _insert(store, kind, [Candidate(attendee_id, recipient)])


def queue_test(store: Store, recipient: str) -> int:
    with store.transaction():
        now = now_text()
        cursor = store.conn.execute(
            "INSERT INTO email_outbox (kind, recipient, token, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (MailKind.TEST.value, recipient, secrets.token_hex(8), now, now),
        )
        return int(cursor.lastrowid or 0)


def _insert(store: Store, kind: MailKind, found: list[Candidate]) -> int:
    now = now_text()
    last = 0
    for candidate in found:
        cursor = store.conn.execute(
            """INSERT INTO email_outbox
                   (kind, attendee_id, recipient, round, token, created_at, updated_at)
               VALUES (?, ?, ?, (SELECT coalesce(max(round), 0) + 1 FROM email_outbox
                                 WHERE kind = ? AND attendee_id = ?), ?, ?, ?)""",
            (
                kind.value,
                candidate.attendee_id,
                candidate.recipient,
                kind.value,
                candidate.attendee_id,
                secrets.token_hex(8),
                now,
                now,
            ),
        )
        last = int(cursor.lastrowid or 0)
    return last


def unfinished(store: Store, kind: MailKind | None = None) -> list[OutboxMessage]:
    """Messages queued or interrupted while sending, oldest first."""
    sql = f"SELECT {_COLUMNS} FROM email_outbox WHERE state IN (?, ?)"
    params: tuple[str, ...] = (MailState.QUEUED.value, MailState.SENDING.value)
    if kind is not None:
        sql += " AND kind = ?"
        params = (*params, kind.value)
    return [_message(row) for row in store.conn.execute(sql + " ORDER BY id", params)]


def requeue_interrupted(store: Store) -> list[int]:
    """Rows a stopped run left `sending`, back to queued. Call it only while
    holding the sending lock: then no other run is sending them."""
    with store.transaction():
        ids = [
            int(row[0])
            for row in store.conn.execute(
                "SELECT id FROM email_outbox WHERE state = ? ORDER BY id",
                (MailState.SENDING.value,),
            )
        ]
        store.conn.execute(
            "UPDATE email_outbox SET state = ?, updated_at = ? WHERE state = ?",
            (MailState.QUEUED.value, now_text(), MailState.SENDING.value),
        )
    return ids


def claim_next(
    store: Store, now: dt.datetime, skip: frozenset[int] = frozenset(), only: int | None = None
) -> OutboxMessage | None:
    """The oldest queued message that is due (`only` that one), claimed
    (committed) for sending."""
    with store.transaction():
        for row in store.conn.execute(
            f"SELECT {_COLUMNS} FROM email_outbox WHERE state = ? "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id",
            (MailState.QUEUED.value, utc_text(now)),
        ):
            message = _message(row)
            if message.id in skip or (only is not None and message.id != only):
                continue
            store.conn.execute(
                "UPDATE email_outbox SET state = ?, attempts = attempts + 1, updated_at = ? "
                "WHERE id = ?",
                (MailState.SENDING.value, now_text(), message.id),
            )
            return message
    return None


def next_due(
    store: Store, skip: frozenset[int] = frozenset(), only: int | None = None
) -> dt.datetime | None:
    """When the next queued message (not in `skip`; `only` that one) may be
    tried; None if none is queued."""
    moments = [
        (parse_utc(at) if at else None)
        for message_id, at in store.conn.execute(
            "SELECT id, next_attempt_at FROM email_outbox WHERE state = ?",
            (MailState.QUEUED.value,),
        )
        if int(message_id) not in skip and (only is None or int(message_id) == only)
    ]
    if not moments:
        return None
    if any(moment is None for moment in moments):
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return min(m for m in moments if m is not None)


def _finish(
    store: Store, message_id: int, state: MailState, reply: str, **moments: str | None
) -> None:
    assignments = "".join(f", {column} = ?" for column in moments)
    with store.transaction():
        store.conn.execute(
            f"UPDATE email_outbox SET state = ?, reply = ?, updated_at = ?{assignments} "
            "WHERE id = ?",
            (state.value, reply, now_text(), *moments.values(), message_id),
        )


def mark_sent(store: Store, message_id: int, reply: str) -> None:
    _finish(store, message_id, MailState.SENT, reply, sent_at=now_text(), next_attempt_at=None)


def mark_failed(store: Store, message_id: int, reason: str) -> None:
    _finish(store, message_id, MailState.FAILED, reason, next_attempt_at=None)


def mark_retry(store: Store, message_id: int, reason: str, at: dt.datetime | None) -> None:
    """Back to queued with the reason, to be tried again at `at` (None: at once)."""
    _finish(
        store, message_id, MailState.QUEUED, reason, next_attempt_at=utc_text(at) if at else None
    )


def message(store: Store, message_id: int) -> OutboxMessage | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM email_outbox WHERE id = ?", (message_id,)
    ).fetchone()
    return _message(row) if row else None


def messages(store: Store, state: MailState | None = None) -> list[OutboxMessage]:
    sql = f"SELECT {_COLUMNS} FROM email_outbox"
    rows = (
        store.conn.execute(sql + " WHERE state = ? ORDER BY id", (state.value,))
        if state is not None
        else store.conn.execute(sql + " ORDER BY id")
    )
    return [_message(row) for row in rows]


def counts(store: Store) -> dict[tuple[MailKind, MailState], int]:
    return {
        (MailKind(kind), MailState(state)): int(count)
        for kind, state, count in store.conn.execute(
            "SELECT kind, state, count(*) FROM email_outbox GROUP BY kind, state"
        )
    }


def clear(store: Store) -> int:
    """Every row gone (addresses are personal data): part of a purge."""
    cursor = store.conn.execute("DELETE FROM email_outbox")
    return int(cursor.rowcount)

"""The audit log: what staff did besides check-ins (edits, walk-ins,
cancellations, transfers, reprints). Append-only, like the check-in log."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from kiosk.store.rows import parse_utc, utc_text
from kiosk.store.store import Store


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    attendee_id: int | None
    action: str
    station: str
    operator: str
    at: dt.datetime
    details: dict[str, Any]


def append_audit(
    store: Store,
    *,
    entry_id: str,
    attendee_id: int | None,
    action: str,
    station: str,
    operator: str,
    at: dt.datetime,
    details: dict[str, Any],
) -> None:
    """One line of the audit log; `details` is kept as JSON (names as typed)."""
    store.conn.execute(
        "INSERT INTO audit_log (id, attendee_id, action, station, operator, at, details) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            entry_id,
            attendee_id,
            action,
            station,
            operator,
            utc_text(at),
            json.dumps(details, ensure_ascii=False),
        ),
    )


def audit_entries(store: Store, attendee_id: int | None = None) -> list[AuditEntry]:
    """The audit log, oldest first: everyone's, or one attendee's."""
    where, params = ("WHERE attendee_id = ?", (attendee_id,)) if attendee_id else ("", ())
    return [
        AuditEntry(seq, attendee, action, station, operator, parse_utc(at), json.loads(details))
        for seq, attendee, action, station, operator, at, details in store.conn.execute(
            "SELECT seq, attendee_id, action, station, operator, at, details "
            f"FROM audit_log {where} ORDER BY seq",
            params,
        )
    ]

"""Flags, arrival alerts and their handled marks, in the event file.

An alert is not stored on its own: it is an admission (the `admissions`
view, any station's, received through the hub too) of an attendee flagged
or marked to notify. Marking one handled is an audit entry
(`alert_handled`, with the operator), so the console's open alerts are the
day's alerts without such an entry.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

from kiosk.domain.alerts import Alert, AlertKind, alert_id
from kiosk.store.audit import append_audit
from kiosk.store.rows import parse_utc
from kiosk.store.store import Store
from kiosk.store.timestamps import utc_now, utc_text

HANDLED = "alert_handled"
FLAGGED = "flag_set"

# Admissions of attendees who are flagged or marked to notify, with what
# an alert shows. `seq` orders them for followers (`kiosk alerts --follow`).
# CROSS JOIN keeps SQLite's order: the few flagged attendees first (their
# own index, migration 16), then their admissions, rather than every
# admission of the day (0.6 s on a 100k roster) looked up one by one.
_ALERT_ROWS = """
    SELECT x.seq, x.id, x.attendee_id, a.first_name, a.last_name, x.station, x.at,
           a.attention, a.notify
    FROM attendees AS a CROSS JOIN admissions AS x ON x.attendee_id = a.id
    WHERE (a.attention != '' OR a.notify = 1)"""


def set_flag(
    store: Store,
    attendee_id: int,
    *,
    note: str | None = None,
    notify: bool | None = None,
    station: str,
    operator: str,
) -> None:
    """Change an attendee's flag note and/or notify mark, with an audit entry
    (the note is staff data, kept like an edit's values)."""
    changes: dict[str, object] = {}
    if note is not None:
        changes["attention"] = note
    if notify is not None:
        changes["notify"] = int(notify)
    if not changes:
        return
    with store.transaction():
        store.update_attendee(attendee_id, changes)
        append_audit(
            store,
            entry_id=uuid.uuid4().hex,
            attendee_id=attendee_id,
            action=FLAGGED,
            station=station,
            operator=operator,
            at=utc_now(),
            details=changes,
        )


def _alerts(row: tuple[object, ...], *, arrivals_only: bool) -> Iterator[tuple[int, Alert]]:
    seq, entry, attendee, first, last, station, at, note, notify = row
    name = " ".join(str(part) for part in (first, last) if part)
    kinds = [] if arrivals_only or not note else [AlertKind.SEE_DESK]
    if notify:
        kinds.append(AlertKind.ARRIVAL)
    for kind in kinds:
        yield (
            int(str(seq)),
            Alert(
                kind,
                str(entry),
                int(str(attendee)),
                name,
                str(station),
                parse_utc(str(at)),
                str(note or ""),
            ),
        )


def arrivals_after(store: Store, seq: int = 0) -> list[tuple[int, Alert]]:
    """Arrival alerts (attendees marked to notify) from log rows after `seq`,
    oldest first, each with its log row's seq."""
    rows = store.conn.execute(
        f"{_ALERT_ROWS} AND a.notify = 1 AND x.seq > ? ORDER BY x.seq", (seq,)
    ).fetchall()
    return [pair for row in rows for pair in _alerts(row, arrivals_only=True)]


def open_alerts(store: Store, since: dt.datetime) -> list[Alert]:
    """Every alert of admissions since `since` that nobody marked handled, oldest first."""
    rows = store.conn.execute(
        f"""{_ALERT_ROWS} AND x.at >= ? ORDER BY x.seq""",
        (utc_text(since),),
    ).fetchall()
    handled = handled_ids(store, since)
    return [
        alert
        for row in rows
        for _, alert in _alerts(row, arrivals_only=False)
        if alert.id not in handled
    ]


def handled_ids(store: Store, since: dt.datetime) -> set[str]:
    rows = store.conn.execute(
        "SELECT json_extract(details, '$.alert') FROM audit_log WHERE action = ? AND at >= ?",
        (HANDLED, utc_text(since)),
    )
    return {str(alert) for (alert,) in rows}


def mark_handled(store: Store, alert: Alert, *, station: str, operator: str) -> None:
    """Record that a volunteer attended to `alert` (logged with the operator)."""
    with store.transaction():
        append_audit(
            store,
            entry_id=uuid.uuid4().hex,
            attendee_id=alert.attendee_id,
            action=HANDLED,
            station=station,
            operator=operator,
            at=utc_now(),
            details={"alert": alert_id(alert.kind, alert.entry_id), "kind": alert.kind.value},
        )

"""Migration 9: every moment in the event file in one format.

Before it, the print queue wrote `...Z`, sync bookkeeping milliseconds, a
hub conflict's time a space instead of the `T`, SQLite's outbox default
`...Z` with milliseconds, and a PIN lock-out a Unix time; the roster, the
sessions and both logs already wrote `kiosk.store.timestamps.utc_text`. This
migration rewrites the others to that one format, and rebuilds the outbox so
that its default writes it too.

Like every migration it is frozen: the columns are spelled out here, as they
stood at schema 8. The append-only logs (`checkins`, `audit_log`) are not
touched: they were always written in the one format, their triggers refuse
changes, and the check-in log's hash chain covers `at`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import sqlite_utils

from kiosk.store.timestamps import normalised, utc_text

_MOMENTS = {
    "event": ("created_at",),
    "sessions": ("starts_at", "ends_at"),
    "attendees": ("created_at", "updated_at"),
    "print_jobs": ("created_at", "updated_at", "next_attempt_at", "sent_at", "done_at"),
    "sync_conflicts": ("kept_at", "other_at", "detected_at"),
}
_SYNC_STATE_MOMENTS = ("last_sync", "seen_hub_at")
_FUNCTION = "kiosk_v9_moment"


def _lock_time(text: str | None) -> str | None:
    """A PIN lock-out's Unix time as a moment; no lock-out (0) as NULL."""
    try:
        seconds = float(text or 0)
    except ValueError:
        return normalised(text)
    return utc_text(dt.datetime.fromtimestamp(seconds, dt.UTC)) if seconds > 0 else None


def one_timestamp_format(db: sqlite_utils.Database) -> None:
    conn = db.conn
    conn.create_function(_FUNCTION, 1, normalised, deterministic=True)
    # Rewriting rows is no change to replicate: the sync triggers stay quiet.
    capture = conn.execute("SELECT value FROM sync_state WHERE key = 'capture'").fetchone()
    conn.execute("UPDATE sync_state SET value = '0' WHERE key = 'capture'")
    for table, columns in _MOMENTS.items():
        # Only rows that change are written (a 100k roster is already right).
        assignments = ", ".join(f"{c} = {_FUNCTION}({c})" for c in columns)
        differs = " OR ".join(f"{c} IS NOT {_FUNCTION}({c})" for c in columns)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE {differs}")
    marks = ", ".join("?" for _ in _SYNC_STATE_MOMENTS)
    conn.execute(
        f"UPDATE sync_state SET value = {_FUNCTION}(value) WHERE key IN ({marks})",
        _SYNC_STATE_MOMENTS,
    )
    for station, until in conn.execute("SELECT station, locked_until FROM pin_lockouts").fetchall():
        conn.execute(
            "UPDATE pin_lockouts SET locked_until = ? WHERE station = ?",
            (_lock_time(until), station),
        )
    _rebuild_outbox(conn)
    conn.execute("UPDATE sync_state SET value = ? WHERE key = 'capture'", (capture[0],))


def _rebuild_outbox(conn: sqlite3.Connection) -> None:
    """A column's default can only change with a new table. The triggers that
    fill the outbox live on other tables and name it in their bodies; with
    the legacy rename the old table's new name is not written into them, so
    they fill the new table."""
    last = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").fetchone()
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute("ALTER TABLE sync_outbox RENAME TO sync_outbox_v8")
        conn.execute(
            """CREATE TABLE sync_outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                change_id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                attendee_code TEXT,
                payload TEXT NOT NULL,
                created_at TEXT NOT NULL
                    DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now')),
                sent_at TEXT
            )"""
        )
        conn.execute(
            f"""INSERT INTO sync_outbox
                (seq, change_id, kind, attendee_code, payload, created_at, sent_at)
            SELECT seq, change_id, kind, attendee_code, payload,
                   {_FUNCTION}(created_at), {_FUNCTION}(sent_at)
            FROM sync_outbox_v8 ORDER BY seq"""
        )
        conn.execute("DROP TABLE sync_outbox_v8")
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
    conn.execute("CREATE INDEX sync_outbox_pending ON sync_outbox (seq) WHERE sent_at IS NULL")
    conn.execute(
        "CREATE INDEX sync_outbox_code ON sync_outbox (attendee_code) WHERE sent_at IS NULL"
    )
    # Sequence numbers never go back, even past rows that were removed.
    if last is not None:
        conn.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'sync_outbox'", (last[0],)
        )
        conn.execute(
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'sync_outbox', ? "
            "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'sync_outbox')",
            (last[0],),
        )

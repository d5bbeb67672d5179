"""Removing personal data after the event.

With counts kept, every attendee row is anonymised in place: names,
organisation, job title, email, staff notes, external ids and the ticket code
go; the category, the status and the check-in log stay, so attendance by
category, session and hour still reports. The full-text indexes are rebuilt
and the file is vacuumed with secure deletion, so no old page still holds a
name. Without counts kept, the event file is deleted outright.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from kiosk.store.outbox import clear as clear_email_outbox
from kiosk.store.private import remove_private
from kiosk.store.schema import ATTENDEES, Use
from kiosk.store.store import Store

log = logging.getLogger("kiosk.store")

PERSONAL_COLUMNS = ATTENDEES.names(Use.PERSONAL)
FULL_TEXT_TABLES = ("attendees_fts", "attendees_words")


def anonymise(store: Store) -> int:
    """Scrub personal data in place; returns how many attendees were scrubbed."""
    conn = store.conn
    conn.execute("PRAGMA secure_delete = ON")
    blanks = ", ".join(f"{column} = ''" for column in PERSONAL_COLUMNS)
    with store.transaction():
        count = conn.execute("SELECT count(*) FROM attendees").fetchone()[0]
        conn.execute(
            f"UPDATE attendees SET {blanks}, code = 'purged-' || id, external_id = NULL, "
            "source = '', email_from = '', name_key = '', search_key = '', sort_key = ''"
        )
        # The first name is required: a placeholder that names nobody.
        conn.execute("UPDATE attendees SET first_name = 'Attendee ' || id")
        for table in FULL_TEXT_TABLES:
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        # Outbox payloads and conflict records carry copies of roster rows.
        conn.execute("DELETE FROM sync_outbox")
        # Webhooks name the person and carry a flag's note.
        conn.execute("DELETE FROM webhook_outbox")
        clear_email_outbox(store)  # every address a message went to
        conn.execute("UPDATE sync_conflicts SET attendee_code = 'purged'")
        # Lost badges' codes are codes too.
        conn.execute("DELETE FROM replaced_codes")
        # Edits and transfers keep old names in their details; the action,
        # who did it and when stay. The append-only guard is lifted for
        # this one statement, inside the same transaction.
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET details = '{}'")
        conn.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.info("purged personal data of %d attendees", count)
    return int(count)


def delete_event_file(path: Path) -> None:
    """The event file, SQLite's companions of it and the station's private settings."""
    for suffix in ("", "-wal", "-shm", "-journal", "-email.lock"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
    remove_private(path)
    log.info("deleted event file %s", path.name)

"""Schema migrations, applied in order when a file is opened.

Only ever add a new function at the end; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.table("event").create(
        {
            "id": int,
            "name": str,
            "venue": str,
            "timezone": str,
            "first_day": str,
            "last_day": str,
            "created_at": str,
        },
        pk="id",
        not_null={"name", "timezone"},
        defaults={"venue": "", "timezone": "Europe/London"},
    )
    db.table("sessions").create(
        {
            "id": int,
            "title": str,
            "room": str,
            "starts_at": str,
            "ends_at": str,
            "capacity": int,
        },
        pk="id",
        not_null={"title", "starts_at", "ends_at"},
        defaults={"room": ""},
    )
    db.table("attendees").create(
        {
            "id": int,
            "code": str,
            "first_name": str,
            "last_name": str,
            "organisation": str,
            "job_title": str,
            "email": str,
            "category": str,
            "status": str,
            "notes": str,
            "source": str,
            "external_id": str,
            "name_key": str,
            "search_key": str,
            "sort_key": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"code", "first_name", "status"},
        defaults={
            "last_name": "",
            "organisation": "",
            "job_title": "",
            "email": "",
            "category": "",
            "status": "active",
            "notes": "",
            "source": "",
            "name_key": "",
            "search_key": "",
            "sort_key": "",
        },
    )
    db.table("attendees").create_index(["code"], unique=True)
    db.table("attendees").create_index(["source", "external_id"])
    db.table("attendees").create_index(["sort_key"])
    # Two full-text indexes over the folded text, kept in step by triggers:
    # trigrams find any substring of three letters or more ("rien" in
    # "obrien"); words with a prefix index find what people type first
    # ("zo", "o b") fast even on 100k names.
    db.table("attendees").enable_fts(["search_key"], tokenize="trigram", create_triggers=True)
    db.execute(
        """CREATE VIRTUAL TABLE attendees_words USING fts5(
            name_key, search_key, content='attendees', content_rowid='id',
            tokenize="unicode61 remove_diacritics 2 tokenchars '@'", prefix='1 2')"""
    )
    for event, body in (
        (
            "INSERT",
            "INSERT INTO attendees_words (rowid, name_key, search_key) "
            "VALUES (new.id, new.name_key, new.search_key);",
        ),
        (
            "DELETE",
            "INSERT INTO attendees_words (attendees_words, rowid, name_key, search_key) "
            "VALUES ('delete', old.id, old.name_key, old.search_key);",
        ),
        (
            "UPDATE",
            "INSERT INTO attendees_words (attendees_words, rowid, name_key, search_key) "
            "VALUES ('delete', old.id, old.name_key, old.search_key); "
            "INSERT INTO attendees_words (rowid, name_key, search_key) "
            "VALUES (new.id, new.name_key, new.search_key);",
        ),
    ):
        db.execute(
            f"CREATE TRIGGER attendees_words_{event.lower()} AFTER {event} ON attendees "
            f"BEGIN {body} END"
        )

    db.table("checkins").create(
        {
            "seq": int,
            "id": str,
            "attendee_id": int,
            "session_id": int,
            "kind": str,
            "undoes": str,
            "at": str,
            "day": str,
            "station": str,
            "operator": str,
            "reason": str,
            "offline": int,
        },
        pk="seq",
        not_null={"id", "attendee_id", "kind", "at", "day", "station"},
        defaults={"operator": "", "reason": "", "offline": 0},
        foreign_keys=[("attendee_id", "attendees", "id")],
    )
    db.table("checkins").create_index(["id"], unique=True)
    db.table("checkins").create_index(["attendee_id", "session_id"])
    db.table("checkins").create_index(["at"])
    # The log is append-only: the database itself refuses changes to it.
    db.execute(
        """CREATE TRIGGER checkins_no_update BEFORE UPDATE ON checkins
        BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only'); END"""
    )
    db.execute(
        """CREATE TRIGGER checkins_no_delete BEFORE DELETE ON checkins
        BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only'); END"""
    )

    db.table("settings").create({"key": str, "value": str}, pk="key")


def _v2_print_jobs(db: sqlite_utils.Database) -> None:
    """The durable print queue. Rows change state in place (unlike `checkins`)."""
    db.table("print_jobs").create(
        {
            "id": int,
            "attendee_id": int,
            "kind": str,
            "printer": str,
            "state": str,
            "attempts": int,
            "error": str,
            "spooler_job_id": str,
            "token": str,
            "worker": str,
            "copies": int,
            "created_at": str,
            "updated_at": str,
            "next_attempt_at": str,
            "sent_at": str,
            "done_at": str,
        },
        pk="id",
        not_null={"kind", "state", "attempts", "token", "copies", "created_at", "updated_at"},
        defaults={"state": "queued", "attempts": 0, "error": "", "copies": 1},
        foreign_keys=[("attendee_id", "attendees", "id")],
    )
    db.table("print_jobs").create_index(["state", "id"])
    db.table("print_jobs").create_index(["attendee_id", "state"])
    db.table("print_jobs").create_index(["token"], unique=True)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _v1_initial,
    2: _v2_print_jobs,
}
SCHEMA_VERSION = max(MIGRATIONS)

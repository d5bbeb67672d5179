"""Schema migrations, applied in order when a file is opened.

Only ever add a new function at the end; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlite_utils

from kiosk.store.chain import CHAIN_FUNCTION, LINKED_COLUMNS, chain_link
from kiosk.store.migration_timestamps import one_timestamp_format
from kiosk.store.timestamps import SQL_NOW


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


# Columns of `attendees` a hub carries (everything but the local integer id).
# Spelled out here rather than imported from kiosk.sync.hubschema on purpose:
# a migration must build the same triggers forever, whatever the hub's schema
# becomes later; a later change to the columns is a new migration.
_SYNC_ATTENDEE_COLUMNS = (
    "code",
    "first_name",
    "last_name",
    "organisation",
    "job_title",
    "email",
    "category",
    "status",
    "notes",
    "source",
    "external_id",
    "name_key",
    "search_key",
    "sort_key",
    "created_at",
    "updated_at",
)


def _v3_sync_outbox(db: sqlite_utils.Database) -> None:
    """Multi-station sync: an outbox filled by triggers, sync state, conflicts.

    Triggers catch every code path that changes the log, the roster or the
    print record. They fire only while `sync_state.capture` is '1' (set when the
    file joins a hub), so a station without a hub pays one lookup per write and
    keeps no outbox; the sync applier sets it to '0' inside its own transaction
    so that changes received from the hub are not sent back.
    """
    db.execute(
        """CREATE TABLE sync_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            change_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            attendee_code TEXT,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            sent_at TEXT
        )"""
    )
    db.execute("CREATE INDEX sync_outbox_pending ON sync_outbox (seq) WHERE sent_at IS NULL")
    db.execute("CREATE INDEX sync_outbox_code ON sync_outbox (attendee_code) WHERE sent_at IS NULL")
    db.execute("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO sync_state (key, value) VALUES ('capture', '0')")
    db.execute(
        """CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY,
            attendee_code TEXT NOT NULL,
            scope TEXT NOT NULL,
            kept_entry TEXT NOT NULL,
            kept_station TEXT NOT NULL,
            kept_at TEXT NOT NULL,
            other_entry TEXT NOT NULL,
            other_station TEXT NOT NULL,
            other_at TEXT NOT NULL,
            detected_at TEXT NOT NULL
        )"""
    )
    capturing = "WHEN (SELECT value FROM sync_state WHERE key = 'capture') = '1'"
    code_of = "(SELECT code FROM attendees WHERE id = NEW.attendee_id)"
    db.execute(
        f"""CREATE TRIGGER sync_capture_checkin AFTER INSERT ON checkins {capturing}
        BEGIN
            INSERT INTO sync_outbox (change_id, kind, attendee_code, payload)
            VALUES (NEW.id, 'checkin', {code_of}, json_object(
                'id', NEW.id, 'code', {code_of}, 'session_id', NEW.session_id,
                'kind', NEW.kind, 'undoes', NEW.undoes, 'at', NEW.at, 'day', NEW.day,
                'station', NEW.station, 'operator', NEW.operator, 'reason', NEW.reason,
                'offline', NEW.offline));
        END"""
    )
    fields = ", ".join(f"'{column}', NEW.{column}" for column in _SYNC_ATTENDEE_COLUMNS)
    for event, old_code in (("INSERT", "NULL"), ("UPDATE", "OLD.code")):
        db.execute(
            f"""CREATE TRIGGER sync_capture_attendee_{event.lower()} AFTER {event} ON attendees
            {capturing}
            BEGIN
                INSERT INTO sync_outbox (change_id, kind, attendee_code, payload)
                VALUES (lower(hex(randomblob(16))), 'attendee', NEW.code,
                        json_object({fields}, 'old_code', {old_code}));
            END"""
        )
    job_fields = ", ".join(
        f"'{column}', NEW.{column}"
        for column in (
            "token",
            "kind",
            "printer",
            "state",
            "attempts",
            "error",
            "copies",
            "worker",
            "created_at",
            "updated_at",
            "sent_at",
            "done_at",
        )
    )
    for event in ("INSERT", "UPDATE"):
        db.execute(
            f"""CREATE TRIGGER sync_capture_print_{event.lower()} AFTER {event} ON print_jobs
            {capturing}
            BEGIN
                INSERT INTO sync_outbox (change_id, kind, attendee_code, payload)
                VALUES (lower(hex(randomblob(16))), 'print', {code_of},
                        json_object('code', {code_of}, {job_fields}));
            END"""
        )


def _v4_log_chain(db: sqlite_utils.Database) -> None:
    """The tamper-evident link of every log row (see kiosk.store.chain)."""
    db.execute(
        """CREATE TABLE checkin_chain (
            seq INTEGER PRIMARY KEY REFERENCES checkins (seq),
            link TEXT NOT NULL
        )"""
    )
    new_values = ", ".join(f"NEW.{name}" for name in LINKED_COLUMNS)
    db.execute(
        f"""CREATE TRIGGER checkins_chain AFTER INSERT ON checkins BEGIN
            INSERT INTO checkin_chain (seq, link) VALUES (NEW.seq, {CHAIN_FUNCTION}(
                (SELECT link FROM checkin_chain ORDER BY seq DESC LIMIT 1), {new_values}));
        END"""
    )
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"""CREATE TRIGGER checkin_chain_no_{action.lower()} BEFORE {action} ON checkin_chain
            BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only'); END"""
        )
    # Rows logged before this migration get their links now, in order.
    previous = None
    columns = ", ".join(LINKED_COLUMNS)
    for row in db.execute(f"SELECT {columns} FROM checkins ORDER BY seq").fetchall():
        previous = chain_link(previous, *row)
        db.execute("INSERT INTO checkin_chain (seq, link) VALUES (?, ?)", [row[0], previous])


def _v5_audit_log(db: sqlite_utils.Database) -> None:
    """What staff did besides check-ins: edits, walk-ins, cancellations,
    transfers, reprints. Append-only like the check-in log."""
    db.execute(
        """CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            attendee_id INTEGER REFERENCES attendees (id),
            action TEXT NOT NULL,
            station TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '{}'
        )"""
    )
    db.execute("CREATE INDEX audit_log_attendee ON audit_log (attendee_id, seq)")
    # "Is this admission undone?" is asked for every row of the console.
    db.execute("CREATE INDEX checkins_undoes ON checkins (undoes) WHERE undoes IS NOT NULL")
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"""CREATE TRIGGER audit_log_no_{action.lower()} BEFORE {action} ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""
        )


def _v6_name_fragments(db: sqlite_utils.Database) -> None:
    """The trigram index covers names only.

    Fragments anywhere in a word matter for names ("rien" for O'Brien, a
    misspelt first half); organisation, e-mail and code are found by the
    start of their words through `attendees_words`. Indexing every trigram of
    e-mails and 28-letter codes cost most of a 100k import's time and
    found nothing a volunteer looks for.
    """
    for suffix in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS attendees_{suffix}")
    db.execute("DROP TABLE IF EXISTS attendees_fts")
    db.execute(
        """CREATE VIRTUAL TABLE attendees_fts USING fts5(
            name_key, content='attendees', content_rowid='id', tokenize='trigram')"""
    )
    remove = (
        "INSERT INTO attendees_fts (attendees_fts, rowid, name_key) "
        "VALUES ('delete', old.id, old.name_key);"
    )
    add = "INSERT INTO attendees_fts (rowid, name_key) VALUES (new.id, new.name_key);"
    for event, body in (("INSERT", add), ("DELETE", remove), ("UPDATE OF name_key", remove + add)):
        name = event.split()[0].lower()
        db.execute(
            f"CREATE TRIGGER attendees_names_{name} AFTER {event} ON attendees BEGIN {body} END"
        )
    db.execute("INSERT INTO attendees_fts (attendees_fts) VALUES ('rebuild')")


def _v7_station_safety(db: sqlite_utils.Database) -> None:
    """The event's identity, so a restore can refuse another event's backup,
    and wrong staff PINs counted per station, so a restart does not reset them."""
    db.execute(
        """CREATE TABLE event_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uid TEXT NOT NULL
        )"""
    )
    db.execute("INSERT INTO event_identity (id, uid) VALUES (1, lower(hex(randomblob(16))))")
    db.execute(
        """CREATE TABLE pin_lockouts (
            station TEXT PRIMARY KEY,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        )"""
    )


def _v8_email_from(db: sqlite_utils.Database) -> None:
    """Whose address the e-mail is: '' the attendee's own, 'buyer' the order's
    (a pretix export with no attendee e-mail). The sync triggers send it too."""
    db.execute("ALTER TABLE attendees ADD COLUMN email_from TEXT NOT NULL DEFAULT ''")
    # The columns as migration 3 spelled them, plus this one: spelled out here
    # for the same reason as there.
    _remake_attendee_capture(db, (*_SYNC_ATTENDEE_COLUMNS, "email_from"))


def _v10_checkin_views(db: sqlite_utils.Database) -> None:
    """What the log means, written once as views that every count and list reads.

    The Python rule (`kiosk.domain.rules`) decides each scan from one
    attendee's log; these views say the same over the whole log, and a
    property test holds the two together (tests/store/test_checkin_views.py).
    A scope is the event on one venue day, or one session whatever the day.
    Text order of `at` is time order: every row holds UTC with microseconds
    and +00:00 (migration 9).

    - live_log: entries and exits that no undo takes back.
    - admissions: the live entries.
    - attendance: one row per attendee and scope they were admitted to, with
      two answers that differ on purpose. `checked_in_at` (with its day and
      station) is the first admission that stands, exits ignored: what the
      help desk shows, since someone who stepped out is still checked in for
      the day. `inside` counts exits: 1 while the latest live movement is an
      entry, which is when a scan answers already_checked_in; after an exit
      the person may come back in.
    - attended: attendance of active registrations only; every count, report
      and certificate reads it (a cancelled registration never attended).
    """
    db.execute(
        """CREATE VIEW live_log AS
        SELECT e.seq, e.id, e.attendee_id, e.session_id, e.kind, e.at, e.day, e.station,
               CASE WHEN e.session_id IS NULL THEN e.day END AS scope_day
        FROM checkins AS e
        WHERE e.kind IN ('entry', 'exit')
          AND NOT EXISTS (SELECT 1 FROM checkins AS u WHERE u.undoes = e.id AND u.kind = 'undo')"""
    )
    db.execute("CREATE VIEW admissions AS SELECT * FROM live_log WHERE kind = 'entry'")
    # Written without GROUP BY so that SQLite can flatten the view into a
    # query about one attendee and use the log's index: an aggregate view is
    # computed over the whole log first (0.14 s for 50k entries).
    db.execute(
        """CREATE VIEW attendance AS
        SELECT x.attendee_id, x.session_id, x.scope_day AS day, x.id AS entry_id,
               x.at AS checked_in_at, x.day AS checked_in_day, x.station AS checked_in_station,
               (SELECT l.kind FROM live_log AS l
                WHERE l.attendee_id = x.attendee_id AND l.session_id IS x.session_id
                  AND l.scope_day IS x.scope_day
                ORDER BY l.at DESC, l.seq DESC LIMIT 1) = 'entry' AS inside
        FROM admissions AS x
        WHERE NOT EXISTS (
            SELECT 1 FROM admissions AS y
            WHERE y.attendee_id = x.attendee_id AND y.session_id IS x.session_id
              AND y.scope_day IS x.scope_day
              AND (y.at < x.at OR (y.at = x.at AND y.seq < x.seq)))"""
    )
    db.execute(
        """CREATE VIEW attended AS
        SELECT v.* FROM attendance AS v JOIN attendees AS a ON a.id = v.attendee_id
        WHERE a.status = 'active'"""
    )
    # `attended` asks each admission's registration for its status: a small
    # index answers that without reading the wide roster row (0.25 s to
    # 0.20 s over 75k admissions).
    db.execute("CREATE INDEX attendees_status ON attendees (status)")


def _pronouns_and_credentials(db: sqlite_utils.Database) -> None:
    """Pronouns ("she/her") and post-nominal credentials ("RN, MSc") of an
    attendee, printed on badges where a template places them, and sent to the
    hub like every other roster column.

    The sync capture triggers are made again with every column the table has
    now but its local id (the columns a hub carries), read from the table
    itself: other migrations of the same release add hub columns of their
    own, and whichever runs last must send all of them.
    """
    for column in ("pronouns", "credentials"):
        db.execute(f"ALTER TABLE attendees ADD COLUMN {column} TEXT DEFAULT ''")
    _capture_every_attendee_column(db)


def _capture_every_attendee_column(db: sqlite_utils.Database) -> None:
    """Make the attendees' sync capture triggers again with every column the
    table has now but its local id (what a hub carries)."""
    columns = [row[1] for row in db.execute("PRAGMA table_info(attendees)") if row[1] != "id"]
    _remake_attendee_capture(db, columns)


def _remake_attendee_capture(db: sqlite_utils.Database, columns: Sequence[str]) -> None:
    """Drop and create again the attendees' sync capture triggers, sending `columns`."""
    fields = ", ".join(f"'{column}', NEW.{column}" for column in columns)
    capturing = "WHEN (SELECT value FROM sync_state WHERE key = 'capture') = '1'"
    for event, old_code in (("INSERT", "NULL"), ("UPDATE", "OLD.code")):
        name = f"sync_capture_attendee_{event.lower()}"
        db.execute(f"DROP TRIGGER {name}")
        db.execute(
            f"""CREATE TRIGGER {name} AFTER {event} ON attendees
            {capturing}
            BEGIN
                INSERT INTO sync_outbox (change_id, kind, attendee_code, payload)
                VALUES (lower(hex(randomblob(16))), 'attendee', NEW.code,
                        json_object({fields}, 'old_code', {old_code}));
            END"""
        )


def _replaced_codes(db: sqlite_utils.Database) -> None:
    """The codes of lost badges (kiosk reissue): each names the attendee it
    belonged to, when and by whom it was replaced. A scan of one answers
    `replaced`. The sync trigger sends each new row to the hub with the
    attendee's code at that moment, which the same transaction has already
    changed to the new one (the attendee's own change goes first)."""
    db.execute(
        """CREATE TABLE replaced_codes (
            code TEXT PRIMARY KEY,
            attendee_id INTEGER NOT NULL REFERENCES attendees (id),
            replaced_at TEXT NOT NULL,
            station TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX replaced_codes_attendee ON replaced_codes (attendee_id)")
    capturing = "WHEN (SELECT value FROM sync_state WHERE key = 'capture') = '1'"
    code_of = "(SELECT code FROM attendees WHERE id = NEW.attendee_id)"
    db.execute(
        f"""CREATE TRIGGER sync_capture_replaced_code AFTER INSERT ON replaced_codes
        {capturing}
        BEGIN
            INSERT INTO sync_outbox (change_id, kind, attendee_code, payload)
            VALUES (lower(hex(randomblob(16))), 'replaced', {code_of}, json_object(
                'code', NEW.code, 'attendee_code', {code_of}, 'replaced_at', NEW.replaced_at,
                'station', NEW.station, 'operator', NEW.operator));
        END"""
    )


def _operators(db: sqlite_utils.Database) -> None:
    """Volunteer accounts (kiosk.store.operators): who works the desk, in which
    role, with a PIN kept as a scrypt hash. One account in use per name,
    compared without case; a removed account keeps its row for the log."""
    db.execute(
        """CREATE TABLE operators (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('scanner', 'desk', 'supervisor')),
            pin_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            removed_at TEXT
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX operators_in_use ON operators (name COLLATE NOCASE) "
        "WHERE removed_at IS NULL"
    )


def _email_outbox(db: sqlite_utils.Database) -> None:
    """Every email the product sends is a row here, claimed before it is sent
    (kiosk.store.outbox). One row per attendee, kind and round: a rerun
    cannot queue the same message twice."""
    db.execute(
        """CREATE TABLE email_outbox (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            attendee_id INTEGER,
            recipient TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT 'queued',
            attempts INTEGER NOT NULL DEFAULT 0,
            reply TEXT NOT NULL DEFAULT '',
            token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            next_attempt_at TEXT,
            sent_at TEXT
        )"""
    )
    db.execute("CREATE UNIQUE INDEX email_outbox_once ON email_outbox (kind, attendee_id, round)")
    db.execute("CREATE INDEX email_outbox_state ON email_outbox (state, id)")


def _attention_and_webhooks(db: sqlite_utils.Database) -> None:
    """Attention flags and arrival alerts (kiosk.domain.alerts): a short staff
    note that sends the attendee to the help desk, and a mark to notify staff
    when they arrive; both carried by the hub. The webhook outbox
    (kiosk.store.webhooks) holds each alert until a receiver has it: one row
    per event id, claimed for a lease while it is posted."""
    db.execute("ALTER TABLE attendees ADD COLUMN attention TEXT DEFAULT ''")
    db.execute("ALTER TABLE attendees ADD COLUMN notify INTEGER NOT NULL DEFAULT 0")
    _capture_every_attendee_column(db)
    db.execute(
        f"""CREATE TABLE webhook_outbox (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT ({SQL_NOW}),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            claimed_until TEXT,
            delivered_at TEXT,
            error TEXT DEFAULT ''
        )"""
    )
    db.execute(
        "CREATE INDEX webhook_outbox_waiting ON webhook_outbox (seq) WHERE delivered_at IS NULL"
    )


def _flagged_attendees_index(db: sqlite_utils.Database) -> None:
    """The few attendees who raise alerts, indexed on their own: the consoles
    read their admissions every second from here (kiosk.store.alerts), 0.03
    instead of 50 ms on a 100k roster with 75k admissions."""
    db.execute(
        "CREATE INDEX attendees_flagged ON attendees (id) WHERE attention != '' OR notify = 1"
    )


def _programme(db: sqlite_utils.Database) -> None:
    """The programme (kiosk.programme): sessions an organiser imports and
    edits, with who may come in and whether a booking is needed; bookings;
    and two marks on the log: a supervisor's override of a door rule, and a
    scan entered later from a paper list. The check-in capture trigger is
    rebuilt so the hub hears both marks."""
    for column, definition in (
        ("key", "TEXT NOT NULL DEFAULT ''"),
        ("open_to", "TEXT NOT NULL DEFAULT ''"),
        ("booking_required", "INTEGER NOT NULL DEFAULT 0"),
        ("cancelled", "INTEGER NOT NULL DEFAULT 0"),
    ):
        db.execute(f"ALTER TABLE sessions ADD COLUMN {column} {definition}")
    db.execute(
        """CREATE TABLE bookings (
            attendee_id INTEGER NOT NULL REFERENCES attendees (id),
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            booked_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX bookings_once ON bookings (attendee_id, session_id)")
    db.execute("CREATE INDEX bookings_session ON bookings (session_id)")
    # A door's capacity check counts one session's room (inside_count).
    db.execute(
        "CREATE INDEX checkins_session ON checkins (session_id) WHERE session_id IS NOT NULL"
    )
    for column in ("override", "entered_later"):
        db.execute(f"ALTER TABLE checkins ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
    capturing = "WHEN (SELECT value FROM sync_state WHERE key = 'capture') = '1'"
    code_of = "(SELECT code FROM attendees WHERE id = NEW.attendee_id)"
    db.execute("DROP TRIGGER sync_capture_checkin")
    db.execute(
        f"""CREATE TRIGGER sync_capture_checkin AFTER INSERT ON checkins {capturing}
        BEGIN
            INSERT INTO sync_outbox (change_id, kind, attendee_code, payload)
            VALUES (NEW.id, 'checkin', {code_of}, json_object(
                'id', NEW.id, 'code', {code_of}, 'session_id', NEW.session_id,
                'kind', NEW.kind, 'undoes', NEW.undoes, 'at', NEW.at, 'day', NEW.day,
                'station', NEW.station, 'operator', NEW.operator, 'reason', NEW.reason,
                'offline', NEW.offline, 'override', NEW.override,
                'entered_later', NEW.entered_later));
        END"""
    )


def _programme_sync(db: sqlite_utils.Database) -> None:
    """The programme across a hub (kiosk.sync): sessions and bookings go to
    every station like roster rows, and a conflict may be a room an offline
    door filled past its capacity (its kind, the capacity and how many were
    in), besides a ticket admitted twice."""
    for column, definition in (
        ("kind", "TEXT NOT NULL DEFAULT 'admitted_twice'"),
        ("capacity", "INTEGER"),
        ("inside", "INTEGER"),
    ):
        db.execute(f"ALTER TABLE sync_conflicts ADD COLUMN {column} {definition}")
    capturing = "WHEN (SELECT value FROM sync_state WHERE key = 'capture') = '1'"
    # A session travels whole (every column, as the hub carries them all).
    columns = [row[1] for row in db.execute("PRAGMA table_info(sessions)")]
    fields = ", ".join(f"'{column}', NEW.{column}" for column in columns)
    for event in ("INSERT", "UPDATE"):
        db.execute(
            f"""CREATE TRIGGER sync_capture_session_{event.lower()} AFTER {event} ON sessions
            {capturing}
            BEGIN
                INSERT INTO sync_outbox (change_id, kind, attendee_code, payload)
                VALUES (lower(hex(randomblob(16))), 'session', NULL, json_object({fields}));
            END"""
        )
    # A booking by the attendee's code; taking one back travels as booked = 0.
    for event, row, booked in (("INSERT", "NEW", 1), ("DELETE", "OLD", 0)):
        code_of = f"(SELECT code FROM attendees WHERE id = {row}.attendee_id)"
        db.execute(
            f"""CREATE TRIGGER sync_capture_booking_{event.lower()} AFTER {event} ON bookings
            {capturing}
            BEGIN
                INSERT INTO sync_outbox (change_id, kind, attendee_code, payload)
                VALUES (lower(hex(randomblob(16))), 'booking', {code_of}, json_object(
                    'code', {code_of}, 'session_id', {row}.session_id,
                    'booked_at', {row}.booked_at, 'booked', {booked}));
            END"""
        )


def _session_presence(db: sqlite_utils.Database) -> None:
    """Who is in each session's room, kept up by a trigger on the log.

    A door with a capacity asks at every scan how many are inside. Counted
    from the log, that reads every row of the session: in a busy room (700
    entries and exits) a millisecond, five times a whole check-in (kiosk
    bench --only programme). The trigger keeps one row per attendee and
    session saying whether their latest live movement there is an entry,
    worked out from live_log as the attendance view does, for the attendee
    and session the new row concerns (for an undo, those of the row it takes
    back). It is the log's answer stored, never written by anything else;
    tests/store/test_inside_count.py holds it to the view on any log.
    """
    db.execute(
        """CREATE TABLE session_presence (
            session_id INTEGER NOT NULL,
            attendee_id INTEGER NOT NULL,
            inside INTEGER NOT NULL
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX session_presence_once ON session_presence (session_id, attendee_id)"
    )
    # The count reads this index alone.
    db.execute(
        "CREATE INDEX session_presence_inside ON session_presence (session_id, attendee_id) "
        "WHERE inside"
    )
    latest_is_entry = """coalesce((
        SELECT l.kind = 'entry' FROM live_log AS l
        WHERE l.attendee_id = m.attendee_id AND l.session_id = m.session_id
        ORDER BY l.at DESC, l.seq DESC LIMIT 1), 0)"""
    db.execute(
        f"""CREATE TRIGGER session_presence_follows_log AFTER INSERT ON checkins
        WHEN NEW.session_id IS NOT NULL OR NEW.kind = 'undo'
        BEGIN
            INSERT INTO session_presence (session_id, attendee_id, inside)
            SELECT m.session_id, m.attendee_id, {latest_is_entry}
            FROM (
                SELECT NEW.session_id AS session_id, NEW.attendee_id AS attendee_id
                WHERE NEW.session_id IS NOT NULL
                UNION
                SELECT u.session_id, u.attendee_id FROM checkins AS u
                WHERE NEW.kind = 'undo' AND u.id = NEW.undoes AND u.session_id IS NOT NULL
            ) AS m
            WHERE true
            ON CONFLICT (session_id, attendee_id) DO UPDATE SET inside = excluded.inside;
        END"""
    )
    db.execute(
        "INSERT INTO session_presence (session_id, attendee_id, inside) "
        "SELECT session_id, attendee_id, inside FROM attendance WHERE session_id IS NOT NULL"
    )


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _v1_initial,
    2: _v2_print_jobs,
    3: _v3_sync_outbox,
    4: _v4_log_chain,
    5: _v5_audit_log,
    6: _v6_name_fragments,
    7: _v7_station_safety,
    8: _v8_email_from,
    9: one_timestamp_format,
    10: _v10_checkin_views,
    11: _pronouns_and_credentials,
    12: _operators,
    13: _replaced_codes,
    14: _attention_and_webhooks,
    15: _email_outbox,
    16: _flagged_attendees_index,
    17: _programme,
    18: _programme_sync,
    19: _session_presence,
}
SCHEMA_VERSION = max(MIGRATIONS)

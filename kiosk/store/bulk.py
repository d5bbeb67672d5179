"""Bulk writes of attendees for roster import: one transaction, one statement per kind.

Rows go first into a temporary table and then into `attendees` with a single
INSERT ... SELECT (and a single UPDATE ... FROM), which also builds the
search keys from the folded fields in SQL. The full-text indexes are kept in
step by triggers row by row for ordinary writes; for an import the insert
triggers are set aside and each chunk's new rows are indexed with one
statement per index, then the triggers are put back, all inside the
import's transaction. The same is done with the sync capture triggers while
capture is off (they would test that once per row and do nothing), and the
indexes' automatic merging waits until the load is done.
"""

from __future__ import annotations

import itertools
import logging
import queue
import sqlite3
import sys
import threading
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import Any

from kiosk.domain.text import fold_many
from kiosk.store import rows
from kiosk.store.schema import ATTENDEES, Use
from kiosk.store.timestamps import now_text

log = logging.getLogger("kiosk.store")

# The attendee columns an import reads and writes (never id, notes or times).
IMPORT_COLUMNS = ATTENDEES.names(Use.IMPORT)
_IMPORT_VALUES = itemgetter(*IMPORT_COLUMNS)  # eleven columns: always a tuple
_IMPORT_INDEX = {name: index for index, name in enumerate(IMPORT_COLUMNS)}
_TEMP = "temp.kiosk_import_rows"
# Page cache for the import's statements (KiB, negative as SQLite wants):
# four times the default; more bought no speed and counts against memory.
_IMPORT_CACHE_KIB = -8192

# The fields search keys are made of, folded in Python (SQLite cannot fold
# Unicode), then joined into the keys in SQL: `rows.search_keys` spelled in
# SQL. Folded text never starts or ends with a space, so ltrim only removes
# the separator before an empty name.
FOLDED = ("first_name", "last_name", "organisation", "email", "code", "credentials")
_FOLDED_COLUMNS = tuple(f"f_{name}" for name in FOLDED)
_KEYS_SQL = {
    "name_key": "CASE WHEN f_first_name <> '' AND f_last_name <> '' "
    "THEN f_first_name || ' ' || f_last_name ELSE f_first_name || f_last_name END",
    "sort_key": "CASE WHEN f_first_name <> '' AND f_last_name <> '' "
    "THEN f_last_name || ' ' || f_first_name ELSE f_last_name || f_first_name END",
}
_KEYS_SQL["search_key"] = (
    "ltrim("
    + " || ".join(
        [f"({_KEYS_SQL['name_key']})"]
        + [f"CASE WHEN {c} <> '' THEN ' ' || {c} ELSE '' END" for c in _FOLDED_COLUMNS[2:]]
    )
    + ", ' ')"
)
# The full-text index triggers on insert (migrations 1 and 6), and the one
# statement each that indexes many new rows the same way. New rows are
# indexed this many at a time: FTS5 writes a segment per statement and
# merges them later, so a few large statements cost far less than many small.
INDEX_ROWS = 32_768
_INDEX_ON_INSERT = {
    "attendees_words_insert": "INSERT INTO attendees_words (rowid, name_key, search_key) "
    "SELECT id, name_key, search_key FROM attendees WHERE id > ? AND id <= ?",
    "attendees_names_insert": "INSERT INTO attendees_fts (rowid, name_key) "
    "SELECT id, name_key FROM attendees WHERE id > ? AND id <= ?",
}
# The sync capture triggers (migration 3) record changes only while
# sync_state.capture is '1'; otherwise they cost a lookup per row for nothing.
_CAPTURE_ON = "SELECT 1 FROM sync_state WHERE key = 'capture' AND value = '1'"
_CAPTURE_TRIGGERS = ("sync_capture_attendee_insert", "sync_capture_attendee_update")
# FTS5 merges index segments as it writes (its 'automerge', default 4). During
# a load the merges redo work the next chunk undoes; paused, a 100k import
# spends about a quarter less on the indexes, and later writes merge as before.
_FULL_TEXT = ("attendees_words", "attendees_fts")
_AUTOMERGE_DEFAULT = 4
# Seconds a thread waiting for the GIL waits before the running one must let
# go (Python's default is 5 ms). The writer needs the GIL for a moment at the
# start and end of each statement while the caller's thread prepares the
# next chunk; at 5 ms a chunk's hand-over alone waited about 5 ms.
_SWITCH_SECONDS = 0.001

# Records that exercise what folding does, checked before the SQL keys are
# trusted: accents, apostrophes, hyphens, other scripts, odd spacing.
_PROBES: tuple[dict[str, str], ...] = (
    {
        "first_name": "Zoë",
        "last_name": "O'Connor-Smith",
        "organisation": "St. Paul's",
        "email": "Z.O@x.org",
        "code": "AB-1",
        "credentials": "RN, MSc (Hons)",
    },
    {
        "first_name": "Siobhán",
        "last_name": "Ó Briain",
        "organisation": "",
        "email": "",
        "code": "x y",
    },
    {
        "first_name": "Γιώργος",
        "last_name": "Παπαδόπουλος",
        "organisation": "Ærø (DK)",
        "email": "g@ex.gr",
        "code": "ΣΣ",
    },
    {
        "first_name": "Łukasz",
        "last_name": "",
        "organisation": "Straße/Weg, Co",
        "email": "ł@x",
        "code": "c",
    },
    {"first_name": "أحمد", "last_name": "محمد", "organisation": "मुंबई", "email": "'", "code": "-"},
    {"first_name": "", "last_name": "", "organisation": "", "email": "", "code": ""},
    {"first_name": "'", "last_name": "", "organisation": "", "email": "e", "code": ""},
    {
        "first_name": "  Jean  ",
        "last_name": "de la  Fontaine",
        "organisation": "A\tB",
        "email": "j_f@x",
        "code": "Q!#$%",
    },
)


def folded_columns(fields: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """For each name in FOLDED, the folded value of every record, in one pass each."""
    return [fold_many([str(f.get(name) or "") for f in fields]) for name in FOLDED]


def sql_keys_agree(conn: sqlite3.Connection) -> bool:
    """Whether the keys built in SQL equal `rows.search_keys` on the probe records."""
    columns = folded_columns(_PROBES)
    select = ", ".join(f"{sql} AS {name}" for name, sql in _KEYS_SQL.items())
    values = " UNION ALL ".join(
        "SELECT " + ", ".join(f"? AS {c}" for c in _FOLDED_COLUMNS) for _ in _PROBES
    )
    params = [column[index] for index in range(len(_PROBES)) for column in columns]
    made = conn.execute(f"SELECT {select} FROM ({values})", params).fetchall()
    expected = [tuple(rows.search_keys(p)[name] for name in _KEYS_SQL) for p in _PROBES]
    return [tuple(row) for row in made] == expected


def existing_attendees(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """(id, *IMPORT_COLUMNS) of every attendee."""
    return conn.execute(f"SELECT id, {', '.join(IMPORT_COLUMNS)} FROM attendees").fetchall()


class BulkWriter:
    """Writes attendees in chunks while the caller prepares more.

    The caller's thread puts each chunk into a temporary table (binding
    values needs the GIL), and a worker thread moves it into `attendees` and
    the full-text indexes with a few statements that run inside SQLite
    without the GIL, overlapping the caller's preparation of the next chunk.
    Only one of the two uses the connection at a time. Must be used inside
    the caller's write transaction, between `__init__` and `finish()`. The
    check-in log is not touched, and updated attendees keep their ids (so
    their check-ins).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.now = now_text()
        # Keys made in SQL unless they would differ from the store's own; then
        # they are made by `rows.search_keys` row by row (correct, slower).
        self.sql_keys = sql_keys_agree(conn)
        if not self.sql_keys:
            log.warning("search keys changed shape; bulk import makes them row by row")
        self._error: Exception | None = None
        self._jobs: queue.Queue[tuple[bool, bool] | None] = queue.Queue(maxsize=1)
        self._previous_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size={_IMPORT_CACHE_KIB}")
        conn.execute(f"DROP TABLE IF EXISTS {_TEMP}")
        columns = (*IMPORT_COLUMNS, *_FOLDED_COLUMNS, *_KEYS_SQL)
        conn.execute(f"CREATE TEMP TABLE kiosk_import_rows (target_id, {', '.join(columns)})")
        # With keys made in SQL their columns stay NULL: not bound at all.
        filled = ("target_id", *columns[: len(columns) - len(_KEYS_SQL) * self.sql_keys])
        self._fill = (
            f"INSERT INTO {_TEMP} ({', '.join(filled)}) VALUES ({', '.join('?' for _ in filled)})"
        )
        self._indexed = conn.execute("SELECT coalesce(max(id), 0) FROM attendees").fetchone()[0]
        self._triggers = _set_aside_triggers(conn, tuple(_INDEX_ON_INSERT))
        capturing = conn.execute(_CAPTURE_ON).fetchone() is not None
        self._capture = {} if capturing else _set_aside_triggers(conn, _CAPTURE_TRIGGERS)
        self._automerge = _pause_automerge(conn)
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch, _SWITCH_SECONDS))
        self._thread = threading.Thread(target=self._work, name="kiosk-import", daemon=True)
        self._thread.start()

    def send(
        self,
        inserts: Sequence[Mapping[str, Any]],
        updates: Sequence[tuple[int, Mapping[str, Any]]] = (),
    ) -> None:
        """Write new attendees and rewrites of changed ones (all IMPORT_COLUMNS each)."""
        if self._error is not None:
            return
        chunk = self.table_rows(inserts, updates)
        if not chunk:
            return
        self._jobs.join()  # the worker is done with the table and the connection
        if self._error is not None:
            return
        self.conn.execute(f"DELETE FROM {_TEMP}")
        self.conn.executemany(self._fill, chunk)
        self._jobs.put((bool(inserts), bool(updates)))

    def table_rows(
        self,
        inserts: Sequence[Mapping[str, Any]],
        updates: Sequence[tuple[int, Mapping[str, Any]]] = (),
    ) -> list[tuple[Any, ...]]:
        """The temporary table's rows for these records: target id (None for a
        new attendee), IMPORT_COLUMNS, the folded fields, and the keys unless
        SQL makes them.

        Built a column at a time: the values are taken out of every record at
        once, each folded column in one pass, and the rows zipped back together.
        """
        records = [*inserts, *(fields for _, fields in updates)]
        if not records:
            return []
        columns = list(zip(*map(_IMPORT_VALUES, records), strict=True))
        folded = [fold_many(_text(columns[_IMPORT_INDEX[name]])) for name in FOLDED]
        keys: list[tuple[str, ...]] = []
        if not self.sql_keys:
            names = tuple(_KEYS_SQL)
            made = (tuple(rows.search_keys(f)[n] for n in names) for f in records)
            keys = list(zip(*made, strict=True))
        targets = itertools.chain(itertools.repeat(None, len(inserts)), (t for t, _ in updates))
        return list(zip(targets, *columns, *folded, *keys, strict=True))

    def finish(self) -> None:
        """Wait for every chunk to be written; re-raises a failure of the worker."""
        self._jobs.put(None)
        self._thread.join()
        try:
            if self._error is None:
                self.conn.execute(f"DROP TABLE {_TEMP}")
                self._index(self.conn.execute("SELECT max(id) FROM attendees").fetchone()[0])
                for sql in (*self._triggers.values(), *self._capture.values()):
                    self.conn.execute(sql)
                _resume_automerge(self.conn, self._automerge)
        finally:
            sys.setswitchinterval(self._switch)
            self.conn.execute(f"PRAGMA cache_size={self._previous_cache}")
        if self._error is not None:
            raise self._error

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                if self._error is None:
                    self._write(*job)
            except Exception as error:  # handed to the caller by send() and finish()
                self._error = error
            finally:
                self._jobs.task_done()

    def _index(self, newest: int | None) -> None:
        """Add the rows inserted since the last call to the full-text indexes."""
        if newest is None or newest <= self._indexed:
            return
        for name, sql in _INDEX_ON_INSERT.items():
            if name in self._triggers:
                self.conn.execute(sql, (self._indexed, newest))
        self._indexed = newest

    def _write(self, inserts: bool, updates: bool) -> None:
        conn, names = self.conn, ", ".join(IMPORT_COLUMNS)
        if inserts:
            # The id of the statement's last row: no second statement, as each
            # call from this thread waits for the GIL while the caller prepares.
            newest = conn.execute(
                f"INSERT INTO attendees ({names}, {', '.join(_KEYS_SQL)}, created_at, updated_at) "
                f"SELECT {names}, {', '.join(_keys_from(''))}, ?, ? "
                f"FROM {_TEMP} WHERE target_id IS NULL ORDER BY rowid",
                (self.now, self.now),
            ).lastrowid
            assert newest is not None  # the chunk has new attendees, so a row went in
            if newest - self._indexed >= INDEX_ROWS:
                self._index(newest)
        if updates:
            assignments = [f"{c} = u.{c}" for c in IMPORT_COLUMNS]
            assignments += [
                f"{n} = {sql}" for n, sql in zip(_KEYS_SQL, _keys_from("u."), strict=True)
            ]
            conn.execute(
                f"UPDATE attendees SET {', '.join(assignments)}, updated_at = ? "
                f"FROM {_TEMP} AS u WHERE u.target_id IS NOT NULL AND attendees.id = u.target_id",
                (self.now,),
            )


def _text(values: Sequence[Any]) -> Sequence[str]:
    """The values with None (a stored NULL) as empty text."""
    return [value or "" for value in values] if None in values else values


def _keys_from(table: str) -> list[str]:
    """The search keys of the temporary table's rows: made in Python when given, else in SQL."""
    return [f"coalesce({table}{name}, {sql})" for name, sql in _KEYS_SQL.items()]


def _set_aside_triggers(conn: sqlite3.Connection, names: tuple[str, ...]) -> dict[str, str]:
    """Drop these triggers where they exist (inside the caller's transaction, so
    a failure rolls the drop back too) and return their SQL to create them again."""
    found = dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            f"({', '.join('?' for _ in names)})",
            names,
        ).fetchall()
    )
    for name in found:
        conn.execute(f"DROP TRIGGER {name}")
    return found


def _pause_automerge(conn: sqlite3.Connection) -> dict[str, int]:
    """Switch off each full-text index's automatic merging; returns the settings to restore."""
    previous = {}
    for index in _FULL_TEXT:
        row = conn.execute(f"SELECT v FROM {index}_config WHERE k = 'automerge'").fetchone()
        previous[index] = _AUTOMERGE_DEFAULT if row is None else int(row[0])
        conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('automerge', 0)")
    return previous


def _resume_automerge(conn: sqlite3.Connection, previous: Mapping[str, int]) -> None:
    for index, value in previous.items():
        conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('automerge', ?)", (value,))


def write_attendees(
    conn: sqlite3.Connection,
    inserts: Sequence[Mapping[str, Any]],
    updates: Sequence[tuple[int, Mapping[str, Any]]],
) -> None:
    """Insert new attendees and rewrite changed ones, inside the caller's transaction."""
    writer = BulkWriter(conn)
    try:
        writer.send(inserts, updates)
    finally:
        writer.finish()

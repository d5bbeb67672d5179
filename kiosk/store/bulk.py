"""Bulk writes of attendees for roster import: one transaction, one statement per kind.

Rows go first into a temporary table and then into `attendees` with a single
INSERT ... SELECT (and a single UPDATE ... FROM). One statement per kind
matters: the full-text indexes are kept in step by triggers, and FTS5 writes
its pending index data out at the end of every statement, so row-by-row
statements cost seconds for a 100k roster where one statement costs a fraction.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from kiosk.domain.text import fold
from kiosk.store import rows

log = logging.getLogger("kiosk.store")

# The attendee columns an import reads and writes (never id, notes or times).
IMPORT_COLUMNS = (
    "code",
    "first_name",
    "last_name",
    "organisation",
    "job_title",
    "email",
    "category",
    "status",
    "source",
    "external_id",
)
_IMPORT_VALUES = itemgetter(*IMPORT_COLUMNS)  # ten columns: always a tuple
_TEMP = "temp.kiosk_import_rows"
# Page cache for the import's statements (KiB, negative as SQLite wants):
# large enough that the full-text index is built in memory.
_IMPORT_CACHE_KIB = -65536

# Records that exercise what folding does, checked before the fast key maker
# is trusted: accents, apostrophes, hyphens, other scripts, odd spacing.
_PROBES: tuple[dict[str, str], ...] = (
    {
        "first_name": "Zoë",
        "last_name": "O'Connor-Smith",
        "organisation": "St. Paul's",
        "email": "Z.O@x.org",
        "code": "AB-1",
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
    {
        "first_name": "  Jean  ",
        "last_name": "de la  Fontaine",
        "organisation": "A\tB",
        "email": "j_f@x",
        "code": "Q!#$%",
    },
)


def utc_now_text() -> str:
    return rows.utc_text(dt.datetime.now(dt.UTC))


class SearchKeyMaker:
    """`rows.search_keys`, fast enough for 100k rows.

    Folding is a per-character mapping plus whitespace clean-up, so the key of
    "first last" is the keys of its parts joined by a space. Parts repeat
    (first names, organisations) and are cached; ASCII parts (e-mail
    addresses, codes) go through a translation table derived from `fold`
    itself. Before use, and on the first real records, the result is compared
    with `rows.search_keys`; on any difference this falls back to it.
    """

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}
        self._ascii = self._ascii_table()
        self.names = tuple(rows.search_keys({}))
        self.fast = self._ascii is not None and all(
            self._fast(probe) == rows.search_keys(probe) for probe in _PROBES
        )
        self._checks_left = 100
        if not self.fast:
            log.warning("search keys changed shape; bulk import uses the slow path")

    def __call__(self, fields: Mapping[str, Any]) -> dict[str, str]:
        if not self.fast:
            return rows.search_keys(fields)
        keys = self._fast(fields)
        if self._checks_left:
            self._checks_left -= 1
            if keys != rows.search_keys(fields):
                log.warning("fast search keys differ from the store's; using the slow path")
                self.fast = False
                return rows.search_keys(fields)
        return keys

    def _fast(self, fields: Mapping[str, Any]) -> dict[str, str]:
        part = self._fold
        first = part(fields.get("first_name") or "")
        last = part(fields.get("last_name") or "")
        name = f"{first} {last}" if first and last else first or last
        words = [
            text
            for text in (
                name,
                part(fields.get("organisation") or ""),
                part(fields.get("email") or ""),
                part(fields.get("code") or ""),
            )
            if text
        ]
        sort = f"{last} {first}" if first and last else last or first
        return {"name_key": name, "search_key": " ".join(words), "sort_key": sort}

    def _fold(self, text: Any) -> str:
        text = str(text)
        if self._ascii is not None and text.isascii():
            return " ".join(text.translate(self._ascii).split())
        folded = self._cache.get(text)
        if folded is None:
            folded = fold(text)
            if len(self._cache) < 200_000:
                self._cache[text] = folded
        return folded

    @staticmethod
    def _ascii_table() -> dict[int, str] | None:
        """What `fold` does to each ASCII character between two letters."""
        table: dict[int, str] = {}
        for code in range(128):
            folded = fold(f"a{chr(code)}a")
            if folded == "a a":
                table[code] = " "
            elif len(folded) >= 2 and folded[0] == "a" and folded[-1] == "a":
                table[code] = folded[1:-1]
            else:
                return None
        return table


def _getter(names: Sequence[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """Like itemgetter, but always a tuple (itemgetter of one name is not)."""
    if len(names) == 1:
        name = names[0]
        return lambda mapping: (mapping[name],)
    return itemgetter(*names)


def existing_attendees(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """(id, *IMPORT_COLUMNS) of every attendee."""
    return conn.execute(f"SELECT id, {', '.join(IMPORT_COLUMNS)} FROM attendees").fetchall()


# Rows for the temporary table, and whether any are inserts / updates.
_Chunk = tuple[list[tuple[Any, ...]], bool, bool]


class BulkWriter:
    """Writes attendees in chunks on a worker thread while the caller prepares more.

    SQLite releases the GIL while it works, so building the full-text index
    for one chunk overlaps with Python preparing the next. Must be used
    inside the caller's write transaction; the connection is used by the
    worker only, between `__init__` and `finish()`. The check-in log is not
    touched, and updated attendees keep their ids (so their check-ins).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        keys: Callable[[Mapping[str, Any]], dict[str, str]] | None = None,
    ) -> None:
        self.conn = conn
        self.keys = keys or SearchKeyMaker()
        self.key_names = tuple(rows.search_keys({}))
        self.columns = (*IMPORT_COLUMNS, *self.key_names)
        self.now = utc_now_text()
        self._error: Exception | None = None
        self._queue: queue.Queue[_Chunk | None] = queue.Queue(maxsize=2)
        self._previous_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size={_IMPORT_CACHE_KIB}")
        conn.execute(f"DROP TABLE IF EXISTS {_TEMP}")
        conn.execute(f"CREATE TEMP TABLE kiosk_import_rows (target_id, {', '.join(self.columns)})")
        self._thread = threading.Thread(target=self._work, name="kiosk-import", daemon=True)
        self._thread.start()

    def send(
        self,
        inserts: Sequence[Mapping[str, Any]],
        updates: Sequence[tuple[int, Mapping[str, Any]]] = (),
    ) -> None:
        """Queue new attendees and rewrites of changed ones (all IMPORT_COLUMNS each)."""
        if self._error is not None:
            return
        make_keys, values, keys = self.keys, _IMPORT_VALUES, _getter(self.key_names)

        def temp_row(target: int | None, fields: Mapping[str, Any]) -> tuple[Any, ...]:
            return (target, *values(fields), *keys(make_keys(fields)))

        chunk = [temp_row(None, fields) for fields in inserts]
        chunk += [temp_row(target, fields) for target, fields in updates]
        if chunk:
            self._queue.put((chunk, bool(inserts), bool(updates)))

    def finish(self) -> None:
        """Wait for every chunk to be written; re-raises a failure of the worker."""
        self._queue.put(None)
        self._thread.join()
        try:
            if self._error is None:
                self.conn.execute(f"DROP TABLE {_TEMP}")
        finally:
            self.conn.execute(f"PRAGMA cache_size={self._previous_cache}")
        if self._error is not None:
            raise self._error

    def _work(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain the queue so the producer never blocks
            try:
                self._write(chunk)
            except Exception as error:  # handed to the caller by finish()
                self._error = error

    def _write(self, work: _Chunk) -> None:
        chunk, inserts, updates = work
        conn, names = self.conn, ", ".join(self.columns)
        placeholders = ", ".join("?" for _ in range(len(self.columns) + 1))
        conn.execute(f"DELETE FROM {_TEMP}")
        conn.executemany(f"INSERT INTO {_TEMP} VALUES ({placeholders})", chunk)
        if inserts:
            conn.execute(
                f"INSERT INTO attendees ({names}, created_at, updated_at) "
                f"SELECT {names}, ?, ? FROM {_TEMP} WHERE target_id IS NULL ORDER BY rowid",
                (self.now, self.now),
            )
        if updates:
            assignments = ", ".join(f"{c} = u.{c}" for c in self.columns)
            conn.execute(
                f"UPDATE attendees SET {assignments}, updated_at = ? "
                f"FROM {_TEMP} AS u WHERE u.target_id IS NOT NULL AND attendees.id = u.target_id",
                (self.now,),
            )


def write_attendees(
    conn: sqlite3.Connection,
    inserts: Sequence[Mapping[str, Any]],
    updates: Sequence[tuple[int, Mapping[str, Any]]],
    keys: Callable[[Mapping[str, Any]], dict[str, str]] | None = None,
) -> None:
    """Insert new attendees and rewrite changed ones, inside the caller's transaction."""
    writer = BulkWriter(conn, keys)
    try:
        writer.send(inserts, updates)
    finally:
        writer.finish()

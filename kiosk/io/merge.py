"""Merging a roster into the event: new attendees, changed ones, skipped rows.

Rows are matched to attendees already in the event by code, then by the
registration system's own id (source + external id), then, for rows with
neither (a plain list without codes), by name and e-mail. Matched attendees
keep their id, so their check-ins stay theirs; the check-in log is never
touched. Attendees the new file does not mention are counted, not deleted.
"""

from __future__ import annotations

import functools
import gc
import itertools
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from kiosk.domain.codes import new_code
from kiosk.domain.models import EmailFrom
from kiosk.io.errors import RosterError
from kiosk.io.presets import Layout, choose_layout, expected_header
from kiosk.io.reading import RowStream, stream_table
from kiosk.io.records import Record, RowReader
from kiosk.io.unchanged import Same, UnchangedRows
from kiosk.store import Store
from kiosk.store.bulk import IMPORT_COLUMNS, BulkWriter, existing_attendees
from kiosk.store.replaced import replaced_code_owners
from kiosk.store.schema import ATTENDEES, Use

log = logging.getLogger("kiosk.io")

# What a new attendee's columns hold when the file leaves them out: the declared defaults.
_DEFAULTS = {"first_name": "", **ATTENDEES.defaults(Use.IMPORT)}


@dataclass(frozen=True, slots=True)
class Skipped:
    row: int
    reason: str


@dataclass
class ImportReport:
    """What an import did (or, with dry_run, would do)."""

    source: str
    description: str
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    missing: int = 0
    dry_run: bool = False
    # New attendees given a code made here (no ticket code in their row):
    # the tickets they hold will not scan at the door.
    codes_made: int = 0
    # The header of the file's ticket-code column, None when it has none, and
    # the header a file of its kind carries them under ("Barcode #").
    code_column: str | None = None
    expected_code_column: str = "code"
    # Attendees whose e-mail is their order's buyer's (they gave none).
    buyer_emails: int = 0

    def summary(self) -> str:
        return (
            f"imported {self.imported}, updated {self.updated}, "
            f"unchanged {self.unchanged}, skipped {len(self.skipped)}"
        )

    def codes_notice(self) -> list[str]:
        """Said loudly when codes were made here: which column was missing or
        empty, how many, and how to send the new codes. Empty otherwise."""
        if not self.codes_made:
            return []
        if self.code_column is None:
            why = (
                f'This file has no "{self.expected_code_column}" column, '
                "so it carries no ticket codes."
            )
        else:
            why = f'Some rows have an empty "{self.code_column}".'
        made = "will be made" if self.dry_run else "were made"
        return [
            f"WARNING: {why} New codes {made} for {self.codes_made} attendees.",
            "WARNING: The tickets they already hold will NOT scan at the door. Send them the "
            "new codes before the event: kiosk codes --db EVENT-FILE -o FOLDER writes each QR "
            "code and a mail-merge list.",
        ]


# Rows read, cleaned and handed to the writer at a time: large enough that
# each statement's index work is efficient, small enough that preparing the
# next overlaps it and that a 100k import stays under 120 MB.
CHUNK_ROWS = 8192
# The first chunk is smaller, so the writer starts while most rows are still
# being read rather than after a whole chunk's preparation.
FIRST_CHUNK_ROWS = 1024


def import_roster(
    store: Store,
    path: Path | str,
    *,
    fmt: str = "auto",
    mapping: Sequence[str] = (),
    dry_run: bool = False,
) -> ImportReport:
    """Read a roster file and merge it into the event in one transaction.

    Raises RosterError (one sentence) when the file cannot be imported.
    """
    # An import makes a few hundred thousand small containers that are never
    # cyclic; the cycle collector rescanning them costs more than the import.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(store, Path(path), fmt, mapping, dry_run)
    finally:
        if collecting:
            gc.enable()


def _import(
    store: Store, path: Path, fmt: str, mapping: Sequence[str], dry_run: bool
) -> ImportReport:
    stream = stream_table(path)
    layout = choose_layout(stream.headers, path.name, fmt, mapping)
    if dry_run:
        planner = _Planner(existing_attendees(store.conn), layout, replaced_code_owners(store.conn))
        for chunk in _chunks(stream, planner, path.name):
            planner.add_all(chunk)
            planner.take()
    else:
        with store.transaction():
            # Planned under the write lock: no station can add a code between
            # the plan and the write.
            planner = _Planner(
                existing_attendees(store.conn), layout, replaced_code_owners(store.conn)
            )
            writer = BulkWriter(store.conn)
            try:
                for chunk in _chunks(stream, planner, path.name):
                    planner.add_all(chunk)
                    writer.send(*planner.take())
            finally:
                writer.finish()
    report = ImportReport(
        source=layout.source,
        description=stream.description,
        imported=planner.imported,
        updated=planner.updated,
        unchanged=planner.unchanged,
        skipped=planner.skipped,
        missing=planner.missing(),
        codes_made=planner.codes_made,
        code_column=layout.header_of("code", stream.headers),
        expected_code_column=expected_header(layout.source, "code"),
        buyer_emails=planner.buyer_emails,
        dry_run=dry_run,
    )
    log.info(
        "import %s (%s, source %s%s): %s, missing %d",
        path.suffix or "file",
        stream.description,
        layout.source,
        ", dry run" if dry_run else "",
        report.summary(),
        report.missing,
    )
    return report


def _chunks(
    stream: RowStream, planner: _Planner, name: str
) -> Iterator[list[Record | Skipped | Same]]:
    """Every non-blank row, in order, as a Record, the reason it is skipped, or
    (on a re-import) `Same` when it is what the event stores; a chunk at a time."""
    reader = RowReader(planner.layout)
    known = planner.unchanged_rows(reader) if planner.current else None
    found = False
    sizes = itertools.chain([min(FIRST_CHUNK_ROWS, CHUNK_ROWS)], itertools.repeat(CHUNK_ROWS))
    while batch := list(itertools.islice(stream.rows, next(sizes))):
        # Blank rows are layout, not attendees.
        chunk = [(number, cells) for number, cells in batch if "".join(cells).strip()]
        found = found or bool(chunk)
        if known is None:  # nothing stored yet: every row is read
            # `type(...) is` rather than isinstance: the cheaper test on 100k
            # rows, which mypy does not narrow on.
            yield [
                result if type(result) is not str else Skipped(number, result)  # type: ignore[misc]
                for (number, _), result in zip(chunk, reader.read_many(chunk), strict=True)
            ]
            continue
        same = known.same_many(chunk)
        # Only the other rows are cleaned; they keep their place in the file.
        read = iter(reader.read_many([r for r, s in zip(chunk, same, strict=True) if s is None]))
        yield [
            unchanged
            if unchanged is not None
            else (Skipped(number, result) if isinstance(result := next(read), str) else result)
            for (number, _), unchanged in zip(chunk, same, strict=True)
        ]
    if not found:
        raise RosterError(f"{name} has a header row but no attendees.")


_BUYER = EmailFrom.BUYER.value
_COLUMN = {name: index for index, name in enumerate(IMPORT_COLUMNS)}
_CODE, _SOURCE, _EXTERNAL = _COLUMN["code"], _COLUMN["source"], _COLUMN["external_id"]
# A stored row is (id, *IMPORT_COLUMNS): its id, its values, its code.
_ID, _VALUES, _STORED_CODE = itemgetter(0), itemgetter(slice(1, None)), itemgetter(1 + _CODE)


class _Planner:
    """Decides, row by row, what each record does to the event.

    Attendees already in the event stay the tuples the database gave (one
    dict each would cost more than the rest of a 100k re-import).
    """

    def __init__(
        self,
        existing: list[tuple[Any, ...]],
        layout: Layout,
        replaced: dict[str, int] | None = None,
    ) -> None:
        self.layout = layout
        # Lost badges' codes (kiosk reissue): old code -> its attendee.
        self.replaced = replaced or {}
        self.source = layout.source
        # Built with item getters and zip (in C): a re-import starts with every attendee.
        ids = list(map(_ID, existing))
        values = map(_VALUES, existing)
        self.current: dict[int, tuple[Any, ...]] = dict(zip(ids, values, strict=True))
        self.by_code: dict[str, int] = dict(zip(map(_STORED_CODE, existing), ids, strict=True))
        self.by_external: dict[str, int] = {
            row[1 + _EXTERNAL]: row[0]
            for row in existing
            if row[1 + _SOURCE] == self.source and row[1 + _EXTERNAL]
        }
        self.by_identity: _IdentityIndex | None = None
        self.code_rows: dict[str, int] = {}
        self.external_rows: dict[str, int] = {}
        self.matched: dict[int, int] = {}
        self.inserts: list[dict[str, Any]] = []
        self.updates: list[tuple[int, dict[str, Any]]] = []
        self.skipped: list[Skipped] = []
        self.imported = self.updated = self.unchanged = self.codes_made = 0
        self.buyer_emails = 0

    @property
    def pending(self) -> int:
        return len(self.inserts) + len(self.updates)

    def take(self) -> tuple[list[dict[str, Any]], list[tuple[int, dict[str, Any]]]]:
        """The inserts and updates decided since the last call."""
        taken = self.inserts, self.updates
        self.inserts, self.updates = [], []
        return taken

    def missing(self) -> int:
        """Attendees of this source that no row of the file matched."""
        return sum(
            1
            for id_, values in self.current.items()
            if values[_SOURCE] == self.source and id_ not in self.matched
        )

    def unchanged_rows(self, reader: RowReader) -> UnchangedRows:
        return UnchangedRows(reader, self.source, self.by_code, self.current, _COLUMN)

    def add_all(self, records: list[Record | Skipped | Same]) -> None:
        """`add` each, in order; unchanged rows the quick way."""
        add, same = self.add, self._same
        for record in records:
            if type(record) is Same:
                same(record)
            else:
                add(record)

    def _same(self, record: Same) -> None:
        """`add` for a row known unchanged: the same checks, nothing to write."""
        code, external, target = record.code, record.external_id, record.target
        if code in self.code_rows or (external is not None and external in self.external_rows):
            self.add(record)  # skipped, with its reason
            return
        if target in self.matched:
            self.add(record)
            return
        self.code_rows[code] = record.row
        if external is not None:
            self.external_rows[external] = record.row
        self.matched[target] = record.row
        self.unchanged += 1

    def add(self, record: Record | Skipped | Same) -> None:
        if isinstance(record, Skipped):
            self.skipped.append(record)
            return
        code, external = record.code, record.external_id
        replaced_for: int | None = None
        if isinstance(record, Same):
            target: int | None = record.target
        else:
            target = self.by_code.get(code) if code is not None else None
            if target is None and code is not None and self.replaced.get(code) in self.current:
                # The roster still has a lost badge's code (kiosk reissue): the
                # row is the attendee it was replaced for, who keeps the new code.
                target = replaced_for = self.replaced[code]
            if target is None and external is not None:
                target = self.by_external.get(external)
            if target is None and code is None and external is None:
                target = self._same_person(record)
        # The checks in this order, whichever way the row was read.
        if code is not None and code in self.code_rows:
            self._skip(record, f"code already used on row {self.code_rows[code]}")
            return
        if external is not None and external in self.external_rows:
            self._skip(record, f"same {self.source} id as row {self.external_rows[external]}")
            return
        if target is not None and target in self.matched:
            self._skip(record, f"same attendee as row {self.matched[target]}")
            return
        if code is not None:
            self.code_rows[code] = record.row
        if external is not None:
            self.external_rows[external] = record.row
        if isinstance(record, Same):
            self.matched[record.target] = record.row
            self.unchanged += 1
            return
        if record.fields.get("email_from") == _BUYER:
            self.buyer_emails += 1
        if target is None:
            self._insert(record, code, external)
        elif replaced_for is not None:
            stored = self.current[replaced_for]
            self._update(record, replaced_for, stored[_CODE], external or stored[_EXTERNAL])
        else:
            self._update(record, target, code, external)

    def _skip(self, record: Record | Same, reason: str) -> None:
        self.skipped.append(Skipped(record.row, reason))

    def _insert(self, record: Record, code: str | None, external: str | None) -> None:
        fields = {**_DEFAULTS, **record.fields}
        if code is None:
            code = new_code()
            while code in self.by_code or code in self.code_rows:  # 130 bits: never, really
                code = new_code()
            self.code_rows[code] = record.row
            self.codes_made += 1
        fields["code"] = code
        fields["source"] = self.source
        fields["external_id"] = external or code
        self.inserts.append(fields)
        self.imported += 1

    def _update(self, record: Record, target: int, code: str | None, external: str | None) -> None:
        self.matched[target] = record.row
        old = self.current[target]
        new = record.fields  # the record's own dict, used by nothing else after this
        new["source"] = self.source
        if code is not None:
            new["code"] = code
        new["external_id"] = external or code or old[_EXTERNAL] or new.get("code", old[_CODE])
        # Only what the row names can differ from the attendee as stored.
        if _differs(old, new):
            self.updates.append((target, {**dict(zip(IMPORT_COLUMNS, old, strict=True)), **new}))
            self.updated += 1
        else:
            self.unchanged += 1

    def _same_person(self, record: Record) -> int | None:
        """For a row with neither code nor id: an attendee of this source with
        the same name and e-mail that no other row has matched."""
        if self.by_identity is None:
            self.by_identity = _IdentityIndex(self.current, self.source)
        return self.by_identity.unmatched(_identity(record.fields), self.matched)


class _IdentityIndex:
    """The attendees of one source by (first name, last name, e-mail), case-folded.

    Built once per import over every stored attendee, so in C where it can
    be: the first attendee of each identity in one dict; the rare identities
    that several attendees share also keep all of theirs, in id order.
    """

    def __init__(self, current: dict[int, tuple[Any, ...]], source: str) -> None:
        ids = [id_ for id_, values in current.items() if values[_SOURCE] == source]
        rows = list(map(current.__getitem__, ids))
        folded = [
            list(map(str.casefold, [value or "" for value in map(part, rows)]))
            for part in _IDENTITY_PARTS
        ]
        keys = list(zip(*folded, strict=True))
        # Reversed, so the first attendee of an identity is the one kept.
        self.first = dict(zip(reversed(keys), reversed(ids), strict=True))
        self.shared: dict[tuple[str, ...], list[int]] = {}
        if len(self.first) < len(ids):
            every: dict[tuple[str, ...], list[int]] = {}
            for key, id_ in zip(keys, ids, strict=True):
                every.setdefault(key, []).append(id_)
            self.shared = {key: same for key, same in every.items() if len(same) > 1}

    def unmatched(self, key: tuple[str, ...], matched: Mapping[int, int]) -> int | None:
        """The first attendee with this identity that no row has matched yet."""
        for id_ in self.shared.get(key) or (self.first.get(key),):
            if id_ is not None and id_ not in matched:
                return id_
        return None


@functools.cache
def _getters(names: tuple[str, ...]) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """Item getters for these names from a stored row's tuple and from a dict."""
    return itemgetter(*(_COLUMN[name] for name in names)), itemgetter(*names)


def _differs(stored: tuple[Any, ...], new: dict[str, Any]) -> bool:
    """Whether `new` changes the stored attendee (None and "" are the same)."""
    from_stored, from_new = _getters(tuple(new))
    before, after = from_stored(stored), from_new(new)
    if before == after:
        return False
    return tuple(v or "" for v in before) != tuple(v or "" for v in after)


_IDENTITY = ("first_name", "last_name", "email")
_IDENTITY_PARTS = tuple(itemgetter(_COLUMN[name]) for name in _IDENTITY)


def _identity(fields: dict[str, Any]) -> tuple[str, str, str]:
    first, last, email = (fields.get(key) or "" for key in _IDENTITY)
    return first.casefold(), last.casefold(), email.casefold()

"""Merging a roster into the event: new attendees, changed ones, skipped rows.

Rows are matched to attendees already in the event by code, then by the
registration system's own id (source + external id), then, for rows with
neither (a plain list without codes), by name and e-mail. Matched attendees
keep their id, so their check-ins stay theirs; the check-in log is never
touched. Attendees the new file does not mention are counted, not deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.domain.codes import new_code
from kiosk.io.errors import RosterError
from kiosk.io.presets import Layout, choose_layout
from kiosk.io.reading import Table, read_table
from kiosk.io.records import Record, RowReader
from kiosk.store import Store
from kiosk.store.bulk import IMPORT_COLUMNS, SearchKeyMaker, existing_attendees, write_attendees

log = logging.getLogger("kiosk.io")

_DEFAULTS = {
    "first_name": "",
    "last_name": "",
    "organisation": "",
    "job_title": "",
    "email": "",
    "category": "",
    "status": "active",
}


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

    def summary(self) -> str:
        return (
            f"imported {self.imported}, updated {self.updated}, "
            f"unchanged {self.unchanged}, skipped {len(self.skipped)}"
        )


@dataclass
class _Plan:
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    missing: int = 0


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
    path = Path(path)
    table = read_table(path)
    layout = choose_layout(table.headers, path.name, fmt, mapping)
    records = _read_records(table, layout, path.name)
    keys = SearchKeyMaker()
    if dry_run:
        plan = _plan(existing_attendees(store.conn), records, layout)
    else:
        with store.transaction():
            # Planned under the write lock: no station can add a code between
            # the plan and the write.
            plan = _plan(existing_attendees(store.conn), records, layout)
            write_attendees(store.conn, plan.inserts, plan.updates, keys)
    report = ImportReport(
        source=layout.source,
        description=table.description,
        imported=len(plan.inserts),
        updated=len(plan.updates),
        unchanged=plan.unchanged,
        skipped=plan.skipped,
        missing=plan.missing,
        dry_run=dry_run,
    )
    log.info(
        "import %s (%s, source %s%s): %s, missing %d",
        path.suffix or "file",
        table.description,
        layout.source,
        ", dry run" if dry_run else "",
        report.summary(),
        report.missing,
    )
    return report


def _read_records(table: Table, layout: Layout, name: str) -> list[Record | Skipped]:
    reader = RowReader(layout)
    records: list[Record | Skipped] = []
    for number, cells in table.rows:
        if not "".join(cells).strip():
            continue  # blank rows are layout, not attendees
        result = reader.read(number, cells)
        records.append(Skipped(number, result) if isinstance(result, str) else result)
    if not records:
        raise RosterError(f"{name} has a header row but no attendees.")
    return records


def _plan(
    existing: list[tuple[Any, ...]], records: list[Record | Skipped], layout: Layout
) -> _Plan:
    plan = _Plan()
    source = layout.source
    current: dict[int, dict[str, Any]] = {}
    by_code: dict[str, int] = {}
    by_external: dict[str, int] = {}
    for row in existing:
        values = dict(zip(IMPORT_COLUMNS, row[1:], strict=True))
        current[row[0]] = values
        by_code[values["code"]] = row[0]
        if values["source"] == source and values["external_id"]:
            by_external[values["external_id"]] = row[0]
    by_identity: dict[tuple[str, str, str], list[int]] | None = None
    code_rows: dict[str, int] = {}
    external_rows: dict[str, int] = {}
    matched: dict[int, int] = {}
    for record in records:
        if isinstance(record, Skipped):
            plan.skipped.append(record)
            continue
        code, external = record.code, record.external_id
        if code is not None and code in code_rows:
            plan.skipped.append(Skipped(record.row, f"code already used on row {code_rows[code]}"))
            continue
        if external is not None and external in external_rows:
            plan.skipped.append(
                Skipped(record.row, f"same {source} id as row {external_rows[external]}")
            )
            continue
        target = by_code.get(code) if code is not None else None
        if target is None and external is not None:
            target = by_external.get(external)
        if target is None and code is None and external is None:
            if by_identity is None:
                by_identity = _identities(current, source)
            target = _take_identity(by_identity, record, matched)
        if target is not None and target in matched:
            plan.skipped.append(Skipped(record.row, f"same attendee as row {matched[target]}"))
            continue
        if code is not None:
            code_rows[code] = record.row
        if external is not None:
            external_rows[external] = record.row
        if target is None:
            fields = {**_DEFAULTS, **record.fields}
            fields["code"] = code or _fresh_code(by_code, code_rows)
            fields["source"] = source
            fields["external_id"] = external or fields["code"]
            code_rows.setdefault(fields["code"], record.row)
            plan.inserts.append(fields)
            continue
        matched[target] = record.row
        old = current[target]
        fields = {**old, **record.fields, "source": source}
        if code is not None:
            fields["code"] = code
        fields["external_id"] = external or code or old["external_id"] or fields["code"]
        if any((old[c] or "") != (fields[c] or "") for c in IMPORT_COLUMNS):
            plan.updates.append((target, fields))
        else:
            plan.unchanged += 1
    plan.missing = sum(
        1 for id_, values in current.items() if values["source"] == source and id_ not in matched
    )
    return plan


def _fresh_code(by_code: dict[str, int], code_rows: dict[str, int]) -> str:
    code = new_code()
    while code in by_code or code in code_rows:  # 130 random bits: practically never
        code = new_code()
    return code


def _identity(first: str, last: str, email: str) -> tuple[str, str, str]:
    return (first.casefold(), last.casefold(), email.casefold())


def _identities(
    current: dict[int, dict[str, Any]], source: str
) -> dict[tuple[str, str, str], list[int]]:
    found: dict[tuple[str, str, str], list[int]] = {}
    for id_, values in current.items():
        if values["source"] == source:
            key = _identity(values["first_name"], values["last_name"] or "", values["email"] or "")
            found.setdefault(key, []).append(id_)
    return found


def _take_identity(
    by_identity: dict[tuple[str, str, str], list[int]], record: Record, matched: dict[int, int]
) -> int | None:
    """An attendee of this source with the same name and e-mail, not yet matched."""
    fields = record.fields
    key = _identity(
        fields.get("first_name", ""), fields.get("last_name", ""), fields.get("email", "")
    )
    for id_ in by_identity.get(key, ()):
        if id_ not in matched:
            return id_
    return None

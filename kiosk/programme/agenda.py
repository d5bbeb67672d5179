"""Reading an agenda file (CSV or XLSX) into the programme.

One row a session: key (optional), title, day, start, end, room, capacity,
open_to, booking_required. Re-importing merges: a row matches the session with
its key, else the one with its title (without regard to case) on its day;
sessions the file does not mention are left alone. Everything is written in
one transaction, or nothing with `dry_run`.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk.domain.models import Event, Session
from kiosk.io.errors import RosterError
from kiosk.io.reading import read_table
from kiosk.programme.drafts import (
    COLUMNS,
    REQUIRED,
    DraftError,
    SessionDraft,
    draft_of,
    read_draft,
    same_session,
    save_draft,
    session_problems,
)
from kiosk.store import Store
from kiosk.store.attendee_list import categories

__all__ = [
    "AgendaError",
    "AgendaReport",
    "SessionDraft",
    "draft_of",
    "import_agenda",
    "save_draft",
    "session_problems",
]

log = logging.getLogger("kiosk.programme")


class AgendaError(Exception):
    """An agenda file that cannot be read at all, in one plain sentence."""


@dataclass
class AgendaReport:
    """What an agenda import did (or, with dry_run, would do)."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    lines: list[str] = field(default_factory=list)  # one sentence per skipped row
    dry_run: bool = False

    def summary(self) -> str:
        return (
            f"imported {self.imported}, updated {self.updated}, "
            f"unchanged {self.unchanged}, skipped {self.skipped}"
        )

    def skip(self, row: int, problems: list[str]) -> None:
        self.skipped += 1
        self.lines.append(f"skipped row {row}: {'; '.join(problems)}")


def column_name(header: str) -> str:
    """A header as the column it names: 'Open to' and ' OPEN_TO ' are open_to."""
    return "_".join(header.replace("-", " ").replace("_", " ").casefold().split())


def import_agenda(store: Store, path: Path, *, dry_run: bool = False) -> AgendaReport:
    """Merge the agenda at `path` into the event's programme.

    Raises AgendaError when the file cannot be read as an agenda at all.
    """
    rows = _read_rows(Path(path))
    event = store.event()
    known = set(categories(store))
    report = AgendaReport(dry_run=dry_run)
    merge = _Merge(store, event)
    with contextlib.nullcontext() if dry_run else store.transaction():
        for number, fields in rows:
            try:
                draft = read_draft(fields)
            except DraftError as error:
                report.skip(number, error.problems)
                continue
            problems = session_problems(draft, event, known)
            if problems:
                report.skip(number, problems)
                continue
            merge.apply(number, draft, report, dry_run)
    log.info("agenda import%s: %s", " (dry run)" if dry_run else "", report.summary())
    return report


def _read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        table = read_table(path)
    except RosterError as error:
        raise AgendaError(str(error)) from None
    names = [column_name(header) for header in table.headers]
    if "title" not in names:
        raise AgendaError(
            f"{path.name} has no title column, so it is not an agenda "
            f"(an agenda has the columns {', '.join(COLUMNS)})."
        )
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise AgendaError(
            f"{path.name} has no {' or '.join(missing)} column; "
            f"an agenda needs {', '.join(REQUIRED)}."
        )
    index = {name: names.index(name) for name in COLUMNS if name in names}
    rows = []
    for number, cells in table.rows:
        if not any(cell.strip() for cell in cells):
            continue
        rows.append(
            (number, {name: cells[i] if i < len(cells) else "" for name, i in index.items()})
        )
    return rows


class _Merge:
    """Matches each row to a session already in the event, once per session."""

    def __init__(self, store: Store, event: Event) -> None:
        self.store = store
        self.event = event
        self.by_key: dict[str, Session] = {}
        self.by_title: dict[tuple[str, str], Session] = {}
        for session in store.sessions():
            if session.key:
                self.by_key.setdefault(session.key, session)
            self.by_title.setdefault(self._title_day(draft_of(session, event)), session)
        # Which row claimed a session (by id) or a new one (by key, title and day).
        self.claimed: dict[object, int] = {}

    @staticmethod
    def _title_day(draft: SessionDraft) -> tuple[str, str]:
        return draft.title.casefold(), draft.day.isoformat()

    def _match(self, draft: SessionDraft) -> Session | None:
        if draft.key and draft.key in self.by_key:
            return self.by_key[draft.key]
        found = self.by_title.get(self._title_day(draft))
        # A session with another key is another session of the same title.
        if found is not None and found.key and draft.key and found.key != draft.key:
            return None
        return found

    def apply(self, number: int, draft: SessionDraft, report: AgendaReport, dry_run: bool) -> None:
        existing = self._match(draft)
        claims: list[object] = (
            [("id", existing.id)] if existing else [("new", *self._title_day(draft))]
        )
        if draft.key:
            claims.append(("key", draft.key))
        earlier = next((self.claimed[c] for c in claims if c in self.claimed), None)
        if earlier is not None:
            report.skip(number, [f"the same session as row {earlier}"])
            return
        for claim in claims:
            self.claimed[claim] = number
        if existing is None:
            report.imported += 1
            if not dry_run:
                save_draft(self.store, draft)
            return
        if not draft.key and existing.key:
            draft = replace(draft, key=existing.key)  # a row without a key keeps it
        if same_session(draft_of(existing, self.event), draft):
            report.unchanged += 1
            return
        report.updated += 1
        if not dry_run:
            save_draft(self.store, draft, existing.id)

"""Reading a bookings file: who booked which session.

One row a booking: the attendee by `code` (or, without one, by `email`) and
the session by its agenda `key`. Rows that cannot be placed are skipped with
a sentence; a session that does not need booking is booked all the same, with
one note. Everything is written in one transaction, or nothing with `dry_run`.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.domain.codes import clean_scan
from kiosk.domain.models import Session
from kiosk.io.errors import RosterError
from kiosk.io.reading import read_table
from kiosk.programme.agenda import column_name
from kiosk.store import Store
from kiosk.store.programme import attendees_with_email, book, session_by_key

log = logging.getLogger("kiosk.programme")


class BookingsError(Exception):
    """A bookings file that cannot be read at all, in one plain sentence."""


@dataclass
class BookingsReport:
    """What a bookings import did (or, with dry_run, would do)."""

    booked: int = 0
    already_booked: int = 0
    skipped: int = 0
    lines: list[str] = field(default_factory=list)  # one sentence per skipped row
    notes: list[str] = field(default_factory=list)  # said once per session
    dry_run: bool = False

    def summary(self) -> str:
        return f"booked {self.booked}, already booked {self.already_booked}, skipped {self.skipped}"

    def skip(self, row: int, problem: str) -> None:
        self.skipped += 1
        self.lines.append(f"skipped row {row}: {problem}")


def import_bookings(store: Store, path: Path, *, dry_run: bool = False) -> BookingsReport:
    """Book the attendees of the file at `path` into their sessions.

    Raises BookingsError when the file cannot be read as bookings at all.
    """
    rows = _read_rows(Path(path))
    report = BookingsReport(dry_run=dry_run)
    done: set[tuple[int, int]] = set()  # (attendee, session) booked by an earlier row
    noted: set[int] = set()
    with contextlib.nullcontext() if dry_run else store.transaction():
        for number, code, email, key in rows:
            attendee_id = _attendee(store, code, email, number, report)
            if attendee_id is None:
                continue
            session = _session(store, key, number, report)
            if session is None:
                continue
            if not session.booking_required and session.id not in noted:
                noted.add(session.id)
                report.notes.append(
                    f"note: session {session.key} does not require booking (booked all the same)"
                )
            pair = (attendee_id, session.id)
            if pair in done or store.has_booking(*pair):
                report.already_booked += 1
            elif dry_run or book(store, *pair):
                report.booked += 1
            else:
                report.already_booked += 1
            done.add(pair)
    log.info("bookings import%s: %s", " (dry run)" if dry_run else "", report.summary())
    return report


def _attendee(
    store: Store, code: str, email: str, number: int, report: BookingsReport
) -> int | None:
    if code:
        found = store.attendee_by_code(clean_scan(code) or code)
        if found is None:
            report.skip(number, f"no attendee has the code '{code}'")
            return None
        return found.id
    if not email:
        report.skip(number, "the row has no code and no email")
        return None
    ids = attendees_with_email(store, email)
    if not ids:
        report.skip(number, "no attendee has this row's email")
        return None
    if len(ids) > 1:
        report.skip(
            number,
            f"{len(ids)} attendees share this row's email, so it cannot say who booked "
            "(give their code instead)",
        )
        return None
    return ids[0]


def _session(store: Store, key: str, number: int, report: BookingsReport) -> Session | None:
    if not key:
        report.skip(number, "the session key is missing")
        return None
    session = session_by_key(store, key)
    if session is None:
        report.skip(number, f"no session has the key '{key}'")
    return session


def _read_rows(path: Path) -> list[tuple[int, str, str, str]]:
    """(row number, code, email, session key) for each row that is not blank."""
    try:
        table = read_table(path)
    except RosterError as error:
        raise BookingsError(str(error)) from None
    names = [column_name(header) for header in table.headers]
    if "session" not in names or not {"code", "email"} & set(names):
        raise BookingsError(
            f"{path.name} is not a bookings file: it needs a session column "
            "and a code or email column."
        )

    def cell(cells: list[str], name: str) -> str:
        if name not in names:
            return ""
        index = names.index(name)
        return cells[index].strip() if index < len(cells) else ""

    return [
        (number, cell(cells, "code"), cell(cells, "email"), cell(cells, "session"))
        for number, cells in table.rows
        if any(c.strip() for c in cells)
    ]

"""Day's-end exports: CSV and XLSX attendance files."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from kiosk.reports.files import atomic_file, neutralise_for_csv
from kiosk.reports.table import HEADER, TITLES, Scope, rows
from kiosk.reports.xlsx import Cell, WorkbookWriter

NO_SHOW_COLUMNS = ("first_name", "last_name", "organisation", "email", "email_from", "category")


def write_csv(scope: Scope, path: Path) -> Path:
    """UTF-8 with a byte-order mark, so Excel shows every name correctly."""
    with atomic_file(path) as handle:
        handle.write(codecs.BOM_UTF8)
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(HEADER)
        for row in rows(scope):
            writer.writerow([neutralise_for_csv(v) if isinstance(v, str) else v for v in row])
        text.flush()
        text.detach()
    return path


def _summary(scope: Scope) -> list[list[Cell]]:
    active = [r for r in scope.records if r.attendee.status.value == "active"]
    rows: list[list[Cell]] = [[scope.event.name], [], ["Category", "Expected", "Attended"]]
    expected = Counter(r.attendee.category or "(none)" for r in active)
    attended = Counter(r.attendee.category or "(none)" for r in active if r.attended)
    for category in sorted(expected):
        rows.append([category, expected[category], attended[category]])
    rows.append(["Total", sum(expected.values()), sum(attended.values())])
    rows += [[], ["Session", "Room", "Attended", "Capacity"]]
    per_session = Counter(sid for r in scope.records for sid in r.sessions)
    for session in sorted(scope.sessions.values(), key=lambda s: s.starts_at):
        rows.append([session.title, session.room, per_session[session.id], session.capacity])
    rows += [[], ["Hour (venue time)", "Arrivals"]]
    hours = Counter(
        first.at.astimezone(scope.event.zone).strftime("%Y-%m-%d %H:00")
        for r in scope.records
        if (first := r.first_admission) is not None
    )
    rows += [[hour, hours[hour]] for hour in sorted(hours)]
    return rows


def _no_shows(scope: Scope) -> Iterator[list[Cell]]:
    for record in scope.records:
        attendee = record.attendee
        if attendee.status.value == "active" and not record.attended:
            yield [str(getattr(attendee, name)) for name in NO_SHOW_COLUMNS]


def write_xlsx(scope: Scope, path: Path) -> Path:
    """Attendance, a summary (by category, session and hour) and the no-shows."""
    with atomic_file(path) as handle:
        book = WorkbookWriter(handle)
        try:
            # People read the workbook: titles, not the CSV's machine names.
            book.sheet("Attendance", rows(scope), [TITLES[name] for name in HEADER])
            book.sheet("Summary", _summary(scope))
            book.sheet(
                "Conflicts",
                (
                    [code, conflict]
                    for code, conflicts in scope.conflicts.items()
                    for conflict in conflicts
                ),
                [TITLES["code"], "Admitted twice while offline"],
            )
            book.sheet(
                "No-shows",
                _no_shows(scope),
                [TITLES[name] for name in NO_SHOW_COLUMNS],
            )
            book.close()
        except BaseException:
            book.discard()
            raise
    return path

"""Attention flags and the notify mark read from an `attention` and a `notify`
column in every preset, and from --map; a re-import keeps or changes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import by_code, sample_rows, write_csv

from kiosk.io import import_roster
from kiosk.store import Store

CODE_HEADER = {"eventbrite": "Barcode #", "pretix": "Ticket secret", "generic": "code"}
# (notify cell, what it means): blank and the usual "no" words leave it off.
NOTIFY_CELLS = [("yes", True), ("", False), ("x", True), ("No", False), ("1", True), ("0", False)]


def _flagged(preset: str, headers: tuple[str, str]) -> list[list[str]]:
    rows = [row for row in sample_rows(preset) if any(row)]
    code_at = rows[0].index(CODE_HEADER[preset])
    rows = [rows[0]] + [row for row in rows[1:] if row[code_at].strip()]
    rows[0] = [*rows[0], *headers]
    for number, row in enumerate(rows[1:]):
        cell, _ = NOTIFY_CELLS[number % len(NOTIFY_CELLS)]
        row += [f"speaker {number}: green room" if number % 2 == 0 else "", cell]
    return rows


def _check(store: Store, rows: list[list[str]], preset: str) -> None:
    code_at = rows[0].index(CODE_HEADER[preset])
    people = by_code(store)
    for number, row in enumerate(rows[1:]):
        person = people[row[code_at].strip()]
        note = f"speaker {number}: green room" if number % 2 == 0 else ""
        assert (person.attention, person.notify) == (
            note,
            NOTIFY_CELLS[number % len(NOTIFY_CELLS)][1],
        ), row


@pytest.mark.parametrize("preset", sorted(CODE_HEADER))
def test_each_preset_reads_attention_and_notify(store: Store, tmp_path: Path, preset: str) -> None:
    rows = _flagged(preset, ("Attention", "Notify"))
    report = import_roster(store, write_csv(tmp_path / f"{preset}.csv", rows))
    assert report.source == preset
    assert report.imported == len(rows) - 1
    _check(store, rows, preset)


def test_map_names_flag_columns_of_any_file(store: Store, tmp_path: Path) -> None:
    rows = _flagged("generic", ("Hinweis", "Benachrichtigen"))
    import_roster(
        store,
        write_csv(tmp_path / "mapped.csv", rows),
        mapping=["Hinweis=attention", "Benachrichtigen=notify"],
    )
    _check(store, rows, "generic")


def test_a_reimport_changes_a_flag_and_leaves_unchanged_rows_unchanged(
    store: Store, tmp_path: Path
) -> None:
    rows = _flagged("generic", ("attention", "notify"))
    import_roster(store, write_csv(tmp_path / "first.csv", rows))
    again = import_roster(store, write_csv(tmp_path / "again.csv", rows))
    assert (again.updated, again.unchanged) == (0, len(rows) - 1)
    rows[1][-2:] = ["", "no"]  # the first row's note cleared, its notify turned off
    rows[2][-1] = "yes"
    changed = import_roster(store, write_csv(tmp_path / "changed.csv", rows))
    assert changed.updated == 2
    people = by_code(store)
    code_at = rows[0].index("code")
    first, second = (people[rows[i][code_at]] for i in (1, 2))
    assert (first.attention, first.notify) == ("", False)
    assert second.notify is True


def test_a_file_without_the_columns_keeps_the_flags(store: Store, tmp_path: Path) -> None:
    rows = _flagged("generic", ("attention", "notify"))
    import_roster(store, write_csv(tmp_path / "with.csv", rows))
    plain = [row[:-2] for row in rows]
    import_roster(store, write_csv(tmp_path / "without.csv", plain))
    _check(store, rows, "generic")

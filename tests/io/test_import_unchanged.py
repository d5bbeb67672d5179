"""A re-import recognises rows that are, cell for cell, what is stored, and
decides about them exactly as the full reading of each row would."""

from __future__ import annotations

from pathlib import Path

from import_helpers import write_csv

from kiosk.io import import_roster
from kiosk.io.merge import Same
from kiosk.store import Store

HEADER = ["first_name", "last_name", "email", "organisation", "code", "status"]
ROWS = [
    ["Ada", "Lovelace", "ada@x.org", "Analytical", "C-1", "active"],
    ["Zoë", "Ó Briain", "", "Imperial", "C-2", "Refunded"],
    ["Grace", "Hopper", "g@x.org", "Navy", "C-3", ""],
]


def _updated_at(store: Store) -> dict[str, str]:
    return dict(store.conn.execute("SELECT code, updated_at FROM attendees").fetchall())


def test_the_same_file_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    roster = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    import_roster(store, roster)
    before = _updated_at(store)
    report = import_roster(store, roster)
    assert report.summary() == "imported 0, updated 0, unchanged 3, skipped 0"
    assert _updated_at(store) == before


def test_rows_known_unchanged_are_the_ones_whose_cells_are_stored(
    store: Store, tmp_path: Path
) -> None:
    from kiosk.io.merge import _Planner
    from kiosk.io.presets import choose_layout
    from kiosk.io.records import RowReader
    from kiosk.store.bulk import existing_attendees

    import_roster(store, write_csv(tmp_path / "r.csv", [HEADER, *ROWS]))
    layout = choose_layout(HEADER, "r.csv")
    planner = _Planner(existing_attendees(store.conn), layout)
    known = planner.unchanged_rows(RowReader(layout))
    rows = [
        (2, list(ROWS[0])),  # as stored
        (3, list(ROWS[1])),  # "Refunded" is stored as cancelled: still the same
        (4, [" Grace", *ROWS[2][1:]]),  # a space to clean: read in full
        (5, ["Ada", "Lovelace", "ada@x.org", "Analytical", "C-1", "cancelled"]),  # status
        (6, ["Ada", "Lovelace", "ada@x.org", "Analytical", "C-9", "active"]),  # unknown code
    ]
    found = known.same_many(rows)
    assert [type(item) for item in found] == [Same, Same, type(None), type(None), type(None)]


def test_an_unchanged_row_with_a_code_seen_before_is_still_skipped(
    store: Store, tmp_path: Path
) -> None:
    import_roster(store, write_csv(tmp_path / "r.csv", [HEADER, *ROWS]))
    again = [HEADER, ROWS[0], ROWS[1], ROWS[0]]
    report = import_roster(store, write_csv(tmp_path / "again.csv", again))
    assert report.summary() == "imported 0, updated 0, unchanged 2, skipped 1"
    assert [(s.row, s.reason) for s in report.skipped] == [(4, "code already used on row 2")]


def test_a_desk_cancellation_is_undone_by_an_active_row(store: Store, tmp_path: Path) -> None:
    roster = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    import_roster(store, roster)
    ada = store.attendee_by_code("C-1")
    assert ada is not None
    store.update_attendee(ada.id, {"status": "cancelled"})
    report = import_roster(store, roster)
    assert report.summary() == "imported 0, updated 1, unchanged 2, skipped 0"
    assert store.attendee_by_code("C-1").status.value == "active"  # type: ignore[union-attr]

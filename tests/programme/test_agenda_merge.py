"""Re-importing an agenda merges: by key, then by title and day."""

from __future__ import annotations

from pathlib import Path

from programme_helpers import HEADER, write_csv

from kiosk.programme.agenda import import_agenda
from kiosk.store import Store

KEYNOTE = ["k1", "Keynote", "2026-03-10", "09:00", "10:00", "Main Hall", "", "", ""]
LAB = ["k2", "Lab", "2026-03-10", "10:15", "11:15", "Main Hall", "40", "", "yes"]
PANEL = ["", "Panel", "2026-03-11", "14:00", "15:00", "Room 1", "", "", ""]


def _import(store: Store, tmp_path: Path, *rows: list[str], dry_run: bool = False) -> str:
    report = import_agenda(store, write_csv(tmp_path / "a.csv", [HEADER, *rows]), dry_run=dry_run)
    return report.summary()


def test_reimport_merges_by_key_then_by_title_and_day(store: Store, tmp_path: Path) -> None:
    assert _import(store, tmp_path, KEYNOTE, LAB, PANEL) == (
        "imported 3, updated 0, unchanged 0, skipped 0"
    )
    ids = {s.title: s.id for s in store.sessions()}
    # The same file again changes nothing.
    assert _import(store, tmp_path, KEYNOTE, LAB, PANEL) == (
        "imported 0, updated 0, unchanged 3, skipped 0"
    )
    # By key: the keynote is renamed and moved; by title and day (any case):
    # the panel gets a room and a key; a new row is imported.
    renamed = ["k1", "Opening keynote", "2026-03-10", "09:15", "10:00", "Main Hall", "", "", ""]
    panel = ["p1", "PANEL", "2026-03-11", "14:00", "15:00", "Room 2", "", "", ""]
    extra = ["", "Closing", "2026-03-11", "16:00", "16:30", "", "", "", ""]
    assert _import(store, tmp_path, renamed, LAB, panel, extra) == (
        "imported 1, updated 2, unchanged 1, skipped 0"
    )
    sessions = {s.id: s for s in store.sessions()}
    keynote = sessions[ids["Keynote"]]
    assert keynote.title == "Opening keynote" and keynote.starts_at.minute == 15
    merged_panel = sessions[ids["Panel"]]
    assert (merged_panel.title, merged_panel.room, merged_panel.key) == ("PANEL", "Room 2", "p1")
    assert len(sessions) == 4


def test_a_row_without_a_key_keeps_the_sessions_key(store: Store, tmp_path: Path) -> None:
    _import(store, tmp_path, KEYNOTE)
    keyless = ["", *KEYNOTE[1:]]
    assert _import(store, tmp_path, keyless) == "imported 0, updated 0, unchanged 1, skipped 0"
    assert store.sessions()[0].key == "k1"


def test_a_session_with_another_key_and_the_same_title_is_another_session(
    store: Store, tmp_path: Path
) -> None:
    _import(store, tmp_path, KEYNOTE)
    twin = ["k9", *KEYNOTE[1:]]
    assert _import(store, tmp_path, twin) == "imported 1, updated 0, unchanged 0, skipped 0"
    assert sorted(s.key for s in store.sessions()) == ["k1", "k9"]


def test_sessions_missing_from_a_reimport_are_left_alone(store: Store, tmp_path: Path) -> None:
    _import(store, tmp_path, KEYNOTE, LAB)
    assert _import(store, tmp_path, LAB) == "imported 0, updated 0, unchanged 1, skipped 0"
    assert [s.key for s in store.sessions()] == ["k1", "k2"]


def test_one_session_twice_in_a_file_is_skipped_the_second_time(
    store: Store, tmp_path: Path
) -> None:
    report = import_agenda(
        store, write_csv(tmp_path / "a.csv", [HEADER, KEYNOTE, LAB, KEYNOTE, PANEL, PANEL])
    )
    assert report.lines == [
        "skipped row 4: the same session as row 2",
        "skipped row 6: the same session as row 5",
    ]
    assert len(store.sessions()) == 3


def test_dry_run_reports_the_same_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    _import(store, tmp_path, KEYNOTE)
    before = store.sessions()
    changed = ["k1", "Keynote", "2026-03-10", "09:00", "10:30", "Main Hall", "", "", ""]
    bad = ["", "Bad", "2026-03-10", "10:00", "09:00", "", "", "", ""]
    rows = [changed, LAB, bad]
    dry = import_agenda(store, write_csv(tmp_path / "a.csv", [HEADER, *rows]), dry_run=True)
    assert dry.summary() == "imported 1, updated 1, unchanged 0, skipped 1"
    assert store.sessions() == before
    real = import_agenda(store, write_csv(tmp_path / "a.csv", [HEADER, *rows]))
    assert (real.summary(), real.lines) == (dry.summary(), dry.lines)
    assert store.sessions() != before

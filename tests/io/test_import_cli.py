"""`kiosk import` end to end: output lines and exit status."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import SAMPLES, dump, write_csv

from kiosk.cli import main
from kiosk.store import Store


def test_import_prints_counts_then_missing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(SAMPLES["generic"]), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "imported 8, updated 0, unchanged 0, skipped 0",
        "0 attendees already in the event are missing from this file.",
        # Four rows of the sample have no code: the warning of codes_notice.
        'WARNING: Some rows have an empty "code". New codes were made for 4 attendees.',
    ]
    assert len(out) == 4 and "kiosk codes" in out[3]
    assert len(Store.open(db_path).attendees()) == 8


def test_skipped_rows_and_missing_attendees_are_listed(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(SAMPLES["generic"]), "--db", str(db_path)])
    capsys.readouterr()
    rows = [
        ["first_name", "code"],
        ["Amara", "GEN-0000"],
        ["", "GEN-0002"],
        ["Twice", "GEN-0000"],
    ]
    roster = write_csv(tmp_path / "v2.csv", rows)
    assert main(["import", str(roster), "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "imported 0, updated 0, unchanged 1, skipped 2",
        "skipped row 3: no name",
        "skipped row 4: code already used on row 2",
        "7 attendees already in the event are not in this file (kept, not deleted).",
    ]


def test_format_map_and_dry_run_options(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_csv(
        tmp_path / "de.csv", [["Vorname", "Nachname"], ["Jürgen", "Groß"]], delimiter=";"
    )
    before = dump(db_path)
    args = ["import", str(roster), "--db", str(db_path), "--format", "generic"]
    args += ["--map", "Vorname=first_name", "--map", "Nachname=last_name", "--dry-run"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("imported 1, updated 0, unchanged 0, skipped 0\n")
    assert "Dry run: nothing was changed." in out
    assert dump(db_path) == before


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["import", "{tmp}/nowhere.csv", "--db", "{db}"], "There is no file"),
        (["import", "{tmp}/odd.csv", "--db", "{db}"], "--map"),
        (["import", "{tmp}/odd.csv", "--db", "{db}", "--map", "Vorname"], "COLUMN=FIELD"),
        (["import", "{tmp}/empty.csv", "--db", "{db}"], "is empty"),
        (["import", "{tmp}/odd.csv", "--db", "{tmp}/no-event.db"], "no event database"),
    ],
)
def test_user_errors_exit_2_with_one_sentence(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    fragment: str,
) -> None:
    write_csv(tmp_path / "odd.csv", [["Vorname", "Nachname"], ["Jürgen", "Groß"]])
    (tmp_path / "empty.csv").write_bytes(b"")
    argv = [a.replace("{tmp}", str(tmp_path)).replace("{db}", str(db_path)) for a in args]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and lines[0].startswith("kiosk: ")
    assert "Traceback" not in captured.err


def test_unknown_format_is_refused_by_the_parser(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["import", str(SAMPLES["generic"]), "--db", str(db_path), "--format", "csv"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err

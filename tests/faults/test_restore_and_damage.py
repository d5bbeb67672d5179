"""Restores that cannot discard admissions, and damage that every command survives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fault_helpers import ScanProcess, admitted_in_file, make_event

from kiosk.store.backup import backup_database, rotate_backup

pytestmark = pytest.mark.faults


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=120
    )


def one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_restore_refuses_while_a_station_runs_and_names_it(
    tmp_path: Path, stations: list[ScanProcess]
) -> None:
    db = tmp_path / "event.db"
    codes = make_event(db)
    backup = backup_database(db, tmp_path / "backup.db")
    station = ScanProcess(db, station="door-7")
    stations.append(station)
    assert station.scan(codes[0])["result"] == "checked_in"
    refused = kiosk("restore", str(backup), "--db", str(db), "--force")
    assert refused.returncode == 2
    assert "door-7" in one_sentence(refused)
    # Still the same file: the station goes on admitting into it.
    assert station.scan(codes[1])["result"] == "checked_in"
    assert "Traceback" not in station.finish()
    assert set(station.admitted()) <= admitted_in_file(db)
    # Stopped, the restore goes ahead and keeps a dated copy of what it replaced.
    done = kiosk("restore", str(backup), "--db", str(db), "--force")
    assert done.returncode == 0, done.stderr
    copies = list(tmp_path.glob("event-replaced-*.db"))
    assert len(copies) == 1
    assert set(station.admitted()) <= admitted_in_file(copies[0])


def test_restore_of_another_event_is_refused_with_the_way_to_force(tmp_path: Path) -> None:
    db = tmp_path / "event.db"
    make_event(db)
    make_event(tmp_path / "other.db")
    refused = kiosk("restore", str(tmp_path / "other.db"), "--db", str(db))
    assert refused.returncode == 2
    assert "another event" in one_sentence(refused)
    assert "--force" in refused.stderr


def flip(path: Path, offset: int, count: int = 64) -> None:
    data = bytearray(path.read_bytes())
    for index in range(offset, offset + count):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))


def damaged_event(tmp_path: Path, where: str) -> tuple[Path, Path]:
    """An event with a good backup in `backups/`, then bytes flipped in one page."""
    db = tmp_path / "event.db"
    make_event(db)
    good = rotate_backup(db, tmp_path / "backups")
    page = 4096
    if where == "schema":
        flip(db, 100 + 8, 600)  # inside page 1, past the header: sqlite_master
    elif where == "data":
        flip(db, page * 8, page)  # a whole page of table or index data
    else:
        with open(db, "r+b") as handle:  # truncated
            handle.truncate(page * 3)
    return db, good


@pytest.mark.parametrize("where", ["schema", "data", "truncated"])
@pytest.mark.parametrize(
    "command", [["status"], ["scan"], ["doctor"], ["undo", "X"], ["export", "--format", "csv"]]
)
def test_damage_is_one_sentence_naming_the_newest_good_backup(
    tmp_path: Path, where: str, command: list[str]
) -> None:
    db, good = damaged_event(tmp_path, where)
    args = [*command, "--db", str(db)]
    if command[0] == "export":
        args += ["-o", str(tmp_path / "out.csv")]
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input="SOMECODE\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stdout + result.stderr
    if where != "data":  # a damaged data page shows only to commands that read it
        assert result.returncode != 0
        assert "damaged" in result.stdout + result.stderr
    if "damaged" in result.stderr:
        assert str(good) in one_sentence(result)


@pytest.mark.parametrize("where", ["schema", "data", "truncated"])
def test_restore_works_onto_a_damaged_file_and_keeps_its_copy(tmp_path: Path, where: str) -> None:
    db, good = damaged_event(tmp_path, where)
    restored = kiosk("restore", str(good), "--db", str(db))
    assert restored.returncode == 0, restored.stderr
    assert "Traceback" not in restored.stderr
    assert len(list(tmp_path.glob("event-replaced-*.db"))) == 1
    assert kiosk("status", "--db", str(db)).returncode == 0

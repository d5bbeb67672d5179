"""The headless station under real faults: full disk, read-only mount, a lock
held too long, the event file deleted, moved or replaced under it.

For each: every `checked_in` printed is in the file afterwards, nothing
reaches stderr as a traceback, and the next scan after the fault is removed
is admitted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from fault_helpers import ScanProcess, admitted_in_file, fill, lift_size_limit, make_event

pytestmark = pytest.mark.faults


def assert_nothing_lost(station: ScanProcess, db: Path) -> None:
    stderr = station.finish()
    assert "Traceback" not in stderr
    assert set(station.admitted()) <= admitted_in_file(db)


def test_disk_filled_mid_run_is_reported_and_healed(
    small_disk: Path, stations: list[ScanProcess]
) -> None:
    db = small_disk / "event.db"
    codes = iter(make_event(db))
    station = ScanProcess(db)
    stations.append(station)
    assert station.scan(next(codes))["result"] == "checked_in"
    filler = fill(small_disk)
    errors = []
    # The WAL may still have room for a few pages: scan until the disk says no.
    for _ in range(40):
        answer = station.scan(next(codes))
        if answer["result"] == "error":
            errors.append(answer)
            break
    assert errors and errors[0]["error"] == "disk_full"
    assert "full" in errors[0]["message"]
    filler.unlink()
    assert station.scan(next(codes))["result"] == "checked_in"
    assert_nothing_lost(station, db)


def test_file_size_limit_mid_run_is_reported_and_healed(
    tmp_path: Path, stations: list[ScanProcess]
) -> None:
    """The full disk where mounting is not allowed: the station's own file-size
    limit (RLIMIT_FSIZE) stops the log from growing, and is lifted to heal."""
    db = tmp_path / "event.db"
    codes = iter(make_event(db))
    # Above SQLite's 32 KB shared-memory file: the station starts, and the
    # write-ahead log reaches the limit within a few check-ins.
    station = ScanProcess(db, size_limit=64 * 1024, log_dir=tmp_path / "logs")
    stations.append(station)
    assert station.scan(next(codes))["result"] == "checked_in"
    errors = []
    for _ in range(40):
        answer = station.scan(next(codes))
        if answer["result"] == "error":
            errors.append(answer)
            break
    # SQLite reports a write past the limit as an I/O error, not SQLITE_FULL.
    assert errors and errors[0]["error"] in ("disk_full", "disk_error"), errors
    lift_size_limit(station.proc.pid)
    assert station.scan(next(codes))["result"] == "checked_in"
    assert_nothing_lost(station, db)


def test_read_only_mount_is_reported_and_healed(
    bind_mount: tuple[Path, Path], stations: list[ScanProcess]
) -> None:
    source, view = bind_mount
    codes = make_event(source / "event.db")
    # Another station keeps the file open (so its WAL index exists) while this
    # one starts on a read-only view of the same folder.
    holder = sqlite3.connect(source / "event.db")
    holder.execute("SELECT count(*) FROM attendees").fetchone()
    try:
        station = ScanProcess(view / "event.db")
        stations.append(station)
        answer = station.scan(codes[0])
        assert answer["result"] == "error" and answer["error"] == "read_only"
        subprocess.run(["mount", "-o", "remount,bind,rw", str(view)], check=True)  # healed
        answer = station.scan(codes[1])
        assert answer["result"] == "checked_in", answer
        assert_nothing_lost(station, view / "event.db")
    finally:
        holder.close()


def test_lock_held_past_the_busy_timeout_is_reported_and_healed(
    tmp_path: Path, stations: list[ScanProcess]
) -> None:
    db = tmp_path / "event.db"
    codes = make_event(db)
    station = ScanProcess(db)
    stations.append(station)
    assert station.scan(codes[0])["result"] == "checked_in"
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        answer = station.scan(codes[1])  # waits the 10 s busy timeout, then says so
        assert answer["result"] == "error" and answer["error"] == "locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert station.scan(codes[1])["result"] == "checked_in"
    assert_nothing_lost(station, db)


def test_file_moved_away_then_back(tmp_path: Path, stations: list[ScanProcess]) -> None:
    db = tmp_path / "event.db"
    codes = make_event(db)
    station = ScanProcess(db)
    stations.append(station)
    assert station.scan(codes[0])["result"] == "checked_in"
    db.rename(tmp_path / "moved.db")
    answer = station.scan(codes[1])
    assert answer["result"] == "error" and answer["error"] == "file_replaced"
    (tmp_path / "moved.db").rename(db)
    assert station.scan(codes[2])["result"] == "checked_in"
    assert_nothing_lost(station, db)


def test_file_deleted_then_put_back(tmp_path: Path, stations: list[ScanProcess]) -> None:
    db = tmp_path / "event.db"
    codes = make_event(db)
    station = ScanProcess(db)
    stations.append(station)
    assert station.scan(codes[0])["result"] == "checked_in"
    os.link(db, tmp_path / "kept.db")  # so the test can put the very file back
    db.unlink()
    for code in codes[1:4]:
        answer = station.scan(code)
        assert answer["result"] == "error" and answer["error"] == "file_replaced"
    os.link(tmp_path / "kept.db", db)
    assert station.scan(codes[4])["result"] == "checked_in"
    assert_nothing_lost(station, db)


def test_file_replaced_by_another_event(tmp_path: Path, stations: list[ScanProcess]) -> None:
    db = tmp_path / "event.db"
    codes = make_event(db)
    make_event(tmp_path / "other.db")
    station = ScanProcess(db)
    stations.append(station)
    assert station.scan(codes[0])["result"] == "checked_in"
    db.rename(tmp_path / "aside.db")
    (tmp_path / "other.db").rename(db)
    answer = station.scan(codes[1])
    assert answer["result"] == "error" and answer["error"] == "file_replaced"
    db.rename(tmp_path / "other.db")
    (tmp_path / "aside.db").rename(db)
    assert station.scan(codes[2])["result"] == "checked_in"
    assert_nothing_lost(station, db)


def test_another_file_copied_over_in_place(tmp_path: Path, stations: list[ScanProcess]) -> None:
    """cp over a live file keeps its inode: the header's file tag gives it away."""
    db = tmp_path / "event.db"
    codes = make_event(db)
    make_event(tmp_path / "other.db")
    station = ScanProcess(db)
    stations.append(station)
    assert station.scan(codes[0])["result"] == "checked_in"
    kept = admitted_in_file(db)
    shutil.copyfile(tmp_path / "other.db", db)  # same inode, other bytes
    answer = station.scan(codes[1])
    assert answer["result"] == "error" and answer["error"] in ("file_replaced", "damaged")
    stderr = station.finish()
    assert "Traceback" not in stderr
    assert set(station.admitted()) == {codes[0]} and codes[0] in kept

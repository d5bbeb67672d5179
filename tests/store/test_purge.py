"""Purge leaves no name, email or code in the file, and the counts still report."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.checkin import Station
from kiosk.cli import main
from kiosk.demo import create_demo_event
from kiosk.domain.models import AttendeeStatus
from kiosk.reports import attendance_counts
from kiosk.store import Store


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "event.db"
    store = Store.open(path, create=True)
    create_demo_event(store, today=dt.date.today())
    station = Station(store, name="door")
    for attendee in store.attendees(status=AttendeeStatus.ACTIVE)[:40]:
        station.scan(attendee.code)
    store.close()
    return path


def personal_strings(store: Store) -> set[str]:
    values: set[str] = set()
    for attendee in store.attendees():
        for value in (attendee.first_name, attendee.last_name, attendee.email, attendee.code):
            if len(value) >= 3:
                values.add(value)
        if attendee.organisation:
            values.add(attendee.organisation)
    # Words that also name the programme ("Hall" in "Main Hall") are not
    # personal data and stay.
    public = " ".join(f"{s.title} {s.room}" for s in store.sessions()) + store.event().venue
    return {value for value in values if value not in public}


def file_bytes(path: Path) -> bytes:
    return b"".join(
        Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(f"{path}{suffix}").exists()
    )


def test_keep_counts_leaves_no_personal_bytes(demo_file: Path) -> None:
    store = Store.open(demo_file)
    secrets = personal_strings(store)
    before = attendance_counts(store)
    store.close()
    assert len(secrets) > 300
    assert main(["purge", "--db", str(demo_file), "--keep-counts", "--yes"]) == 0

    raw = file_bytes(demo_file)
    found = [s for s in secrets if s.encode("utf-8") in raw]
    # Organisation names are shared by many; they must go too.
    assert found == []
    store = Store.open(demo_file)
    assert attendance_counts(store) == before
    assert store.search("zoe") == []
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert main(["verify", "--db", str(demo_file)]) == 0, "the log itself is untouched"


def test_without_keep_counts_the_file_is_gone(demo_file: Path) -> None:
    assert main(["purge", "--db", str(demo_file), "--yes"]) == 0
    assert not demo_file.exists()
    assert not Path(f"{demo_file}-wal").exists()


def test_purge_asks_first(demo_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "purge", "--db", str(demo_file)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "--yes" in result.stderr
    assert demo_file.exists()

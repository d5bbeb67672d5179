"""`kiosk undo` and `kiosk set-pin` under real faults (a read-only bind mount,
a full tmpfs): one sentence, exit 2, no traceback, nothing changed, and the
same command works once the fault is removed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fault_helpers import admitted_in_file, fill, make_event

from kiosk.checkin import Station
from kiosk.store import Store

pytestmark = pytest.mark.faults


@dataclass
class Broken:
    """An event file (one check-in made) on a place with a fault, and its cure."""

    db: Path
    code: str
    kind: str
    heal: object  # Callable[[], None]


def kiosk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def checked_in(db: Path) -> str:
    codes = make_event(db)
    store = Store.open(db)
    try:
        Station(store, name="door-1").scan(codes[0])
    finally:
        store.close()
    return codes[0]


@pytest.fixture(params=["read_only", "disk_full"])
def broken(request: pytest.FixtureRequest) -> Iterator[Broken]:
    if request.param == "read_only":
        source, view = request.getfixturevalue("bind_mount")
        code = checked_in(source / "event.db")
        # Another station keeps the file open, so its WAL index exists and a
        # reader on the read-only view can open it (as on a real kiosk).
        holder = sqlite3.connect(source / "event.db")
        holder.execute("SELECT count(*) FROM attendees").fetchone()

        def remount() -> None:
            subprocess.run(["mount", "-o", "remount,bind,rw", str(view)], check=True)

        try:
            yield Broken(view / "event.db", code, "read-only", remount)
        finally:
            holder.close()
    else:
        disk = request.getfixturevalue("small_disk")
        code = checked_in(disk / "event.db")
        filler = fill(disk)
        yield Broken(disk / "event.db", code, "full", filler.unlink)


def undos(db: Path) -> int:
    store = Store.open(db)
    try:
        return int(
            store.conn.execute("SELECT count(*) FROM checkins WHERE kind = 'undo'").fetchone()[0]
        )
    finally:
        store.close()


def assert_one_sentence(result: subprocess.CompletedProcess[str], word: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert word in lines[0]


def test_undo_under_a_fault_says_so_and_works_after(broken: Broken) -> None:
    result = kiosk("undo", broken.code, "--db", str(broken.db), "--reason", "test")
    assert_one_sentence(result, broken.kind)
    broken.heal()  # type: ignore[operator]
    assert broken.code in admitted_in_file(broken.db)
    assert undos(broken.db) == 0  # nothing half-undone
    again = kiosk("undo", broken.code, "--db", str(broken.db), "--reason", "test")
    assert again.returncode == 0, again.stderr
    assert undos(broken.db) == 1


def test_set_pin_under_a_fault_says_so_and_works_after(broken: Broken) -> None:
    result = kiosk("set-pin", "--stdin", "--db", str(broken.db), stdin="2468\n")
    assert_one_sentence(result, broken.kind)
    broken.heal()  # type: ignore[operator]
    store = Store.open(broken.db)
    try:
        assert not store.setting("kiosk.pin_hash")
    finally:
        store.close()
    again = kiosk("set-pin", "--stdin", "--db", str(broken.db), stdin="2468\n")
    assert again.returncode == 0, again.stderr
    store = Store.open(broken.db)
    try:
        assert store.setting("kiosk.pin_hash")
    finally:
        store.close()

"""Exports, backups and certificates written onto a full disk: one plain
sentence, exit status 2, no traceback, and no partial file left behind.

Each runs twice: onto a real tmpfs filled to the last byte (needs root), and
in a child process with a file-size limit (RLIMIT_FSIZE), which is what a
machine that cannot mount still tests. Also: nothing to write means no file.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fault_helpers import (
    FULL_DISK_METHODS,
    fill,
    kiosk_env,
    make_event,
    mount_or_skip,
    size_limited,
)

from kiosk.checkin import Station
from kiosk.store import Store

pytestmark = pytest.mark.faults

# Above SQLite's 32 KB shared-memory file, below every output written here.
SIZE_LIMIT = 48 * 1024
CERTIFICATES = ("certificates", "--organiser", "The Organisers")
EXTRA_ATTENDEES = 4000


@pytest.fixture(scope="module")
def busy_event(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo event plus 4,000 people, everyone checked in: big outputs."""
    db = tmp_path_factory.mktemp("busy") / "event.db"
    codes = make_event(db)
    store = Store.open(db)
    with store.transaction():
        for number in range(EXTRA_ATTENDEES):
            # Random text: a workbook of it does not zip down under the limit.
            code = f"FULL-{number:05d}-{uuid.uuid4().hex}"
            surname = uuid.uuid4().hex[:12]
            store.add_attendee({"code": code, "first_name": "Guest", "last_name": surname})
            codes.append(code)
    station = Station(store, name="door-1")
    for code in codes:
        station.scan(code)
    store.close()
    return db


@dataclass
class FullDisk:
    """A folder whose disk is full, and how to run `kiosk` against it."""

    folder: Path
    method: str
    log_dir: Path

    def kiosk(self, *args: str) -> subprocess.CompletedProcess[str]:
        limit = size_limited(SIZE_LIMIT) if self.method == "file-size limit" else None
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *args],
            capture_output=True,
            text=True,
            timeout=300,
            env=kiosk_env(self.log_dir),
            preexec_fn=limit,
        )

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.folder.rglob("*") if not p.name.startswith("filler-"))


@pytest.fixture(params=FULL_DISK_METHODS)
def full_disk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FullDisk]:
    folder = tmp_path / "out"
    folder.mkdir()
    if request.param == "tmpfs":
        mount_or_skip(folder)
        fill(folder)
    try:
        yield FullDisk(folder, request.param, tmp_path / "logs")
    finally:
        if request.param == "tmpfs":
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def assert_one_sentence_and_nothing_left(
    result: subprocess.CompletedProcess[str], disk: FullDisk, output: Path
) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(output) in lines[0]
    if disk.method == "tmpfs":
        assert "is full" in lines[0]
    assert disk.leftovers() == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_export_onto_a_full_disk(busy_event: Path, full_disk: FullDisk, fmt: str) -> None:
    output = full_disk.folder / f"attendance.{fmt}"
    result = full_disk.kiosk("export", "--db", str(busy_event), "--format", fmt, "-o", str(output))
    assert_one_sentence_and_nothing_left(result, full_disk, output)


def test_backup_onto_a_full_disk(busy_event: Path, full_disk: FullDisk) -> None:
    output = full_disk.folder / "backup.db"
    result = full_disk.kiosk("backup", "--db", str(busy_event), "-o", str(output))
    assert_one_sentence_and_nothing_left(result, full_disk, output)


def test_certificates_in_one_pdf_onto_a_full_disk(busy_event: Path, full_disk: FullDisk) -> None:
    output = full_disk.folder / "certificates.pdf"
    result = full_disk.kiosk(*CERTIFICATES, "--db", str(busy_event), "-o", str(output))
    assert_one_sentence_and_nothing_left(result, full_disk, output)


def test_certificates_one_file_each_onto_a_full_disk_leave_none(
    busy_event: Path, full_disk: FullDisk
) -> None:
    if full_disk.method != "tmpfs":
        pytest.skip("a file-size limit stops one big file, not a batch of small ones")
    output = full_disk.folder / "certificates"
    # Room for some certificates, not all: the ones already written go again.
    for filler in full_disk.folder.glob("filler-*"):
        filler.unlink()
    fill_leaving(full_disk.folder, 200 * 1024)
    result = full_disk.kiosk(*CERTIFICATES, "--db", str(busy_event), "-o", str(output))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not [p for p in output.rglob("*") if p.is_file()]


def fill_leaving(folder: Path, room: int) -> None:
    """Fill the disk, then give back `room` bytes."""
    filler = fill(folder)
    with filler.open("r+b") as handle:
        handle.truncate(max(0, filler.stat().st_size - room))


@pytest.mark.parametrize(
    "args",
    [
        [*CERTIFICATES, "-o", "{out}/certificates.pdf"],
        [*CERTIFICATES, "-o", "{out}/one-each"],
        ["export", "--format", "pdf", "-o", "{out}/register.pdf"],
        ["export", "--format", "csv", "-o", "{out}/attendance.csv"],
        ["codes", "-o", "{out}/codes"],
    ],
)
def test_nothing_to_write_writes_no_file_and_says_so(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "event.db"
    if args[0] == "codes" or args[2:3] == ["csv"]:
        Store.open(db, create=True).close()  # nobody on the roster at all
        subprocess.run(
            [sys.executable, "-m", "kiosk", "init", "--db", str(db), "--event-name", "E"],
            check=True,
            capture_output=True,
        )
    else:
        make_event(db)  # people, but nobody checked in
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", *(a.format(out=out) for a in args), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no " in result.stdout.lower() and "made" in result.stdout
    assert list(out.iterdir()) == []

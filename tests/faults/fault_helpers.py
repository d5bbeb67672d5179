"""Real faults for the fault-injection suite: small tmpfs mounts, read-only
bind mounts, and a headless station in its own process."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.demo import create_demo_event
from kiosk.store import Store


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


def _unmount(folder: Path) -> None:
    # Lazy: a process the test left behind must not keep the mount for ever.
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _can_mount() -> str | None:
    """None when mounting works here, else why not."""
    if os.geteuid() != 0:
        return "mounting needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs: room for a demo event, small enough to fill in a moment."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mount_or_skip(folder)
    try:
        yield folder
    finally:
        _unmount(folder)


@pytest.fixture
def bind_mount(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(source, view): `view` is `source` bind-mounted read-only; remount it rw to heal."""
    if reason := _can_mount():
        pytest.skip(f"read-only faults need a bind mount: {reason}")
    source, view = tmp_path / "source", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    try:
        _mount("--bind", "-o", "ro", str(source), str(view))
    except subprocess.CalledProcessError as error:
        pytest.skip(f"cannot bind-mount here: {error.stderr.decode().strip()}")
    try:
        yield source, view
    finally:
        _unmount(view)


def fill(folder: Path) -> Path:
    """Fill the disk holding `folder` to the last byte; returns the filler file."""
    filler = folder / f"filler-{uuid.uuid4().hex[:6]}"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        for size in (65536, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler


def make_event(path: Path) -> list[str]:
    """The demo event at `path`; returns the codes of active attendees."""
    store = Store.open(path, create=True)
    create_demo_event(store)
    codes = [a.code for a in store.attendees() if a.status == "active"]
    store.close()
    return codes


# Where mounting a tmpfs is not allowed, a full disk is a file-size limit
# (RLIMIT_FSIZE) on the child process instead: a write past it fails with
# EFBIG, as one past the end of a full disk fails with ENOSPC.
FULL_DISK_METHODS = ("tmpfs", "file-size limit")


def size_limited(limit: int) -> Callable[[], None]:
    """A `preexec_fn` giving the child a file-size limit of `limit` bytes."""

    def apply() -> None:
        # Ignored, the signal would kill the child at the limit instead of
        # failing the write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return apply


def lift_size_limit(pid: int) -> None:
    """Heal a child started with `size_limited` (Linux's prlimit)."""
    unlimited = (resource.RLIM_INFINITY, resource.RLIM_INFINITY)
    resource.prlimit(pid, resource.RLIMIT_FSIZE, unlimited)


def mount_or_skip(folder: Path, size: str = "4m") -> None:
    """A tmpfs of `size` on `folder`, or skip the test with the reason."""
    if reason := _can_mount():
        pytest.skip(f"full-disk faults need a tmpfs: {reason}")
    try:
        _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    except subprocess.CalledProcessError as error:
        pytest.skip(f"cannot mount a tmpfs here: {error.stderr.decode().strip()}")


def kiosk_env(log_dir: Path) -> dict[str, str]:
    """The environment of a child `kiosk`: its own log folder, so a file-size
    limit meets the file under test, not a long shared log."""
    return {**os.environ, "KIOSK_LOG_DIR": str(log_dir), "KIOSK_SERVER": ""}


class ScanProcess:
    """`kiosk scan` in its own process: one code in, one JSON line out."""

    def __init__(
        self,
        db: Path,
        station: str = "door-1",
        *,
        size_limit: int | None = None,
        log_dir: Path | None = None,
    ) -> None:
        self.db = db
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "scan", "--db", str(db), "--station", station],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=None if size_limit is None else size_limited(size_limit),
            env=None if log_dir is None else kiosk_env(log_dir),
        )
        self.answers: list[dict[str, Any]] = []

    def scan(self, code: str) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(code + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, f"the station stopped: {self.finish()}"
        answer: dict[str, Any] = json.loads(line)
        self.answers.append(answer)
        return answer

    def finish(self) -> str:
        """Close its input, wait for it; returns what it wrote on stderr."""
        _out, err = self.proc.communicate(timeout=60)
        return err

    def admitted(self) -> list[str]:
        return [a["code"] for a in self.answers if a["result"] == "checked_in"]

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def stations() -> Iterator[list[ScanProcess]]:
    """Station processes started by a test, killed after it whatever happened."""
    started: list[ScanProcess] = []
    yield started
    for station in started:
        station.kill()


def admitted_in_file(db: Path) -> set[str]:
    """Codes with a live admission in the event file."""
    store = Store.open(db)
    try:
        return {
            code
            for (code,) in store.conn.execute(
                "SELECT a.code FROM checkins c JOIN attendees a ON a.id = c.attendee_id "
                "WHERE c.kind = 'entry'"
            )
        }
    finally:
        store.close()

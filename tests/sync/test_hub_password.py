"""A wrong hub password against the real throwaway PostgreSQL, which asks every
login on 127.0.0.1 for a SCRAM password (pg_hba.conf).

It is said as such, never as "cannot be reached", never with the URL or the
password; a joined station refuses to start on it; a password changed while a
station runs shows as "Hub refused this station's password" on its status
line, in `kiosk status` and in `kiosk doctor`, and the station comes back when
the password is right again. A failed join leaves no file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sync_helpers import Hub

from kiosk.domain.models import Result
from kiosk.sync import file_status, open_synced_station
from kiosk.ui.messages import sync_line

pytestmark = pytest.mark.faults


@dataclass
class Door:
    """A login role of the hub with a password of its own."""

    hub: Hub
    user: str
    password: str

    def url(self, password: str | None = None) -> str:
        params = psycopg.conninfo.conninfo_to_dict(self.hub.url)
        params.update(user=self.user, password=password or self.password)
        return psycopg.conninfo.make_conninfo(**params)

    def set_password(self, password: str) -> None:
        """Change it at the hub and drop the role's open sessions, as an admin would."""
        with psycopg.connect(self.hub.url, autocommit=True) as conn:
            role = sql.Identifier(self.user)
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, password))
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (self.user,),
            )
        self.password = password


@pytest.fixture
def door(hub: Hub) -> Iterator[Door]:
    user = f"door_{uuid.uuid4().hex[:8]}"
    password = f"right-{uuid.uuid4().hex}"
    role = sql.Identifier(user)
    with psycopg.connect(hub.url, autocommit=True) as conn:
        # The premise: this hub checks passwords on the address stations use.
        methods = {
            row[0]
            for row in conn.execute(
                "SELECT auth_method FROM pg_hba_file_rules WHERE address = '127.0.0.1'"
            )
        }
        assert methods and methods <= {"scram-sha-256", "md5"}, methods
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(role, password))
        conn.execute(f"GRANT ALL ON SCHEMA public TO {user}")
        conn.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {user}")
        conn.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {user}")
    yield Door(hub, user, password)


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_SERVER": ""}
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=env, timeout=120
    )


def assert_refused(result: subprocess.CompletedProcess[str], door: Door, wrong: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"The hub refused the password for user {door.user}" in lines[0]
    assert "cannot be reached" not in lines[0]
    for secret in (wrong, door.password, door.url(wrong)):
        assert secret not in result.stderr + result.stdout


def log_text() -> str:
    folder = Path(os.environ["KIOSK_LOG_DIR"])
    return "".join(p.read_text(errors="replace") for p in folder.glob("kiosk.log*"))


def test_join_with_a_wrong_password_is_said_as_such_and_leaves_no_file(
    door: Door, tmp_path: Path
) -> None:
    folder = tmp_path / "station"
    folder.mkdir()
    result = kiosk("server", "join", door.url("wrong-password"), "--db", str(folder / "k.db"))
    assert_refused(result, door, "wrong-password")
    assert list(folder.iterdir()) == []
    assert "wrong-password" not in log_text()


def test_an_unreachable_hub_is_said_differently_and_leaves_no_file(
    door: Door, tmp_path: Path
) -> None:
    params = psycopg.conninfo.conninfo_to_dict(door.url())
    params["port"] = "1"  # nothing listens there
    folder = tmp_path / "station"
    folder.mkdir()
    result = kiosk(
        "server", "join", psycopg.conninfo.make_conninfo(**params), "--db", str(folder / "k.db")
    )
    assert result.returncode == 2
    assert "cannot be reached" in result.stderr
    assert "refused" not in result.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", ["scan", "run", "sync"])
def test_a_joined_station_refuses_to_start_on_a_wrong_password(
    door: Door, tmp_path: Path, command: str
) -> None:
    db = tmp_path / "k.db"
    assert kiosk("server", "join", door.url(), "--db", str(db)).returncode == 0
    wrong = door.url("not-the-password")
    args = {
        "scan": ["scan", "--server", wrong, "--db", str(db)],
        "run": ["run", "--server", wrong, "--db", str(db), "--smoke"],
        "sync": ["server", "sync", "--server", wrong, "--db", str(db)],
    }[command]
    result = kiosk(*args)
    assert_refused(result, door, "not-the-password")
    assert db.exists()  # the station's own copy is kept


def test_a_remembered_password_changed_at_the_hub_stops_the_start_and_doctor_says_so(
    door: Door, tmp_path: Path
) -> None:
    db = tmp_path / "k.db"
    joined = kiosk("server", "join", door.url(), "--db", str(db), "--remember")
    assert joined.returncode == 0, joined.stderr
    remembered = door.password
    door.set_password(f"new-{uuid.uuid4().hex}")
    result = kiosk("scan", "--db", str(db))
    assert_refused(result, door, remembered)
    doctor = kiosk("doctor", "--db", str(db))
    hub_lines = [line for line in doctor.stdout.splitlines() if " hub: " in line]
    assert len(hub_lines) == 1
    assert hub_lines[0].startswith("FIX")
    assert f"refused the password for user {door.user}" in hub_lines[0]
    assert remembered not in doctor.stdout + doctor.stderr


def eventually(condition: Callable[[], bool], seconds: float = 30) -> bool:
    """Poll `condition` until it holds (a wait, not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.expected_log("kiosk.sync", "refused this station's login")
def test_a_password_changed_while_running_is_shown_and_healed(door: Door, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    original = door.password
    station = open_synced_station(db, door.url(), name="door-1")
    try:
        assert station.scan(door.hub.codes[0]).result is Result.CHECKED_IN
        assert not station.status().refused
        door.set_password(f"changed-{uuid.uuid4().hex}")
        # The next scan must not wait for the hub: decided here and kept.
        answer = station.scan(door.hub.codes[1])
        assert (answer.result, answer.offline) == (Result.CHECKED_IN, True)
        assert eventually(lambda: station.status().refused)
        status = station.status()
        assert not status.online
        assert sync_line(status).startswith("Hub refused this station's password")
        # Recorded in the file, for `kiosk status` from another process.
        shown = kiosk("status", "--db", str(db))
        assert "Hub refused this station's password" in shown.stdout, shown.stdout
        # The password put right: the station uses the hub again by itself.
        door.set_password(original)
        station.worker.wake()  # instead of waiting for its next try
        assert eventually(lambda: station.worker.online)
        assert not station.status().refused
        assert file_status(station.store) is not None
        assert not file_status(station.store).refused  # type: ignore[union-attr]
    finally:
        station.close()
    assert original not in log_text()

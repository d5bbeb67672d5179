"""The kiosk joined to a hub: `kiosk run --server`, admissions decided at the
hub, and the online / offline line on the welcome screen."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator

import psycopg
import pytest
from PySide6.QtWidgets import QApplication
from sync_helpers import Hub

from kiosk.domain.models import Result
from kiosk.store import Store
from kiosk.sync import SyncedStation, open_synced_station
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.sync_feed import SyncFeed


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_SERVER": ""}
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=env, timeout=120
    )


def closed_port_url(hub: Hub) -> str:
    """The same hub database on a port where nothing listens: a hub that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    params = psycopg.conninfo.conninfo_to_dict(hub.url)
    params.update(host="127.0.0.1", port=str(port))
    return psycopg.conninfo.make_conninfo(**params)


class KioskOnHub:
    def __init__(self, qtbot, station: SyncedStation) -> None:  # type: ignore[no-untyped-def]
        self.station = station
        self.feed = SyncFeed(lambda status: None)
        self.kiosk: Kiosk = build_kiosk(
            station.store, station_name=station.name, camera=False, station=station
        )
        self.feed.display = self.kiosk.controller.set_sync_status
        self.feed.attach(station)
        qtbot.addWidget(self.kiosk.window)

    def status_line(self) -> str:
        self.feed.refresh()
        return self.kiosk.controller.welcome.status.text()

    def close(self) -> None:
        self.feed.stop()
        self.kiosk.window.allow_close = True
        QApplication.instance().removeEventFilter(self.kiosk.wedge)  # type: ignore[union-attr]
        self.station.close()


@pytest.fixture
def on_hub(qtbot, hub: Hub) -> Iterator[KioskOnHub]:  # type: ignore[no-untyped-def]
    built = KioskOnHub(qtbot, open_synced_station(hub.station_db("kiosk"), hub.url, name="kiosk"))
    yield built
    built.close()


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_a_kiosk_scan_is_decided_at_the_hub(on_hub: KioskOnHub, hub: Hub) -> None:
    code = hub.codes[7]
    on_hub.kiosk.controller.handle_scan(code, "scanner")
    shown = on_hub.kiosk.controller.result.scan
    assert (shown.result, shown.offline) == (Result.CHECKED_IN, False)
    with psycopg.connect(hub.url) as conn:
        held = conn.execute("SELECT count(*) FROM admissions WHERE station = 'kiosk'").fetchone()[0]
    assert held == 1
    # Another station now finds the ticket used, naming the kiosk.
    other = open_synced_station(hub.station_db("desk2"), hub.url, name="desk2")
    try:
        again = other.scan(code)
    finally:
        other.close()
    assert again.result is Result.ALREADY_CHECKED_IN
    assert again.first_checked_in is not None and again.first_checked_in.station == "kiosk"


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_the_welcome_screen_says_online(on_hub: KioskOnHub) -> None:
    line = on_hub.status_line()
    assert "Hub online" in line
    assert "offline" not in line


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_with_the_hub_down_the_kiosk_admits_and_says_what_waits(qtbot, hub: Hub) -> None:  # type: ignore[no-untyped-def]
    path = hub.station_db("alone")
    open_synced_station(path, hub.url, name="alone").close()  # joined: has its copy
    station = open_synced_station(path, closed_port_url(hub), name="alone")
    on_down = KioskOnHub(qtbot, station)
    try:
        assert "Hub offline" in on_down.status_line()
        on_down.kiosk.controller.handle_scan(hub.codes[3], "scanner")
        shown = on_down.kiosk.controller.result.scan
        assert (shown.result, shown.offline) == (Result.CHECKED_IN, True)
        line = on_down.status_line()
        assert "Hub offline" in line and "1 waiting to upload" in line
    finally:
        on_down.close()


def test_kiosk_run_with_server_joins_and_pulls_the_roster(hub: Hub) -> None:
    path = hub.station_db("fresh-kiosk")
    result = run_cli("-v", "run", "--db", str(path), "--server", hub.url, "--smoke")
    assert result.returncode == 0, result.stderr
    assert "kiosk stopped" in result.stderr
    assert hub.url not in result.stderr  # credentials never reach the log
    store = Store.open(path)
    try:
        assert store.attendee_by_code(hub.codes[0]) is not None
        assert store.conn.execute("SELECT count(*) FROM attendees").fetchone()[0] == len(hub.codes)
    finally:
        store.close()


def test_kiosk_run_with_an_unreachable_hub_and_no_copy_is_one_sentence(hub: Hub) -> None:
    path = hub.station_db("never-joined")
    Store.open(path, create=True).close()
    result = run_cli("run", "--db", str(path), "--server", closed_port_url(hub), "--smoke")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert "cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr

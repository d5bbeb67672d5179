"""Many station processes against one hub: exactly-once admission, partitions,
a killed station, convergence."""

from __future__ import annotations

import json
import os
import random
import signal
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sync_helpers import Hub, StationProcess, hub_checkins, local_checkins, sync_now

from kiosk.cli.server_commands import conflict_rows
from kiosk.store import Store
from kiosk.store.attended import attended_ids

pytestmark = pytest.mark.slow


def run_all(stations: list[StationProcess], codes: dict[str, list[str]]) -> dict[str, list[Any]]:
    """Feed every station its codes at once and collect each one's results."""
    results: dict[str, list[Any]] = {}

    def feed(station: StationProcess) -> None:
        lines = "".join(f"{code}\n" for code in codes[station.name])
        out, err = station.proc.communicate(lines, timeout=300)
        assert station.proc.returncode == 0, err
        results[station.name] = [json.loads(line) for line in out.splitlines()]

    threads = [threading.Thread(target=feed, args=(station,)) for station in stations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def hub_rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return list(conn.execute(sql).fetchall())


def roster(path: Path) -> set[tuple[str, str]]:
    store = Store.open(path)
    try:
        return {(a.code, a.status.value) for a in store.attendees()}
    finally:
        store.close()


def test_ten_stations_admit_each_ticket_exactly_once(hub: Hub) -> None:
    rng = random.Random(7)
    names = [f"s{number}" for number in range(10)]
    codes = {name: rng.sample(hub.codes, 500) for name in names}
    stations = [StationProcess(hub, name) for name in names]
    results = run_all(stations, codes)

    admitted = Counter(
        r["code"] for rows in results.values() for r in rows if r["result"] == "checked_in"
    )
    scanned = {code for batch in codes.values() for code in batch}
    assert set(admitted) == scanned
    assert set(admitted.values()) == {1}
    for rows in results.values():
        assert len(rows) == 500
        assert {r["result"] for r in rows} <= {"checked_in", "already_checked_in"}
    assert hub_rows(hub.url, "SELECT count(*), count(DISTINCT attendee_code) FROM admissions") == [
        (len(scanned), len(scanned))
    ]
    assert hub_rows(hub.url, "SELECT count(*) FROM conflicts") == [(0,)]

    # Every station's copy ends equal to the hub's.
    expected = hub_checkins(hub.url)
    assert len(expected) == len(scanned)
    for name in names:
        sync_now(hub.station_db(name), hub.url)
        assert local_checkins(hub.station_db(name)) == expected
        assert roster(hub.station_db(name)) == roster(hub.folder / "desk.db")


def converged(hub: Hub, names: list[str]) -> bool:
    expected = hub_checkins(hub.url)
    for name in names:
        store = Store.open(hub.station_db(name))
        try:
            waiting = store.conn.execute(
                "SELECT count(*) FROM sync_outbox WHERE sent_at IS NULL"
            ).fetchone()[0]
            have = dict(store.conn.execute("SELECT id, station FROM checkins").fetchall())
            conflicts = store.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0]
        finally:
            store.close()
        hub_conflicts = hub_rows(hub.url, "SELECT count(*) FROM conflicts")[0][0]
        if waiting or have != expected or conflicts != hub_conflicts:
            return False
    return True


def wait_converged(hub: Hub, names: list[str], limit: float = 60.0) -> float:
    started = time.monotonic()
    while True:
        try:
            if converged(hub, names):
                return time.monotonic() - started
        except psycopg.OperationalError:
            pass  # the hub is still starting
        assert time.monotonic() - started < limit, "stations did not converge"
        time.sleep(0.05)


def test_hub_stopped_mid_run_stations_continue_offline_and_converge(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(11)
    names = ["a", "b", "c"]
    pool = hub.codes[:200]
    stations = {name: StationProcess(hub, name) for name in names}
    outputs: list[dict[str, Any]] = []
    for station in stations.values():
        batch = rng.sample(pool, 60)
        results = station.scan(batch)
        assert not any(r["offline"] for r in results)
        outputs += results
    wait_converged(hub, names)

    hub.cluster.stop()
    try:
        offline: list[dict[str, Any]] = []
        for station in stations.values():
            offline += station.scan(rng.sample(pool, 60))
        # Every admission made while the hub was down is marked offline (a
        # repeat answered from the local log may come before the station notices).
        assert all(r["offline"] for r in offline if r["result"] == "checked_in")
        assert any(r["result"] == "checked_in" for r in offline)
    finally:
        hub.cluster.start()
    seconds = wait_converged(hub, names)
    with capsys.disabled():  # shown in every run, not only on failure
        print(f"\nconvergence after the hub came back: {seconds:.2f} s")
    for station in stations.values():
        station.finish()

    admitted = Counter(r["code"] for r in outputs + offline if r["result"] == "checked_in")
    conflicts = sum(count - 1 for count in admitted.values())
    assert conflicts > 0  # three stations offline over one pool: some clash
    hub_conflicts = hub_rows(
        hub.url, "SELECT attendee_code, kept_station, other_station FROM conflicts"
    )
    assert len(hub_conflicts) == conflicts
    assert all(kept != other for _code, kept, other in hub_conflicts)
    # Both admissions kept in the log, the attendee counted once.
    assert hub_rows(hub.url, "SELECT count(*) FROM admissions") == [(len(admitted),)]
    # Every change uploaded exactly once: the hub holds each station's entries, no more.
    union: dict[str, str] = {}
    for name in names:
        union.update(local_checkins(hub.station_db(name)))
    assert hub_checkins(hub.url) == union
    assert hub_rows(hub.url, "SELECT count(*) FROM changes WHERE kind = 'checkin'") == [
        (len(union),)
    ]
    for name in names:
        store = Store.open(hub.station_db(name))
        assert len(attended_ids(store)) == len(admitted)
        store.close()
        listed = conflict_rows(Store.open(hub.station_db(name)))
        assert len(listed) == conflicts
        assert all(row["kept"] != row["other"] and row["attendee_id"] for row in listed)
    # The connection string's password never reaches a log file.
    logs = Path(os.environ["KIOSK_LOG_DIR"])
    for path in logs.rglob("*"):
        if path.is_file():
            assert hub.cluster.password not in path.read_text(errors="replace")


def test_killed_station_uploads_its_unsent_changes_once_after_restart(hub: Hub) -> None:
    station = StationProcess(hub, "k")
    online = station.scan(hub.codes[:20])
    assert not any(r["offline"] for r in online)
    hub.cluster.stop()
    try:
        offline = station.scan(hub.codes[20:50])
        assert all(r["offline"] and r["result"] == "checked_in" for r in offline)
        station.proc.send_signal(signal.SIGKILL)
        station.proc.wait(timeout=10)
    finally:
        hub.cluster.start()
    before = local_checkins(hub.station_db("k"))
    assert len(before) == 50

    restarted = StationProcess(hub, "k")
    more = restarted.scan(hub.codes[50:60] + hub.codes[:5])
    restarted.finish()
    assert [r["result"] for r in more] == ["checked_in"] * 10 + ["already_checked_in"] * 5
    after = local_checkins(hub.station_db("k"))
    assert len(after) == 60 and set(before) <= set(after)
    assert hub_checkins(hub.url) == after
    assert hub_rows(
        hub.url, "SELECT count(*), count(DISTINCT id) FROM changes WHERE kind = 'checkin'"
    ) == [(60, 60)]

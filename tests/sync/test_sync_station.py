"""Synced stations in one process: walk-ins, undo, offline fallback, status."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
from sync_helpers import Hub, hub_checkins, local_checkins, make_event

from kiosk.devtools.pg_cluster import TemporaryCluster
from kiosk.domain.codes import new_code
from kiosk.domain.models import Result
from kiosk.store import Store
from kiosk.store.attended import attended_ids
from kiosk.sync import file_status, open_synced_station
from kiosk.sync.join import publish


def wait_for(condition: Callable[[], bool], what: str, limit: float = 30.0) -> None:
    """Wait for background sync; the limit only stops a broken run hanging."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def admissions(url: str) -> int:
    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT count(*) FROM admissions").fetchone()[0])


def test_walk_in_added_at_one_station_is_already_checked_in_at_another(hub: Hub) -> None:
    desk = open_synced_station(hub.station_db("desk2"), hub.url, name="desk2")
    kiosk = open_synced_station(hub.station_db("kiosk"), hub.url, name="kiosk")
    try:
        code = new_code()
        walk_in = desk.store.add_attendee({"code": code, "first_name": "Walk", "last_name": "In"})
        first = desk.scan(code)
        second = kiosk.scan(code)
        assert (first.result, first.offline) == (Result.CHECKED_IN, False)
        assert second.result is Result.ALREADY_CHECKED_IN
        assert second.first_checked_in is not None
        assert second.first_checked_in.station == "desk2"
        # The walk-in is now in the kiosk's own roster, under its own local id.
        assert kiosk.store.attendee_by_code(code) is not None
        assert walk_in.id == desk.store.attendee_by_code(code).id  # type: ignore[union-attr]
    finally:
        desk.close()
        kiosk.close()


def test_remote_check_in_arrives_without_scanning(hub: Hub) -> None:
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    two = open_synced_station(hub.station_db("two"), hub.url, name="two")
    try:
        result = one.scan(hub.codes[0])
        assert result.appended is not None
        wait_for(
            lambda: result.appended.id in local_checkins(hub.station_db("two")),  # type: ignore[union-attr]
            "the check-in to reach station two",
        )
        assert attended_ids(two.store) == {two.store.attendee_by_code(hub.codes[0]).id}  # type: ignore[union-attr]
    finally:
        one.close()
        two.close()


def test_undo_frees_the_admission_at_the_hub(hub: Hub) -> None:
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    two = open_synced_station(hub.station_db("two"), hub.url, name="two")
    try:
        code = hub.codes[1]
        assert one.scan(code).result is Result.CHECKED_IN
        assert admissions(hub.url) == 1
        one.undo(code, "wrong person")
        wait_for(lambda: admissions(hub.url) == 0, "the hub to free the admission")
        wait_for(
            lambda: two.status().waiting == 0 and len(local_checkins(hub.station_db("two"))) == 2,
            "station two to see the undo",
        )
        assert two.scan(code).result is Result.CHECKED_IN
    finally:
        one.close()
        two.close()


def test_station_decides_offline_when_the_hub_is_unreachable(hub: Hub) -> None:
    path = hub.station_db("lonely")
    open_synced_station(path, hub.url, name="lonely").close()  # join once
    closed_port = hub.url.replace(f":{hub.cluster.port}/", ":1/")
    station = open_synced_station(path, closed_port, name="lonely")
    try:
        first = station.scan(hub.codes[2])
        again = station.scan(hub.codes[2])
        assert (first.result, first.offline) == (Result.CHECKED_IN, True)
        assert first.appended is not None and first.appended.offline
        assert again.result is Result.ALREADY_CHECKED_IN
        status = station.status()
        assert (status.online, status.waiting) == (False, 1)
        assert hub.cluster.password not in status.hub and "kiosk" not in status.hub
    finally:
        station.close()
    # Back with the right address: the queued check-in goes up once.
    station = open_synced_station(path, hub.url, name="lonely")
    try:
        wait_for(lambda: station.status().waiting == 0, "the queued check-in to upload")
        assert first.appended.id in hub_checkins(hub.url)
    finally:
        station.close()
    store = Store.open(path)
    status = file_status(store)
    store.close()
    assert status is not None and (status.waiting, status.online) == (0, False)


def test_file_without_a_hub_has_no_sync_status(db_path: Path) -> None:
    store = Store.open(db_path)
    assert file_status(store) is None
    # A station on its own captures nothing into the outbox.
    store.add_attendee({"code": "SOLO1", "first_name": "Solo"})
    assert store.conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == 0
    store.close()


def test_a_hub_that_answers_too_slowly_means_an_offline_decision(hub: Hub) -> None:
    from kiosk.sync.hubschema import CHANGES_LOCK

    station = open_synced_station(hub.station_db("slow"), hub.url, name="slow")
    try:
        assert station.scan(hub.codes[3]).offline is False
        with psycopg.connect(hub.url) as blocker, blocker.transaction():
            # Every hub write queues behind this lock: the hub is up but stuck.
            blocker.execute("SELECT pg_advisory_xact_lock(%s)", (CHANGES_LOCK,))
            stuck = station.scan(hub.codes[4])
            assert (stuck.result, stuck.offline) == (Result.CHECKED_IN, True)
            assert station.status().online is False
        wait_for(lambda: station.status().online, "the station to be online again")
        wait_for(lambda: station.status().waiting == 0, "the offline check-in to upload")
        assert stuck.appended is not None and stuck.appended.id in hub_checkins(hub.url)
        assert station.scan(hub.codes[6]).offline is False
    finally:
        station.close()


def test_exit_at_one_station_lets_the_ticket_back_in_at_another(hub: Hub) -> None:
    door = open_synced_station(hub.station_db("door"), hub.url, name="door")
    way_out = open_synced_station(hub.station_db("out"), hub.url, name="out", exit_mode=True)
    code = hub.codes[8]
    try:
        entry = door.scan(code)
        assert entry.result is Result.CHECKED_IN and entry.appended is not None
        wait_for(
            lambda: entry.appended.id in local_checkins(hub.station_db("out")),  # type: ignore[union-attr]
            "the entry to reach the exit station",
        )
        assert way_out.scan(code).result is Result.CHECKED_OUT
        wait_for(lambda: way_out.status().waiting == 0, "the exit to upload")
        wait_for(lambda: len(local_checkins(hub.station_db("door"))) == 2, "the exit to arrive")
        again = door.scan(code)
        assert (again.result, again.offline) == (Result.CHECKED_IN, False)
        assert door.scan(code).result is Result.ALREADY_CHECKED_IN
    finally:
        door.close()
        way_out.close()


def test_status_in_the_file_follows_the_running_station(hub: Hub) -> None:
    path = hub.station_db("watched")
    station = open_synced_station(path, hub.url, name="watched")
    reader = Store.open(path)
    try:
        wait_for(lambda: file_status(reader).online, "the station to report online")  # type: ignore[union-attr]
        status = file_status(reader)
        assert status is not None and status.waiting == 0 and status.last_sync
        assert status.hub == f"127.0.0.1:{hub.cluster.port}/{hub.url.rsplit('/', 1)[1]}"
    finally:
        station.close()
    status = file_status(reader)
    reader.close()
    assert status is not None and status.online is False


def test_session_admission_is_once_per_session_across_stations(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    desk = tmp_path / "desk.db"
    codes = make_event(desk, 3)
    store = Store.open(desk)
    now = dt.datetime.now(dt.UTC)
    lab = store.add_session("Lab", now - dt.timedelta(minutes=10), now + dt.timedelta(hours=1))
    url = pg_cluster.create_database(f"hub_{uuid.uuid4().hex[:12]}")
    publish(store, url, "desk")
    store.close()
    one = open_synced_station(tmp_path / "one.db", url, name="one", session_id=lab.id)
    two = open_synced_station(tmp_path / "two.db", url, name="two", session_id=lab.id)
    hall = open_synced_station(tmp_path / "hall.db", url, name="hall")
    try:
        assert one.scan(codes[0]).result is Result.CHECKED_IN
        second = two.scan(codes[0])
        assert second.result is Result.ALREADY_CHECKED_IN and second.session_id == lab.id
        # The event's own admission for the day is a different scope.
        assert hall.scan(codes[0]).result is Result.CHECKED_IN
    finally:
        for station in (one, two, hall):
            station.close()
    with psycopg.connect(url) as conn:
        scopes = {row[0] for row in conn.execute("SELECT scope FROM admissions").fetchall()}
    assert scopes == {
        f"session:{lab.id}",
        f"day:{now.astimezone(ZoneInfo('Europe/London')).date()}",
    }

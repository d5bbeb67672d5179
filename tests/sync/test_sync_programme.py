"""The programme across a hub, on the real throwaway PostgreSQL: a room's
capacity holds at every door while the hub answers, sessions and bookings
reach every station, and an offline door that over-fills a room is listed."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sync_helpers import Hub, make_event
from test_sync_station import wait_for

from kiosk.devtools.pg_cluster import TemporaryCluster
from kiosk.domain.models import Result, ScanResult, Session
from kiosk.store import Store
from kiosk.store.programme import book, booked_attendees, cancel_session, unbook, update_session
from kiosk.sync import SyncedStation, open_synced_station
from kiosk.sync.connection import connect
from kiosk.sync.hubschema import SESSION_COLUMNS
from kiosk.sync.join import publish
from kiosk.sync.worker import push

NOW = dt.datetime.now(dt.UTC)


def programme_hub(
    cluster: TemporaryCluster,
    folder: Path,
    attendees: int,
    sessions: list[tuple[str, str, int | None]],
    **options: Any,
) -> tuple[Hub, list[Session]]:
    """A hub whose event has `sessions` (title, room, capacity), open now."""
    desk = folder / "desk.db"
    codes = make_event(desk, attendees)
    store = Store.open(desk)
    made = [
        store.add_session(
            title,
            NOW - dt.timedelta(minutes=10),
            NOW + dt.timedelta(hours=1),
            room,
            capacity,
            **options,
        )
        for title, room, capacity in sessions
    ]
    url = cluster.create_database(f"hub_{uuid.uuid4().hex[:12]}")
    publish(store, url, "desk")
    store.close()
    return Hub(url, cluster, codes, folder), made


def hub_rows(url: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql, args).fetchall()


def inside_at_hub(url: str, session: Session) -> int:
    rows = hub_rows(
        url, "SELECT count(*) FROM admissions WHERE scope = %s AND inside", f"session:{session.id}"
    )
    return int(rows[0][0])


def test_two_doors_racing_for_the_last_seat_admit_exactly_one(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    rounds = 25
    # Each round is a fresh room with one seat, both doors scanning at once.
    hub, seats = programme_hub(
        pg_cluster, tmp_path, 2 * rounds, [(f"Seat {n}", f"Room {n}", 1) for n in range(rounds)]
    )
    one = open_synced_station(hub.station_db("door-1"), hub.url, name="door-1")
    two = open_synced_station(hub.station_db("door-2"), hub.url, name="door-2")
    barrier = threading.Barrier(2)

    def scan_at(station: SyncedStation, seat: Session, code: str) -> ScanResult:
        station.session = seat
        barrier.wait()
        return station.scan(code)

    try:
        with ThreadPoolExecutor(2) as pool:
            for n, seat in enumerate(seats):
                racing = [
                    pool.submit(scan_at, one, seat, hub.codes[2 * n]),
                    pool.submit(scan_at, two, seat, hub.codes[2 * n + 1]),
                ]
                results = [future.result(timeout=60) for future in racing]
                assert sorted(r.result.value for r in results) == ["checked_in", "session_full"], n
                assert not any(r.offline for r in results), n
                refused = next(r for r in results if r.result is Result.SESSION_FULL)
                assert refused.appended is None
    finally:
        one.close()
        two.close()
    for seat in seats:
        assert inside_at_hub(hub.url, seat) == 1, seat.title
    assert hub_rows(hub.url, "SELECT count(*) FROM conflicts") == [(0,)]


def test_an_exit_at_another_door_frees_the_seat_at_every_door(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, (breakout,) = programme_hub(pg_cluster, tmp_path, 3, [("Breakout A", "Room A", 1)])
    way_in = open_synced_station(hub.station_db("in"), hub.url, name="in", session_id=breakout.id)
    other = open_synced_station(
        hub.station_db("other"), hub.url, name="other", session_id=breakout.id
    )
    way_out = open_synced_station(
        hub.station_db("out"), hub.url, name="out", session_id=breakout.id, exit_mode=True
    )
    first, second, third = hub.codes
    try:
        entry = way_in.scan(first)
        assert entry.result is Result.CHECKED_IN and entry.appended is not None
        assert other.scan(second).result is Result.SESSION_FULL
        entry_id = entry.appended.id
        wait_for(
            lambda: any(e.id == entry_id for e in way_out.store.log_entries()),
            "the entry to reach the exit door",
        )
        assert way_out.scan(first).result is Result.CHECKED_OUT
        # At once, at the other door: the exit reached the hub with its answer.
        admitted = other.scan(second)
        assert (admitted.result, admitted.offline) == (Result.CHECKED_IN, False)
        assert way_in.scan(third).result is Result.SESSION_FULL
    finally:
        for station in (way_in, other, way_out):
            station.close()
    assert inside_at_hub(hub.url, breakout) == 1


def test_an_override_at_a_full_room_is_admitted_through_the_hub_at_a_room_door(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, (breakout,) = programme_hub(pg_cluster, tmp_path, 3, [("Breakout A", "Room A", 1)])
    # Door stations that follow the room (kiosk run --room) rather than a session id.
    door = open_synced_station(hub.station_db("door"), hub.url, name="door", room="room a")
    desk = open_synced_station(hub.station_db("help"), hub.url, name="help", room="Room A")
    desk.operator = "Sam"
    try:
        assert door.scan(hub.codes[0]).result is Result.CHECKED_IN
        assert desk.scan(hub.codes[1]).result is Result.SESSION_FULL
        let_in = desk.admit_override(hub.codes[1], "speaker's assistant")
        assert (let_in.result, let_in.offline) == (Result.CHECKED_IN, False)
        assert let_in.session_id == breakout.id and let_in.appended is not None
        # Not through the back door: the override is at the hub already.
        assert hub_rows(
            hub.url,
            "SELECT override, reason, operator FROM checkins WHERE id = %s",
            let_in.appended.id,
        ) == [(True, "speaker's assistant", "Sam")]
        assert door.scan(hub.codes[2]).result is Result.SESSION_FULL
    finally:
        door.close()
        desk.close()
    assert inside_at_hub(hub.url, breakout) == 2
    assert hub_rows(hub.url, "SELECT count(*) FROM conflicts") == [(0,)]


def test_a_session_edited_then_cancelled_at_one_station_reaches_the_other(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, (breakout,) = programme_hub(pg_cluster, tmp_path, 3, [("Breakout A", "Room A", 10)])
    one = open_synced_station(hub.station_db("one"), hub.url, name="one", session_id=breakout.id)
    two = open_synced_station(hub.station_db("two"), hub.url, name="two", session_id=breakout.id)

    def capacity_at_two() -> int | None:
        session = two.store.session(breakout.id)
        return session.capacity if session else None

    try:
        update_session(one.store, breakout.id, {"capacity": 1, "title": "Breakout A (moved)"})
        wait_for(lambda: capacity_at_two() == 1, "the new capacity to reach station two")
        assert two.store.session(breakout.id).title == "Breakout A (moved)"  # type: ignore[union-attr]
        assert one.scan(hub.codes[0]).result is Result.CHECKED_IN
        assert two.scan(hub.codes[1]).result is Result.SESSION_FULL
        cancel_session(one.store, breakout.id)
        wait_for(
            lambda: two.store.session(breakout.id).cancelled,  # type: ignore[union-attr]
            "the cancellation to reach station two",
        )
        assert two.scan(hub.codes[2]).result is Result.NOT_VALID_NOW
    finally:
        one.close()
        two.close()
    assert hub_rows(
        hub.url, "SELECT capacity, cancelled, title FROM sessions WHERE id = %s", breakout.id
    ) == [(1, 1, "Breakout A (moved)")]


def test_a_capacity_lowered_at_a_door_holds_at_the_hub_for_that_doors_next_scan(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, (breakout,) = programme_hub(pg_cluster, tmp_path, 2, [("Breakout A", "Room A", 10)])
    one = open_synced_station(hub.station_db("one"), hub.url, name="one", session_id=breakout.id)
    two = open_synced_station(hub.station_db("two"), hub.url, name="two", session_id=breakout.id)
    try:
        assert two.scan(hub.codes[0]).result is Result.CHECKED_IN
        # No background upload: the scan itself must take the edit up first.
        one.worker.stop()
        update_session(one.store, breakout.id, {"capacity": 1})
        refused = one.scan(hub.codes[1])
        assert (refused.result, refused.offline) == (Result.SESSION_FULL, False)
    finally:
        one.close()
        two.close()
    assert hub_rows(hub.url, "SELECT capacity FROM sessions WHERE id = %s", breakout.id) == [(1,)]


def test_sessions_added_at_two_stations_get_different_ids_and_reach_every_station(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, (keynote,) = programme_hub(pg_cluster, tmp_path, 2, [("Keynote", "Hall", None)])
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    two = open_synced_station(hub.station_db("two"), hub.url, name="two")
    later = (NOW + dt.timedelta(hours=2), NOW + dt.timedelta(hours=3))
    try:
        # Both add a session before hearing of the other's.
        panel = one.store.add_session("Panel", *later, room="Hall", capacity=80, key="P1")
        lab = two.store.add_session("Lab", *later, room="Lab", open_to=("Fellow",))
        assert len({keynote.id, panel.id, lab.id}) == 3
        for station in (one, two):
            wait_for(
                lambda s=station: (
                    {x.title for x in s.store.sessions()} == {"Keynote", "Panel", "Lab"}
                ),  # type: ignore[misc]
                f"both new sessions to reach {station.name}",
            )
        assert two.store.session(panel.id) == panel
        assert one.store.session(lab.id) == lab
        # A station joining now copies them with the same ids.
        late = open_synced_station(hub.station_db("late"), hub.url, name="late")
        try:
            assert late.store.session(panel.id) == panel
            assert late.store.session(lab.id) == lab
            own = late.store.add_session("Late one", *later, room="Annex")
            assert own.id not in {keynote.id, panel.id, lab.id}
        finally:
            late.close()
    finally:
        one.close()
        two.close()


def test_bookings_made_at_one_station_let_the_booked_attendee_in_at_another(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, (lab,) = programme_hub(
        pg_cluster, tmp_path, 3, [("Simulation lab", "Lab", 10)], booking_required=True
    )
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    two = open_synced_station(hub.station_db("two"), hub.url, name="two", session_id=lab.id)
    booked, unbooked, changed_mind = hub.codes

    def ids(store: Store, *codes: str) -> set[int]:
        return {store.attendee_by_code(code).id for code in codes}  # type: ignore[union-attr]

    try:
        with one.store.transaction():
            for code in (booked, changed_mind):
                book(one.store, ids(one.store, code).pop(), lab.id)
        unbook(one.store, ids(one.store, changed_mind).pop(), lab.id)
        wait_for(
            lambda: booked_attendees(two.store, lab.id) == ids(two.store, booked),
            "the bookings to reach station two",
        )
        assert two.scan(booked).result is Result.CHECKED_IN
        assert two.scan(unbooked).result is Result.NOT_ELIGIBLE
        assert two.scan(changed_mind).result is Result.NOT_ELIGIBLE
    finally:
        one.close()
        two.close()
    assert hub_rows(hub.url, "SELECT attendee_code, session_id FROM bookings") == [(booked, lab.id)]
    late = open_synced_station(hub.station_db("late"), hub.url, name="late")
    try:
        assert booked_attendees(late.store, lab.id) == ids(late.store, booked)
    finally:
        late.close()


def _kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_SERVER": "", "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.mark.expected_log("kiosk.sync", "over capacity", level="WARNING")
def test_an_offline_over_fill_is_a_conflict_listed_by_server_conflicts_and_in_the_export(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, (breakout,) = programme_hub(pg_cluster, tmp_path, 4, [("Breakout A", "Room A", 2)])
    door = open_synced_station(hub.station_db("door"), hub.url, name="door", session_id=breakout.id)
    far = open_synced_station(hub.station_db("far"), hub.url, name="far", session_id=breakout.id)
    first, second, over, supervised = hub.codes
    try:
        far.worker.stop()
        far._retry_at = float("inf")  # the far door believes the hub is gone
        assert door.scan(first).result is Result.CHECKED_IN
        assert door.scan(second).result is Result.CHECKED_IN
        # The far door has heard of neither: its own copy shows free seats.
        admitted = far.scan(over)
        assert (admitted.result, admitted.offline) == (Result.CHECKED_IN, True)
        far.operator = "Sam"
        assert far.admit_override(supervised, "speaker").result is Result.CHECKED_IN
        with connect(hub.url, "far") as conn:
            assert push(conn, far.store, "far") >= 2
        wait_for(lambda: door.status().conflicts == 1, "the conflict to reach the door")
    finally:
        door.close()
        far.close()
    # Admitted all the same (it happened), and listed once: the override is not a conflict.
    assert inside_at_hub(hub.url, breakout) == 4
    assert hub_rows(
        hub.url, "SELECT kind, attendee_code, other_station, inside, capacity FROM conflicts"
    ) == [("over_capacity", over, "far", 3, 2)]
    db = str(hub.station_db("door"))
    listed = _kiosk("server", "conflicts", "--db", db).stdout.strip().splitlines()
    assert len(listed) == 1
    assert listed[0].startswith("Room over capacity: Breakout A, 3 in a room for 2: ")
    assert "admitted at far" in listed[0]
    (row,) = json.loads(_kiosk("server", "conflicts", "--db", db, "--json").stdout)
    assert (row["kind"], row["session"], row["inside"], row["capacity"]) == (
        "over_capacity",
        "Breakout A",
        3,
        2,
    )
    out = tmp_path / "attendance.csv"
    _kiosk("export", "--db", db, "--format", "csv", "-o", str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        cells = {row["code"]: row["conflicts"] for row in csv.DictReader(handle)}
    assert cells[over].startswith(
        "Room over capacity: Breakout A, 3 in a room for 2: admitted at far"
    )
    assert cells[first] == cells[second] == cells[supervised] == ""


def test_a_session_change_sent_to_the_hub_carries_every_hub_column(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "event.db", create=True)
    try:
        store.conn.execute("UPDATE sync_state SET value = '1' WHERE key = 'capture'")
        session = store.add_session("Lab", NOW, NOW + dt.timedelta(hours=1), "Lab", 12)
        update_session(store, session.id, {"open_to": ("Fellow", "Guest")})
        payloads = [
            json.loads(payload)
            for (payload,) in store.conn.execute(
                "SELECT payload FROM sync_outbox WHERE kind = 'session' ORDER BY seq"
            )
        ]
    finally:
        store.close()
    assert [set(p) for p in payloads] == [set(SESSION_COLUMNS)] * 2
    assert payloads[-1]["open_to"] == "Fellow; Guest" and payloads[-1]["capacity"] == 12

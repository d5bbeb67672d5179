"""A lost badge replaced at one station, on the real throwaway PostgreSQL hub:
the old code answers `replaced` at every other station, including one that
joins later and one that has not heard of it yet; the attendee's check-ins
stay theirs under the new code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import psycopg
from sync_helpers import Hub
from test_sync_station import wait_for

from kiosk.domain.models import Result
from kiosk.lost_badges import reissue
from kiosk.store.timestamps import utc_now
from kiosk.sync import open_synced_station
from kiosk.sync.connection import connect
from kiosk.sync.synced_station import SyncedStation
from kiosk.sync.worker import push


def _replace(station: SyncedStation, code: str) -> str:
    attendee = station.store.attendee_by_code(code)
    assert attendee is not None
    done = reissue(
        station.store,
        attendee.id,
        station=station.name,
        operator="Sam",
        at=utc_now(),
        printer=None,
    )
    station.worker.wake()
    return done.attendee.code


def test_a_badge_replaced_at_one_station_is_refused_at_another_and_check_ins_stay(
    hub: Hub,
) -> None:
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    two = open_synced_station(hub.station_db("two"), hub.url, name="two")
    old = hub.codes[3]
    try:
        first = one.scan(old)
        assert first.result is Result.CHECKED_IN and not first.offline
        new = _replace(one, old)
        wait_for(
            lambda: two.store.attendee_by_replaced_code(old) is not None,
            "the replacement to reach station two",
        )
        assert two.scan(old).result is Result.REPLACED
        again = two.scan(new)
        assert again.result is Result.ALREADY_CHECKED_IN and not again.offline
        assert again.first_checked_in is not None and first.appended is not None
        assert again.first_checked_in.id == first.appended.id
        attendee = two.store.attendee_by_code(new)
        assert attendee is not None
        assert [e.id for e in two.store.entries_for(attendee.id, None)] == [first.appended.id]
    finally:
        one.close()
        two.close()
    with psycopg.connect(hub.url) as conn:
        assert conn.execute(
            "SELECT attendee_code, station, operator FROM replaced_codes WHERE code = %s", (old,)
        ).fetchone() == (new, "one", "Sam")
        # The hub's admission and log follow the attendee to the new code.
        assert conn.execute(
            "SELECT attendee_code FROM admissions WHERE entry_id = %s", (first.appended.id,)
        ).fetchone() == (new,)
        assert conn.execute(
            "SELECT attendee_code FROM checkins WHERE id = %s", (first.appended.id,)
        ).fetchone() == (new,)

    # A station that joins afterwards gets the replaced code with its copy.
    three = open_synced_station(hub.station_db("three"), hub.url, name="three")
    try:
        assert three.scan(old).result is Result.REPLACED
        assert three.scan(new).result is Result.ALREADY_CHECKED_IN
    finally:
        three.close()


def test_the_hub_refuses_a_replaced_code_from_a_station_that_has_not_heard_yet(
    hub: Hub,
) -> None:
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    late = open_synced_station(hub.station_db("late"), hub.url, name="late")
    old = hub.codes[7]
    # The late station stops receiving changes but still decides at the hub.
    late.worker.stop()
    try:
        _replace(one, old)
        wait_for(lambda: one.status().waiting == 0, "the replacement to reach the hub")
        assert late.store.attendee_by_code(old) is not None  # not heard of it here
        answer = late.scan(old)
        assert answer.result is Result.REPLACED and not answer.offline
        assert late.store.log_entries() == []
    finally:
        one.close()
        late.close()
    with psycopg.connect(hub.url) as conn:
        assert conn.execute("SELECT count(*) FROM admissions").fetchone() == (0,)


def test_an_offline_admission_of_the_old_code_stays_the_attendees(hub: Hub) -> None:
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    offline = open_synced_station(hub.station_db("offline"), hub.url, name="offline")
    old = hub.codes[9]
    try:
        # Admitted with the old badge while the hub was out of reach...
        offline.worker.stop()
        offline._retry_at = float("inf")  # the station believes the hub is gone
        admitted = offline.scan(old)
        assert admitted.result is Result.CHECKED_IN and admitted.offline
        assert admitted.appended is not None
        # ...while the desk replaced it. The entry reaches the hub afterwards.
        new = _replace(one, old)
        wait_for(lambda: one.status().waiting == 0, "the replacement to reach the hub")
        with connect(hub.url, "offline") as conn:
            assert push(conn, offline.store, "offline") == 1

        def entries_at_one() -> list[str]:
            attendee = one.store.attendee_by_code(new)
            assert attendee is not None
            return [e.id for e in one.store.entries_for(attendee.id, None)]

        wait_for(
            lambda: entries_at_one() == [admitted.appended.id],  # type: ignore[union-attr]
            "the offline entry to reach station one as the attendee's",
        )
        assert one.scan(new).result is Result.ALREADY_CHECKED_IN
    finally:
        one.close()
        offline.close()
    with psycopg.connect(hub.url) as conn:
        assert conn.execute(
            "SELECT attendee_code FROM admissions WHERE entry_id = %s", (admitted.appended.id,)
        ).fetchone() == (new,)


def test_a_print_only_station_on_the_hub_refuses_the_old_badge_and_reports_its_prints(
    hub: Hub,
) -> None:
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    old = hub.codes[11]
    try:
        new = _replace(one, old)
        wait_for(lambda: one.status().waiting == 0, "the replacement to reach the hub")
    finally:
        one.close()
    command = [
        sys.executable, "-m", "kiosk", "scan", "--print-only", "--printer", "none",
        "--server", hub.url, "--db", str(hub.station_db("badges")), "--station", "badges",
    ]  # fmt: skip
    result = subprocess.run(
        command,
        input=f"{old}\n{new}\n",
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_SERVER": ""},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["result"] for a in answers] == ["replaced", "badge_printed"]
    assert answers[1]["badge"]["state"] == "done"
    with psycopg.connect(hub.url) as conn:
        # Nobody admitted anywhere; the badge is on the hub's print record.
        assert conn.execute("SELECT count(*) FROM admissions").fetchone() == (0,)
        printed = conn.execute(
            "SELECT attendee_code, state FROM print_log WHERE station = 'badges'"
        ).fetchall()
    assert (new, "done") in printed

"""`kiosk scan --room --at` on a station joined to a hub (the real throwaway
PostgreSQL): a paper list entered later is decided with the room as it stood
at the list's moment, while the hub still refuses a second admission."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from test_sync_programme import inside_at_hub, programme_hub

from kiosk.devtools.pg_cluster import TemporaryCluster
from kiosk.store import Store


def scan(url: str, db: Path, *options: str, codes: list[str]) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "scan", "--server", url, "--db", str(db), *options],
        input="".join(f"{code}\n" for code in codes),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_scan_at_through_a_hub_counts_the_room_as_then_and_the_hub_refuses_a_double(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, [workshop] = programme_hub(pg_cluster, tmp_path, 5, [("Workshop", "Room 2", 1)])
    first, late = hub.codes[0], hub.codes[1]
    door = ("--station", "door-live", "--room", "Room 2")
    [live] = scan(hub.url, hub.station_db("door"), *door, codes=[first])
    assert live["result"] == "checked_in" and live["offline"] is False
    [full] = scan(hub.url, hub.station_db("door"), *door, codes=[late])
    assert full["result"] == "session_full"

    # The paper list of a door that was down: both people came in 5 minutes
    # ago, when the one seat was still free.
    moment = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)).isoformat()
    paper = hub.station_db("paper")
    later = ("--station", "paper", "--room", "room 2", "--at", moment)
    answers = scan(hub.url, paper, *later, codes=[late, first])
    assert [a["result"] for a in answers] == ["checked_in", "already_checked_in"]
    assert answers[0]["session"]["id"] == workshop.id and answers[0]["offline"] is False
    assert answers[1]["station"] == "door-live", "admitted at the other door"

    store = Store.open(paper)
    try:
        attendee = store.attendee_by_code(late)
        assert attendee is not None
        [entry] = store.entries_for(attendee.id, workshop.id)
    finally:
        store.close()
    assert entry.entered_later
    assert entry.at == dt.datetime.fromisoformat(moment)


def admit(url: str, db: Path, code: str, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "admit", code, "--server", url, "--db", str(db), *options],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_admit_through_a_hub_counts_every_door_and_an_override_is_let_in(
    pg_cluster: TemporaryCluster, tmp_path: Path
) -> None:
    hub, [workshop] = programme_hub(pg_cluster, tmp_path, 5, [("Workshop", "Room 2", 1)])
    scan(hub.url, hub.station_db("door"), "--room", "Room 2", codes=[hub.codes[0]])
    desk = hub.station_db("desk-2")
    refused = admit(hub.url, desk, hub.codes[1], "--room", "Room 2", "--json")
    assert refused.returncode == 1, refused.stderr
    assert json.loads(refused.stdout)["result"] == "session_full"
    let_in = admit(
        hub.url, desk, hub.codes[1], "--room", "Room 2", "--override", "--reason", "speaker"
    )
    assert let_in.returncode == 0, let_in.stderr
    assert let_in.stdout.startswith("Checked in. Session: Workshop (Room 2).")
    assert inside_at_hub(hub.url, workshop) == 2

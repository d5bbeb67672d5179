"""Roster edits on two stations, and the sync commands of the CLI."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from sync_helpers import Hub, hub_checkins, local_checkins
from test_sync_station import wait_for

from kiosk.cli import main
from kiosk.sync import open_synced_station


def test_roster_edits_on_two_stations_end_with_the_last_writer_by_hub_time(
    hub: Hub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.sync")
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    two = open_synced_station(hub.station_db("two"), hub.url, name="two")
    code = hub.codes[5]
    try:
        first = one.store.attendee_by_code(code)
        assert first is not None
        one.store.update_attendee(first.id, {"first_name": "Ann"})
        wait_for(lambda: one.status().waiting == 0, "station one's edit to upload")
        second = two.store.attendee_by_code(code)
        assert second is not None
        two.store.update_attendee(second.id, {"first_name": "Bea", "status": "cancelled"})
        wait_for(
            lambda: one.store.attendee_by_code(code).first_name == "Bea",  # type: ignore[union-attr]
            "station two's later edit to reach station one",
        )
        assert two.store.attendee_by_code(code).first_name == "Bea"  # type: ignore[union-attr]
        # A cancellation travels like any edit: the ticket is refused everywhere.
        assert one.scan(code).result.value == "cancelled"
    finally:
        one.close()
        two.close()
    with psycopg.connect(hub.url) as conn:
        assert conn.execute(
            "SELECT first_name, updated_by FROM attendees WHERE code = %s", (code,)
        ).fetchone() == ("Bea", "two")
        versions = conn.execute(
            "SELECT station, payload->>'first_name' FROM changes "
            "WHERE kind = 'attendee' AND payload->>'code' = %s ORDER BY seq",
            (code,),
        ).fetchall()
    assert versions == [("one", "Ann"), ("two", "Bea")]
    assert any("last writer by hub time" in record.getMessage() for record in caplog.records)
    assert not any(code in record.getMessage() for record in caplog.records)


def test_server_init_refuses_a_hub_that_already_holds_an_event(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    other = hub.folder / "other.db"
    assert main(["demo", "--db", str(other)]) == 0
    capsys.readouterr()
    assert main(["server", "init", hub.url, "--db", str(other)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kiosk: ") and "already holds an event" in err
    assert hub.cluster.password not in err


def test_status_shows_sync_and_conflicts_are_listed(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hub.station_db("cli")
    codes = "\n".join(hub.codes[:3]) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "scan", "--server", hub.url, "--db", str(path)],
        input=codes,
        capture_output=True,
        text=True,
        check=True,
    )
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["result"] for r in results] == ["checked_in"] * 3
    assert [r["offline"] for r in results] == [False] * 3

    assert main(["status", "--db", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Checked in:  3" in text
    assert "Sync:        offline" in text and "0 waiting to upload" in text
    assert hub.cluster.password not in text
    assert main(["status", "--db", str(path), "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["checked_in"] == 3 and counts["sync"]["waiting"] == 0

    assert main(["server", "sync", "--server", hub.url, "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["conflicts"] == 0
    assert main(["server", "conflicts", "--db", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "No conflicts."
    assert len(local_checkins(path)) == 3


def test_standalone_status_output_is_unchanged(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "--db", str(db_path), "--json"]) == 0
    assert "sync" not in json.loads(capsys.readouterr().out)
    assert main(["status", "--db", str(db_path)]) == 0
    assert "Sync:" not in capsys.readouterr().out


def test_join_can_remember_the_hub_so_scan_needs_no_server_option(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hub.station_db("remembered")
    assert main(["server", "join", hub.url, "--db", str(path), "--remember"]) == 0
    out = capsys.readouterr().out
    assert "600 attendees" in out and hub.cluster.password not in out
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "scan", "--db", str(path), "--station", "r"],
        input=hub.codes[7] + "\n",
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "KIOSK_SERVER": ""},
    )
    result = json.loads(done.stdout)
    assert (result["result"], result["offline"]) == ("checked_in", False)
    assert set(local_checkins(path)) <= set(hub_checkins(hub.url))


def test_a_file_with_another_event_is_not_merged_into_the_hub(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    other = hub.folder / "demo.db"
    assert main(["demo", "--db", str(other)]) == 0
    capsys.readouterr()
    assert main(["server", "join", hub.url, "--db", str(other)]) == 2
    assert "different event" in capsys.readouterr().err
    with psycopg.connect(hub.url) as conn:
        assert conn.execute("SELECT count(*) FROM attendees").fetchone() == (600,)


def test_a_badge_fix_at_one_kiosk_reaches_the_other_station_and_the_hub(hub: Hub) -> None:
    from kiosk.domain.badge_fix import DEFAULT_FIXABLE, editable_fields
    from kiosk.self_correction import correct_badge

    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    two = open_synced_station(hub.station_db("two"), hub.url, name="two")
    code = hub.codes[7]
    try:
        attendee = one.store.attendee_by_code(code)
        assert attendee is not None
        fix = {"pronouns": "they/them", "credentials": "RN, MSc"}
        correct_badge(one.store, one, attendee.id, fix, editable_fields(DEFAULT_FIXABLE))
        wait_for(
            lambda: two.store.attendee_by_code(code).credentials == "RN, MSc",  # type: ignore[union-attr]
            "the fix to reach station two",
        )
        there = two.store.attendee_by_code(code)
        assert there is not None and there.pronouns == "they/them"
        # The new post-nominals are search words at the other station too.
        assert code in [a.code for a in two.store.search("msc")]
    finally:
        one.close()
        two.close()
    with psycopg.connect(hub.url) as conn:
        assert conn.execute(
            "SELECT pronouns, credentials FROM attendees WHERE code = %s", (code,)
        ).fetchone() == ("they/them", "RN, MSc")

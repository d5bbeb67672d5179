"""The headless station as real processes: killed mid-stream, and racing."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from kiosk.domain.models import Event
from kiosk.store import Store
from kiosk.store.attended import attended_ids


def make_event(path: Path, attendees: int) -> list[str]:
    store = Store.open(path, create=True)
    store.save_event(Event("Durability"))  # no days: valid whenever the test runs
    codes = [f"CODE-{index:05d}" for index in range(attendees)]
    with store.transaction():
        for code in codes:
            store.add_attendee({"code": code, "first_name": "Test", "last_name": code})
    store.close()
    return codes


def start_station(path: Path, station: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "scan", "--db", str(path), "--station", station],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def collect_lines(process: subprocess.Popen[bytes], lines: list[bytes]) -> None:
    assert process.stdout is not None
    lines.extend(process.stdout)


@pytest.mark.slow
def test_every_printed_check_in_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    codes = make_event(path, 3000)
    rng = random.Random(20260310)
    confirmed: list[str] = []
    for round_number in range(20):
        batch = codes[round_number * 150 : (round_number + 1) * 150]
        process = start_station(path, f"kill-{round_number}")
        assert process.stdin is not None and process.stdout is not None
        lines: list[bytes] = []
        reader = threading.Thread(target=collect_lines, args=(process, lines))
        reader.start()
        for code in batch:
            try:
                process.stdin.write(code.encode() + b"\n")
                process.stdin.flush()
            except BrokenPipeError:
                break
        # Kill at a random moment: before start-up finished, mid-stream or after.
        time.sleep(rng.uniform(0.05, 0.9))
        process.send_signal(signal.SIGKILL)
        process.wait()
        reader.join()
        # A station that stopped by itself says why on stderr (and in the log).
        assert process.stderr is not None
        why = process.stderr.read().decode(errors="replace")
        assert process.returncode == -signal.SIGKILL, why
        for line in lines:
            if not line.endswith(b"\n"):
                continue  # cut mid-line by the kill: the station never finished saying it
            record = json.loads(line)
            if record["result"] == "checked_in":
                confirmed.append(record["code"])

    store = Store.open(path)
    saved = {store.attendee(i).code for i in attended_ids(store)}  # type: ignore[union-attr]
    assert confirmed, "no check-in was confirmed before any kill; the test proved nothing"
    missing = [code for code in confirmed if code not in saved]
    assert missing == []
    # And the killed runs left the file healthy.
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_four_stations_racing_admit_each_attendee_exactly_once(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    codes = make_event(path, 2000)
    processes = [start_station(path, f"door-{n}") for n in range(4)]
    results: dict[int, bytes] = {}

    def run(number: int, process: subprocess.Popen[bytes], payload: bytes) -> None:
        results[number] = process.communicate(payload, timeout=120)[0]

    feeders = []
    for number, process in enumerate(processes):
        order = codes[:]
        random.Random(number).shuffle(order)
        payload = "".join(code + "\n" for code in order).encode()
        feeders.append(threading.Thread(target=run, args=(number, process, payload)))
    for feeder in feeders:
        feeder.start()
    for feeder in feeders:
        feeder.join()
    for process in processes:
        assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    outputs = [results[n] for n in range(4)]

    checked_in: Counter[str] = Counter()
    already: Counter[str] = Counter()
    for output in outputs:
        records = [json.loads(line) for line in output.splitlines()]
        assert len(records) == len(codes)
        for record in records:
            if record["result"] == "checked_in":
                checked_in[record["code"]] += 1
            else:
                assert record["result"] == "already_checked_in", record
                already[record["code"]] += 1
    assert set(checked_in) == set(codes)
    assert set(checked_in.values()) == {1}
    assert set(already.values()) == {3}
    store = Store.open(path)
    assert len(store.log_entries()) == len(codes)
    stations_used = {entry.station for entry in store.log_entries()}
    assert len(stations_used) > 1, "only one station ever won: the race did not happen"

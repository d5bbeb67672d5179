"""Helpers for the sync tests: a hub with an event, station processes, comparisons."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.devtools.pg_cluster import TemporaryCluster
from kiosk.domain.codes import new_code
from kiosk.domain.models import Event
from kiosk.store import Store
from kiosk.sync.join import publish


@dataclass
class Hub:
    url: str
    cluster: TemporaryCluster
    codes: list[str]
    folder: Path

    def station_db(self, name: str) -> Path:
        return self.folder / f"{name}.db"


def make_event(path: Path, attendees: int) -> list[str]:
    """An event open every day with `attendees` people, each with a fresh code."""
    store = Store.open(path, create=True)
    store.save_event(Event("Sync Test", "Hall", "Europe/London"))
    codes = [new_code() for _ in range(attendees)]
    with store.transaction():
        for number, code in enumerate(codes):
            store.add_attendee({"code": code, "first_name": f"Person{number}", "category": "A"})
    store.close()
    return codes


def new_hub(cluster: TemporaryCluster, folder: Path, attendees: int) -> Hub:
    url = cluster.create_database(f"hub_{uuid.uuid4().hex[:12]}")
    desk = folder / "desk.db"
    codes = make_event(desk, attendees)
    store = Store.open(desk)
    publish(store, url, "desk")
    store.close()
    return Hub(url, cluster, codes, folder)


class StationProcess:
    """`kiosk scan --server` in its own process: codes in, JSON results out."""

    def __init__(self, hub: Hub, name: str) -> None:
        self.name = name
        self.db = hub.station_db(name)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk",
                "scan",
                "--server",
                hub.url,
                "--db",
                str(self.db),
                "--station",
                name,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "KIOSK_SERVER": ""},
        )

    def scan(self, codes: Sequence[str]) -> list[dict[str, Any]]:
        """Send a few codes (under a pipe's worth) and read their results."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("".join(f"{code}\n" for code in codes))
        self.proc.stdin.flush()
        return [json.loads(self.proc.stdout.readline()) for _ in codes]

    def finish(self) -> str:
        """Close stdin (the station uploads what is left and exits); its stderr."""
        _out, err = self.proc.communicate(timeout=60)
        assert self.proc.returncode == 0, err
        return err


def hub_checkins(url: str) -> dict[str, str]:
    """Entry id -> station, for every check-in log entry at the hub."""
    import psycopg

    with psycopg.connect(url) as conn:
        return dict(conn.execute("SELECT id, station FROM checkins").fetchall())


def local_checkins(path: Path) -> dict[str, str]:
    store = Store.open(path)
    try:
        return dict(store.conn.execute("SELECT id, station FROM checkins").fetchall())
    finally:
        store.close()


def sync_now(path: Path, url: str) -> None:
    """Upload and download once, as `kiosk server sync` does."""
    from kiosk.sync.connection import connect
    from kiosk.sync.join import join
    from kiosk.sync.worker import pull, push

    store = join(path, url, "check")
    try:
        with connect(url, "check") as conn:
            push(conn, store, "check")
            pull(conn, store)
    finally:
        store.close()

"""Webhooks to a real local HTTP receiver: down, then up; every alert arrives
with a valid signature, once per event id, also after the sending `kiosk scan`
is SIGKILLed in the middle of a delivery."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.alerts.webhook import EVENT_ID_HEADER, SIGNATURE_HEADER, verify
from kiosk.domain.models import Event
from kiosk.store import Store
from kiosk.store.webhooks import waiting_count

SECRET = "test-signing-key-3f9a"


class Receiver:
    """A webhook receiver on a fixed port: every request it reads, and the
    events it keeps (the first of each id, as a real receiver de-duplicates)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.hold = threading.Event()  # while set, a request is read but not answered
        self.read_one = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers.items()), body))
                receiver.read_one.set()
                while receiver.hold.is_set():
                    time.sleep(0.05)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self.hold.clear()
            self._server.shutdown()
            self._server.server_close()

    def ids(self) -> list[str]:
        return [json.loads(body)["id"] for _, body in self.requests]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made = Receiver(_free_port())  # nothing listens until start(): the receiver is down
    yield made
    made.stop()


@pytest.fixture
def event_file(tmp_path: Path, receiver: Receiver) -> Path:
    db_path = tmp_path / "event.db"
    store = Store.open(db_path, create=True)
    store.save_event(Event("Alerts Test"))  # no dates: open today
    store.add_attendee({"code": "SPK-1", "first_name": "Keynote", "last_name": "Speaker"})
    store.add_attendee({"code": "FLG-1", "first_name": "Pat", "last_name": "Flagged"})
    store.add_attendee({"code": "VIP-1", "first_name": "Vera", "last_name": "Both"})
    store.add_attendee({"code": "PLN-1", "first_name": "Plain", "email": "p@example.org"})
    store.conn.execute("UPDATE attendees SET notify = 1 WHERE code IN ('SPK-1', 'VIP-1')")
    store.conn.execute(
        "UPDATE attendees SET attention = 'payment pending' WHERE code IN ('FLG-1', 'VIP-1')"
    )
    store.set_setting("alerts.webhook_url", f"http://127.0.0.1:{receiver.port}/hook")
    store.set_setting("alerts.webhook_secret", SECRET)
    store.close()
    return db_path


def _scan(db: Path, *codes: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "scan", "--db", str(db), "--station", "door-2"],
        input="".join(f"{code}\n" for code in codes),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def _station(db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "scan", "--db", str(db), "--station", "door-2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(condition: Callable[[], bool], what: str, limit_s: float = 45.0) -> None:
    end = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"gave up waiting: {what}")
        time.sleep(0.05)


def _waiting(db: Path) -> int:
    store = Store.open(db)
    try:
        return waiting_count(store)
    finally:
        store.close()


def _assert_signed_and_minimal(receiver: Receiver) -> None:
    for headers, body in receiver.requests:
        assert verify(SECRET, body, headers[SIGNATURE_HEADER])
        assert not verify("another key", body, headers[SIGNATURE_HEADER])
        event = json.loads(body)
        assert headers[EVENT_ID_HEADER] == event["id"]
        text = body.decode()
        # Only what the alert needs: no code, e-mail, organisation or category.
        for private in ("SPK-1", "FLG-1", "VIP-1", "PLN-1", "example.org", "Plain"):
            assert private not in text


def test_alerts_wait_while_the_receiver_is_down_then_arrive_once_each(
    event_file: Path, receiver: Receiver
) -> None:
    answers = _scan(event_file, "SPK-1", "FLG-1", "VIP-1", "PLN-1")
    assert [a["result"] for a in answers] == ["checked_in"] * 4
    assert [a["see_desk"] for a in answers] == [False, True, True, False]
    assert "payment pending" not in json.dumps(answers)
    assert receiver.requests == []
    # SPK-1 arrival, FLG-1 see-desk, VIP-1 both; the plain check-in raises none.
    assert _waiting(event_file) == 4

    receiver.start()
    _scan(event_file)  # the next process on the file sends what waits
    _wait_for(lambda: _waiting(event_file) == 0, "the outbox to empty")
    ids = receiver.ids()
    assert len(ids) == len(set(ids)) == 4, ids
    kinds = sorted(json.loads(body)["kind"] for _, body in receiver.requests)
    assert kinds == ["arrival", "arrival", "see_desk", "see_desk"]
    notes = {json.loads(body).get("note") for _, body in receiver.requests}
    assert notes == {None, "payment pending"}
    stations = {json.loads(body)["station"] for _, body in receiver.requests}
    assert stations == {"door-2"}
    _assert_signed_and_minimal(receiver)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_a_station_killed_mid_delivery_leaves_it_to_the_next_and_each_id_is_kept_once(
    event_file: Path, receiver: Receiver
) -> None:
    receiver.hold.set()
    receiver.start()
    station = _station(event_file)
    assert station.stdin is not None and station.stdout is not None
    station.stdin.write("SPK-1\n")
    station.stdin.flush()
    assert json.loads(station.stdout.readline())["result"] == "checked_in"
    _wait_for(receiver.read_one.is_set, "the receiver to read the first request")
    os.kill(station.pid, signal.SIGKILL)  # after the receiver read it, before it answered
    station.wait(timeout=30)
    receiver.hold.clear()

    answers = _scan(event_file, "FLG-1", "VIP-1")
    assert [a["result"] for a in answers] == ["checked_in"] * 2
    follower = _station(event_file)  # the killed one's claim runs out; this one sends it
    try:
        _wait_for(lambda: _waiting(event_file) == 0, "every alert to be delivered")
    finally:
        assert follower.stdin is not None
        follower.stdin.close()
        follower.wait(timeout=30)
    ids = receiver.ids()
    kept = list(dict.fromkeys(ids))  # what a de-duplicating receiver keeps
    assert len(kept) == 4, ids
    assert sorted(json.loads(body)["attendee"]["name"] for _, body in receiver.requests) in (
        sorted(["Keynote Speaker", "Pat Flagged", "Vera Both", "Vera Both"]),
        sorted(["Keynote Speaker", "Keynote Speaker", "Pat Flagged", "Vera Both", "Vera Both"]),
    )
    # Only the request in flight when the station was killed can come twice.
    repeats = [event for event in kept if ids.count(event) > 1]
    assert repeats in ([], [ids[0]])
    _assert_signed_and_minimal(receiver)

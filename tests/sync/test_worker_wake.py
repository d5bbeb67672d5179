"""The sync thread's wake-up: a socket pair, which select() takes on every system."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

from kiosk.sync.worker import SyncWorker


def test_wake_up_is_a_socket_pair_that_select_accepts_everywhere(tmp_path: Path) -> None:
    worker = SyncWorker(tmp_path / "e.db", "postgresql://127.0.0.1:9/none", "door-1")
    # Windows' select() refuses pipes and files: only sockets work there.
    assert isinstance(worker._wake_r, socket.socket)
    assert isinstance(worker._wake_w, socket.socket)
    worker._wake_r.close()
    worker._wake_w.close()


def test_wake_ends_a_long_pause_at_once(tmp_path: Path) -> None:
    worker = SyncWorker(tmp_path / "e.db", "postgresql://127.0.0.1:9/none", "door-1")
    paused = threading.Thread(target=worker._pause, args=(600,))
    paused.start()
    worker.wake()
    paused.join(timeout=30)
    # Without the wake-up the pause would last ten minutes.
    assert not paused.is_alive()
    worker._wake_r.close()
    worker._wake_w.close()


def test_many_wake_ups_never_block_and_are_drained_together(tmp_path: Path) -> None:
    worker = SyncWorker(tmp_path / "e.db", "postgresql://127.0.0.1:9/none", "door-1")
    for _ in range(100_000):  # more than any socket buffer holds
        worker.wake()
    worker._drain()
    worker._wake_r.setblocking(False)
    try:
        leftover = worker._wake_r.recv(1)
    except BlockingIOError:
        leftover = b""
    assert leftover == b""
    worker._wake_r.close()
    worker._wake_w.close()

"""Cycles are collected on the GUI thread only, never on a worker thread."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication

from kiosk.ui.collector import MainThreadCollector, collect_due

finalised_on: list[str] = []


class Cycle:
    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        finalised_on.append(threading.current_thread().name)


def busy_worker() -> None:
    Cycle()
    # Far more container allocations than any collection threshold.
    junk = [[index] for index in range(200_000)]
    del junk


def test_a_cycle_dropped_on_a_worker_thread_is_freed_on_the_main_thread(qapp) -> None:  # type: ignore[no-untyped-def]
    collector = MainThreadCollector(qapp)
    assert not gc.isenabled()
    finalised_on.clear()
    worker = threading.Thread(target=busy_worker, name="print-worker")
    worker.start()
    worker.join()
    assert finalised_on == []  # automatic collection would have run on the worker
    gc.collect()  # what collect_due() does when the thresholds say so
    assert finalised_on == [threading.main_thread().name]
    collector.deleteLater()
    QCoreApplication.processEvents()


def test_collect_due_collects_what_the_thresholds_call_for() -> None:
    finalised_on.clear()
    Cycle()
    for _ in range(gc.get_threshold()[0] + 10):
        [[]]  # noqa: B018 (allocations that count towards generation 0)
    junk = [[index] for index in range(gc.get_threshold()[0] * 2)]
    assert collect_due() >= 1
    assert finalised_on == [threading.main_thread().name]
    del junk

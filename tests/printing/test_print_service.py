"""The Qt print service: signals on the GUI thread, automatic printing once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kiosk.printing.jobs import JobState
from kiosk.printing.qt_service import PrintService
from kiosk.store import Store


@pytest.fixture
def service(event_db: Path, tmp_path: Path) -> Iterator[PrintService]:
    store = Store.open(event_db)
    store.set_setting("printer", f"folder:{tmp_path}")
    service = PrintService(store, poll_interval=0.1)
    service.start()
    yield service
    service.stop()


def test_auto_print_reports_done_on_the_gui_thread_and_happens_once(
    service: PrintService, qtbot: QtBot, tmp_path: Path
) -> None:
    threads: list[QThread] = []
    service.job_changed.connect(lambda *_: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(
        service.job_changed, check_params_cb=lambda job, state, error: state == "done"
    ) as done:
        job_id = service.enqueue_auto(1)
    assert done.args == [job_id, JobState.DONE, ""]
    assert type(done.args[1]) is JobState  # the enum crosses the signal, not its text
    assert threads and all(thread is service.thread() for thread in threads)
    assert service.enqueue_auto(1) is None
    assert service.printed_count(1) == 1
    assert len(list(tmp_path.glob("*.pdf"))) == 1


def test_reprint_is_counted(service: PrintService, qtbot: QtBot) -> None:
    with qtbot.waitSignal(service.job_changed, check_params_cb=lambda j, s, e: s == "done"):
        service.enqueue_auto(2)
    with qtbot.waitSignal(service.job_changed, check_params_cb=lambda j, s, e: s == "done"):
        service.reprint(2)
    assert service.printed_count(2) == 2


def test_default_printer_is_none_and_a_bad_name_is_refused(event_db: Path) -> None:
    from kiosk.printing.backends import UnknownPrinter

    service = PrintService(Store.open(event_db))
    assert service.printer == "none"
    with pytest.raises(UnknownPrinter):
        service.set_printer("lpt1")
    assert service.printer == "none"


def test_the_first_queued_badge_starts_the_worker(
    event_db: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    store = Store.open(event_db)
    store.set_setting("printer", f"folder:{tmp_path}")
    service = PrintService(store, poll_interval=0.1)  # start() never called
    try:
        with qtbot.waitSignal(service.job_changed, check_params_cb=lambda j, s, e: s == "done"):
            service.enqueue_auto(3)
    finally:
        service.stop()
    assert service.printed_count(3) == 1


def test_a_caller_that_files_the_job_id_after_queuing_hears_every_state(
    service: PrintService, qtbot: QtBot
) -> None:
    filed: dict[int, list[str]] = {}
    service.job_changed.connect(lambda job, state, error: filed[job].append(state))
    with qtbot.waitSignal(service.job_changed, check_params_cb=lambda j, s, e: s == "done"):
        job_id = service.enqueue_auto(3)
        assert job_id is not None
        filed[job_id] = []  # what a screen does with the id it got back
    assert filed[job_id] == ["queued", "done"]

"""Printer "none", end to end: badges become PDF files the help desk can open.

The kiosk tells the attendee to collect the badge at the help desk and saves
it; the desk's reprint really produces the file (the job does not stay
queued), says where it is, and offers to open it or save a copy. The
overview's print problems can be retried, cancelled and moved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog

from kiosk.desk import HelpDesk
from kiosk.domain.models import Event
from kiosk.printing import JobState, PrintQueue
from kiosk.printing.qt_service import PrintService
from kiosk.store import Store
from kiosk.ui.console import print_actions
from kiosk.ui.console.overview import OverviewWidget
from kiosk.ui.console.window import desk_window

NOON = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "event.db", create=True)
    store.save_event(Event("Spring Event", first_day=NOON.date()))
    for code, first, last in (("ADA", "Ada", "Lovelace"), ("GRACE", "Grace", "Hopper")):
        store.add_attendee({"code": code, "first_name": first, "last_name": last})
    store.set_setting("printer", "none")
    yield store
    store.close()


@pytest.fixture
def service(store: Store) -> Iterator[PrintService]:
    service = PrintService(store, poll_interval=0.05)
    service.start()
    yield service
    service.stop()


def test_desk_reprint_saves_a_pdf_the_desk_can_open_and_copy(
    qtbot, store: Store, service: PrintService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    desk = HelpDesk(store, station="desk-1", printer=service)
    desk.station.clock = lambda: NOON
    window, tabs = desk_window(desk)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    console = tabs.console
    console.search.setText("lovelace")
    console.refresh()
    assert console.current_id() == store.attendee_by_code("ADA").id  # type: ignore[union-attr]
    assert not console.badge_file.isVisible(), "no badge saved yet: nothing to open"

    console.buttons["reprint"].click()
    # Said at once: where the badge is going.
    assert "PDF file for the help desk" in console.message.text()
    qtbot.waitUntil(lambda: "saved as a PDF file." in console.message.text(), timeout=10000)

    (job,) = service.jobs()
    assert job.state is JobState.DONE, "the job must not stay queued"
    saved = service.saved_file(job.id)
    assert saved is not None and saved.is_file()
    assert saved.parent == tmp_path / "event-badges"
    assert "Badges made (printed or saved)</b></td><td>1" in console.details.text.text()
    assert saved.read_bytes().startswith(b"%PDF")
    assert "Lovelace" in "".join(p.extract_text() for p in pypdf.PdfReader(saved).pages)
    assert saved.stat().st_mode & 0o077 == 0, "a badge carries a name: owner only"

    # The desk offers to open it, in the system's PDF viewer.
    bar = console.badge_file
    assert bar.isVisible() and bar.open_button.isVisible() and bar.open_button.isEnabled()
    assert str(saved) in bar.label.text()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    bar.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(saved))]

    # ... or to save a copy elsewhere (a USB stick).
    copy = tmp_path / "usb" / "badge.pdf"
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    bar.save_button.click()
    assert copy.read_bytes() == saved.read_bytes()
    assert copy.stat().st_mode & 0o077 == 0
    assert str(copy) in console.message.text()

    # Someone else chosen: their (missing) badge, not Ada's, is offered.
    console.search.setText("hopper")
    console.refresh()
    assert not bar.isVisible()


def test_desk_check_in_says_where_the_badge_went(
    qtbot, store: Store, service: PrintService, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    desk = HelpDesk(store, station="desk-1", printer=service)
    desk.station.clock = lambda: NOON
    window, tabs = desk_window(desk)
    qtbot.addWidget(window)
    window.show()
    console = tabs.console
    console.search.setText("hopper")
    console.refresh()
    console.buttons["check_in"].click()
    assert console.message.text().startswith("Checked in.")
    assert "PDF file for the help desk" in console.message.text()
    qtbot.waitUntil(lambda: "saved as a PDF file." in console.message.text(), timeout=10000)
    (job,) = service.jobs()
    saved = service.saved_file(job.id)
    assert saved is not None and saved.parent == tmp_path / "event-badges"
    assert console.badge_file.isVisible() and str(saved) in console.badge_file.label.text()


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_kiosk_with_no_printer_sends_the_attendee_to_the_help_desk_and_saves_the_badge(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.app import build_kiosk, make_print_service

    service = make_print_service(store)
    assert service is not None and service.saves_only, "printer none still makes badges"
    try:
        kiosk = build_kiosk(store, camera=False, print_service=service, locked=False)
        qtbot.addWidget(kiosk.window)
        controller = kiosk.controller
        controller.station.clock = lambda: NOON
        controller.result.help_desk = "by the main entrance"
        assert "Badges saved for the help desk" in controller.welcome.status.text()
        controller.handle_scan("ADA", "scanner")
        qtbot.waitUntil(lambda: any(service.queue.jobs([JobState.DONE])), timeout=10000)
        qtbot.waitUntil(lambda: "help desk" in controller.result.badge.text(), timeout=5000)
        badge_line = controller.result.badge.text()
        assert "collect your badge at the help desk (by the main entrance)" in badge_line
        assert "printing" not in badge_line.lower() and "off" not in badge_line
        ada = store.attendee_by_code("ADA")
        assert ada is not None
        saved = service.latest_badge_file(ada.id)
        assert saved is not None and saved.parent == tmp_path / "event-badges"
        QApplication.instance().removeEventFilter(kiosk.wedge)  # type: ignore[union-attr]
        kiosk.window.allow_close = True
    finally:
        service.stop()


def _failed_job(store: Store, attendee: str, error: str = "Out of paper.") -> int:
    attendee_id = store.attendee_by_code(attendee).id  # type: ignore[union-attr]
    job = PrintQueue(store).enqueue(attendee_id, "reprint")
    assert job is not None
    store.conn.execute(
        "UPDATE print_jobs SET state = 'failed', error = ? WHERE id = ?", (error, job)
    )
    return job


def test_needs_attention_lines_can_be_retried_cancelled_and_moved(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    queue = PrintQueue(store)  # no worker: the states stay where the actions put them
    failed = _failed_job(store, "ADA")
    waiting = [queue.enqueue(store.attendee_by_code("GRACE").id, "reprint") for _ in range(2)]  # type: ignore[union-attr]
    overview = OverviewWidget(store, lambda: NOON.date(), printer=queue)
    qtbot.addWidget(overview)
    actions = overview.job_actions
    assert actions is not None
    assert not actions.retry_button.isEnabled(), "nothing chosen, nothing to act on"

    lines = [overview.problems.item(row).text() for row in range(overview.problems.count())]
    assert any("did not print: Out of paper." in line for line in lines)
    assert "2 badges waiting to print" in lines

    failure_row = next(row for row, line in enumerate(lines) if "Out of paper" in line)
    overview.problems.setCurrentRow(failure_row)
    assert actions.retry_button.isEnabled()
    actions.retry_button.click()
    assert queue.job(failed).state is JobState.QUEUED  # type: ignore[union-attr]
    assert "Sent again: 1." in actions.result.text()

    # The failure is gone from the list; the waiting line now holds three jobs.
    lines = [overview.problems.item(row).text() for row in range(overview.problems.count())]
    assert lines == ["3 badges waiting to print"]
    overview.problems.setCurrentRow(0)
    monkeypatch.setattr(print_actions, "printer_choices", lambda current: [current, "none"])
    target = f"folder:{tmp_path}"
    actions.move_button.click()
    dialog = overview.findChild(print_actions.MoveDialog)
    assert dialog is not None
    dialog.printer.setCurrentText(target)
    dialog.accept()
    moved = [queue.job(job) for job in (failed, *waiting)]  # type: ignore[arg-type]
    assert all(job is not None and job.printer == target for job in moved)
    assert f"Moved to {target}: 3." in actions.result.text()

    overview.problems.setCurrentRow(0)
    actions.cancel_button.click()
    assert all(
        queue.job(job).state is JobState.CANCELLED  # type: ignore[union-attr]
        for job in (failed, *waiting)  # type: ignore[arg-type]
    )
    assert overview.problems.count() == 0
    assert not actions.cancel_button.isEnabled()

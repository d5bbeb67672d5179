"""An error escaping a help-desk action: one sentence on the message line, the
traceback in the log only, and the desk goes on."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer

from kiosk.desk import HelpDesk
from kiosk.store import Store
from kiosk.store.faults import Fault, fault
from kiosk.ui import diagnostics
from kiosk.ui.console.window import desk_window


@pytest.fixture
def console(qtbot, store: Store) -> Iterator:  # type: ignore[no-untyped-def,type-arg]
    store.add_attendee({"code": "ADA", "first_name": "Ada", "last_name": "Lovelace"})
    window, tabs = desk_window(HelpDesk(store, station="desk-1"))
    qtbot.addWidget(window)
    window.show()
    before = sys.excepthook
    diagnostics.install_excepthook(tabs.console.refresh, say=tabs.console.say_problem)
    yield tabs.console
    sys.excepthook = before


def raise_later(error: BaseException) -> None:
    def slot() -> None:
        raise error

    QTimer.singleShot(0, slot)


@pytest.mark.expected_log("kiosk.ui", "unexpected error", level="ERROR")
def test_a_bug_in_a_slot_is_one_sentence_and_the_traceback_is_logged(
    qtbot, console, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.ERROR, logger="kiosk.ui")
    raise_later(RuntimeError("a bug in an action"))
    qtbot.waitUntil(lambda: "Something went wrong" in console.message.text(), timeout=5000)
    assert console.message.text() == "Something went wrong; check-ins so far are safe."
    assert any(record.exc_info for record in caplog.records)  # the traceback went to the log
    caplog.clear()  # logged on purpose: this test is about that error
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.expected_log("kiosk.ui", "event file problem: disk_full")
def test_a_full_disk_is_said_in_its_own_sentence(qtbot, console, tmp_path) -> None:  # type: ignore[no-untyped-def]
    raise_later(fault(Fault.DISK_FULL, tmp_path / "event.db"))
    qtbot.waitUntil(lambda: "is full" in console.message.text(), timeout=5000)
    assert "free some space" in console.message.text()
    # The desk goes on: a search still answers.
    console.search.setText("lovelace")
    console.refresh()
    assert console.current_id() is not None

"""Never dead: an error in a slot is said calmly and the kiosk goes on; Qt warnings
and scans reach a private log."""

from __future__ import annotations

import logging
import stat
import sys
from pathlib import Path

import pytest
from kiosk_ui_helpers import Roster, visible_texts
from PySide6.QtCore import qInstallMessageHandler, qWarning

from kiosk.ui import diagnostics
from kiosk.ui.app import Kiosk
from kiosk.ui.flow import Screen


@pytest.mark.expected_log("kiosk.ui", "unexpected error", level="ERROR")
@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_said_calmly_and_the_kiosk_goes_on(
    kiosk: Kiosk, roster: Roster, caplog: pytest.LogCaptureFixture, monkeypatch
):
    c = kiosk.controller
    previous = sys.excepthook
    diagnostics.install_excepthook(c.recover)
    try:
        c.find_me_requested()

        def broken(raw: str) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(c.station, "scan", broken)
        kiosk.wedge.scanned.emit(roster.zoe.code)  # the slot raises inside Qt
    finally:
        sys.excepthook = previous
    assert c.current is Screen.RESULT
    assert c.history[-1] == (Screen.RESULT, "error")
    assert c.result.headline.text() == "Something went wrong"
    shown = " ".join(visible_texts(c.result))
    assert "Check-ins so far are safe. Please scan your code again." in shown
    assert "disk on fire" not in shown and "Traceback" not in shown  # the log has it
    assert c.result.ticker.isActive()  # back to welcome by itself
    assert any("unexpected error" in r.getMessage() and r.exc_info for r in caplog.records)
    # The kiosk still works afterwards.
    monkeypatch.undo()
    kiosk.wedge.scanned.emit(roster.zoe.code)
    assert c.result.headline.text() == "Welcome, Zoë!"


@pytest.mark.expected_log("kiosk.qt", "a test warning from Qt")
def test_qt_warnings_go_to_the_log(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.WARNING, logger="kiosk.qt")
    diagnostics.install_qt_message_handler()
    try:
        qWarning("a test warning from Qt")
    finally:
        qInstallMessageHandler(None)
    assert ("kiosk.qt", logging.WARNING, "a test warning from Qt") in caplog.record_tuples


def test_log_file_is_owner_only_rotates_and_holds_ids_not_names(
    tmp_path: Path, kiosk: Kiosk, roster: Roster
):
    path = diagnostics.log_file_for(tmp_path / "event.db")
    handler = diagnostics.add_rotating_log(path, max_bytes=2_000, backups=2)
    try:
        kiosk.wedge.scanned.emit(roster.zoe.code)
        for _ in range(60):
            logging.getLogger("kiosk.ui").info("filler line to make the log rotate")
    finally:
        logging.getLogger("kiosk").removeHandler(handler)
        handler.close()
    files = sorted(tmp_path.glob("event-kiosk.log*"))
    assert len(files) == 3  # the live file and two backups
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    text = "".join(f.read_text() for f in files)
    assert f"attendee={roster.zoe.id}" in text
    assert "Zoë" not in text and roster.zoe.code not in text and "example.org" not in text

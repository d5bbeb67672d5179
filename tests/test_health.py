"""`kiosk doctor`: each line OK or what to do."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from kiosk.checkin import Station
from kiosk.cli import main
from kiosk.domain.models import Event
from kiosk.health import (
    check_clock,
    check_database,
    check_fonts,
    check_pdf_accelerator,
    check_printer,
    run_checks,
)
from kiosk.store import Store


@pytest.fixture
def event(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "event.db", create=True)
    store.save_event(Event("Doctor"))
    store.add_attendee({"code": "A", "first_name": "Zoë", "last_name": "王"})
    return store


def test_a_healthy_station(event: Store) -> None:
    findings = {f.name: f for f in run_checks(event)}
    assert findings["database"].ok and "1 attendees" in findings["database"].message
    assert findings["fonts"].ok
    assert findings["clock"].ok
    # No printer chosen: the truth is where the badges go, and who hands them out.
    printer = findings["printer"]
    assert printer.ok and str(event.path.with_name("event-badges")) in printer.message  # type: ignore[union-attr]
    assert "help desk" in printer.message and "off" not in printer.message
    assert set(findings) >= {"database", "disk", "printer", "camera", "fonts", "clock"}


def test_a_name_no_font_can_draw_is_reported(event: Store) -> None:
    event.add_attendee({"code": "B", "first_name": "\U0001f600 Smiley"})
    finding = check_fonts(event)
    assert not finding.ok and "U+1F600" in finding.message and "1 names" in finding.message


def test_a_clock_behind_the_log_is_reported(event: Store) -> None:
    Station(event, clock=lambda: dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)).scan("A")
    finding = check_clock(event, now=dt.datetime(2026, 3, 9, 9, tzinfo=dt.UTC))
    assert not finding.ok and "behind" in finding.message
    assert not check_clock(event, now=dt.datetime(2001, 1, 1, tzinfo=dt.UTC)).ok


@pytest.mark.expected_log("kiosk.print")  # the spooler is down or the queue missing: on purpose
def test_a_missing_printer_and_a_good_folder(event: Store, tmp_path: Path) -> None:
    event.set_setting("printer", "cups:NoSuchQueue")
    assert not check_printer(event).ok
    event.set_setting("printer", f"folder:{tmp_path}")
    assert check_printer(event).ok


def test_a_damaged_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    store = Store.open(path, create=True)
    store.save_event(Event("Doctor"))
    with store.transaction():
        for index in range(2000):
            store.add_attendee({"code": f"C{index}", "first_name": "X" * 50})
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    data[8192:12288] = b"\xff" * 4096  # scribble over an index page
    path.write_bytes(bytes(data))
    store = Store.open(path)
    finding = check_database(store)
    assert not finding.ok and "damaged" in finding.message


def test_doctor_command_exit_status(event: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert event.path is not None
    status = main(["doctor", "--db", str(event.path)])
    out = capsys.readouterr().out
    assert "database:" in out and "fonts:" in out
    # Exit 1 only when something needs fixing.
    assert status == (0 if "FIX" not in out else 1)


def test_doctor_reports_the_pdf_accelerator_active() -> None:
    finding = check_pdf_accelerator()
    assert finding.ok, finding.message
    assert "rl_accel" in finding.message


def test_doctor_names_a_missing_pdf_accelerator(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.lib import rl_accel

    # As when rl-accel is not installed: a Python function where the C one was.
    monkeypatch.setattr(rl_accel, "fp_str", lambda *numbers: " ".join(map(str, numbers)))
    assert not check_pdf_accelerator().ok
    monkeypatch.setitem(sys.modules, "_rl_accel", None)
    finding = check_pdf_accelerator()
    assert not finding.ok and "rl-accel" in finding.message


def test_no_printer_and_a_badge_folder_that_cannot_be_made(event: Store) -> None:
    # A file where the badge folder should be: no badge could be saved there.
    assert event.path is not None
    event.path.with_name("event-badges").write_text("not a folder")
    finding = check_printer(event)
    assert not finding.ok and "cannot be saved" in finding.message


def test_no_camera_support_is_not_a_fault_with_a_usb_scanner(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Without Qt Multimedia (Debian's libpulse0 missing) the USB scanner still scans."""
    import sys

    from kiosk.health import check_camera

    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
    finding = check_camera()
    assert finding.ok
    assert finding.line().startswith("OK   camera: camera scanning is not installed")
    assert "USB scanner" in finding.message

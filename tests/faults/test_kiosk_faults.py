"""The kiosk window when its event file is moved, deleted or replaced (pytest-qt)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import admitted_in_file, fill, make_event
from PySide6.QtWidgets import QApplication

from kiosk.store import Store
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.flow import Screen

pytestmark = pytest.mark.faults


@pytest.fixture
def running(qtbot, tmp_path: Path) -> Iterator[tuple[Kiosk, Path, list[str]]]:  # type: ignore[no-untyped-def]
    db = tmp_path / "event.db"
    codes = make_event(db)
    store = Store.open(db)
    kiosk = build_kiosk(store, station_name="kiosk-1", camera=False)
    qtbot.addWidget(kiosk.window)
    kiosk.window.show()
    yield kiosk, db, codes
    kiosk.window.allow_close = True
    QApplication.instance().removeEventFilter(kiosk.wedge)  # type: ignore[union-attr]
    store.close()


def shown_results(kiosk: Kiosk) -> list[str]:
    return [reason for screen, reason in kiosk.controller.history if screen is Screen.RESULT]


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
@pytest.mark.expected_log("kiosk.ui", "check-ins cannot be saved: file_replaced")
@pytest.mark.parametrize("fault", ["moved", "deleted", "replaced"])
def test_kiosk_says_it_cannot_save_and_recovers_by_itself(qtbot, running, fault: str) -> None:  # type: ignore[no-untyped-def]
    kiosk, db, codes = running
    c = kiosk.controller
    c.handle_scan(codes[0])
    assert c.current is Screen.RESULT
    aside = db.with_name("aside.db")
    if fault == "moved":
        db.rename(aside)
    elif fault == "deleted":
        os.link(db, aside)
        db.unlink()
    else:
        other = db.parent / "elsewhere" / "other.db"
        other.parent.mkdir()
        make_event(other)
        db.rename(aside)
        other.rename(db)  # another event's file moved into its place
    c._result_finished("test")  # back to where the next person scans
    c.handle_scan(codes[1])
    assert c.current is Screen.UNAVAILABLE
    assert c.fault is not None and c.fault.kind == "file_replaced"
    assert "can't save check-ins" in c.unavailable.headline.text()
    assert shown_results(kiosk) == ["result checked_in"]  # nobody told "welcome"
    c.handle_scan(codes[2])  # ignored while it cannot save
    assert c.current is Screen.UNAVAILABLE
    # The fault removed: the original file back where it was.
    if fault == "replaced":
        db.rename(db.with_name("other.db"))
    if fault == "deleted":
        os.link(aside, db)
        aside.unlink()
    else:
        aside.rename(db)
    qtbot.waitUntil(lambda: c.current is Screen.WELCOME, timeout=15000)
    c.handle_scan(codes[3])
    assert c.current is Screen.RESULT
    assert shown_results(kiosk)[-1] == "result checked_in"
    assert {codes[0], codes[3]} <= admitted_in_file(db)
    assert codes[1] not in admitted_in_file(db)


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
@pytest.mark.expected_log("kiosk.store", "disk_full")
@pytest.mark.expected_log("kiosk.ui", "check-ins cannot be saved: disk_full")
def test_kiosk_on_a_full_disk_shows_cant_save_and_reports_no_check_in(
    qtbot, small_disk: Path
) -> None:  # type: ignore[no-untyped-def]
    db = small_disk / "event.db"
    codes = make_event(db)
    store = Store.open(db)
    kiosk = build_kiosk(store, station_name="kiosk-1", camera=False)
    qtbot.addWidget(kiosk.window)
    kiosk.window.show()
    c = kiosk.controller
    try:
        c.handle_scan(codes[0])
        assert c.current is Screen.RESULT
        c._result_finished("test")
        filler = fill(small_disk)
        told = [codes[0]]
        # The WAL may still have room for a page or two: scan until the disk says no.
        for code in codes[1:40]:
            c.handle_scan(code)
            if c.current is Screen.UNAVAILABLE:
                refused = code
                break
            assert c.current is Screen.RESULT
            told.append(code)
            c._result_finished("test")
        else:
            pytest.fail("the full disk never stopped a check-in")
        assert c.fault is not None and c.fault.kind == "disk_full"
        assert "can't save check-ins" in c.unavailable.headline.text()
        assert len(shown_results(kiosk)) == len(told)  # the refused scan told nobody anything
        filler.unlink()
        qtbot.waitUntil(lambda: c.current is Screen.WELCOME, timeout=15000)
        c.handle_scan(codes[45])
        assert c.current is Screen.RESULT
        assert shown_results(kiosk)[-1] == "result checked_in"
        admitted = admitted_in_file(db)
        assert {*told, codes[45]} <= admitted
        assert refused not in admitted
    finally:
        kiosk.window.allow_close = True
        QApplication.instance().removeEventFilter(kiosk.wedge)  # type: ignore[union-attr]
        store.close()

"""A door station's kiosk (`kiosk run --room`): the header with the session, the
room and the seats left, kept current by itself; the two session refusals; the
entry/exit switch behind the staff PIN."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from kiosk_ui_helpers import LONDON, PIN_HASH, all_text, enter_pin
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from test_kiosk_run_command import kiosk as kiosk_command

from kiosk.checkin import Station
from kiosk.domain.models import Attendee, Result, Session
from kiosk.store import Store
from kiosk.store.programme import update_session
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.flow import FlowController, Screen
from kiosk.ui.i18n import Languages
from kiosk.ui.pin import PinGate
from kiosk.ui.resources import load_fonts

DAY = dt.date(2026, 3, 10)


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    """A moment on the event's first day, venue time, as the station's UTC clock gives it."""
    return dt.datetime(2026, 3, 10, hour, minute, second, tzinfo=LONDON).astimezone(dt.UTC)


@dataclass
class Door:
    kiosk: Kiosk
    store: Store
    path: Path
    zoe: Attendee
    omar: Attendee
    fellow: Attendee
    breakout_a: Session
    breakout_c: Session
    now: list[dt.datetime]  # the station's clock: tests move it

    @property
    def controller(self) -> FlowController:
        return self.kiosk.controller

    def scan(self, code: str) -> None:
        self.kiosk.wedge.scanned.emit(code)

    def header(self) -> str:
        welcome = self.controller.welcome
        return all_text(welcome.door_frame) if welcome.door_frame.isVisibleTo(welcome) else ""

    def done(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        """Done on the result screen: back to the door's welcome."""
        qtbot.mouseClick(self.controller.result.done_button, Qt.MouseButton.LeftButton)
        assert self.controller.current is Screen.WELCOME


@pytest.fixture
def door(qtbot, db_path: Path, languages: Languages, expected_log) -> Iterator[Door]:  # type: ignore[no-untyped-def]
    """A kiosk at Room 1's door on a file: Breakout A (11:30-12:30, 2 seats),
    then Breakout C (12:45-13:45, for fellows only, no seat limit)."""
    expected_log.allow("kiosk.ui", "no staff PIN set")
    store = Store.open(db_path)
    zoe = store.add_attendee({"code": "ZOE-CODE-0001", "first_name": "Zoë", "last_name": "Brennan"})
    omar = store.add_attendee(
        {"code": "OMAR-0002", "first_name": "Omar", "last_name": "Haddad", "category": "Member"}
    )
    fellow = store.add_attendee(
        {"code": "FELL-CODE-0003", "first_name": "Ada", "last_name": "Quist", "category": "fellow"}
    )
    breakout_a = store.add_session("Breakout A", at(11, 30), at(12, 30), "Room 1", 2)
    breakout_c = store.add_session(
        "Breakout C", at(12, 45), at(13, 45), "Room 1", open_to=("Fellow",)
    )
    store.add_session("Panel", at(11, 30), at(12, 30), "Main Hall")
    now = [at(11, 35)]
    load_fonts()
    station = Station(store, name="room-1-door", room="room 1", clock=lambda: now[0])
    kiosk = build_kiosk(store, camera=False, languages=languages, station=station)
    kiosk.controller.pin_gate = PinGate(PIN_HASH)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1024, 600)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    yield Door(kiosk, store, db_path, zoe, omar, fellow, breakout_a, breakout_c, now)
    kiosk.controller.door.stop()  # type: ignore[union-attr]
    kiosk.window.allow_close = True
    QApplication.instance().removeEventFilter(kiosk.wedge)  # type: ignore[union-attr]
    # The staff screen's console (and its pollers) goes before the file closes.
    # So does the window: its input watcher filters every event of the
    # application, and a later test's clicks would reach this closed file.
    tabs = kiosk.controller.staff.tabs
    if tabs is not None:
        tabs.deleteLater()
    kiosk.window.close()
    kiosk.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    store.close()


def test_the_door_header_shows_the_session_the_room_and_the_seats_left(door: Door):
    assert door.header() == "Breakout A\nRoom 1 · 2 seats left"
    # The room as the programme spells it, whatever case staff typed.
    assert door.controller.welcome.door is not None
    assert door.controller.welcome.door.room == "Room 1"


def test_a_scan_here_and_an_exit_at_another_door_change_the_seats_left(qtbot, door: Door):  # type: ignore[no-untyped-def]
    door.scan(door.zoe.code)
    assert door.controller.result.scan is not None
    assert door.controller.result.scan.result is Result.CHECKED_IN
    # The door's header names the session; the greeting sends nobody elsewhere.
    assert "Next:" not in all_text(door.controller.result)
    door.done(qtbot)
    assert door.header() == "Breakout A\nRoom 1 · 1 seat left"
    # The room's other door, on its own connection to the same file, records her leaving.
    other_store = Store.open(door.path)
    try:
        exit_door = Station(
            other_store, name="room-1-exit", room="Room 1", exit_mode=True, clock=lambda: at(12, 0)
        )
        assert exit_door.scan(door.zoe.code).result is Result.CHECKED_OUT
    finally:
        other_store.close()
    # No scan at this kiosk: the header notices the file changed.
    qtbot.waitUntil(lambda: door.header() == "Breakout A\nRoom 1 · 2 seats left", timeout=3000)
    assert door.controller.current is Screen.WELCOME


def test_a_full_room_refuses_with_session_full_naming_nobody_else(qtbot, door: Door):  # type: ignore[no-untyped-def]
    update_session(door.store, door.breakout_a.id, {"capacity": 1})
    door.scan(door.zoe.code)
    door.done(qtbot)
    assert door.header() == "Breakout A\nRoom 1 · Full"
    door.scan(door.omar.code)
    c = door.controller
    assert c.result.scan is not None and c.result.scan.result is Result.SESSION_FULL
    text = all_text(c.result)
    assert "This session is full." in text and "Please see the help desk." in text
    assert c.result.icon.kind == "stop"
    # Neither who is inside nor the person scanning by name.
    for name in ("Zoë", "Brennan", "Omar", "Haddad"):
        assert name not in text
    # Someone already inside keeps their seat and is told so.
    c._result_finished("test")
    door.scan(door.zoe.code)
    assert c.result.scan is not None and c.result.scan.result is Result.ALREADY_CHECKED_IN


def test_a_session_for_another_group_refuses_with_not_eligible(qtbot, door: Door):  # type: ignore[no-untyped-def]
    door.now[0] = at(12, 40)  # Breakout C's doors are open (fellows only)
    door.controller.door.refresh()  # type: ignore[union-attr]
    assert door.header() == "Breakout C\nRoom 1 · Open seating"
    door.scan(door.omar.code)
    c = door.controller
    assert c.result.scan is not None and c.result.scan.result is Result.NOT_ELIGIBLE
    text = all_text(c.result)
    assert "This session is not open to your ticket." in text
    assert "Please see the help desk." in text
    # Never why (a category), never a name.
    assert "Member" not in text and "Fellow" not in text and "Omar" not in text
    assert c.result.icon.kind == "stop"
    door.done(qtbot)
    door.scan(door.fellow.code)  # "fellow" matches "Fellow" without regard to case
    assert c.result.scan is not None and c.result.scan.result is Result.CHECKED_IN


def test_the_door_moves_to_the_next_session_by_itself(qtbot, door: Door):  # type: ignore[no-untyped-def]
    door.now[0] = at(12, 29, 59)
    door.controller.door.refresh()  # type: ignore[union-attr]
    assert door.header().startswith("Breakout A\n")
    screens_before = len(door.controller.history)
    door.now[0] = at(12, 30, 1)  # A has ended; C's doors opened at 12:15
    qtbot.waitUntil(lambda: door.header().startswith("Breakout C\n"), timeout=3000)
    # Nobody scanned: the screen never left welcome.
    assert len(door.controller.history) == screens_before
    assert door.controller.current is Screen.WELCOME


def test_no_session_now_names_the_next_and_admits_nobody(qtbot, door: Door):  # type: ignore[no-untyped-def]
    door.now[0] = at(10, 50)  # A's doors open at 11:00
    door.controller.door.refresh()  # type: ignore[union-attr]
    assert door.header() == "No session in Room 1 now. Next: Breakout A at 11:30"
    door.scan(door.zoe.code)
    c = door.controller
    assert c.result.scan is not None and c.result.scan.result is Result.NOT_VALID_NOW
    assert door.store.log_entries() == []
    door.done(qtbot)
    door.now[0] = at(11, 0, 1)
    qtbot.waitUntil(lambda: door.header().startswith("Breakout A\n"), timeout=3000)


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
def test_the_entry_exit_switch_needs_the_staff_pin_and_records_exits(qtbot, door: Door):  # type: ignore[no-untyped-def]
    c = door.controller
    door.scan(door.zoe.code)
    door.done(qtbot)
    c.staff_requested()
    assert c.current is Screen.PIN  # the switch sits behind the PIN
    enter_pin(qtbot, c.pin.pad, "1357")
    assert c.current is Screen.PIN and not c.station.exit_mode
    enter_pin(qtbot, c.pin.pad, "2468")
    assert c.current is Screen.STAFF
    assert c.staff.door_button.text() == "Door mode: Entry"
    qtbot.mouseClick(c.staff.door_button, Qt.MouseButton.LeftButton)
    assert c.station.exit_mode
    assert c.staff.door_button.text() == "Door mode: Exit"
    qtbot.mouseClick(c.staff.back_button, Qt.MouseButton.LeftButton)
    assert c.current is Screen.WELCOME
    assert "Exit: scan your badge as you leave" in all_text(c.welcome)
    door.scan(door.zoe.code)
    assert c.result.scan is not None and c.result.scan.result is Result.CHECKED_OUT
    assert "Goodbye, Zoë!" in all_text(c.result)
    door.done(qtbot)
    assert door.header() == "Breakout A\nRoom 1 · 2 seats left"
    # Back to entry the same way: she comes in again.
    c.staff_requested()
    enter_pin(qtbot, c.pin.pad, "2468")
    qtbot.mouseClick(c.staff.door_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(c.staff.back_button, Qt.MouseButton.LeftButton)
    assert not c.station.exit_mode
    assert "Exit: scan" not in all_text(c.welcome)
    door.scan(door.zoe.code)
    assert c.result.scan is not None and c.result.scan.result is Result.CHECKED_IN


def test_leaving_the_staff_screen_leaves_no_console_window_behind(qtbot, door: Door):  # type: ignore[no-untyped-def]
    """The console lives out of the kiosk window while the staff screen is
    closed; it must not stand on the screen as a window of its own."""
    c = door.controller
    c.staff_requested()
    enter_pin(qtbot, c.pin.pad, "2468")
    assert c.staff.tabs is not None and c.staff.tabs.isVisible()
    qtbot.mouseClick(c.staff.back_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert c.current is Screen.WELCOME
    assert not c.staff.tabs.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is c.staff.tabs]


def test_the_door_speaks_french(door: Door, languages: Languages):
    c = door.controller
    c.looks.appearance.language = "fr"
    c.looks.apply()
    QApplication.processEvents()
    header = door.header()
    assert "Breakout A" in header and "places restantes" in header
    assert "seats left" not in header


def test_kiosk_run_room_starts_a_door_station_for_the_room(tmp_path: Path):
    db = tmp_path / "demo.db"
    assert kiosk_command("demo", "--db", str(db)).returncode == 0
    result = kiosk_command("-v", "run", "--db", str(db), "--room", "room 1", "--smoke")
    assert result.returncode == 0, result.stderr
    # Whatever the time of day, the door follows Room 1 as the programme spells it.
    assert "door Room 1 now admits to session" in result.stderr
    assert "Traceback" not in result.stderr


def test_kiosk_run_with_an_unknown_room_is_one_sentence_and_exit_2(tmp_path: Path):
    db = tmp_path / "demo.db"
    assert kiosk_command("demo", "--db", str(db)).returncode == 0
    result = kiosk_command("run", "--db", str(db), "--room", "Room 99", "--smoke")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "There is no room called 'Room 99'" in result.stderr and "Room 1" in result.stderr
    both = kiosk_command("run", "--db", str(db), "--room", "Room 1", "--session", "1", "--smoke")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr

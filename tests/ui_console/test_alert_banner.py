"""The console's alert banner through its real widgets: a flagged check-in and
a watched arrival at another station raise it (with the help-desk tone), it
names the person, the station and the note, stays until a volunteer marks it
handled, and that is audited with the operator. The flag is set from the
console too, and only by a role that may."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kiosk.checkin import Station
from kiosk.desk import HelpDesk
from kiosk.domain.models import Event
from kiosk.domain.pins import hash_pin
from kiosk.domain.roles import Role
from kiosk.store import Store
from kiosk.store.audit import audit_entries
from kiosk.store.operators import add_operator, operators
from kiosk.ui.console.console import ConsoleWidget
from kiosk.ui.console.flag_dialog import FlagDialog

NOON = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
NOTE = "speaker: send to green room"


class Speaker:
    """Where the desk's sounds go (no sound card here): what was played."""

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    path = tmp_path / "event.db"
    store = Store.open(path, create=True)
    store.save_event(Event("Alerts", first_day=NOON.date(), last_day=NOON.date()))
    store.add_attendee({"code": "KEY", "first_name": "Kay", "last_name": "Note"})
    store.add_attendee({"code": "VIP", "first_name": "Vic", "last_name": "Tory"})
    store.add_attendee({"code": "ANY", "first_name": "Ann", "last_name": "Other"})
    store.conn.execute(f"UPDATE attendees SET attention = '{NOTE}' WHERE code = 'KEY'")
    store.conn.execute("UPDATE attendees SET notify = 1 WHERE code = 'VIP'")
    store.close()
    return path


def _console(qtbot, path: Path, speaker: Speaker) -> ConsoleWidget:  # type: ignore[no-untyped-def]
    store = Store.open(path)
    desk = HelpDesk(store, station="desk-1", operator="vol-7")
    desk.station.clock = lambda: NOON + dt.timedelta(minutes=5)
    widget = ConsoleWidget(desk, sounds=speaker)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def _check_in_at_door_2(path: Path, *codes: str) -> None:
    """Another station on the same event file (another connection)."""
    store = Store.open(path)
    door = Station(store, name="door-2", clock=lambda: NOON)
    for code in codes:
        door.scan(code)
    store.close()


def test_a_flagged_check_in_elsewhere_raises_a_banner_until_handled(
    qtbot, event_file: Path
) -> None:  # type: ignore[no-untyped-def]
    speaker = Speaker()
    console = _console(qtbot, event_file, speaker)
    assert not console.alerts.isVisible()
    _check_in_at_door_2(event_file, "KEY", "ANY")
    qtbot.waitUntil(console.alerts.isVisible, timeout=5000)
    assert speaker.played == ["help"]
    [line] = console.alerts.lines
    text = line.label.text()
    assert "Kay Note" in text and "door-2" in text and NOTE in text
    assert "Ann" not in text  # an unflagged check-in raises nothing
    qtbot.wait(1500)  # polled again: the banner stays, and sounds once
    assert console.alerts.isVisible() and speaker.played == ["help"]

    qtbot.mouseClick(line.handled, Qt.MouseButton.LeftButton)
    assert not console.alerts.isVisible()
    store = console.desk.store
    handled = [e for e in audit_entries(store) if e.action == "alert_handled"]
    assert [(e.operator, e.station, e.details["kind"]) for e in handled] == [
        ("vol-7", "desk-1", "see_desk")
    ]
    # Another console of the same file no longer shows it either.
    other = _console(qtbot, event_file, Speaker())
    assert not other.alerts.isVisible() and other.alerts.lines == []


def test_a_watched_arrival_says_who_where_and_when(qtbot, event_file: Path) -> None:  # type: ignore[no-untyped-def]
    speaker = Speaker()
    console = _console(qtbot, event_file, speaker)
    _check_in_at_door_2(event_file, "VIP")
    qtbot.waitUntil(console.alerts.isVisible, timeout=5000)
    [line] = console.alerts.lines
    assert line.label.text() == "Vic Tory has arrived at door-2 at 12:00."
    assert speaker.played == ["help"]


def test_the_console_sets_and_clears_a_flag(qtbot, event_file: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    console = _console(qtbot, event_file, Speaker())
    ann = console.desk.store.attendee_by_code("ANY")
    assert ann is not None
    console.choose_by_hand(ann.id)
    assert console.buttons["flag"].isEnabled()
    answers = iter([("collect certificate pack", True), ("", False)])

    def answer(dialog: QDialog, accepted) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, FlagDialog)
        note, notify = next(answers)
        dialog.note.setText(note)
        dialog.notify.setChecked(notify)
        accepted()

    monkeypatch.setattr("kiosk.ui.console.desk_actions.open_dialog", answer)
    store = console.desk.store
    qtbot.mouseClick(console.buttons["flag"], Qt.MouseButton.LeftButton)
    ann = store.attendee_by_code("ANY")
    assert ann is not None and (ann.attention, ann.notify) == ("collect certificate pack", True)
    console.desk_actions.ask_flag()
    ann = store.attendee_by_code("ANY")
    assert ann is not None and (ann.attention, ann.notify) == ("", False)
    flags = [e for e in audit_entries(store, ann.id) if e.action == "flag_set"]
    assert [e.operator for e in flags] == ["vol-7", "vol-7"]


def test_a_scanner_may_neither_flag_nor_mark_an_alert_handled(qtbot, event_file: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(event_file)
    add_operator(store, "Sam", Role.SCANNER, hash_pin("2468", n=2**10))
    store.close()
    console = _console(qtbot, event_file, Speaker())
    [sam] = operators(console.desk.store)
    console.desk.sign_in(sam)
    console._update_buttons()
    assert not console.buttons["flag"].isEnabled()
    _check_in_at_door_2(event_file, "KEY")
    qtbot.waitUntil(console.alerts.isVisible, timeout=5000)
    [line] = console.alerts.lines
    assert not line.handled.isEnabled() and "may do this" in line.handled.toolTip()
    console.alerts.handle(line.alert)  # reached some other way: refused in itself
    assert console.alerts.isVisible()
    assert "may do this" in console.alerts.message.text()
    assert [e for e in audit_entries(console.desk.store) if e.action == "alert_handled"] == []

"""The programme at the real help-desk window: a supervisor adds, edits,
cancels and imports sessions in the Sessions tab (other roles see the
buttons greyed, and the actions refuse in themselves), admits someone past a
full room with a reason, and the overview shows every room."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from kiosk.checkin import Station
from kiosk.desk import HelpDesk, NotAllowed
from kiosk.desk_programme import save_session
from kiosk.domain.models import EntryKind
from kiosk.domain.pins import hash_pin
from kiosk.domain.roles import Role
from kiosk.programme.agenda import SessionDraft
from kiosk.store import Store
from kiosk.store.operators import add_operator
from kiosk.store.programme import session_counts
from kiosk.ui.console.window import DeskTabs, desk_window

# The test event is in Europe/London, on GMT in March: venue time is UTC.
NINE = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
PINS = {"Dana": "1357", "Ola": "8642"}


def at(hour: int, minute: int = 0) -> dt.datetime:
    return NINE.replace(hour=hour, minute=minute)


@pytest.fixture
def staffed(store: Store) -> Store:
    for code, first, category in (
        ("ADA", "Ada", "Fellow"),
        ("BOB", "Bob", "Delegate"),
        ("CY", "Cy", "Delegate"),
    ):
        store.add_attendee({"code": code, "first_name": first, "category": category})
    add_operator(store, "Dana", Role.DESK, hash_pin(PINS["Dana"]))
    add_operator(store, "Ola", Role.SUPERVISOR, hash_pin(PINS["Ola"]))
    return store


@pytest.fixture
def tabs(qtbot, staffed: Store) -> Iterator[DeskTabs]:  # type: ignore[no-untyped-def]
    desk = HelpDesk(staffed, station="desk-1")
    desk.station.clock = lambda: at(9, 10)
    window, tabs = desk_window(desk)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield tabs


def sign_in(qtbot, tabs: DeskTabs, name: str) -> None:  # type: ignore[no-untyped-def]
    panel = tabs.sign_in
    qtbot.keyClicks(panel.name, name)
    qtbot.keyClicks(panel.pin, PINS[name])
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    assert tabs.desk.signed_in is not None


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_supervisor_adds_edits_and_cancels_a_session_through_the_form(
    qtbot, tabs: DeskTabs
) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, tabs, "Ola")
    panel = tabs.sessions
    tabs.setCurrentWidget(panel)
    click(qtbot, panel.add_button)
    form = panel.session_dialog
    assert form is not None and form.isVisible()
    qtbot.keyClicks(form.title, "Graduation")
    form.start.setTime(QTime(16, 0))
    form.end.setTime(QTime(15, 0))
    assert "ends before it starts" in form.problems.text()
    assert not form.save.isEnabled()
    form.end.setTime(QTime(17, 30))
    qtbot.keyClicks(form.room.lineEdit(), "Main hall")
    form.capacity.setFocus()
    form.capacity.lineEdit().selectAll()
    qtbot.keyClicks(form.capacity, "120")
    fellow = form.open_to.findItems("Fellow", Qt.MatchFlag.MatchExactly)[0]
    fellow.setCheckState(Qt.CheckState.Checked)
    # On the box itself: the widget may be wider than its box and words.
    qtbot.mouseClick(
        form.booking, Qt.MouseButton.LeftButton, pos=QPoint(6, form.booking.height() // 2)
    )
    assert form.problems.text() == "" and form.save.isEnabled()
    click(qtbot, form.save)

    [session] = tabs.desk.store.sessions()
    assert (session.title, session.room, session.capacity) == ("Graduation", "Main hall", 120)
    assert (session.starts_at, session.ends_at) == (at(16), at(17, 30))
    assert session.open_to == ("Fellow",) and session.booking_required
    assert "Graduation" in panel.message.text()
    assert panel.table.item(0, 1).text() == "Graduation"
    assert panel.table.item(0, 3).text() == "0 / 120"

    panel.table.setCurrentCell(0, 0)
    click(qtbot, panel.edit_button)
    form = panel.session_dialog
    assert form is not None and form.title.text() == "Graduation"
    form.capacity.lineEdit().selectAll()
    qtbot.keyClicks(form.capacity, "80")
    click(qtbot, form.save)
    assert tabs.desk.store.session(session.id).capacity == 80  # type: ignore[union-attr]

    click(qtbot, panel.cancel_button)
    assert tabs.desk.store.session(session.id).cancelled  # type: ignore[union-attr]
    assert panel.table.item(0, 0).text().startswith("Cancelled")
    assert panel.table.item(0, 1).font().strikeOut()
    assert panel.cancel_button.text() == "Restore session"
    click(qtbot, panel.cancel_button)
    assert not tabs.desk.store.session(session.id).cancelled  # type: ignore[union-attr]

    # The same audit as `kiosk sessions add|edit|cancel` (kiosk.programme.changes).
    audit = [(a.action, a.operator, a.details["session_id"]) for a in tabs.desk.audit_entries()]
    assert audit == [
        (action, "Ola", session.id)
        for action in ("session_added", "session_edited", "session_cancelled", "session_restored")
    ]


def test_a_desk_volunteer_sees_the_programme_greyed_and_its_actions_refuse(
    qtbot, tabs: DeskTabs
) -> None:  # type: ignore[no-untyped-def]
    start = at(10)
    tabs.desk.store.add_session("Lab", start, start + dt.timedelta(hours=1), "Lab 1", 2)
    sign_in(qtbot, tabs, "Dana")
    panel = tabs.sessions
    tabs.setCurrentWidget(panel)
    panel.table.setCurrentCell(0, 0)
    for button in (panel.add_button, panel.edit_button, panel.cancel_button, panel.import_button):
        assert not button.isEnabled()
        assert button.toolTip() == "Only a supervisor may do this."
    # What a shortcut or a stale window would reach: no dialog, a sentence.
    for action in (panel.ask_add, panel.ask_edit, panel.cancel_or_restore, panel.ask_import):
        action()
        assert panel.message.text() == "Only a supervisor may do this."
        assert panel.findChildren(QDialog) == []
    draft = SessionDraft("Lab", dt.date(2026, 3, 10), dt.time(10), dt.time(12))
    with pytest.raises(NotAllowed):
        save_session(tabs.desk, draft, 1)
    [session] = tabs.desk.store.sessions()
    assert not session.cancelled and session.ends_at == start + dt.timedelta(hours=1)
    assert tabs.desk.audit_entries() == []


def test_an_agenda_is_imported_through_the_console_after_its_dry_run(
    qtbot, tabs: DeskTabs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    agenda = tmp_path / "agenda.csv"
    agenda.write_text(
        "key,title,day,start,end,room,capacity,open_to,booking_required\n"
        "K1,Keynote,2026-03-10,09:30,10:30,Main hall,,,no\n"
        "L1,Learning lab,2026-03-10,11:00,12:30,Lab 1,24,,yes\n"
        "B1,Broken,2026-03-10,14:00,13:00,Room 2,,,no\n",
        encoding="utf-8",
    )
    sign_in(qtbot, tabs, "Ola")
    panel = tabs.sessions
    tabs.setCurrentWidget(panel)
    click(qtbot, panel.import_button)
    chooser = panel.file_dialog
    assert chooser is not None
    chooser.selectFile(str(agenda))
    chooser.accept()
    dry_run = panel.agenda_dialog
    assert dry_run is not None and dry_run.isVisible()
    assert "imported 2, updated 0, unchanged 0, skipped 1" in dry_run.summary.text()
    assert "row 4" in dry_run.lines.toPlainText()
    assert "ends before it starts" in dry_run.lines.toPlainText()
    assert tabs.desk.store.sessions() == [], "the dry run writes nothing"
    click(qtbot, dry_run.confirm)
    titles = [s.title for s in tabs.desk.store.sessions()]
    assert titles == ["Keynote", "Learning lab"]
    assert panel.message.text() == (
        "Agenda imported: imported 2, updated 0, unchanged 0, skipped 1."
    )
    assert panel.table.rowCount() == 2
    [audit] = tabs.desk.audit_entries()
    assert audit.action == "agenda_imported" and audit.details["imported"] == 2


def test_an_unreadable_agenda_is_one_sentence(qtbot, tabs: DeskTabs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "people.csv"
    roster.write_text("first_name,last_name\nAda,Lovelace\n", encoding="utf-8")
    sign_in(qtbot, tabs, "Ola")
    tabs.sessions.check_agenda(roster)
    assert "no title column" in tabs.sessions.message.text()
    assert tabs.sessions.agenda_dialog is None


def test_a_full_session_refuses_and_a_supervisor_admits_anyway_with_a_reason(
    qtbot, tabs: DeskTabs
) -> None:  # type: ignore[no-untyped-def]
    store = tabs.desk.store
    lab = store.add_session("Simulation lab", at(9), at(10), "Lab 1", 1)
    Station(store, name="door", clock=lambda: at(9, 5), session=lab).scan("CY")
    sign_in(qtbot, tabs, "Ola")
    console = tabs.console
    console.search.setText("Bob")
    console.refresh()  # the search also lists the sessions there are now
    assert console.target.isVisible()
    console.target.choose(lab.id)
    console.choose_by_hand(2)
    click(qtbot, console.buttons["check_in"])
    assert console.message.text() == "Not admitted: this session is full."
    assert console.message_action.isVisible()
    assert console.message_action.text() == "Admit anyway…"
    assert store.inside_count(lab.id) == 1
    click(qtbot, console.message_action)
    dialog = console.desk_actions.override_dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled(), "a reason is required"
    qtbot.keyClicks(dialog.reason, "speaker's assistant")
    click(qtbot, ok)
    entry = store.entries_for(2, lab.id)[-1]
    assert entry.kind is EntryKind.ENTRY and entry.override
    assert (entry.reason, entry.operator, entry.station) == ("speaker's assistant", "Ola", "desk-1")
    assert "Admitted" in console.message.text()
    assert session_counts(store)[lab.id].inside == 2
    # The desk's station went back to checking in for the day.
    assert tabs.desk.station.session is None


def test_a_desk_volunteer_may_not_admit_past_a_session_rule(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    store = tabs.desk.store
    graduation = store.add_session("Graduation", at(9), at(10), "Main hall", open_to=["Fellow"])
    sign_in(qtbot, tabs, "Dana")
    console = tabs.console
    console.search.setText("Bob")
    console.refresh()
    console.target.choose(graduation.id)
    console.choose_by_hand(2)
    click(qtbot, console.buttons["check_in"])
    assert console.message.text().startswith("Not admitted: this session is not open to them")
    console.desk_actions.ask_override()
    assert console.message.text() == "Only a supervisor may do this."
    assert console.desk_actions.override_dialog is None
    assert store.entries_for(2, graduation.id) == []


def test_the_overview_shows_each_room_now_and_next(qtbot, tabs: DeskTabs) -> None:  # type: ignore[no-untyped-def]
    store = tabs.desk.store
    store.add_session("Keynote", at(9), at(10), "Main hall", 40)
    store.add_session("Panel", at(11), at(12), "Main hall", 40)
    lab = store.add_session("Learning lab", at(9), at(10, 30), "Lab 1")
    store.add_session("Breakout B", at(14), at(15), "Room 2")
    door = Station(store, name="door", clock=lambda: at(9, 5), room="Main hall")
    for code in ("ADA", "BOB"):
        door.scan(code)
    Station(store, name="lab", clock=lambda: at(9, 5), session=lab).scan("CY")
    overview = tabs.overview
    tabs.setCurrentWidget(overview)
    overview.refresh()
    rooms = overview.rooms
    assert overview.rooms_box.isVisible()
    cells = [
        [rooms.item(row, column).text() for column in (0, 1, 3)] for row in range(rooms.rowCount())
    ]
    # In the order their first session starts (both at nine: by name).
    assert cells == [
        ["Lab 1", "Learning lab", "—"],
        ["Main hall", "Keynote", "11:00 Panel"],
        ["Room 2", "—", "14:00 Breakout B"],
    ]
    bar = rooms.cellWidget(1, 2)
    assert (bar.value(), bar.maximum(), bar.format()) == (2, 40, "2 in the room / 40")
    assert rooms.item(0, 2).text() == "1 in the room"  # no capacity: a count, no bar
    # After the keynote, by the clock alone, the hall's door has moved on.
    tabs.desk.station.clock = lambda: at(10, 40)
    overview.refresh_if_changed()
    assert rooms.item(1, 1).text() == "Panel" and rooms.item(1, 3).text() == "—"
    assert rooms.cellWidget(1, 2).format() == "0 in the room / 40"

"""The setup wizard's programme step, driven through its real widgets: an
agenda is checked (nothing written), then imported; a session is added in
the table, held back while it is not a session, and saved by Next; an unused
one can be deleted; with no sessions the step is simply passed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.ui.wizard.wizard import SetupWizard

ROOT = Path(__file__).resolve().parents[2]
ROSTER = ROOT / "tests" / "io" / "data" / "eventbrite-attendees.csv"
AGENDA = ROOT / "resources" / "samples" / "agenda.csv"
EVENT_DAY = QDate(2026, 3, 10)


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> SetupWizard:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.event_page.name, "Spring Learning Event")
    wizard.event_page.first_day.setDate(EVENT_DAY)
    wizard.event_page.last_day.setDate(EVENT_DAY)
    wizard.next()
    wizard.roster_page.path.setText(str(ROSTER))
    wizard.roster_page.check_file()
    wizard.next()
    assert wizard.currentPage() is wizard.programme_page
    return wizard


def test_the_agenda_is_checked_then_imported(qtbot, wizard: SetupWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.programme_page
    store = wizard.store
    assert store is not None
    page.path.setText(str(AGENDA))
    qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
    report = page.report.toPlainText()
    # The roster has no staff: the graduation, open to staff too, is skipped, and why.
    assert report.startswith("Will import: imported 8, updated 0, unchanged 0, skipped 1")
    assert "row 10: unknown category 'Staff'" in report
    assert store.sessions() == [], "the check writes nothing"
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.report.toPlainText().startswith("Imported: imported 8")
    assert len(store.sessions()) == 8
    assert page.table.rowCount() == 8
    assert page.table.item(1, 0).text().startswith("Keynote")
    assert (page.table.item(1, 2).text(), page.table.item(1, 4).text()) == ("09:15", "Main Hall")
    assert page.isComplete()


def test_a_session_added_in_the_table_is_saved_by_next(qtbot, wizard: SetupWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.programme_page
    store = wizard.store
    assert store is not None
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert next_button.isEnabled(), "no sessions: the day only"
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.problem.text() == "Row 1: the title is missing"
    assert not next_button.isEnabled()
    # The new row's title is being edited: type it as a person would.
    [editor] = page.table.findChildren(QLineEdit)
    qtbot.keyClicks(editor, "Poster walk")
    page.table.setCurrentCell(0, 4)  # on to the room: the title is committed
    assert page.table.item(0, 0).text() == "Poster walk"
    page.table.item(0, 3).setText("08:30")  # ends before its 09:00 start
    assert "ends before it starts" in page.problem.text()
    assert not next_button.isEnabled()
    page.table.item(0, 3).setText("10:15")
    page.table.item(0, 4).setText("Foyer")
    page.table.item(0, 5).setText("12")
    assert page.problem.text() == "" and next_button.isEnabled()
    assert store.sessions() == [], "written only by Next"
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.badge_page
    [session] = store.sessions()
    london = store.event().zone
    assert (session.title, session.room, session.capacity) == ("Poster walk", "Foyer", 12)
    assert session.starts_at == dt.datetime(2026, 3, 10, 9, tzinfo=london)
    assert session.ends_at == dt.datetime(2026, 3, 10, 10, 15, tzinfo=london)

    wizard.back()  # not used yet: it may go
    assert page.table.rowCount() == 1
    page.table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 0 and store.sessions() == []


def test_a_session_with_check_ins_is_not_deleted(qtbot, wizard: SetupWizard) -> None:  # type: ignore[no-untyped-def]
    from kiosk.checkin import Station

    store = wizard.store
    assert store is not None
    start = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    lab = store.add_session("Lab", start, start + dt.timedelta(hours=1), "Lab 1")
    attendee = store.attendees()[0]
    Station(store, name="door", session=lab, clock=lambda: start).scan(attendee.code)
    page = wizard.programme_page
    page.load()
    page.table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "already has check-ins or bookings" in page.problem.text()
    assert [s.id for s in store.sessions()] == [lab.id] and page.table.rowCount() == 1

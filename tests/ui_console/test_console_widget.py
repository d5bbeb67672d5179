"""The volunteer console driven through its real widgets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.desk import HelpDesk
from kiosk.domain.models import EntryKind, Event
from kiosk.printing import PrintQueue
from kiosk.store import Store
from kiosk.store.attended import attended_ids
from kiosk.ui.console.console import ConsoleWidget
from kiosk.ui.console.dialogs import ConfirmDialog, PersonDialog, ReasonDialog

NOON = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
PEOPLE = [
    ("Zoë", "Ó Briain", "Imperial College London", "Delegate"),
    ("Siobhán", "O'Connor-Fitzgerald", "Healthwatch Hounslow", "Speaker"),
    ("Γιώργος", "Παπαδόπουλος", "West London NHS Trust", "Delegate"),
    ("Amara", "Okonkwo", "Chelsea and Westminster", "Staff"),
]


@pytest.fixture
def console(qtbot, tmp_path: Path) -> ConsoleWidget:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "event.db", create=True)
    store.save_event(Event("Console test", first_day=NOON.date(), last_day=NOON.date()))
    for index, (first, last, org, category) in enumerate(PEOPLE):
        store.add_attendee(
            {
                "code": f"CODE-{index}",
                "first_name": first,
                "last_name": last,
                "organisation": org,
                "category": category,
                "notes": "Wheelchair user: step-free route" if index == 1 else "",
            }
        )
    desk = HelpDesk(store, station="desk-1", operator="vol-7", printer=PrintQueue(store))
    desk.station.clock = lambda: NOON
    widget = ConsoleWidget(desk)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def search(qtbot, console: ConsoleWidget, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    console.search.clear()
    if text.isascii():
        qtbot.keyClicks(console.search, text)
    else:  # QTest can only type ASCII; an input method would insert the rest
        console.search.insert(text)
    qtbot.waitUntil(lambda: console.model.query["text"] == text)
    return [console.model.rows[r].attendee.first_name for r in range(console.model.rowCount())]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", ["Zoë"]),
        ("briain zo", ["Zoë"]),
        ("fitzgerald siob", ["Siobhán"]),
        ("γιωργ", ["Γιώργος"]),
        ("imperial", ["Zoë"]),
        ("CODE-3", ["Amara"]),
        ("nobody", []),
    ],
)
def test_search_as_you_type(qtbot, console: ConsoleWidget, query: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert search(qtbot, console, query) == expected


def test_details_show_staff_notes(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "siobhan")
    text = console.details.text.text()
    assert "step-free route" in text and "CODE-1" in text and "Healthwatch" in text


def test_keyboard_only_check_in(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "amara")
    qtbot.keyClick(console.search, Qt.Key.Key_Return)
    qtbot.keyClick(console.table, Qt.Key.Key_Return)
    store = console.desk.store
    dialog = dialog_of(console, ConfirmDialog)  # the search chose the row: asked first
    assert store.log_entries() == []
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert [e.attendee_id for e in store.log_entries()] == [4]
    assert store.log_entries()[0].operator == "vol-7"
    assert "Checked in" in console.message.text()
    assert len(PrintQueue(store).jobs()) == 1


def test_enter_twice_or_a_double_click_never_checks_in_the_first_row_unasked(
    qtbot, console: ConsoleWidget
) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "o")  # several people; the first is chosen by the search
    first = console.current_id()
    qtbot.keyClick(console.search, Qt.Key.Key_Return)
    qtbot.keyClick(console.table, Qt.Key.Key_Return)
    dialog = dialog_of(console, ConfirmDialog)
    assert console.desk.store.log_entries() == []
    assert console.name_of(first) in dialog.findChild(QLabel).text()  # it names the person
    dialog.reject()
    centre = console.table.visualRect(console.model.index(0, 0)).center()
    viewport = console.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)  # as a mouse does
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    dialog_of(console, ConfirmDialog).reject()
    assert console.desk.store.log_entries() == []
    # A row the volunteer moves to is their choice: Enter checks that person in.
    qtbot.keyClick(console.table, Qt.Key.Key_Down)
    chosen = console.current_id()
    assert chosen != first
    qtbot.keyClick(console.table, Qt.Key.Key_Return)
    assert [e.attendee_id for e in console.desk.store.log_entries()] == [chosen]


def dialog_of(console: ConsoleWidget, kind: type):  # type: ignore[no-untyped-def]
    dialogs = [d for d in console.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_undo_needs_a_reason_and_is_logged(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "zoe")
    console.buttons["check_in"].click()
    console.buttons["undo"].click()
    dialog = dialog_of(console, ReasonDialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "scanned the wrong ticket")
    assert ok.isEnabled()
    dialog.accept()
    entries = console.desk.store.log_entries()
    assert [e.kind for e in entries] == [EntryKind.ENTRY, EntryKind.UNDO]
    assert entries[1].reason == "scanned the wrong ticket"
    assert attended_ids(console.desk.store) == set()


def test_edit_reprint_cancel_transfer_each_leave_an_audit_entry(
    qtbot, console: ConsoleWidget
) -> None:  # type: ignore[no-untyped-def]
    desk = console.desk
    search(qtbot, console, "okonkwo")
    console.buttons["edit"].click()
    dialog = dialog_of(console, PersonDialog)
    dialog.edits["first_name"].setText("Amarachi")
    dialog.category.setCurrentText("Speaker")
    dialog.accept()
    assert desk.store.attendee(4).first_name == "Amarachi"  # type: ignore[union-attr]

    console.buttons["check_in"].click()
    console.buttons["reprint"].click()

    console.buttons["transfer"].click()
    dialog = dialog_of(console, PersonDialog)
    dialog.edits["first_name"].setText("Kwame")
    dialog.edits["last_name"].setText("Mensah")
    dialog.accept()
    assert desk.store.attendee(4).first_name == "Kwame"  # type: ignore[union-attr]

    console.buttons["cancel"].click()
    dialog = dialog_of(console, ReasonDialog)
    dialog.reason.setText("asked to cancel")
    dialog.accept()
    assert desk.store.attendee(4).status.value == "cancelled"  # type: ignore[union-attr]
    actions = [entry.action for entry in desk.audit_entries(4)]
    assert actions == ["edit", "reprint", "transfer", "cancel"]
    assert all(entry.operator == "vol-7" for entry in desk.audit_entries(4))
    assert [job.kind for job in PrintQueue(desk.store).jobs()] == ["auto", "reprint"]


def test_walk_in_end_to_end(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    console.buttons["walk_in"].click()
    dialog = dialog_of(console, PersonDialog)
    qtbot.keyClicks(dialog.edits["first_name"], "Ngozi")
    dialog.edits["last_name"].insert("Adébáyọ̀")
    dialog.category.setCurrentText("Delegate")
    dialog.accept()
    store = console.desk.store
    walk_in = store.search("ngozi")[0]
    assert walk_in.category == "Delegate" and len(walk_in.code) == 28
    assert walk_in.id in attended_ids(store)
    assert [job.attendee_id for job in PrintQueue(store).jobs()] == [walk_in.id]
    assert console.desk.audit_entries(walk_in.id)[0].action == "walk_in"
    assert console.model.rows[0].attendee.id == walk_in.id


def test_filters(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "zoe")
    console.buttons["check_in"].click()
    console.search.clear()
    qtbot.waitUntil(lambda: console.model.query["text"] == "")
    console.state.setCurrentIndex(1)  # checked in
    assert [r.attendee.first_name for r in console.model.rows] == ["Zoë"]
    console.state.setCurrentIndex(2)  # not yet
    assert console.model.rowCount() == 3
    console.state.setCurrentIndex(0)
    console.category.setCurrentIndex(console.category.findData("Delegate"))
    assert {r.attendee.first_name for r in console.model.rows} == {"Zoë", "Γιώργος"}


def test_a_walk_in_like_someone_on_the_roster_is_offered_their_record(
    qtbot, console: ConsoleWidget
) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.console.duplicates import DuplicateDialog

    store = console.desk.store
    search(qtbot, console, "zoe")
    console.buttons["check_in"].click()
    console.buttons["walk_in"].click()
    form = dialog_of(console, PersonDialog)
    form.edits["first_name"].setText("ZOE")
    form.edits["last_name"].setText("o briain")
    form.edits["organisation"].setText("imperial college london")
    form.accept()
    offer = dialog_of(console, DuplicateDialog)
    text = " ".join(label.text() for label in offer.findChildren(QLabel))
    assert "Zoë Ó Briain, Imperial College London, checked in 10 Mar 12:00: is this them?" in text
    assert not offer.register_anyway.isEnabled(), "a duplicate needs a reason"
    offer.use_buttons[0].click()
    assert len(store.attendees()) == len(PEOPLE), "no new record"
    assert console.current_id() == 1
    assert "Already checked in" in console.message.text()

    console.buttons["walk_in"].click()
    form = dialog_of(console, PersonDialog)
    form.edits["first_name"].setText("Zoe")
    form.edits["last_name"].setText("O'Briain")
    form.accept()
    offer = dialog_of(console, DuplicateDialog)
    qtbot.keyClicks(offer.reason_edit, "another person, same name")
    offer.register_anyway.click()
    assert len(store.attendees()) == len(PEOPLE) + 1
    walk_in = console.current_id()
    assert walk_in not in (None, 1)
    entry = console.desk.audit_entries(walk_in)[0]
    assert entry.details["reason"] == "another person, same name"
    assert entry.details["possible_duplicates"] == [1]


def test_the_message_line_clears_when_the_person_changes(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "zoe")
    console.buttons["check_in"].click()
    assert console.message.text().startswith("Checked in.")
    search(qtbot, console, "amara")
    assert console.message.text() == ""


def test_history_names_check_ins_undos_and_walk_ins_in_words(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    console.desk.walk_in({"first_name": "Ngozi", "last_name": "Okafor"})
    search(qtbot, console, "ngozi")
    console.desk.undo(console.current_id(), "wrong person")  # type: ignore[arg-type]
    console.refresh()
    text = console.details.text.text()
    assert "registered at the desk" in text and "walk_in" not in text
    assert "checked in" in text and "check-in undone" in text


def test_undo_cancel_and_transfer_dialogs_name_the_person(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "amara")
    console.buttons["check_in"].click()
    console.buttons["undo"].click()
    dialog = dialog_of(console, ReasonDialog)
    assert "Amara Okonkwo" in dialog.windowTitle()
    assert any("Amara Okonkwo" in label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()
    console.buttons["transfer"].click()
    dialog = dialog_of(console, PersonDialog)
    assert "Amara Okonkwo" in dialog.note.text() and "still scans" in dialog.note.text()
    dialog.reject()


def test_a_search_finding_nobody_offers_a_walk_in_with_the_name_typed(
    qtbot, console: ConsoleWidget
) -> None:  # type: ignore[no-untyped-def]
    assert search(qtbot, console, "obriain") == ["Zoë"]  # the space of Ó Briain folds away
    assert not console.message_action.isVisibleTo(console)
    assert search(qtbot, console, "Kwame Mensah") == []
    assert console.message_action.isVisibleTo(console)
    assert console.message_action.text() == "Register a walk-in…"
    console.message_action.click()
    form = dialog_of(console, PersonDialog)
    assert form.edits["first_name"].text() == "Kwame"
    assert form.edits["last_name"].text() == "Mensah"


def test_a_name_edit_offers_a_reprint_button(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "amara")
    console.buttons["check_in"].click()
    console.buttons["edit"].click()
    dialog = dialog_of(console, PersonDialog)
    dialog.edits["last_name"].setText("Okonkwo-Eze")
    dialog.accept()
    assert console.message_action.isVisibleTo(console)
    assert console.message_action.text() == "Reprint badge"
    console.message_action.click()
    assert [job.kind for job in PrintQueue(console.desk.store).jobs()] == ["auto", "reprint"]


def test_the_desk_edits_and_shows_pronouns_and_post_nominals(qtbot, console: ConsoleWidget) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, console, "okonkwo")
    console.buttons["edit"].click()
    dialog = dialog_of(console, PersonDialog)
    assert dialog.edits["pronouns"].text() == dialog.edits["credentials"].text() == ""
    dialog.edits["pronouns"].setText("she/her")
    dialog.edits["credentials"].setText("FRCP, MSc")
    dialog.accept()
    stored = console.desk.store.attendee(4)
    assert stored is not None and (stored.pronouns, stored.credentials) == ("she/her", "FRCP, MSc")
    (edit,) = [e for e in console.desk.audit_entries(4) if e.action == "edit"]
    assert edit.details["before"] == {"pronouns": "", "credentials": ""}
    assert edit.details["after"] == {"pronouns": "she/her", "credentials": "FRCP, MSc"}
    console.details.show_attendee(stored)
    shown = console.details.text.text()
    assert "Pronouns" in shown and "she/her" in shown and "FRCP, MSc" in shown

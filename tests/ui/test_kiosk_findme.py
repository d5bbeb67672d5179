"""Find me by name: on-screen keyboard, two letters first, a handful of matches, confirm."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import Roster, all_text
from PySide6.QtCore import Qt

from kiosk.domain.models import Result
from kiosk.settings import Settings
from kiosk.ui.app import Kiosk
from kiosk.ui.flow import Screen


def type_on_screen(qtbot, kiosk: Kiosk, letters: str) -> None:  # type: ignore[no-untyped-def]
    keyboard = kiosk.controller.find_me.keyboard
    for letter in letters:
        key = keyboard.space if letter == " " else keyboard.keys[letter.upper()]
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def shown_matches(kiosk: Kiosk) -> list[str]:
    return [b.full_text() for b in kiosk.controller.find_me.matches if b.isVisibleTo(kiosk.window)]


def test_one_letter_shows_nobody(qtbot, kiosk: Kiosk, roster: Roster):
    qtbot.mouseClick(kiosk.controller.welcome.find_me, Qt.MouseButton.LeftButton)
    assert kiosk.controller.current is Screen.FIND_ME
    type_on_screen(qtbot, kiosk, "z")
    assert shown_matches(kiosk) == []
    assert "Type at least 2 letters" in kiosk.controller.find_me.hint.text()


def test_accent_and_case_insensitive_match_shows_only_what_recognises_you(
    qtbot, kiosk: Kiosk, roster: Roster
):
    kiosk.controller.find_me_requested()
    type_on_screen(qtbot, kiosk, "zoe")
    assert shown_matches(kiosk) == ["Zoë B. — Imperial College London"]
    text = all_text(kiosk.controller.find_me)
    assert "Brennan" not in text and "@" not in text and roster.zoe.code not in text


def test_last_name_search_finds_the_person(qtbot, kiosk: Kiosk, roster: Roster):
    kiosk.controller.find_me_requested()
    type_on_screen(qtbot, kiosk, "haddad")
    assert shown_matches(kiosk) == ["Omar H."]


def test_a_common_name_shows_at_most_six_and_asks_for_more_letters(
    qtbot, kiosk: Kiosk, roster: Roster
):
    kiosk.controller.find_me_requested()
    type_on_screen(qtbot, kiosk, "mar")
    assert len(shown_matches(kiosk)) == 6  # nine Marks exist: no browsable list
    assert kiosk.controller.find_me.hint.text() == "Many names match: type more letters."
    type_on_screen(qtbot, kiosk, "k")
    assert kiosk.controller.find_me.hint.text() == "Many names match: add your last name."
    type_on_screen(qtbot, kiosk, " marr")
    assert shown_matches(kiosk) == ["Mark M."]


def test_choose_confirm_and_check_in(qtbot, kiosk: Kiosk, roster: Roster):
    c = kiosk.controller
    c.find_me_requested()
    type_on_screen(qtbot, kiosk, "zo")
    qtbot.mouseClick(c.find_me.matches[0], Qt.MouseButton.LeftButton)
    assert c.current is Screen.CONFIRM
    assert c.confirm.person.text() == "Zoë B."
    assert c.store.log_entries() == []  # nothing happens before "yes"
    qtbot.mouseClick(c.confirm.yes, Qt.MouseButton.LeftButton)
    assert c.current is Screen.RESULT
    assert c.result.scan is not None and c.result.scan.result is Result.CHECKED_IN
    assert [e.attendee_id for e in c.store.log_entries()] == [roster.zoe.id]


def test_not_me_goes_back_to_the_search(qtbot, kiosk: Kiosk, roster: Roster):
    c = kiosk.controller
    c.find_me_requested()
    type_on_screen(qtbot, kiosk, "omar")
    c.find_me.matches[0].click()
    qtbot.mouseClick(c.confirm.no, Qt.MouseButton.LeftButton)
    assert c.current is Screen.FIND_ME
    assert c.find_me.field.text() == "omar"
    assert c.store.log_entries() == []


def test_delete_and_clear_keys(qtbot, kiosk: Kiosk, roster: Roster):
    c = kiosk.controller
    c.find_me_requested()
    type_on_screen(qtbot, kiosk, "omx")
    qtbot.mouseClick(c.find_me.keyboard.delete, Qt.MouseButton.LeftButton)
    assert c.find_me.field.text() == "om"
    qtbot.mouseClick(c.find_me.keyboard.clear, Qt.MouseButton.LeftButton)
    assert c.find_me.field.text() == ""


def test_idle_find_me_returns_to_welcome_and_forgets_the_search(
    qtbot, kiosk: Kiosk, roster: Roster
):
    c = kiosk.controller
    Settings(c.store).set("kiosk.idle_seconds", 1)
    c.find_me_requested()
    type_on_screen(qtbot, kiosk, "zoe")
    qtbot.waitUntil(lambda: c.current is Screen.WELCOME, timeout=5000)
    assert c.history[-1] == (Screen.WELCOME, "idle")
    assert c.find_me.field.text() == ""


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_organisers_can_switch_find_me_off(qtbot, store, roster: Roster, languages):  # type: ignore[no-untyped-def]
    from kiosk.ui.app import build_kiosk

    Settings(store).set("kiosk.findme_enabled", False)
    kiosk = build_kiosk(store, camera=False, languages=languages, locked=False)
    qtbot.addWidget(kiosk.window)
    kiosk.window.show()
    assert not kiosk.controller.welcome.find_me.isVisible()
    kiosk.controller.find_me_requested()
    assert kiosk.controller.current is Screen.WELCOME


def test_a_scan_on_the_find_me_screen_still_checks_in(kiosk: Kiosk, roster: Roster):
    c = kiosk.controller
    c.find_me_requested()
    kiosk.wedge.scanned.emit(roster.omar.code)
    assert c.current is Screen.RESULT
    assert c.result.headline.text() == "Welcome, Omar!"


def test_an_exact_surname_ranks_first_and_the_hint_asks_for_the_first_name(
    qtbot, kiosk: Kiosk, store
):  # type: ignore[no-untyped-def]
    for index, first in enumerate(
        ["Aisha", "Bilal", "Chen", "Dara", "Emre", "Farah", "Ruth", "Tomasz"]
    ):
        store.add_attendee({"code": f"AHMED-{index}", "first_name": first, "last_name": "Ahmed"})
    store.add_attendee({"code": "AHMEDOVA-1", "first_name": "Sara", "last_name": "Ahmedova"})
    c = kiosk.controller
    c.find_me_requested()
    type_on_screen(qtbot, kiosk, "ahmed")
    assert all(label.split(" — ")[0].endswith(" A.") for label in shown_matches(kiosk))
    assert len(shown_matches(kiosk)) == 6
    assert c.find_me.hint.text() == "Many names match: add your first name."
    type_on_screen(qtbot, kiosk, " ru")
    assert shown_matches(kiosk) == ["Ruth A."]
    assert c.find_me.hint.text() == "Tap your name."

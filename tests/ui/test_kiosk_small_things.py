"""Small things seen on real screens: "&" in names of organisations, organisations
cut short with room to spare, switches that show they are on, hyphenated first
names, and the find-me time-out counted down."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import Roster, all_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence

from kiosk.settings import Settings
from kiosk.ui.app import Kiosk
from kiosk.ui.flow import Screen
from kiosk.ui.theme import HIGH_CONTRAST, STANDARD


def find(qtbot, kiosk: Kiosk, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.find_me_requested()
    c.find_me.field.setText(text)
    qtbot.wait(10)
    return [b.text() for b in c.find_me.matches if b.isVisibleTo(kiosk.window)]


def test_an_ampersand_in_an_organisation_shows_as_an_ampersand(qtbot, kiosk: Kiosk, store):  # type: ignore[no-untyped-def]
    store.add_attendee(
        {
            "code": "AMP-1",
            "first_name": "Ann",
            "last_name": "Quist",
            "organisation": "Smith & Jones",
        }
    )
    [face] = find(qtbot, kiosk, "quist")
    button = kiosk.controller.find_me.matches[0]
    assert button.full_text() == "Ann Q. — Smith & Jones"
    assert face == "Ann Q. — Smith && Jones"  # Qt draws "&&" as one "&"
    assert QKeySequence.mnemonic(face).isEmpty()  # no letter underlined as a shortcut
    assert button.accessibleName() == "Ann Q. — Smith & Jones"


def test_a_lone_match_takes_the_whole_row_and_its_organisation_is_not_cut(
    qtbot, kiosk: Kiosk, store
):  # type: ignore[no-untyped-def]
    organisation = "Chelsea and Westminster Hospital NHS Foundation Trust"
    store.add_attendee(
        {
            "code": "ORG-1",
            "first_name": "Ines",
            "last_name": "Quarshie",
            "organisation": organisation,
        }
    )
    [face] = find(qtbot, kiosk, "quarsh")
    assert face == f"Ines Q. — {organisation}"
    grid = kiosk.controller.find_me.matches[0]
    assert grid.width() > kiosk.window.width() * 0.8


def test_two_matches_share_the_row_and_short_organisations_stay_whole(qtbot, kiosk: Kiosk, store):  # type: ignore[no-untyped-def]
    for code, first in (("Q-1", "Ines"), ("Q-2", "Ivo")):
        store.add_attendee(
            {"code": code, "first_name": first, "last_name": "Quarry", "organisation": "NHS Trust"}
        )
    faces = find(qtbot, kiosk, "quarry")
    assert faces == ["Ines Q. — NHS Trust", "Ivo Q. — NHS Trust"]
    first, second = kiosk.controller.find_me.matches[:2]
    assert first.geometry().right() < second.geometry().left()


def inside_colour(button) -> QColor:  # type: ignore[no-untyped-def]
    """The fill just inside the right edge: no text reaches there."""
    image = button.grab().toImage()
    return image.pixelColor(image.width() - 6, image.height() // 2)


@pytest.mark.parametrize("theme", [STANDARD, HIGH_CONTRAST])
def test_the_larger_text_switch_shows_it_is_on(qtbot, kiosk: Kiosk, theme):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.looks.set_high_contrast(theme is HIGH_CONTRAST)
    button = c.welcome.large_button
    off = inside_colour(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked()
    assert button.text() == "\u2713 Larger text"  # a tick: shape as well as colour
    assert button.accessibleName() == "Larger text"  # the checked state is announced by role
    on = inside_colour(button)
    assert on != off
    assert on == QColor(kiosk.window.theme.primary)


def test_a_hyphenated_first_name_does_not_break_at_its_hyphen(qtbot, kiosk: Kiosk, store):  # type: ignore[no-untyped-def]
    person = store.add_attendee(
        {"code": "JB-0001", "first_name": "Jean-Baptiste", "last_name": "Marchand-Lefèvre"}
    )
    c = kiosk.controller
    c.find_me_requested()
    c.find_me.field.setText("jean")
    c.find_me.matches[0].click()
    assert c.confirm.person.text() == "Jean\u2011Baptiste M."
    c.confirm.yes.click()
    assert c.result.headline.text() == "Welcome, Jean\u2011Baptiste!"
    assert store.attendee(person.id).first_name == "Jean-Baptiste"  # the data keeps its hyphen


def test_find_me_counts_down_its_last_seconds(qtbot, kiosk: Kiosk, roster: Roster):  # type: ignore[no-untyped-def]
    c = kiosk.controller
    c.find_me_requested()
    c.find_me.refresh_countdown()
    assert not c.find_me.countdown.isVisible()  # 45 s left: nothing to count yet
    Settings(c.store).set("kiosk.idle_seconds", 3)
    c.find_me_requested()
    c.find_me.refresh_countdown()
    assert c.find_me.countdown.isVisible()
    assert c.find_me.countdown.text() in {f"Back to the start in {n} s" for n in (1, 2, 3)}
    qtbot.waitUntil(lambda: c.find_me.countdown.text() == "Back to the start in 1 s", timeout=5000)
    qtbot.waitUntil(lambda: c.current is Screen.WELCOME, timeout=5000)
    assert "Back to the start" not in all_text(c.welcome)

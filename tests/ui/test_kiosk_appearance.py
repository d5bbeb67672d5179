"""Made for people: language, large text and contrast switches; sizes that fit any screen."""

from __future__ import annotations

import pytest
from kiosk_ui_helpers import Roster
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from kiosk.devtools.screenshots import scenes
from kiosk.ui.app import Kiosk
from kiosk.ui.flow import Screen
from kiosk.ui.theme import MIN_TOUCH_PX, ThemeName

SIZES = [(1024, 600), (1920, 1080), (600, 1024), (1080, 1920)]


def controls(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit) and w.isVisibleTo(root)
    ]


def check_screen(kiosk: Kiosk, scene: str) -> list[str]:
    """Problems on the screen showing now: small targets, clipped or nameless controls."""
    problems: list[str] = []
    window = kiosk.window
    QApplication.processEvents()
    area = QRect(0, 0, window.width(), window.height())
    view = window.stack.currentWidget()
    for widget in controls(view):
        name = widget.accessibleName() or type(widget).__name__
        if not widget.accessibleName():
            problems.append(f"{scene}: a {type(widget).__name__} has no accessible name")
        if min(widget.width(), widget.height()) < MIN_TOUCH_PX:
            problems.append(f"{scene}: {name!r} is {widget.width()}x{widget.height()}")
        box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not area.contains(box):
            problems.append(f"{scene}: {name!r} leaves the window")
    if window.minimumSizeHint().height() > window.height() + 1:
        problems.append(f"{scene}: needs {window.minimumSizeHint().height()} px of height")
    return problems


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
@pytest.mark.expected_log("kiosk.ui", "check-ins cannot be saved: disk_full")
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_screen_fits_with_large_touch_targets_and_names(
    qtbot, kiosk: Kiosk, width: int, height: int
):
    kiosk.window.resize(width, height)
    problems: list[str] = []
    for scene in scenes(kiosk, kiosk.controller.store):
        problems += check_screen(kiosk, scene)
    assert problems == []


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
@pytest.mark.expected_log("kiosk.ui", "check-ins cannot be saved: disk_full")
@pytest.mark.parametrize("language", ["en", "fr"])
def test_large_text_still_fits_at_the_smallest_size(kiosk: Kiosk, language: str):
    c = kiosk.controller
    problems: list[str] = []
    for scene in scenes(kiosk, c.store):
        c.looks.appearance.large_text = True
        c.looks.appearance.language = language
        c.looks.apply()
        problems += check_screen(kiosk, scene)
    assert problems == []


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
@pytest.mark.expected_log("kiosk.ui", "check-ins cannot be saved: disk_full")
def test_layout_survives_right_to_left(qapp, kiosk: Kiosk):
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        problems: list[str] = []
        for scene in scenes(kiosk, kiosk.controller.store):
            problems += check_screen(kiosk, scene)
        welcome = kiosk.controller.welcome
        # Mirrored: the switches now sit on the left of the event name.
        assert welcome.language_button.x() < welcome.event_label.x()
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert problems == []


def test_switches_change_language_text_size_and_contrast(qtbot, kiosk: Kiosk):
    c = kiosk.controller
    welcome = c.welcome
    qtbot.mouseClick(welcome.language_button, Qt.MouseButton.LeftButton)
    assert welcome.title.text().startswith("Bienvenue")
    assert welcome.language_button.text() == "English"
    before = welcome.title.font().pixelSize()
    qtbot.mouseClick(welcome.large_button, Qt.MouseButton.LeftButton)
    assert welcome.title.font().pixelSize() > before
    qtbot.mouseClick(welcome.contrast_button, Qt.MouseButton.LeftButton)
    assert kiosk.window.theme.name is ThemeName.HIGH_CONTRAST
    assert welcome.large_button.isChecked() and welcome.contrast_button.isChecked()


def test_choices_reset_to_the_defaults_after_each_attendee(qtbot, kiosk: Kiosk, roster: Roster):
    c = kiosk.controller
    c.welcome.language_button.click()
    c.welcome.large_button.click()
    c.welcome.contrast_button.click()
    kiosk.wedge.scanned.emit(roster.zoe.code)
    assert c.result.headline.text() == "Bienvenue, Zoë\u00a0!"
    c.result.done_button.click()
    assert c.current is Screen.WELCOME
    assert c.welcome.title.text() == "Welcome! Scan the QR code on your ticket"
    assert kiosk.window.theme.name is ThemeName.STANDARD
    assert not kiosk.window.large_text
    assert not c.welcome.large_button.isChecked()


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_event_colour_comes_from_the_settings(qtbot, store, roster, languages):  # type: ignore[no-untyped-def]
    from kiosk.settings import Settings
    from kiosk.ui.app import build_kiosk

    Settings(store).set("event.primary_color", "#7b1fa2")
    kiosk = build_kiosk(store, camera=False, languages=languages, locked=False)
    qtbot.addWidget(kiosk.window)
    assert kiosk.window.theme.primary == "#7b1fa2"
    assert "#7b1fa2" in kiosk.window.styleSheet()


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_sounds_play_only_when_switched_on(store, roster, languages, qtbot):  # type: ignore[no-untyped-def]
    from kiosk_ui_helpers import NOW

    from kiosk.settings import Settings
    from kiosk.ui.app import build_kiosk

    Settings(store).set("kiosk.sounds", True)
    kiosk = build_kiosk(store, camera=False, languages=languages, locked=False)
    qtbot.addWidget(kiosk.window)
    kiosk.controller.station.clock = lambda: NOW
    kiosk.wedge.scanned.emit(roster.zoe.code)
    kiosk.controller.result.done_button.click()
    kiosk.wedge.scanned.emit("NO-SUCH-CODE")
    assert kiosk.controller.sounds.played == ["success", "help"]


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_event_logo_from_the_settings_is_shown(qtbot, store, roster, languages, tmp_path):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    from kiosk.settings import Settings
    from kiosk.ui.app import build_kiosk

    logo = QImage(300, 100, QImage.Format.Format_RGB32)
    logo.fill(QColor("#1f5fa8"))
    logo.save(str(tmp_path / "logo.png"))
    Settings(store).set("event.logo", str(tmp_path / "logo.png"))
    kiosk = build_kiosk(store, camera=False, languages=languages, locked=False)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1024, 600)
    kiosk.window.show()
    shown = kiosk.controller.welcome.logo
    assert shown.isVisible()
    assert shown.pixmap().height() == 56  # scaled to the header, aspect kept
    assert shown.pixmap().width() == 168

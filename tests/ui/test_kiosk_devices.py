"""The kiosk with its devices: camera frames and the badge printer, for real."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_ui_helpers import NOW, all_text

from kiosk.store import Store
from kiosk.ui.app import Kiosk, build_kiosk, make_print_service
from kiosk.ui.badge_state import BadgeState
from kiosk.ui.flow import Screen


@pytest.fixture
def file_store(db_path: Path) -> Iterator[Store]:
    store = Store.open(db_path)
    store.add_attendee({"code": "PRINT-ME-0001", "first_name": "Aiko", "last_name": "Tanaka"})
    yield store
    store.close()


def build(qtbot, store: Store, languages, **options) -> Kiosk:  # type: ignore[no-untyped-def]
    kiosk = build_kiosk(store, languages=languages, locked=False, **options)
    kiosk.controller.station.clock = lambda: NOW
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1024, 600)
    kiosk.window.show()
    return kiosk


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_a_camera_frame_checks_in_through_the_kiosk(qtbot, store, roster, languages):  # type: ignore[no-untyped-def]
    pytest.importorskip("PySide6.QtMultimedia", reason="Qt Multimedia needs Debian's libpulse0")
    from PySide6.QtMultimedia import QVideoFrame

    from kiosk.scanning import synthetic

    kiosk = build(qtbot, store, languages, camera=True)
    try:
        assert kiosk.camera is not None
        assert "No camera" in kiosk.controller.welcome.status.text()
        kiosk.camera.sink.setVideoFrame(QVideoFrame(synthetic.phone_photo(roster.zoe.code)))
        qtbot.waitUntil(lambda: kiosk.controller.current is Screen.RESULT, timeout=5000)
        assert kiosk.controller.result.headline.text() == "Welcome, Zoë!"
    finally:
        kiosk.camera.stop()


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_checked_in_prints_the_badge_and_shows_its_progress(
    qtbot, file_store: Store, languages, tmp_path: Path
):  # type: ignore[no-untyped-def]
    pytest.importorskip("kiosk.printing.qt_service", reason="the printing package is not here")
    (tmp_path / "badges").mkdir()
    file_store.set_setting("printer", f"folder:{tmp_path / 'badges'}")
    service = make_print_service(file_store)
    assert service is not None
    try:
        kiosk = build(qtbot, file_store, languages, camera=False, print_service=service)
        assert "Badge printing on" in kiosk.controller.welcome.status.text()
        states: list[object] = []
        kiosk.controller.badges.changed.connect(lambda _attendee, state: states.append(state))
        kiosk.wedge.scanned.emit("PRINT-ME-0001")
        # The attendee sees their badge first (kiosk.ui.badge_check); Print sends it.
        assert kiosk.controller.current is Screen.BADGE_PREVIEW
        kiosk.controller.badge_preview.print_button.click()
        assert "Printing your badge…" in all_text(kiosk.controller.result)
        qtbot.waitUntil(
            lambda: "Your badge is ready" in all_text(kiosk.controller.result), timeout=15000
        )
        # The badge's progress crosses the signal as the enum, never as text.
        assert states[-1] is BadgeState.DONE
        assert all(type(state) is BadgeState for state in states)
        assert len(list((tmp_path / "badges").glob("*.pdf"))) == 1
        # A second scan the same day: already checked in, and no second badge.
        kiosk.controller.result.done_button.click()
        kiosk.wedge.scanned.emit("PRINT-ME-0001")
        assert kiosk.controller.result.headline.text().startswith("You are already checked in")
        assert service.printed_count(1) == 1
        # She was given a badge: a new one is offered.
        assert "Need a new badge?" in all_text(kiosk.controller.result)
    finally:
        service.stop()


def test_without_a_chosen_printer_badges_are_saved_for_the_help_desk(file_store: Store):
    pytest.importorskip("kiosk.printing.qt_service", reason="the printing package is not here")
    service = make_print_service(file_store)
    try:
        assert service is not None and service.saves_only
        assert service.badge_folder == file_store.path.with_name(  # type: ignore[union-attr]
            f"{file_store.path.stem}-badges"  # type: ignore[union-attr]
        )
    finally:
        if service is not None:
            service.stop()

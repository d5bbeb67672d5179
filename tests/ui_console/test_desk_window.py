"""The help-desk window on a small locked screen: 1024 x 600, no window manager."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from kiosk.desk import HelpDesk
from kiosk.domain.models import Event
from kiosk.printing import PrintQueue
from kiosk.store import Store
from kiosk.ui.console.window import SMALLEST_SCREEN, desk_window, fit_to_screen
from kiosk.ui.i18n import Languages
from kiosk.ui.resources import load_fonts

NOON = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
SCREEN = QRect(QPoint(0, 0), SMALLEST_SCREEN)


@pytest.fixture
def desk(tmp_path: Path) -> HelpDesk:
    load_fonts()  # as `kiosk desk` does: the shipped fonts change every size hint
    store = Store.open(tmp_path / "event.db", create=True)
    store.save_event(
        Event("A long event name: Collaborative Learning Event — Spring", first_day=NOON.date())
    )
    store.add_session(
        "Workshop B: Leading quality improvement across integrated care systems",
        NOON,
        NOON + dt.timedelta(hours=1),
    )
    for index in range(30):
        store.add_attendee(
            {
                "code": f"CODE-{index}",
                "first_name": "Bartholomew",
                "last_name": f"Montgomery-Wolstenholme {index}",
                "organisation": "Chelsea and Westminster Hospital NHS Foundation Trust",
                "category": "Delegate with a long category name",
            }
        )
    desk = HelpDesk(store, station="desk-1", printer=PrintQueue(store))
    desk.station.clock = lambda: NOON
    return desk


def reachable(widget: QWidget, window: QWidget) -> bool:
    """Shown, and wholly inside the window and the screen."""
    if not widget.isVisibleTo(window):
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    box = QRect(top_left, widget.size())
    inside = QRect(QPoint(0, 0), window.size())
    return inside.contains(box) and SCREEN.contains(box.translated(window.pos()))


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("available", [SCREEN, QRect(0, 0, 1920, 1080)])
def test_the_desk_fits_a_1024x600_screen_with_no_window_manager(
    qtbot, desk: HelpDesk, language: str, available: QRect
) -> None:  # type: ignore[no-untyped-def]
    languages = Languages(QCoreApplication.instance())  # type: ignore[arg-type]
    languages.set_language(language)
    try:
        window, tabs = desk_window(desk)
        qtbot.addWidget(window)
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)  # as on a locked kiosk PC
        geometry = fit_to_screen(window, available)
        assert available.contains(geometry)
        window.show()
        qtbot.waitExposed(window)
        if available != SCREEN:
            return  # a big screen: the preferred size, centred
        assert window.size() == SMALLEST_SCREEN
        console = tabs.console
        console.search.setText("bartholomew")
        console.refresh()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(20)
            needed = window.minimumSizeHint()
            assert needed.width() <= 1024 and needed.height() <= 600, tabs.tabText(index)
            assert window.size() == SMALLEST_SCREEN, "the window did not grow"
        tabs.setCurrentWidget(console)
        qtbot.wait(20)
        controls: list[QWidget] = [
            *console.buttons.values(),
            console.search,
            console.state,
            console.category,
            console.session,
            console.table,
        ]
        outside = [
            w.accessibleName() or w.objectName() for w in controls if not reachable(w, window)
        ]
        assert outside == []
        for button in console.buttons.values():
            assert button.isEnabled()
            assert button.width() >= button.sizeHint().width(), "a squeezed label"
        tabs.setCurrentWidget(tabs.settings)
        qtbot.wait(20)
        for button in (tabs.settings.save_button, tabs.settings.reload_button):
            assert reachable(button, window), button.text()
        tabs.setCurrentWidget(tabs.overview)
        qtbot.wait(20)
        overview_controls = [
            w
            for w in tabs.overview.findChildren(QWidget)
            if isinstance(w, QAbstractButton | QComboBox | QLineEdit)
            and w.isVisibleTo(tabs.overview)
        ]
        assert [w.accessibleName() for w in overview_controls if not reachable(w, window)] == []
    finally:
        languages.set_language("en")

"""The health tab: `kiosk doctor` on screen, and the version staff read out for help."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk import __version__
from kiosk.store import Store
from kiosk.ui.console.health import HealthPanel


def test_the_health_tab_shows_the_version_and_the_checks(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    panel = HealthPanel(store)
    qtbot.addWidget(panel)
    panel.show()
    texts = {label.text() for label in panel.findChildren(QLabel) if label.isVisible()}
    assert f"Event kiosk {__version__}" in texts
    lines = [panel.findings.item(row).text() for row in range(panel.findings.count())]
    assert any("database" in line for line in lines)

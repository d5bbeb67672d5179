"""The health panel: `kiosk doctor` on screen, one line per check."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk import __version__
from kiosk.health import run_checks
from kiosk.store import Store
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate


class HealthPanel(FollowsLanguage, QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.findings = QListWidget(self)
        self.again = QPushButton(self)
        self.again.clicked.connect(self.refresh)
        # The product's name and version, as `kiosk --version` prints them: what
        # a volunteer reads out when asking for help.
        self.version = QLabel(f"Event kiosk {__version__}", self)
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.again, 0, Qt.AlignmentFlag.AlignLeft)
        bottom.addStretch(1)
        bottom.addWidget(self.version, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(self.findings, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's own words; the findings are `kiosk doctor`'s, in English."""
        self.findings.setAccessibleName(translate("Console", "Health checks"))
        self.again.setText(translate("Console", "Check again"))

    def refresh(self) -> None:
        self.findings.clear()
        for finding in run_checks(self.store):
            # Words first, colour second: "OK"/"FIX" are part of the text.
            item = QListWidgetItem(finding.line())
            item.setForeground(QColor("#1b5e20" if finding.ok else "#b71c1c"))
            self.findings.addItem(item)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.refresh()
        super().showEvent(event)

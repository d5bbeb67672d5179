"""Shown instead of the kiosk when the event file failed its integrity check.

Check-in is paused; staff restore the newest good backup behind the PIN.
Nothing here comes from the damaged file, so no attendee data can show.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text

translate = QCoreApplication.translate


def backup_time_text(taken: dt.datetime, today: dt.date) -> str:
    """HH:MM for a backup of today, else the date too."""
    return taken.strftime("%H:%M" if taken.date() == today else "%Y-%m-%d %H:%M")


class RecoveryView(ScreenView):
    restore_requested = Signal()

    def __init__(self, backup_time: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup_time = backup_time
        self.failure: str | None = None
        self.headline = label("headline", self)
        self.body = label("body", self)
        self.attendees = label("muted", self)
        self.problem = label("body", self)
        self.restore = button("primary", self)
        self.restore.clicked.connect(self.restore_requested)
        self.restore.setVisible(backup_time is not None)
        self.root = QVBoxLayout(self)
        self.root.addStretch(1)
        for widget in (self.headline, self.body, self.attendees, self.problem):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.root.addWidget(widget)
        self.root.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignHCenter)
        self.root.addStretch(1)
        self.retranslate()

    def show_failed(self, reason: str) -> None:
        """The restore was refused or failed; `reason` is the store's sentence."""
        self.failure = reason
        self.retranslate()

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        margin = metrics.px(48)
        self.root.setContentsMargins(margin, margin, margin, margin)
        self.root.setSpacing(metrics.px(24))
        self.restore.setMinimumHeight(metrics.touch)

    def retranslate(self) -> None:
        set_text(
            self.headline,
            translate("Recovery", "This event file is damaged. Check-in is paused."),
        )
        if self.backup_time is not None:
            body = translate("Recovery", "Staff: restore the backup from {time}.").format(
                time=self.backup_time
            )
        else:
            body = translate(
                "Recovery",
                # A no-break space keeps the command on one line.
                "No good backup was found. Staff: restore a backup kept elsewhere with "
                "kiosk\u00a0restore; check-in then starts again by itself.",
            )
        set_text(self.body, body)
        set_text(self.attendees, translate("Recovery", "Please see the help desk."))
        set_text(self.restore, translate("Recovery", "Restore the backup"))
        self.problem.setVisible(self.failure is not None)
        if self.failure is not None:
            set_text(
                self.problem,
                translate("Recovery", "The backup could not be restored: {reason}").format(
                    reason=self.failure
                ),
            )

"""The console's row of actions, each with its keyboard shortcut, and Back.

The buttons wrap into as many columns as the width allows, so a 1024 px
kiosk and a portrait screen show them all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from kiosk.domain.roles import StaffAction
from kiosk.ui.console.desk_actions import DeskActions, refusal

translate = QCoreApplication.translate

# What each button does, for the role it needs (kiosk/domain/roles.py).
NEEDS = {
    "check_in": StaffAction.CHECK_IN,
    "undo": StaffAction.UNDO,
    "reprint": StaffAction.REPRINT,
    "reissue": StaffAction.REISSUE,
    "edit": StaffAction.EDIT,
    "transfer": StaffAction.TRANSFER,
    "cancel": StaffAction.CANCEL,
    "walk_in": StaffAction.WALK_IN,
    "flag": StaffAction.FLAG,
}


class ActionBar(QWidget):
    """Its texts are set by the console's `retranslate` (before the console
    fits itself to their new widths)."""

    def __init__(
        self, actions: DeskActions, back: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = actions.desk
        self.buttons: dict[str, QPushButton] = {}
        self.shortcuts: dict[str, str] = {}
        for key, shortcut, slot in (
            ("check_in", "Ctrl+Return", actions.check_in),
            ("undo", "Ctrl+Z", actions.ask_undo),
            ("reprint", "Ctrl+P", actions.reprint),
            ("reissue", "Ctrl+L", actions.ask_reissue),
            ("edit", "Ctrl+E", actions.ask_edit),
            ("transfer", "Ctrl+T", actions.ask_transfer),
            ("cancel", "Ctrl+Delete", actions.ask_cancel),
            ("walk_in", "Ctrl+N", actions.ask_walk_in),
            ("flag", "Ctrl+G", actions.ask_flag),
        ):
            button = QPushButton(self)
            self.shortcuts[key] = QKeySequence(shortcut).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            button.clicked.connect(slot)
            QShortcut(QKeySequence(shortcut), self, slot)
            self.buttons[key] = button
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(back)
        self.grid = QGridLayout()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addLayout(self.grid)
        self.row.addStretch(1)
        self.row.addWidget(self.back_button)

    def columns_for(self, width: int) -> int:
        """The most columns of buttons that fit in `width` beside Back."""
        spacing = max(0, self.grid.horizontalSpacing())
        room = width
        if self.back_button.isVisibleTo(self):
            room -= self.back_button.sizeHint().width() + spacing
        widths = [button.sizeHint().width() for button in self.buttons.values()]
        columns = len(widths)
        while columns > 1:
            needed = sum(max(widths[c::columns]) for c in range(columns))
            if needed + spacing * (columns - 1) <= room:
                break
            columns -= 1
        return columns

    def arrange(self, columns: int) -> None:
        for button in self.buttons.values():
            self.grid.removeWidget(button)
        for index, button in enumerate(self.buttons.values()):
            self.grid.addWidget(button, index // columns, index % columns)
        # Hidden, nobody asks the layouts to recompute: a stale minimum
        # (seven buttons in a row) would otherwise widen the kiosk window.
        self.grid.invalidate()
        self.row.invalidate()
        # The console's layout keeps this bar's old minimum until told.
        self.updateGeometry()

    def enable(self, chosen: bool, printing: bool) -> None:
        """Actions on a person need one chosen; a walk-in never does. An
        action the volunteer's role may not do stays greyed whatever is chosen."""
        for key, button in self.buttons.items():
            button.setEnabled((chosen or key == "walk_in") and self.desk.may(NEEDS[key]))
        # Both print a badge: without printing at this station they wait.
        for key in ("reprint", "reissue"):
            self.buttons[key].setEnabled(chosen and printing and self.desk.may(NEEDS[key]))
        self._tooltips()

    def _tooltips(self) -> None:
        """The shortcut; for an action the role may not do, also who may."""
        for key, button in self.buttons.items():
            allowed = self.desk.may(NEEDS[key])
            tip = (
                self.shortcuts[key] if allowed else f"{refusal(NEEDS[key])} ({self.shortcuts[key]})"
            )
            button.setToolTip(tip)

    def retranslate(self) -> None:
        texts = {
            "check_in": translate("Console", "Check in"),
            "undo": translate("Console", "Undo check-in…"),
            "reprint": translate("Console", "Reprint badge"),
            "reissue": translate("Console", "Replace lost badge…"),
            "edit": translate("Console", "Edit…"),
            "transfer": translate("Console", "Transfer…"),
            "cancel": translate("Console", "Cancel registration…"),
            "walk_in": translate("Console", "Walk-in…"),
            "flag": translate("Console", "Flag…"),
        }
        for key, button in self.buttons.items():
            button.setText(texts[key])
            button.setAccessibleName(texts[key])
        self._tooltips()
        self.back_button.setText(translate("Console", "Back"))

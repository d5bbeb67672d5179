"""A flagged attendee at the kiosk: admitted as usual and sent to the help desk,
with the staff note nowhere in the public window's widget tree."""

from __future__ import annotations

from kiosk_ui_helpers import Roster, all_text
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kiosk.ui.app import Kiosk
from kiosk.ui.flow import Screen

NOTE = "payment pending: ask Sam about the invoice"


def _every_text(root: QWidget) -> str:
    """Every text the window holds, shown or hidden, tooltips and accessible
    names included: what a person or a screen reader could ever get to."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        texts.append(widget.windowTitle())
    return "\n".join(texts)


def test_a_flagged_check_in_admits_and_says_see_the_help_desk_never_why(
    kiosk: Kiosk, roster: Roster
) -> None:
    store = kiosk.controller.store
    store.update_attendee(roster.zoe.id, {"attention": NOTE})
    kiosk.wedge.scanned.emit(roster.zoe.code)
    controller = kiosk.controller
    assert controller.current is Screen.RESULT
    shown = all_text(controller.result)
    assert "Welcome, Zoë!" in shown
    assert "Please see the help desk." in shown
    assert controller.result.icon.kind == "check"
    everything = _every_text(kiosk.window)
    for part in ("payment", "invoice", "Sam"):
        assert part not in everything
    # Admitted as usual: the log holds her entry.
    assert [e.kind.value for e in store.entries_for(roster.zoe.id, None)] == ["entry"]


def test_an_unflagged_check_in_does_not_send_anyone_to_the_desk(
    kiosk: Kiosk, roster: Roster
) -> None:
    kiosk.wedge.scanned.emit(roster.omar.code)
    assert "help desk" not in all_text(kiosk.controller.result).replace(
        "Badge printing is off. Please collect your badge at the help desk.", ""
    )

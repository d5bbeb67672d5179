"""Volunteer roles and the one declaration of which role each staff action needs.

Every place that offers or performs a staff action (the console's buttons, the
action itself, the CLI) asks `may(role, action)`; nothing else spells out the
ladder, so a new action is gated by adding one line to `MINIMUM_ROLE`.
"""

from __future__ import annotations

from enum import Enum


class Role(Enum):
    """A volunteer's role; each role may do everything the ones below it may."""

    SCANNER = "scanner"
    DESK = "desk"
    SUPERVISOR = "supervisor"

    @property
    def rank(self) -> int:
        return _LADDER.index(self)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Role):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Role):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Role):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Role):
            return NotImplemented
        return self.rank < other.rank


_LADDER = (Role.SCANNER, Role.DESK, Role.SUPERVISOR)


class StaffAction(Enum):
    """Everything a volunteer can do at the desk, the kiosk's staff screen or the CLI."""

    LOOK_UP = "look_up"
    CHECK_IN = "check_in"
    WALK_IN = "walk_in"
    EDIT = "edit"
    TRANSFER = "transfer"
    REPRINT = "reprint"
    FLAG = "flag"
    HANDLE_ALERT = "handle_alert"
    REISSUE = "reissue"
    PRINT_ONLY = "print_only"
    PRINT_QUEUE = "print_queue"  # retry, cancel or move badges waiting for a printer
    UNDO = "undo"
    CANCEL = "cancel"
    CAPACITY_OVERRIDE = "capacity_override"
    EXPORT = "export"
    SETTINGS = "settings"
    OPERATORS = "operators"
    EMAIL = "email"  # send tickets or certificates to every attendee
    PROGRAMME = "programme"  # add, edit or cancel a session


MINIMUM_ROLE: dict[StaffAction, Role] = {
    StaffAction.LOOK_UP: Role.SCANNER,
    StaffAction.CHECK_IN: Role.SCANNER,
    StaffAction.WALK_IN: Role.DESK,
    StaffAction.EDIT: Role.DESK,
    # Handing a registration to another person changes who it is: an edit.
    StaffAction.TRANSFER: Role.DESK,
    StaffAction.REPRINT: Role.DESK,
    StaffAction.FLAG: Role.DESK,
    StaffAction.HANDLE_ALERT: Role.DESK,
    StaffAction.REISSUE: Role.DESK,
    StaffAction.PRINT_ONLY: Role.DESK,
    StaffAction.PRINT_QUEUE: Role.DESK,
    StaffAction.UNDO: Role.SUPERVISOR,
    StaffAction.CANCEL: Role.SUPERVISOR,
    StaffAction.CAPACITY_OVERRIDE: Role.SUPERVISOR,
    StaffAction.EXPORT: Role.SUPERVISOR,
    StaffAction.SETTINGS: Role.SUPERVISOR,
    StaffAction.OPERATORS: Role.SUPERVISOR,
    # Mail to every attendee at once, like an export of everyone: the organiser's.
    StaffAction.EMAIL: Role.SUPERVISOR,
    # The programme is the organiser's: a changed room or capacity moves people.
    StaffAction.PROGRAMME: Role.SUPERVISOR,
}


def may(role: Role, action: StaffAction) -> bool:
    """Whether a volunteer with `role` may do `action`."""
    return role >= MINIMUM_ROLE[action]


def minimum_role(action: StaffAction) -> Role:
    return MINIMUM_ROLE[action]


def parse_role(text: str) -> Role:
    """The role named `text` (scanner, desk, supervisor); ValueError otherwise."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        names = ", ".join(role.value for role in _LADDER)
        raise ValueError(f"unknown role {text!r}: expected one of {names}") from None

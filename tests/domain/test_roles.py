"""The role ladder and the one table of which role each staff action needs."""

from __future__ import annotations

import pytest

from kiosk.domain.roles import MINIMUM_ROLE, Role, StaffAction, may, parse_role


def test_every_staff_action_has_a_minimum_role() -> None:
    assert set(MINIMUM_ROLE) == set(StaffAction)


def test_the_ladder_orders_scanner_below_desk_below_supervisor() -> None:
    assert Role.SCANNER < Role.DESK < Role.SUPERVISOR
    assert sorted([Role.SUPERVISOR, Role.SCANNER, Role.DESK]) == [
        Role.SCANNER,
        Role.DESK,
        Role.SUPERVISOR,
    ]


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        (Role.SCANNER, {StaffAction.LOOK_UP, StaffAction.CHECK_IN}, {StaffAction.WALK_IN}),
        (
            Role.DESK,
            {
                StaffAction.WALK_IN,
                StaffAction.EDIT,
                StaffAction.REPRINT,
                StaffAction.FLAG,
                StaffAction.HANDLE_ALERT,
                StaffAction.REISSUE,
                StaffAction.PRINT_ONLY,
            },
            {StaffAction.UNDO, StaffAction.CANCEL, StaffAction.EXPORT, StaffAction.SETTINGS},
        ),
        (
            Role.SUPERVISOR,
            {
                StaffAction.UNDO,
                StaffAction.CANCEL,
                StaffAction.CAPACITY_OVERRIDE,
                StaffAction.EXPORT,
                StaffAction.SETTINGS,
                StaffAction.OPERATORS,
            },
            set(),
        ),
    ],
)
def test_each_role_may_do_its_own_actions_and_not_the_ones_above(
    role: Role, allowed: set[StaffAction], refused: set[StaffAction]
) -> None:
    assert all(may(role, action) for action in allowed)
    assert not any(may(role, action) for action in refused)


def test_a_higher_role_may_do_everything_a_lower_one_may() -> None:
    for action in StaffAction:
        if may(Role.SCANNER, action):
            assert may(Role.DESK, action)
        if may(Role.DESK, action):
            assert may(Role.SUPERVISOR, action)


def test_roles_are_read_from_their_names_and_anything_else_is_refused() -> None:
    assert parse_role(" Desk ") is Role.DESK
    with pytest.raises(ValueError, match="scanner, desk, supervisor"):
        parse_role("admin")

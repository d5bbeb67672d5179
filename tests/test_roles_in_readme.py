"""The README's role table is the one kiosk/domain/roles.py declares."""

from __future__ import annotations

from pathlib import Path

from kiosk.domain.roles import Role, StaffAction, may

README = Path(__file__).resolve().parents[1] / "README.md"


def role_table() -> str:
    header = "| Action | " + " | ".join(role.value for role in Role) + " |"
    rule = "|---|" + "---|" * len(Role)
    rows = [
        f"| {action.value.replace('_', ' ')} | "
        + " | ".join("yes" if may(role, action) else "—" for role in Role)
        + " |"
        for action in StaffAction
    ]
    return "\n".join([header, rule, *rows])


def test_the_readme_holds_the_role_table_roles_py_declares() -> None:
    assert role_table() in README.read_text(encoding="utf-8"), (
        "README.md's table under 'Volunteer accounts and roles' must be exactly:\n" + role_table()
    )

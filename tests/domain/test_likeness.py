"""Whether a walk-in typed at the desk looks like someone on the roster."""

from __future__ import annotations

import pytest

from kiosk.domain.duplicates import Likeness, likeness
from kiosk.domain.models import Attendee

RUTH = Attendee(
    1,
    "R1",
    "Ruth",
    "Ahmed",
    organisation="Imperial College London",
    email="Ruth.Ahmed@Imperial.ac.uk",
)
ZOE = Attendee(2, "Z1", "Zoë", "Ó Briain", organisation="Trinity College Dublin")


@pytest.mark.parametrize(
    ("typed", "attendee", "expected"),
    [
        (
            {"first_name": "Someone", "email": "ruth.ahmed@imperial.ac.uk"},
            RUTH,
            Likeness.SAME_EMAIL,
        ),
        (
            {"first_name": "ruth", "last_name": "AHMED", "organisation": "imperial college london"},
            RUTH,
            Likeness.SAME_NAME_AND_ORGANISATION,
        ),
        ({"first_name": "Ruth", "last_name": "Ahmed"}, RUTH, Likeness.SAME_NAME),
        ({"first_name": "Zoe", "last_name": "O Briain"}, ZOE, Likeness.SAME_NAME),
        ({"first_name": "zoe", "last_name": "O'Briain"}, ZOE, Likeness.SAME_NAME),
        (
            {"first_name": "R", "last_name": "Ahmed", "organisation": "Imperial College London"},
            RUTH,
            Likeness.SAME_SURNAME_AND_ORGANISATION,
        ),
        (
            {"first_name": "Omar", "last_name": "Ahmed", "organisation": "Imperial College London"},
            RUTH,
            None,
        ),
        ({"first_name": "Ruth", "last_name": "Ahmedova"}, RUTH, None),
        (
            {"first_name": "Ruth", "last_name": "Ahmed", "email": "other@example.org"},
            RUTH,
            Likeness.SAME_NAME,
        ),
    ],
)
def test_likeness_is_folded_for_case_and_accents(
    typed: dict[str, str], attendee: Attendee, expected: Likeness | None
) -> None:
    assert likeness(typed, attendee) == expected

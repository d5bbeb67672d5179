"""Whether a person typed in at the desk is someone already on the roster.

Names, emails and organisations are compared folded (no case, accents,
apostrophes or extra spaces), so "ruth ahmed" at "imperial college london"
is Ruth Ahmed of Imperial College London.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from kiosk.domain.models import Attendee
from kiosk.domain.text import fold


class Likeness(enum.IntEnum):
    """How strongly a roster record looks like the person typed in (higher: stronger)."""

    SAME_SURNAME_AND_ORGANISATION = 1  # "Tom" typed for Thomas, same employer
    SAME_NAME = 2
    SAME_NAME_AND_ORGANISATION = 3
    SAME_EMAIL = 4


def likeness(typed: Mapping[str, str], attendee: Attendee) -> Likeness | None:
    """How `attendee` resembles the person described by `typed` (first_name,
    last_name, email, organisation), or None if they look like someone else."""
    email = fold(typed.get("email", ""))
    if email and email == fold(attendee.email):
        return Likeness.SAME_EMAIL
    first, last = fold(typed.get("first_name", "")), fold(typed.get("last_name", ""))
    organisation = fold(typed.get("organisation", ""))
    same_organisation = bool(organisation) and organisation == fold(attendee.organisation)
    same_last = last == fold(attendee.last_name)
    if first and same_last and first == fold(attendee.first_name):
        return Likeness.SAME_NAME_AND_ORGANISATION if same_organisation else Likeness.SAME_NAME
    other_first = fold(attendee.first_name)
    if last and same_last and same_organisation and first[:1] == other_first[:1]:
        return Likeness.SAME_SURNAME_AND_ORGANISATION
    return None

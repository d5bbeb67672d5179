"""Whether a person typed in at the desk is someone already on the roster.

Names, emails and organisations are compared folded (no case, accents,
apostrophes or spaces), so "ruth ahmed" at "imperial college london" is Ruth
Ahmed of Imperial College London, and "Zoe O'Briain" is Zoë Ó Briain.
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


def _key(text: str) -> str:
    return fold(text).replace(" ", "")


def likeness(typed: Mapping[str, str], attendee: Attendee) -> Likeness | None:
    """How `attendee` resembles the person described by `typed` (first_name,
    last_name, email, organisation), or None if they look like someone else."""
    email = _key(typed.get("email", ""))
    if email and email == _key(attendee.email):
        return Likeness.SAME_EMAIL
    first, last = _key(typed.get("first_name", "")), _key(typed.get("last_name", ""))
    organisation = _key(typed.get("organisation", ""))
    same_organisation = bool(organisation) and organisation == _key(attendee.organisation)
    same_last = last == _key(attendee.last_name)
    if first and same_last and first == _key(attendee.first_name):
        return Likeness.SAME_NAME_AND_ORGANISATION if same_organisation else Likeness.SAME_NAME
    other_first = _key(attendee.first_name)
    if last and same_last and same_organisation and first[:1] == other_first[:1]:
        return Likeness.SAME_SURNAME_AND_ORGANISATION
    return None

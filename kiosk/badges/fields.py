"""The fields a badge template can show: one entry per field, read by everything.

Each field has its name (as written in a template, `{first_name}`), a label
for people choosing fields (English here; screens translate it in the
"BadgeField" context), a sample value for previews and documentation, and
how its value is taken from an attendee and their event. Template
validation, drawing, the samples and `kiosk templates` all read this list,
so a new field is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.domain.models import Attendee, Event

LABEL_CONTEXT = "BadgeField"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks a label for translation without needing Qt here."""
    return text


@dataclass(frozen=True, slots=True)
class BadgeField:
    name: str
    label: str
    sample: str
    value: Callable[[Attendee, Event], str]
    same_for_the_event: bool = False  # the same on every badge of one event


FIELDS: tuple[BadgeField, ...] = (
    BadgeField(
        "first_name",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "First name"),
        "Zoë",
        lambda attendee, _: attendee.first_name,
    ),
    BadgeField(
        "last_name",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Last name"),
        "Ó Briain",
        lambda attendee, _: attendee.last_name,
    ),
    BadgeField(
        "full_name",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Full name"),
        "Zoë Ó Briain",
        lambda attendee, _: attendee.full_name,
    ),
    BadgeField(
        "pronouns",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Pronouns"),
        "she/her",
        lambda attendee, _: attendee.pronouns,
    ),
    BadgeField(
        "credentials",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Post-nominals"),
        "RN, MSc",
        lambda attendee, _: attendee.credentials,
    ),
    BadgeField(
        "last_name_with_credentials",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Last name and post-nominals"),
        "Ó Briain, RN, MSc",
        lambda attendee, _: _after(attendee.last_name, attendee.credentials),
    ),
    BadgeField(
        "organisation",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Organisation"),
        "Imperial College London",
        lambda attendee, _: attendee.organisation,
    ),
    BadgeField(
        "job_title",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Job title"),
        "Research Fellow",
        lambda attendee, _: attendee.job_title,
    ),
    BadgeField(
        "category",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Category"),
        "Speaker",
        lambda attendee, _: attendee.category,
    ),
    BadgeField(
        "code",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Ticket code"),
        "K7MX4PQ9TRW3HCDF6NVE9AJY4GKQ",  # made up; any code renders the same way
        lambda attendee, _: attendee.code,
    ),
    BadgeField(
        "event_name",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Event name"),
        "Collaborative Learning Event — Spring",
        lambda _, event: event.name,
        same_for_the_event=True,
    ),
    BadgeField(
        "event_venue",
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Venue"),
        "St Paul's Centre",
        lambda _, event: event.venue,
        same_for_the_event=True,
    ),
)


def _after(name: str, credentials: str) -> str:
    """Post-nominals after a name, with the comma they are written with ("Ó Briain, RN")."""
    return ", ".join(part for part in (name, credentials) if part)


FIELD_NAMES: tuple[str, ...] = tuple(field.name for field in FIELDS)
EVENT_FIELD_NAMES: frozenset[str] = frozenset(f.name for f in FIELDS if f.same_for_the_event)


def field_values(attendee: Attendee, event: Event) -> dict[str, str]:
    """Every field's value on this attendee's badge, by name."""
    return {field.name: field.value(attendee, event) for field in FIELDS}


_BY_NAME = {field.name: field for field in FIELDS}


def sample(name: str) -> str:
    """The sample value of one field (KeyError for a name that is not a field)."""
    return _BY_NAME[name].sample

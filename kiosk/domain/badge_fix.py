"""Badge self-correction at the kiosk: which fields an attendee may fix, and
what a fix changes. Plain Python: the kiosk's fix screen and the store's
write (kiosk.self_correction) both follow these rules.

The organiser chooses the fields in `kiosk.editable_badge_fields` by the
names below; "name" is the name as printed, first and last.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

# What an organiser may let attendees fix, each with the attendee fields it covers.
FIXABLE: dict[str, tuple[str, ...]] = {
    "name": ("first_name", "last_name"),
    "pronouns": ("pronouns",),
    "credentials": ("credentials",),
    "organisation": ("organisation",),
    "job_title": ("job_title",),
}
DEFAULT_FIXABLE = ("name", "pronouns", "credentials")
# Longest text a fixed field takes: a badge line, not a letter.
MAX_LENGTH = 80


class FixRefused(ValueError):
    """A fix that cannot be saved, in one sentence; `kind` says which rule
    refused it, for a screen to say in its own language."""

    def __init__(self, kind: str, sentence: str) -> None:
        super().__init__(sentence)
        self.kind = kind  # "not_allowed", "empty_first_name", "too_long" or "gone"


def listed(text: str) -> tuple[str, ...]:
    """The names in a comma-separated setting value, in order, each once."""
    names: list[str] = []
    for part in text.split(","):
        name = part.strip().lower()
        if name and name not in names:
            names.append(name)
    return tuple(names)


def unknown(names: Iterable[str]) -> list[str]:
    """The names that are not something an attendee can be allowed to fix."""
    return [name for name in names if name not in FIXABLE]


def editable_fields(choice: Iterable[str]) -> tuple[str, ...]:
    """The attendee fields behind the organiser's choice, in the order shown."""
    return tuple(field for name in choice if name in FIXABLE for field in FIXABLE[name])


def clean(value: str) -> str:
    """One line of NFC text without control characters, spaces collapsed."""
    text = unicodedata.normalize("NFC", value)
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    return " ".join(text.split())


def changes(
    current: Mapping[str, str], typed: Mapping[str, str], allowed: Iterable[str]
) -> dict[str, str]:
    """The fields `typed` changes, cleaned. Refuses a field that is not allowed
    (FixRefused), an empty first name, and text longer than a badge line."""
    allowed = set(allowed)
    refused = sorted(set(typed) - allowed)
    if refused:
        raise FixRefused("not_allowed", f"{refused[0]} cannot be changed here.")
    cleaned = {field: clean(value) for field, value in typed.items()}
    if "first_name" in cleaned and not cleaned["first_name"]:
        raise FixRefused("empty_first_name", "Your first name cannot be empty.")
    if any(len(value) > MAX_LENGTH for value in cleaned.values()):
        raise FixRefused("too_long", "That is longer than a badge can show.")
    return {field: value for field, value in cleaned.items() if current.get(field, "") != value}

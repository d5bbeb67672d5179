"""Roster records that may be the person a walk-in is about to create."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.domain.duplicates import Likeness, likeness
from kiosk.domain.models import Attendee
from kiosk.store.store import Store

# Candidates the search hands over per query: more than anyone reads.
_CANDIDATES = 50


def possible_duplicates(
    store: Store, typed: Mapping[str, str], limit: int = 5
) -> list[tuple[Attendee, Likeness]]:
    """Records like `typed` (first_name, last_name, email, organisation),
    the likeliest first. Found through the name search (the whole name, and
    the surname alone so that "Tom" still finds Thomas) and the email."""
    first, last = typed.get("first_name", "").strip(), typed.get("last_name", "").strip()
    queries = [(f"{first} {last}", True), (last, True), (typed.get("email", "").strip(), False)]
    candidates: dict[int, Attendee] = {}
    for query, names_only in queries:
        if query.strip():
            for attendee in store.search(query, limit=_CANDIDATES, names_only=names_only):
                candidates[attendee.id] = attendee
    found = [
        (attendee, alike)
        for attendee in candidates.values()
        if (alike := likeness(typed, attendee)) is not None
    ]
    found.sort(key=lambda pair: (-pair[1], pair[0].id))
    return found[:limit]

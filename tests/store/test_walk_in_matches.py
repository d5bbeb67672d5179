"""The roster records a walk-in may duplicate, found through the search."""

from __future__ import annotations

from kiosk.domain.duplicates import Likeness
from kiosk.store import Store
from kiosk.store.duplicates import possible_duplicates


def test_found_by_email_by_name_and_by_surname_at_the_same_organisation(store: Store) -> None:
    for code, first, last, org, email in (
        ("A", "Thomas", "Müller", "Charité", "t.mueller@charite.de"),
        ("B", "Anna", "Müller", "Charité", ""),
        ("C", "Tomasz", "Nowak", "", "tn@example.org"),
    ):
        store.add_attendee(
            {
                "code": code,
                "first_name": first,
                "last_name": last,
                "organisation": org,
                "email": email,
            }
        )

    def found(**typed: str) -> list[tuple[str, Likeness]]:
        return [(a.code, alike) for a, alike in possible_duplicates(store, typed)]

    assert found(first_name="Tom", last_name="Muller", organisation="charite") == [
        ("A", Likeness.SAME_SURNAME_AND_ORGANISATION)
    ]
    assert found(first_name="X", last_name="Y", email="T.Mueller@Charite.de") == [
        ("A", Likeness.SAME_EMAIL)
    ]
    assert found(first_name="tomasz", last_name="NOWAK") == [("C", Likeness.SAME_NAME)]
    assert found(first_name="Jan", last_name="Kowalski") == []

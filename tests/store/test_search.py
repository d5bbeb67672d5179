"""Name search: any order, any case, any accents, prefix or fragment."""

from __future__ import annotations

import pytest

from kiosk.store import Store

PEOPLE = [
    ("Zoë", "Ó Briain", "Imperial College London", "z.obriain@example.org"),
    ("Lorenzo", "Smith", "West London NHS Trust", "l.smith@example.org"),
    ("Siobhán", "O'Connor-Fitzgerald", "Healthwatch Hounslow", "s.oconnor@example.org"),
    ("Łukasz", "Wójcik", "MedTech Innovations Ltd", "lukasz@example.org"),
    ("Γιώργος", "Παπαδόπουλος", "Imperial College London", "g.papa@example.org"),
    ("伟", "王", "", "wang@example.org"),
    ("Amara", "Okonkwo", "Chelsea and Westminster", "amara@example.org"),
]


@pytest.fixture
def people(store: Store) -> Store:
    for index, (first, last, org, email) in enumerate(PEOPLE):
        store.add_attendee(
            {
                "code": f"CODE-{index}",
                "first_name": first,
                "last_name": last,
                "organisation": org,
                "email": email,
            }
        )
    return store


def first_names(store: Store, query: str, **kwargs: bool) -> list[str]:
    return [a.first_name for a in store.search(query, **kwargs)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", ["Zoë"]),
        ("ZOË", ["Zoë"]),
        ("o briain", ["Zoë"]),
        ("briain zo", ["Zoë"]),  # words in any order, the last one a prefix
        ("oconnor", ["Siobhán"]),  # apostrophe left out
        ("o'connor", ["Siobhán"]),
        ("fitzgerald siobhan", ["Siobhán"]),
        ("lukasz wojcik", ["Łukasz"]),
        ("γιωργος", ["Γιώργος"]),
        ("παπαδ", ["Γιώργος"]),
        ("王", ["伟"]),
        ("renz", ["Lorenzo"]),  # a fragment inside a word
        ("konk", ["Amara"]),
        ("obriain", ["Zoë"]),  # the space of "Ó Briain" left out
        ("zoe obri", ["Zoë"]),
        ("oconnorfitz", ["Siobhán"]),  # the hyphen (a space when folded) left out
        ("nobody here", []),
    ],
)
def test_name_search(people: Store, query: str, expected: list[str]) -> None:
    assert first_names(people, query, names_only=True) == expected


def test_word_starts_rank_before_fragments(people: Store) -> None:
    # "lo" starts Lorenzo; "zo" starts Zoë but sits inside Lorenzo.
    assert first_names(people, "zo", names_only=True) == ["Zoë"]
    people.add_attendee({"code": "X", "first_name": "Enzo", "last_name": "Abbott"})
    assert first_names(people, "enzo", names_only=True) == ["Enzo", "Lorenzo"]


def test_names_only_ignores_organisation_and_email(people: Store) -> None:
    assert first_names(people, "imperial", names_only=True) == []
    assert sorted(first_names(people, "imperial")) == ["Zoë", "Γιώργος"]
    assert first_names(people, "lukasz@example") == ["Łukasz"]
    assert first_names(people, "code-3") == ["Łukasz"]


def test_search_follows_edits(people: Store) -> None:
    amara = people.search("amara")[0]
    people.update_attendee(amara.id, {"first_name": "Adaeze"})
    assert first_names(people, "amara", names_only=True) == []
    assert first_names(people, "adaeze okonkwo") == ["Adaeze"]


@pytest.mark.parametrize("query", ['"', "*", "a AND", "NEAR(", "'", ")(", "-", "^x", ""])
def test_search_syntax_never_raises(people: Store, query: str) -> None:
    assert isinstance(people.search(query), list)


def test_limit_and_many_matches(store: Store) -> None:
    with store.transaction():
        for index in range(300):
            store.add_attendee({"code": f"S{index}", "first_name": "Sam", "last_name": f"S{index}"})
    assert len(store.search("sa", limit=6, names_only=True)) == 6
    assert len(store.search("sam", limit=500)) == 300


def test_exact_surnames_rank_first_when_many_names_match(store: Store) -> None:
    """Eight Ahmeds among look-alikes: cut at six, the six are all Ahmeds."""
    alike = [("Ahmed", "Khan"), ("Sara", "Ahmedova"), ("Ali", "Mahmed"), ("Omar", "Ahmedi")]
    ahmeds = ["Aisha", "Bilal", "Chen", "Dara", "Emre", "Farah", "Ruth", "Tomasz"]
    for index, (first, last) in enumerate([*alike, *((f, "Ahmed") for f in ahmeds)]):
        store.add_attendee({"code": f"A-{index}", "first_name": first, "last_name": last})
    found = store.search("ahmed", limit=6, names_only=True)
    assert [a.last_name for a in found] == ["Ahmed"] * 6
    # A whole first name comes next, before surnames that only start with it.
    found = store.search("ahmed", limit=10, names_only=True)
    assert [a.first_name for a in found[8:]] == ["Ahmed", "Omar"]
    # With a first name added, the two hidden ones are found at once.
    assert first_names(store, "ahmed ruth", names_only=True) == ["Ruth"]
    assert first_names(store, "tom ahmed", names_only=True) == ["Tomasz"]

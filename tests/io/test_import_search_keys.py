"""The bulk writer's fast search keys equal the store's own, for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.demo import create_demo_event
from kiosk.store import Store
from kiosk.store.bulk import SearchKeyMaker
from kiosk.store.rows import search_keys

MAKER = SearchKeyMaker()
FIELDS = ("first_name", "last_name", "organisation", "email", "code")
# Letters, marks, punctuation and spaces from several scripts, plus ASCII.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="ascii"),
        st.characters(categories=("L", "M", "N", "P", "Z", "S")),
        st.sampled_from("ÆæØøŁłßİıſǅ’‘'-.,/() \u0301\u0308\u200d"),
    ),
    max_size=30,
)


def test_fast_path_is_in_use() -> None:
    # If the store's keys change shape, the maker falls back (correct but
    # slow); this test says so, so the fast path can be brought up to date.
    assert MAKER.fast


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries({name: TEXT for name in FIELDS}))
def test_fast_keys_equal_store_keys(fields: dict[str, str]) -> None:
    assert MAKER._fast(fields) == search_keys(fields)


def test_fast_keys_equal_store_keys_for_the_demo_roster() -> None:
    store = Store.open(":memory:")
    create_demo_event(store)
    rows = store.conn.execute(f"SELECT {', '.join(FIELDS)} FROM attendees").fetchall()
    assert len(rows) > 100
    maker = SearchKeyMaker()
    for row in rows:
        fields = dict(zip(FIELDS, row, strict=True))
        assert maker(fields) == search_keys(fields)


def test_maker_falls_back_when_keys_differ() -> None:
    maker = SearchKeyMaker()
    maker._fast = lambda fields: {"name_key": "wrong"}  # type: ignore[method-assign]
    fields = {"first_name": "Zoë", "last_name": "Ó Briain", "code": "Z"}
    assert maker(fields) == search_keys(fields)
    assert not maker.fast

"""The bulk import's folding and SQL-built search keys equal the store's own, for any text."""

from __future__ import annotations

import sqlite3
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.text import fold, fold_many
from kiosk.io.records import clean_many, clean_text
from kiosk.store import Store, bulk
from kiosk.store.rows import search_keys

FIELDS = bulk.FOLDED
# Letters, marks, punctuation, spaces and controls from several scripts, plus
# ASCII and the character the bulk functions join values with.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="ascii"),
        st.characters(categories=("L", "M", "N", "P", "Z", "S", "Cc", "Cf")),
        st.sampled_from("ÆæØøŁłßİıſǅ’‘'-.,/() \u0301\u0308\u200d\ue000\u00a0\u2003\x1c\x85"),
    ),
    max_size=30,
)


def keys_made_in_sql(records: list[dict[str, str]]) -> list[dict[str, str]]:
    """The keys the bulk writer stores for these records, read back from a real event."""
    store = Store.open(":memory:")
    with store.transaction():
        bulk.write_attendees(
            store.conn,
            [
                {
                    **dict.fromkeys(bulk.IMPORT_COLUMNS, ""),
                    **record,
                    "code": f"{index}:{record.get('code', '')}",
                    "first_name": record.get("first_name") or "x",
                    "status": "active",
                }
                for index, record in enumerate(records)
            ],
            [],
        )
    rows = store.conn.execute(
        f"SELECT {', '.join(FIELDS)}, name_key, search_key, sort_key FROM attendees ORDER BY id"
    ).fetchall()
    return [
        {
            "fields": dict(zip(FIELDS, row[: len(FIELDS)], strict=True)),
            "keys": dict(
                zip(("name_key", "search_key", "sort_key"), row[len(FIELDS) :], strict=True)
            ),
        }
        for row in rows
    ]


def test_sql_keys_agree_with_the_store_on_the_probes() -> None:
    # If the store's keys change shape, the writer falls back to making them
    # row by row (correct but slow); this test says so, so SQL can follow.
    assert bulk.sql_keys_agree(sqlite3.connect(":memory:"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.fixed_dictionaries({name: TEXT for name in FIELDS}), min_size=1, max_size=8))
def test_bulk_keys_equal_store_keys(records: list[dict[str, str]]) -> None:
    for stored in keys_made_in_sql(records):
        assert stored["keys"] == search_keys(stored["fields"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=12))
def test_fold_many_is_fold_of_each(values: list[str]) -> None:
    assert fold_many(values) == [fold(value) for value in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=12))
def test_clean_many_is_clean_text_of_each(values: list[str]) -> None:
    assert clean_many(values) == [clean_text(value) for value in values]


def test_the_join_character_is_inert() -> None:
    # What the bulk functions rely on (see kiosk.domain.text): nothing composes
    # with it, it has no case, no decomposition and is neither space nor mark.
    join = "\ue000"
    assert join.casefold() == join and unicodedata.normalize("NFKD", join) == join
    assert not join.isspace() and not unicodedata.combining(join)
    assert unicodedata.normalize("NFC", "e" + join + "\u0301") == "e" + join + "\u0301"


@pytest.mark.expected_log("kiosk.store", "search keys changed shape")
def test_writer_falls_back_to_row_by_row_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "sql_keys_agree", lambda conn: False)
    records = [
        {"first_name": "Zoë", "last_name": "Ó Briain", "organisation": "St. Paul's", "email": ""},
        {"first_name": "", "last_name": "Łukasz", "organisation": "", "email": "L@x.org"},
    ]
    for stored in keys_made_in_sql(records):
        assert stored["keys"] == search_keys(stored["fields"])


def test_names_from_every_code_point_fold_alike_in_bulk() -> None:
    # Every assigned character once, in values of a few characters each.
    text = "".join(chr(c) for c in range(32, sys.maxunicode + 1, 7) if not 0xD800 <= c <= 0xDFFF)
    values = [text[start : start + 5] for start in range(0, len(text), 5)]
    assert fold_many(values) == [fold(value) for value in values]
    assert clean_many(values) == [clean_text(value) for value in values]

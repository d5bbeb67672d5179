"""Name search over the folded text: any order, any case, any accents.

Two full-text indexes answer it (see migrations 1 and 6): the word index
finds words of any field that *start* with what was typed, the trigram index
finds longer fragments *anywhere* in a name. Each index
hands over at most CANDIDATES rows, so a one-letter query on 100k names costs
no more than a precise one; the person keeps typing to narrow it down.

Ranking, best first: a typed word that is the whole surname ("ahmed" before
"Ahmedova" and before a first name Ahmed), then a typed word that is a whole
word of the name, then word-start matches, then fragments; alphabetical by
surname within each. A short list cut at the screen's few slots then shows
the people who typed exactly their surname.

A word typed without the space a name has ("obriain" for Ó Briain, "vandam"
for Van Dam) finds nothing in either index, so when nothing is found each
such word is tried again as two adjacent words, split at every place.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.domain.models import Attendee
from kiosk.domain.text import search_words
from kiosk.store import rows

CANDIDATES = 1000
TRIGRAM = 3  # the trigram index cannot look up anything shorter
# Longest word tried again split in two: each split is one more phrase to look up.
LONGEST_JOINED = 24


_COLUMNS = ", ".join("a." + c for c in rows.ATTENDEE_FIELDS)


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def search_attendees(
    conn: sqlite3.Connection, query: str, *, limit: int = 50, names_only: bool = False
) -> list[Attendee]:
    words = search_words(query)
    if not words:
        return []
    found = _search(conn, words, limit, names_only)
    if found or not any(TRIGRAM <= len(word) <= LONGEST_JOINED for word in words):
        return found
    return _search_without_spaces(conn, words, limit, names_only)


def _search_without_spaces(
    conn: sqlite3.Connection, words: list[str], limit: int, names_only: bool
) -> list[Attendee]:
    """Rows where each word is in the folded text, ignoring its spaces: the
    word index looks up every two-word split of each word as a phrase."""
    column = "name_key" if names_only else "search_key"
    terms = []
    params: dict[str, Any] = {"limit": limit, "candidates": CANDIDATES}
    filters = []
    for index, word in enumerate(words):
        phrases = [_quote(word) + "*"]
        if TRIGRAM <= len(word) <= LONGEST_JOINED:
            phrases += [_quote(f"{word[:cut]} {word[cut:]}") + "*" for cut in range(1, len(word))]
        terms.append(f"{column} : ({' OR '.join(phrases)})")
        params[f"w{index}"] = word
        filters.append(f"instr(replace(a.{column}, ' ', ''), :w{index}) > 0")
    params["match"] = " AND ".join(terms)
    sql = f"""
        SELECT {_COLUMNS}
        FROM attendees AS a
        JOIN (SELECT rowid AS id FROM attendees_words WHERE attendees_words MATCH :match
              LIMIT :candidates) USING (id)
        WHERE {" AND ".join(filters)}
        ORDER BY a.sort_key, a.id
        LIMIT :limit
    """
    try:
        return [rows.attendee_from_tuple(row) for row in conn.execute(sql, params)]
    except sqlite3.OperationalError:
        return []  # as in _search


def _exact_ranks(words: list[str]) -> tuple[str, str]:
    """SQL counting the words that are the whole surname, and whole words of
    the name (sort_key is the folded "surname first names")."""
    surname = " + ".join(
        f"(a.sort_key = :w{i} OR substr(a.sort_key, 1, length(:w{i}) + 1) = :w{i} || ' ')"
        for i in range(len(words))
    )
    whole = " + ".join(
        f"(instr(' ' || a.name_key || ' ', ' ' || :w{i} || ' ') > 0)" for i in range(len(words))
    )
    return surname, whole


def _search(
    conn: sqlite3.Connection, words: list[str], limit: int, names_only: bool
) -> list[Attendee]:
    column = "name_key" if names_only else "search_key"
    long_words = [word for word in words if len(word) >= TRIGRAM]
    params: dict[str, Any] = {
        "prefix": " AND ".join(f"{column} : {_quote(word)}*" for word in words),
        "limit": limit,
        "candidates": CANDIDATES,
        **{f"w{index}": word for index, word in enumerate(words)},
    }
    sources = [
        "SELECT rowid AS id FROM attendees_words WHERE attendees_words MATCH :prefix "
        "LIMIT :candidates"
    ]
    filters: list[str] = []
    if long_words:
        params["fragments"] = " AND ".join(_quote(word) for word in long_words)
        sources.append(
            "SELECT rowid AS id FROM attendees_fts WHERE attendees_fts MATCH :fragments "
            "LIMIT :candidates"
        )
        # The indexes hand over candidates; the checks below hold each found
        # row to the fields asked for and to every word typed.
        for index, word in enumerate(words):
            if len(word) >= TRIGRAM:
                filters.append(f"instr(a.{column}, :w{index}) > 0")
            else:
                filters.append(f"instr(' ' || a.{column}, ' ' || :w{index}) > 0")
    where = " AND ".join(filters) or "1"
    surname, whole = _exact_ranks(words)
    sql = f"""
        WITH prefix AS ({sources[0]}),
             found AS ({" UNION ".join(f"SELECT id FROM ({s})" for s in sources)})
        SELECT {_COLUMNS}
        FROM attendees AS a JOIN found USING (id)
        WHERE {where}
        ORDER BY {surname} DESC, {whole} DESC, a.id IN (SELECT id FROM prefix) DESC,
                 a.sort_key, a.id
        LIMIT :limit
    """
    try:
        return [rows.attendee_from_tuple(row) for row in conn.execute(sql, params)]
    except sqlite3.OperationalError:
        # A query the full-text syntax cannot take (it has been quoted, so
        # this is a safety net): no results rather than an error on screen.
        return []

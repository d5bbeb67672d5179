"""Folding text for search: `zoe` finds `Zoë`, `oconnor` finds `O'Connor`."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

# Letters that Unicode does not decompose into a base letter plus a mark.
_EXTRA_FOLDS = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "’": "'",
        "‘": "'",
    }
)
# Punctuation inside names that people leave out when they type them.
_DROPPED = str.maketrans({"'": None, "’": None, ".": None})
_SPACED = str.maketrans({"-": " ", ",": " ", "/": " ", "(": " ", ")": " "})


# Many values are folded or cleaned at once by joining them with this
# private-use character: a starter that nothing composes with, with no case,
# no decomposition and no width, that is neither whitespace nor a mark. So
# normalising, case folding and replacing characters in the joined text
# changes each value exactly as it would alone, in a few passes over one
# string instead of a Python loop per value (a 100k roster has half a
# million fields).
_JOIN = "\ue000"
# Replacements in order, as the translation tables above apply them; every
# step is a plain str.replace over the whole text (fast, even on megabytes).
_REPLACEMENTS = tuple(
    (chr(key), value or "")
    for table in (_EXTRA_FOLDS, _DROPPED, _SPACED)
    for key, value in table.items()
)


def _without_marks(text: str) -> str:
    # One replace per mark present: far quicker on a long text than a regular
    # expression over every combining mark, or a translation table.
    for mark in {c for c in set(text) if unicodedata.combining(c)}:
        text = text.replace(mark, "")
    return text


# A transform of text that is either one value (False) or many values joined
# (True); only joined text has joiners that are not part of a value.
Transform = Callable[[str, bool], str]


def map_joined(values: Sequence[str], transform: Transform) -> list[str]:
    """`transform` applied to every value, by applying it once to all of them joined.

    `transform` must change text character by character (or within a run of
    combining marks), which is what normalisation, folding and `collapse_spaces` do.
    """
    distinct = list(dict.fromkeys(values))  # rosters repeat names and organisations
    if not distinct:
        return []
    text = _JOIN.join(distinct)
    if text.count(_JOIN) != len(distinct) - 1:  # a value holds the joiner itself
        done = [transform(value, False) for value in distinct]
    else:
        done = transform(text, True).split(_JOIN)
    if len(distinct) == len(values):
        return done
    return list(map(dict(zip(distinct, done, strict=True)).__getitem__, values))


def unprintable(text: str) -> bool:
    """Whether the text (of each joined value) holds whitespace other than a
    space, or control or format characters."""
    return not text.replace(_JOIN, "").isprintable()


def collapse_spaces(text: str, joined: bool = False) -> str:
    """Every run of whitespace as one space, none at either end (of each joined value)."""
    if (
        "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and not (joined and (" " + _JOIN in text or _JOIN + " " in text))
        and not unprintable(text)
    ):
        return text  # the usual case, found with a few scans of the text
    collapsed = " ".join(text.split())
    if joined:
        collapsed = collapsed.replace(" " + _JOIN, _JOIN).replace(_JOIN + " ", _JOIN)
    return collapsed


def _fold(text: str, joined: bool) -> str:
    text = text.casefold()
    if not text.isascii():
        text = _without_marks(unicodedata.normalize("NFKD", text))
        text = unicodedata.normalize("NFC", text)
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return collapse_spaces(text, joined)


def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophe-free text with single spaces."""
    return _fold(text, False)


def fold_many(values: Sequence[str]) -> list[str]:
    """`fold` of each value, computed in one pass over all of them."""
    return map_joined(values, _fold)


def search_words(query: str) -> list[str]:
    """The folded words of a search box, in the order typed, without repeats."""
    seen: list[str] = []
    for word in fold(query).split():
        if word not in seen:
            seen.append(word)
    return seen

"""Folding text for search: `zoe` finds `Zoë`, `oconnor` finds `O'Connor`."""

from __future__ import annotations

import unicodedata

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


def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophe-free text with single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = unicodedata.normalize("NFC", stripped).translate(_EXTRA_FOLDS)
    return " ".join(stripped.translate(_DROPPED).translate(_SPACED).split())


def search_words(query: str) -> list[str]:
    """The folded words of a search box, in the order typed, without repeats."""
    seen: list[str] = []
    for word in fold(query).split():
        if word not in seen:
            seen.append(word)
    return seen

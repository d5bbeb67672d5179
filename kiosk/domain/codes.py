"""Ticket codes: cleaning what a scanner sends and making new codes."""

from __future__ import annotations

import secrets
import unicodedata

MAX_CODE_LENGTH = 256

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud or typed at the desk
# survives a poor font or a hurried volunteer.
CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
# 28 symbols of a 25-letter alphabet carry log2(25) * 28 = 130 bits.
GENERATED_CODE_LENGTH = 28


def clean_scan(raw: str) -> str | None:
    """The code a scan stands for, or None when the input cannot be a code.

    Surrounding whitespace (a scanner's Enter or Tab, a stray space) is
    trimmed; everything else is compared exactly, so nothing is case-folded.
    Input that is empty, too long or contains control characters is invalid.
    """
    code = raw.strip()
    if not code or len(code) > MAX_CODE_LENGTH:
        return None
    for char in code:
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            return None
    return code


def new_code() -> str:
    """A fresh random code of at least 128 bits, not derived from anything."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(GENERATED_CODE_LENGTH))

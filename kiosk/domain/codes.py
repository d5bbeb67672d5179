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


# The largest multiple of the alphabet's size below 256: bytes at or above it
# are thrown away so every symbol stays equally likely.
_USABLE_BYTE_LIMIT = 256 - 256 % len(CODE_ALPHABET)


def new_code() -> str:
    """A fresh random code of at least 128 bits, not derived from anything.

    One read of the system's random source per code rather than one per
    symbol (`secrets.choice`): an import of 100,000 code-less rows would
    otherwise spend seconds in system calls.
    """
    symbols = b""
    while len(symbols) < GENERATED_CODE_LENGTH:
        random = secrets.token_bytes(GENERATED_CODE_LENGTH + 4)
        symbols += random.translate(_SYMBOL_OF_BYTE, _UNUSABLE_BYTES)
    return symbols[:GENERATED_CODE_LENGTH].decode("ascii")


# Each usable byte to its symbol (byte % alphabet size), in one C call per code.
_SYMBOL_OF_BYTE = bytes(
    ord(CODE_ALPHABET[byte % len(CODE_ALPHABET)]) if byte < _USABLE_BYTE_LIMIT else 0
    for byte in range(256)
)
_UNUSABLE_BYTES = bytes(range(_USABLE_BYTE_LIMIT, 256))

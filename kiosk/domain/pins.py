"""Staff PINs: stored as a slow, salted scrypt hash whose parameters travel
with it (`scrypt$n$r$p$salt$hash`), and the lock-out after wrong guesses.

Plain Python, shared by the single staff PIN and the volunteers' accounts.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

# scrypt at n=2**14, r=8 takes about 50 ms and 16 MB: slow for a thief with a
# copy of the file, quick enough for one staff member at the pad.
_N, _R, _P = 2**14, 8, 1
MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 8


def is_valid_pin(pin: str) -> bool:
    """4 to 8 digits from 0 to 9."""
    # ASCII only: str.isdigit() also takes superscripts and other scripts'
    # digits, which the keypad cannot type.
    return pin.isascii() and pin.isdigit() and MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH


def hash_pin(pin: str, *, n: int = _N, r: int = _R, p: int = _P) -> str:
    """`scrypt$n$r$p$salt$hash`, hex encoded."""
    if not is_valid_pin(pin):
        raise ValueError(f"A PIN is {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits from 0 to 9.")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = hashlib.scrypt(
            pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, bytes.fromhex(digest))


# Failures so far -> seconds the pad stays locked (after 3, 4, and 5 or more).
LOCKOUT_STEPS: tuple[tuple[int, float], ...] = ((5, 120.0), (4, 30.0), (3, 10.0))


def lockout_seconds(failures: int) -> float:
    for threshold, seconds in LOCKOUT_STEPS:
        if failures >= threshold:
            return seconds
    return 0.0

"""Turning the bytes of a CSV roster into text: encoding, binary and truncation checks.

Spreadsheet programs write CSV in many ways: UTF-8 with or without a byte
order mark, UTF-16 with a mark (Excel's "Unicode text"), or the Windows code
page of the machine (Windows-1252 in Western Europe). The encoding is decided
from the bytes alone, never from the file name.
"""

from __future__ import annotations

import codecs
import re

from kiosk.io.errors import RosterError

# Control characters other than tab and line breaks never belong in a roster;
# a few may slip into a real file (a stray form feed), many mean it is not text.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BINARY_SAMPLE = 65536
_BINARY_SHARE = 0.01


def decode_roster(data: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV roster and a label for its encoding.

    Raises RosterError for empty, binary or truncated files.
    """
    if not data.strip():
        raise RosterError(f"{name} is empty.")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[len(codecs.BOM_UTF8) :], name), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, name), "UTF-16"
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        guessed = _utf16_without_bom(sample)
        if guessed is None:
            raise _not_text(name)
        text = _decode_utf16(data, name, guessed)
        return text, "UTF-16"
    try:
        text = data.decode("utf-8")
        label = "UTF-8"
    except UnicodeDecodeError as error:
        text, label = _utf8_or_windows_1252(data, error, name)
    _check_text(text, name)
    return text, label


def _decode_utf8(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end >= len(data) and "unexpected end" in error.reason:
            raise _truncated(name) from None
        raise RosterError(
            f"{name} says it is UTF-8 but has bytes that are not UTF-8 "
            f"(at byte {error.start + 3}); save it again as CSV UTF-8."
        ) from None
    _check_text(text, name)
    return text


def _decode_utf16(data: bytes, name: str, encoding: str = "utf-16") -> str:
    if len(data) % 2:
        raise _truncated(name)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # A lone surrogate at the end is a cut in the middle of a character.
        raise _truncated(name) from None
    _check_text(text, name)
    return text


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without a byte order mark shows as zero bytes at every other place."""
    even, odd = sample[0::2], sample[1::2]
    if not sample or len(sample) < 4:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _utf8_or_windows_1252(data: bytes, error: UnicodeDecodeError, name: str) -> tuple[str, str]:
    cut_at_end = error.end >= len(data) and "unexpected end" in error.reason
    if cut_at_end and not data[: error.start].isascii():
        # Valid UTF-8 with accents up to a character cut in half: a file that
        # was cut short, not a file in another encoding.
        raise _truncated(name)
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        # Five byte values have no character in Windows-1252; text in that
        # code page does not contain them.
        raise _not_text(name) from None


def _check_text(text: str, name: str) -> None:
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in sample:
        raise _not_text(name)
    if len(_CONTROLS.findall(sample)) > _BINARY_SHARE * len(sample):
        raise _not_text(name)


def _not_text(name: str) -> RosterError:
    return RosterError(
        f"{name} is not a text file (CSV) or an XLSX workbook; export it as CSV or XLSX."
    )


def _truncated(name: str) -> RosterError:
    return RosterError(
        f"{name} ends in the middle of a character, so it looks cut short; export or copy it again."
    )

"""Helpers for the import tests: sample rosters re-written in other encodings."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from kiosk.domain.models import Attendee
from kiosk.store import Store

DATA = Path(__file__).parent / "data"
SAMPLES = {
    "eventbrite": DATA / "eventbrite-attendees.csv",
    "pretix": DATA / "pretix-attendees.csv",
    "generic": DATA / "generic-roster.csv",
}
# (label, codec, byte order mark written before the text)
ENCODINGS = [
    ("utf-8", "utf-8", b""),
    ("utf-8-bom", "utf-8", codecs.BOM_UTF8),
    ("utf-16-le-bom", "utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be-bom", "utf-16-be", codecs.BOM_UTF16_BE),
    ("windows-1252", "cp1252", b""),
]
DELIMITERS = [",", ";", "\t"]


def sample_rows(preset: str) -> list[list[str]]:
    """The sample's rows (header first), without trailing blank lines."""
    text = SAMPLES[preset].read_text(encoding="utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text, newline="")) if row]


def encodable(rows: list[list[str]], codec: str) -> list[list[str]]:
    """The rows a codec can write (Windows-1252 has no 'ś', for instance)."""
    kept = []
    for row in rows:
        try:
            "".join(row).encode(codec)
        except UnicodeEncodeError:
            continue
        kept.append(row)
    return kept


def write_csv(
    path: Path,
    rows: list[list[str]],
    codec: str = "utf-8",
    bom: bytes = b"",
    delimiter: str = ",",
) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(bom + buffer.getvalue().encode(codec))
    return path


def by_code(store: Store) -> dict[str, Attendee]:
    return {attendee.code: attendee for attendee in store.attendees()}


def columns(store: Store, *names: str) -> list[tuple[object, ...]]:
    """Raw attendee columns in id order (source, external ids and such)."""
    return store.conn.execute(f"SELECT {', '.join(names)} FROM attendees ORDER BY id").fetchall()


def dump(path: Path) -> list[str]:
    """Every schema statement and row of a database, to compare before and after."""
    store = Store.open(path)
    try:
        return list(store.conn.iterdump())
    finally:
        store.close()

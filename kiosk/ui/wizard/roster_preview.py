"""What the roster step shows before anything is imported: the layout it
recognised, a few rows as they will be read, how status words map, and
whether the file carries the ticket codes people will scan."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.domain.models import AttendeeStatus
from kiosk.io.presets import PRESETS, choose_layout
from kiosk.io.reading import stream_table
from kiosk.io.records import Record, RowReader

SAMPLES = 3
CHUNK_ROWS = 32_768
FORMAT_NAMES = {
    "eventbrite": "an Eventbrite attendee report",
    "pretix": "a pretix export",
    "generic": "a spreadsheet with the usual column names",
    "mapped": "a spreadsheet, with the columns you mapped",
}


@dataclass
class RosterPreview:
    format_name: str
    description: str  # how the file was read ("CSV, UTF-8, comma-separated")
    samples: list[dict[str, str]] = field(default_factory=list)
    statuses: dict[str, Counter[str]] = field(default_factory=dict)  # status -> words -> rows
    code_column: str | None = None  # the header of the ticket codes, if the file has one
    expected_code_column: str = ""  # the header a file of this kind would have
    rows: int = 0

    def cancelled_text(self) -> str:
        """ "3 rows will be cancelled: Refunded, Not Attending, Transferred", or ""."""
        words = self.statuses.get(AttendeeStatus.CANCELLED.value, Counter())
        count = sum(words.values())
        if not count:
            return ""
        row_word = "row" if count == 1 else "rows"
        listed = ", ".join(word or "(empty)" for word, _ in words.most_common())
        return f"{count} {row_word} will be cancelled: {listed}"

    def active_words(self) -> list[str]:
        return [w for w, _ in self.statuses.get(AttendeeStatus.ACTIVE.value, Counter()).items()]


def preview_roster(path: Path, mapping: Sequence[str] = ()) -> RosterPreview:
    """Read `path` the way the import will (raises RosterError as the import does)."""
    stream = stream_table(path)
    layout = choose_layout(stream.headers, path.name, "auto", mapping)
    reader = RowReader(layout)
    status_column = layout.columns.get("status")
    code_column = layout.columns.get("code")
    preset = PRESETS.get(layout.source)
    expected = preset.headers["code"][0] if preset and "code" in preset.headers else "code"
    preview = RosterPreview(
        FORMAT_NAMES.get(layout.source, layout.source),
        stream.description,
        code_column=stream.headers[code_column] if code_column is not None else None,
        expected_code_column=_as_header(expected),
    )
    while batch := list(itertools.islice(stream.rows, CHUNK_ROWS)):
        rows = [(number, cells) for number, cells in batch if "".join(cells).strip()]
        for (_, cells), record in zip(rows, reader.read_many(rows), strict=True):
            if not isinstance(record, Record):
                continue
            preview.rows += 1
            if len(preview.samples) < SAMPLES:
                preview.samples.append(dict(record.fields))
            if status_column is not None:
                word = cells[status_column].strip() if status_column < len(cells) else ""
                status = record.fields.get("status", AttendeeStatus.ACTIVE.value)
                preview.statuses.setdefault(status, Counter())[word] += 1
    return preview


def _as_header(key: str) -> str:
    """A preset's lower-case header as exports write it ("barcode #" -> "Barcode #")."""
    return key[:1].upper() + key[1:]

"""One roster row -> the attendee fields it stands for, or the reason to skip it."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kiosk.domain.codes import MAX_CODE_LENGTH, clean_scan
from kiosk.domain.models import AttendeeStatus, EmailFrom
from kiosk.domain.text import collapse_spaces, map_joined, unprintable
from kiosk.io.presets import Layout

# Text fields: the ones an import writes besides code, status and ids.
TEXT_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "organisation",
    "job_title",
    "category",
    "pronouns",
    "credentials",
    "attention",
)
# Cells of a notify column that leave it off; any other mark turns it on.
NOTIFY_OFF = frozenset({"", "0", "no", "n", "false", "non", "nein", "-"})
# Control characters other than whitespace (which is collapsed anyway).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(slots=True)
class Record:
    """What one row says about one attendee. `fields` holds only the fields
    the file has columns for, so a re-import never blanks a field the new
    file does not carry."""

    row: int
    fields: dict[str, str]
    code: str | None
    external_id: str | None


def notify_of(cell: str) -> int:
    """The notify mark a cell stands for: 1 or 0."""
    return int(" ".join(cell.casefold().split()) not in NOTIFY_OFF)


def _clean(text: str, joined: bool) -> str:
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if unprintable(text):  # cheap check first: most text has no controls
        text = _CONTROLS.sub("", text)
    return collapse_spaces(text, joined)


def clean_text(value: str) -> str:
    """One line of NFC text: whitespace runs (line breaks in a cell included)
    become one space, other control characters are dropped."""
    return _clean(value, False)


def clean_many(values: Sequence[str]) -> list[str]:
    """`clean_text` of each value, in one pass over all of them."""
    return map_joined(values, _clean)


# Marks a code that is not plain printable ASCII: `_record` decides its row.
_NOT_PLAIN = object()


def _plain_codes(column: Sequence[str]) -> list[object]:
    """Each cell's code as `clean_code` gives it (None when empty), or
    _NOT_PLAIN; whole-column checks first, as most files hold plain codes."""
    codes = list(map(str.strip, column))
    joined = "".join(codes)
    if joined.isascii() and joined.isprintable() and max(map(len, codes)) <= MAX_CODE_LENGTH:
        return [code or None for code in codes]
    return [
        (code or None)
        if code.isascii() and code.isprintable() and len(code) <= MAX_CODE_LENGTH
        else _NOT_PLAIN
        for code in codes
    ]


def clean_code(raw: str) -> str | None:
    """`clean_scan`, with a quick path for the printable ASCII most codes are."""
    code = raw.strip()
    if code.isascii() and code.isprintable() and len(code) <= MAX_CODE_LENGTH:
        return code or None
    return clean_scan(code)


_ATTENDEE, _BUYER = EmailFrom.ATTENDEE.value, EmailFrom.BUYER.value


def _fall_back_to_buyer(fields: dict[str, str], buyer: str) -> None:
    """The attendee's own e-mail, else the order's buyer's, marked as such. A
    file with only an empty buyer column says nothing about the e-mail."""
    if fields.get("email"):
        fields["email_from"] = _ATTENDEE
    elif buyer:
        fields["email"], fields["email_from"] = buyer, _BUYER
    elif "email" in fields:
        fields["email_from"] = _ATTENDEE


class RowReader:
    """Turns the cells of one layout's rows into Records."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        columns = layout.columns
        self.text_columns = [(f, columns[f]) for f in TEXT_FIELDS if f in columns]
        self.name_column = columns.get("name")
        self.code_column = columns.get("code")
        self.status_column = columns.get("status")
        self.notify_column = columns.get("notify")
        self.external_column = columns.get("external_id")
        self.order_column = columns.get("order_code")
        self.position_column = columns.get("position_id")
        self.buyer_column = columns.get("buyer_email")
        self.email_column = columns.get("email")
        self.width = max(columns.values()) + 1
        self._statuses: dict[str, str] = {}

    def read(self, row: int, cells: list[str]) -> Record | str:
        """A Record, or the reason (a short phrase) the row is skipped."""
        return self.read_many([(row, cells)])[0]

    def read_many(self, rows: Sequence[tuple[int, list[str]]]) -> list[Record | str]:
        """`read` of every row, with each column cleaned and checked in one pass.

        The usual row (a given name, no code or a plain one) becomes its Record
        here; any other goes through `_record`, which decides it in full.
        """
        if not rows:
            return []
        width = self.width
        table = [
            cells if len(cells) >= width else cells + [""] * (width - len(cells))
            for _, cells in rows
        ]
        # Rows may be longer than `width`, never shorter: the first `width` columns.
        columns = list(zip(*table, strict=False))
        names = [name for name, _ in self.text_columns]
        cleaned = [clean_many(columns[index]) for _, index in self.text_columns]
        rows_fields: list[dict[str, str]] = (
            list(map(dict, map(zip, itertools.repeat(names), zip(*cleaned, strict=True))))
            if cleaned
            else [{} for _ in table]
        )
        if self.name_column is not None:
            full_names = clean_many(columns[self.name_column])
            for fields, full in zip(rows_fields, full_names, strict=True):
                self._fill_from_full_name(fields, full)
        if self.buyer_column is not None:
            buyers = clean_many(columns[self.buyer_column])
            for fields, buyer in zip(rows_fields, buyers, strict=True):
                _fall_back_to_buyer(fields, buyer)
        elif self.email_column is not None:
            for fields in rows_fields:
                fields["email_from"] = _ATTENDEE
        if self.status_column is not None:
            statuses = map(self.status_of, columns[self.status_column])
            for fields, status in zip(rows_fields, statuses, strict=True):
                fields["status"] = status
        if self.notify_column is not None:
            for fields, cell in zip(rows_fields, columns[self.notify_column], strict=True):
                fields["notify"] = notify_of(cell)  # type: ignore[assignment]
        codes = (
            _plain_codes(columns[self.code_column])
            if self.code_column is not None
            else itertools.repeat(None)
        )
        record = self._record
        return [
            Record(number, fields, code, external)  # type: ignore[arg-type]
            if code is not _NOT_PLAIN and fields.get("first_name")
            else record(number, cells, fields)
            for (number, _), cells, fields, code, external in zip(
                rows,
                table,
                rows_fields,
                codes,
                self._external_ids(columns, table),
                strict=False,  # codes and ids may be endless repeats of None
            )
        ]

    def _external_ids(
        self, columns: list[tuple[str, ...]], table: list[list[str]]
    ) -> Iterable[str | None]:
        """`external_id` of every row, a column at a time where it is one column."""
        if self.external_column is not None:
            return [value or None for value in map(str.strip, columns[self.external_column])]
        if self.order_column is not None:
            return map(self.external_id, table)
        return itertools.repeat(None)

    def _record(self, row: int, cells: list[str], fields: dict[str, str]) -> Record | str:
        if not fields.get("first_name") and not fields.get("last_name"):
            return "no name"
        if not fields.get("first_name"):
            # The store needs a first name; a single name goes there.
            fields["first_name"], fields["last_name"] = fields["last_name"], ""
        if self.status_column is not None:
            fields["status"] = self.status_of(cells[self.status_column])
        code: str | None = None
        if self.code_column is not None:
            raw = cells[self.code_column].strip()
            if raw:
                code = clean_code(raw)
                if code is None:
                    if len(raw) > MAX_CODE_LENGTH:
                        return f"code longer than {MAX_CODE_LENGTH} characters"
                    return "code contains control or invisible characters"
        return Record(row, fields, code, self.external_id(cells))

    def status_of(self, cell: str) -> str:
        status = self._statuses.get(cell)
        if status is None:
            word = " ".join(cell.casefold().split())
            cancelled = word in self.layout.cancelled
            status = (AttendeeStatus.CANCELLED if cancelled else AttendeeStatus.ACTIVE).value
            self._statuses[cell] = status
        return status

    def _fill_from_full_name(self, fields: dict[str, str], full: str) -> None:
        if not full or (fields.get("first_name") or fields.get("last_name")):
            return
        # One name column: the first word is the given name, the rest (with
        # particles such as "de la") the family name.
        first, _, last = full.partition(" ")
        fields["first_name"] = first
        fields["last_name"] = last

    def external_id(self, cells: list[str]) -> str | None:
        if self.external_column is not None:
            return cells[self.external_column].strip() or None
        if self.order_column is not None:
            order = cells[self.order_column].strip()
            position = (
                cells[self.position_column].strip() if self.position_column is not None else ""
            )
            # An order can hold several tickets: without the position the
            # order code names none of them, and the ticket code is used instead.
            if order and position:
                return f"{order}-{position}"
        return None

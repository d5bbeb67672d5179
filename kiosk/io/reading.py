"""Reading a roster file (CSV or XLSX) into a header and numbered rows."""

from __future__ import annotations

import csv
import io
import itertools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.io.decoding import decode_roster
from kiosk.io.errors import RosterError

log = logging.getLogger("kiosk.io")

# No line of a roster comes near this; a longer one means the file is not a
# roster, and refusing it early keeps memory and time bounded.
MAX_LINE_CHARS = 1_000_000
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True, slots=True)
class Table:
    """A roster as read: the header cells and the rows below it.

    Each row carries its number as a spreadsheet shows it (the header is row
    1 when it is the first line), so skipped rows can be found in the file.
    """

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    header_row: int
    description: str


@dataclass(frozen=True, slots=True)
class RowStream:
    """A roster being read: the header, and its rows as they are parsed.

    An import walks the rows once, so a CSV's rows need never all be held at
    once; reading errors further down the file surface while iterating.
    """

    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]
    header_row: int
    description: str


def read_table(path: Path) -> Table:
    """Read a CSV or XLSX roster; raises RosterError with one sentence on any problem."""
    stream = stream_table(path)
    return Table(stream.headers, list(stream.rows), stream.header_row, stream.description)


def stream_table(path: Path) -> RowStream:
    """Open a CSV or XLSX roster for one pass over its rows (RosterError on any problem)."""
    name = path.name
    if not path.exists():
        raise RosterError(f"There is no file at {path}.")
    if path.is_dir():
        raise RosterError(f"{path} is a folder, not a CSV or XLSX file.")
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as error:
        log.warning("cannot read roster: %s", error.strerror)
        raise RosterError(f"{path} cannot be read ({error.strerror}).") from None
    if start.startswith(_OLE_MAGIC):
        raise RosterError(
            f"{name} is an old Excel .xls workbook; save it as .xlsx or CSV and import that."
        )
    if start.startswith(_ZIP_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        from kiosk.io.xlsx import read_xlsx  # openpyxl is only loaded when needed

        table = read_xlsx(path)
        return RowStream(table.headers, iter(table.rows), table.header_row, table.description)
    try:
        data = path.read_bytes()
    except OSError as error:
        log.warning("cannot read roster: %s", error.strerror)
        raise RosterError(f"{path} cannot be read ({error.strerror}).") from None
    text, encoding = decode_roster(data, name)
    del data
    return stream_csv(text, name, encoding)


def parse_csv(text: str, name: str, encoding: str = "UTF-8") -> Table:
    stream = stream_csv(text, name, encoding)
    return Table(stream.headers, list(stream.rows), stream.header_row, stream.description)


def stream_csv(text: str, name: str, encoding: str = "UTF-8") -> RowStream:
    _check_line_lengths(text, name)
    text, delimiter = _excel_separator_line(text)
    delimiter = delimiter or sniff_delimiter(text)
    records = _records(text, delimiter, name)
    header_row, headers = first_non_blank(records, name)  # the rows after it stay in `records`
    description = f"CSV, {encoding}, {DELIMITERS[delimiter]}-separated"
    return RowStream(headers, records, header_row, description)


def first_non_blank(rows: Iterable[tuple[int, list[str]]], name: str) -> tuple[int, list[str]]:
    for number, cells in rows:
        if any(cell.strip() for cell in cells):
            return number, [cell.strip() for cell in cells]
    raise RosterError(f"{name} is empty.")


def _check_line_lengths(text: str, name: str) -> None:
    if len(text) <= MAX_LINE_CHARS:
        return
    # Lines end in \n (or \r\n) in almost every file: the text cut into blocks
    # after a \n holds a long line only in a block longer than the limit, so
    # only such a block (or a file of \r endings) is walked line by line.
    if "\n" in text and all(len(part) <= MAX_LINE_CHARS for part in _blocks(text, LINES_BLOCK)):
        return
    newline = "\n" if "\n" in text else "\r"
    start, line = 0, 1
    while start < len(text):
        end = text.find(newline, start)
        if end < 0:
            end = len(text)
        if end - start > MAX_LINE_CHARS:
            raise RosterError(
                f"Line {line} of {name} is longer than {MAX_LINE_CHARS:,} characters, "
                "so the file is not a CSV table."
            )
        start, line = end + 1, line + 1


def _excel_separator_line(text: str) -> tuple[str, str | None]:
    """Excel's "sep=;" first line names the delimiter; Excel hides that line,
    so without it the header is row 1, as the user sees it."""
    if text[:4].lower() == "sep=" and len(text) > 4 and text[4] in DELIMITERS:
        rest = text[5:]
        return rest[2:] if rest.startswith("\r\n") else rest[1:], text[4]
    return text, None


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most columns.

    Header names rarely contain a comma, semicolon or tab, so the header alone
    decides; ties (a one-column file) go to the comma.
    """
    head = text[:65536].lstrip("\r\n")
    best, best_count = ",", 0
    for delimiter in DELIMITERS:
        try:
            first = next(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(first) > best_count:
            best, best_count = delimiter, len(first)
    return best


# Characters of text handed to one io.StringIO at a time (it copies its text
# at up to four bytes a character): small beside a 100k roster, large enough
# that the per-block cost vanishes.
LINES_BLOCK = 1 << 18


def lines(text: str, block: int = LINES_BLOCK) -> Iterator[str]:
    """The lines of the text, endings kept, as io.StringIO(newline="") splits them
    (at \r\n, \r or \n), without copying the whole text at once: the text is
    cut into blocks just after a \n, so no line and no \r\n is split."""
    return itertools.chain.from_iterable(
        io.StringIO(part, newline="") for part in _blocks(text, block)
    )


def _blocks(text: str, block: int) -> Iterator[str]:
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + block - 1)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def _records(text: str, delimiter: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """All records with their spreadsheet row numbers (blank lines count as rows)."""
    reader = csv.reader(lines(text), delimiter=delimiter, strict=False)
    count = 0
    try:
        for number, cells in enumerate(reader, start=1):
            count = number
            yield number, cells
    except csv.Error as error:
        number = count + 1
        log.warning("csv error on row %d: %s", number, error)
        if "field limit" in str(error):
            raise RosterError(
                f"Row {number} of {name} has a cell longer than "
                f"{csv.field_size_limit():,} characters, so the file is not a CSV table."
            ) from None
        raise RosterError(f"Row {number} of {name} cannot be read as CSV ({error}).") from None
    # Quoted cells hold quote marks in pairs; an odd count may mean the file
    # ends inside one, which only a strict reading of the last record can tell.
    if count and text.count('"') % 2:
        _check_last_record(text, delimiter, count, name)


def _check_last_record(text: str, delimiter: str, count: int, name: str) -> None:
    """Refuse a file that ends inside a quoted cell: it was cut short, or a
    stray quote swallowed every row after it."""
    rest = lines(text)
    reader = csv.reader(rest, delimiter=delimiter, strict=False)
    for _ in range(count - 1):
        next(reader)
    # The reader now stands at the start of the last record.
    try:
        for _ in csv.reader(rest, delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        if "end of data" in str(error):
            raise RosterError(
                f"{name} ends inside a quoted cell that starts on row {count}; "
                "the file was cut short or that row has a stray quote mark."
            ) from None

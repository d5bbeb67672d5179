"""Reading the first worksheet of an XLSX roster with openpyxl (read-only, streamed)."""

from __future__ import annotations

import datetime as dt
import logging
import zipfile
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree.ElementTree import ParseError

from kiosk.io.errors import RosterError
from kiosk.io.reading import Table, first_non_blank

log = logging.getLogger("kiosk.io")


def read_xlsx(path: Path) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    name = path.name
    try:
        handle = path.open("rb")
    except OSError as error:
        raise RosterError(f"{path} cannot be read ({error.strerror or error}).") from None
    with handle:
        _refuse_zip_bomb(handle, name)
        return _read_workbook(handle, name, openpyxl, InvalidFileException)


# A 100,000-row roster inflates to about 60 MB of XML; a zip that says it
# holds more is refused from its table of contents, before anything inflates.
MAX_INFLATED_BYTES = 200 * 1024 * 1024


def _refuse_zip_bomb(handle: BinaryIO, name: str) -> None:
    """Refuse a workbook whose parts would inflate past MAX_INFLATED_BYTES.

    The sizes come from the zip's central directory; zipfile never inflates
    a member past its declared size, so a lying directory cannot get round it.
    """
    try:
        with zipfile.ZipFile(handle) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        inflated = 0  # not a zip at all: openpyxl says so in its own sentence
    finally:
        handle.seek(0)
    if inflated > MAX_INFLATED_BYTES:
        log.warning("workbook refused: it would inflate to %d bytes", inflated)
        raise RosterError(
            f"{name} would unpack to {inflated // 2**20} MB, "
            "more than a roster or an agenda needs; save it again as .xlsx or CSV."
        )


def _read_workbook(handle: BinaryIO, name: str, openpyxl: Any, invalid: type[Exception]) -> Table:
    try:
        # A file object, not the path: openpyxl judges a path by its suffix,
        # and a workbook saved as "roster.csv" is still a workbook.
        # read_only streams the sheet instead of building every cell object;
        # data_only gives the values Excel last calculated, not formulas.
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, invalid, KeyError, ParseError, ValueError) as error:
        # The class only: a parser's message can quote a cell, a name.
        log.warning("not a readable workbook: %s", type(error).__name__)
        raise RosterError(
            f"{name} is not a readable XLSX workbook; open it in a spreadsheet program "
            "and save it again as .xlsx or CSV."
        ) from None
    except OSError as error:
        raise RosterError(f"{name} cannot be read ({error.strerror or error}).") from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise RosterError(f"{name} has no worksheet.")
        records = [
            (number, [_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except (zipfile.BadZipFile, KeyError, ParseError, ValueError, EOFError) as error:
        log.warning("damaged workbook: %s", type(error).__name__)
        raise RosterError(f"{name} is a damaged XLSX workbook; save it again.") from None
    finally:
        workbook.close()
    header_row, headers = first_non_blank(records, name)
    rows = [(number, cells) for number, cells in records if number > header_row]
    title = sheet.title if sheet is not None else ""
    return Table(headers, rows, header_row, f"XLSX, sheet {title!r}")


def _text(value: Any) -> str:
    """A cell as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        # Codes typed as numbers come back as floats: 12345.0 means "12345".
        return str(int(value))
    if isinstance(value, dt.datetime):
        # Excel stores dates as date-times; a date typed alone has no time.
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)

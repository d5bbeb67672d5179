"""A small streaming XLSX writer for large exports.

openpyxl needs about 15 s to write 100,000 rows here, three times the
export target, because it builds an element per cell. An XLSX file is a zip
of a few XML parts, and a sheet of plain text and numbers is simple XML, so
the rows are written as text straight into the zip. Strings are inline
(no shared-string table); formula-like text gets a style with Excel's quote
prefix. openpyxl reads the result back in the tests.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from kiosk.reports.files import needs_neutralising

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

# Characters XML 1.0 cannot carry at all: dropped rather than corrupt the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Style indexes in styles.xml below.
PLAIN, QUOTED, BOLD = 0, 1, 2

Cell = str | int | float | None


def _text(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        text = escape(text)
    if text != text.strip():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def _row(values: Sequence[Cell], bold: bool) -> str:
    """One row without cell references: each cell, empty ones too, takes the
    next column, which keeps the XML short and the loop fast."""
    cells = []
    for value in values:
        if value is None or value == "":
            cells.append("<c/>")
        elif isinstance(value, bool | int | float):
            cells.append(f"<c><v>{value}</v></c>")
        elif bold:
            cells.append(f'<c t="inlineStr" s="{BOLD}">{_text(str(value))}</c>')
        elif needs_neutralising(value):
            cells.append(f'<c t="inlineStr" s="{QUOTED}">{_text(value)}</c>')
        else:
            cells.append(f'<c t="inlineStr">{_text(value)}</c>')
    return f"<row>{''.join(cells)}</row>"


class SheetWriter:
    """Rows are collected and written to the zip in chunks."""

    CHUNK = 2000

    def __init__(self, stream: BinaryIO, *, frozen_header: bool = False) -> None:
        self.stream = stream
        self.pending: list[str] = []
        self.rows = 0
        self.columns = 0
        # The header stays on screen while the rows scroll under it.
        view = (
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            if frozen_header
            else ""
        )
        stream.write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}">{view}<sheetData>'.encode()
        )

    def append(self, values: Sequence[Cell], *, bold: bool = False) -> None:
        self.pending.append(_row(values, bold))
        self.rows += 1
        self.columns = max(self.columns, len(values))
        if len(self.pending) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        # Markup never holds these characters, so one pass per chunk will do.
        self.stream.write(_NOT_XML.sub("", "".join(self.pending)).encode())
        self.pending.clear()

    def close(self, filter_range: str | None = None) -> None:
        """End the sheet; `filter_range` (A1:P20) gets the header's filter buttons."""
        self.flush()
        self.stream.write(b"</sheetData>")
        if filter_range:
            self.stream.write(f'<autoFilter ref="{filter_range}"/>'.encode())
        self.stream.write(b"</worksheet>")

    def table_range(self) -> str:
        """The cells written so far, as A1:P20."""
        return f"A1:{column_letters(max(self.columns, 1))}{max(self.rows, 1)}"


def column_letters(number: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA: a column's name in a cell reference."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


class WorkbookWriter:
    """Sheets are written one after another with `sheet(name)`."""

    def __init__(self, handle: BinaryIO) -> None:
        self.zip = zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=3)
        self.names: list[str] = []
        self.filters: dict[int, str] = {}  # sheet index (from 0) -> filtered range

    def sheet(self, name: str, rows: Iterable[Sequence[Cell]], header: Sequence[str] = ()) -> None:
        """A sheet of rows; with a `header`, a table: the header row bold,
        frozen and with filter buttons over every column."""
        self.names.append(name)
        with self.zip.open(f"xl/worksheets/sheet{len(self.names)}.xml", "w") as stream:
            writer = SheetWriter(stream, frozen_header=bool(header))  # type: ignore[arg-type]
            if header:
                writer.append(header, bold=True)
            for row in rows:
                writer.append(row)
            filtered = writer.table_range() if header else None
            writer.close(filtered)
        if filtered:
            self.filters[len(self.names) - 1] = filtered

    def discard(self) -> None:
        """After a failed write (a full disk): close the zip without raising.

        Left open, its finaliser would write the zip's directory later, to a
        file already closed and removed, and print a traceback on stderr.
        """
        with contextlib.suppress(OSError, ValueError):
            self.zip.close()

    def close(self) -> None:
        count = len(self.names)
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>'
            for i in range(1, count + 1)
        )
        self.zip.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>",
        )
        self.zip.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
            f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        sheets = "".join(
            f'<sheet name={quoteattr(name[:31])} sheetId="{i}" r:id="rId{i}"/>'
            for i, name in enumerate(self.names, start=1)
        )
        # Excel keeps each sheet's filtered range as this hidden name, and
        # some readers look for the filter there rather than in the sheet.
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
            f"{escape(_absolute(self.names[index], cells))}</definedName>"
            for index, cells in sorted(self.filters.items())
        )
        defined = f"<definedNames>{names}</definedNames>" if names else ""
        self.zip.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>{sheets}</sheets>'
            f"{defined}</workbook>",
        )
        relations = "".join(
            f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)
        )
        self.zip.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_RELS}">{relations}'
            f'<Relationship Id="rId{count + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
            "</Relationships>",
        )
        self.zip.writestr("xl/styles.xml", STYLES)
        self.zip.close()


def _absolute(sheet: str, cells: str) -> str:
    """'Sheet name'!$A$1:$P$20, as a defined name spells a range."""
    quoted = "'" + sheet[:31].replace("'", "''") + "'"
    start, end = (re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", part) for part in cells.split(":"))
    return f"{quoted}!{start}:{end}"

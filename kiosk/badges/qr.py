"""QR codes drawn as vector rectangles from the qrcode package's module matrix.

The matrix is `qrcode`'s, with the mask chosen faster (see qrmatrix).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import qrcode.constants
from reportlab.pdfgen.canvas import Canvas

from kiosk.badges.qrmatrix import Matrix, make_rows

QUIET_ZONE = 4  # modules; the QR standard's minimum

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
ERROR_LEVELS = (*_LEVELS, "auto")


def auto_level(payload: str) -> str:
    """More redundancy for short payloads, bigger modules for long ones.

    A ticket code of about 30 characters stays at a low version with level H,
    so a scuffed badge still scans; long payloads step down so that the
    modules stay large enough for a 203 dpi direct-thermal printer.
    """
    length = len(payload.encode("utf-8"))
    if length <= 40:
        return "H"
    if length <= 80:
        return "Q"
    if length <= 160:
        return "M"
    return "L"


def qr_rows(payload: str, level: str = "auto") -> tuple[str, ...]:
    """The module matrix without quiet zone, as rows of "0" and "1"."""
    chosen = auto_level(payload) if level == "auto" else level
    return make_rows(payload, _LEVELS[chosen])


def qr_matrix(payload: str, level: str = "auto") -> Matrix:
    """The module matrix without quiet zone."""
    return tuple(tuple(cell == "1" for cell in row) for row in qr_rows(payload, level))


_DARK_RUN = re.compile("1+")


def module_rectangles(rows: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """Dark modules of rows of "0" and "1" as few rectangles (column, row, width,
    height): each horizontal stretch, extended downwards while the rows below repeat it."""
    open_runs: dict[tuple[int, int], int] = {}  # (start, end) -> first row
    done: list[tuple[int, int, int, int]] = []
    for row_index, row in enumerate([*rows, ""]):  # the empty row closes every run
        runs = {match.span() for match in _DARK_RUN.finditer(row)}
        for start, end in open_runs.keys() - runs:
            first_row = open_runs.pop((start, end))
            done.append((start, first_row, end - start, row_index - first_row))
        for key in runs - open_runs.keys():
            open_runs[key] = row_index
    return sorted(done, key=lambda r: (r[1], r[0]))


@functools.lru_cache(maxsize=4096)
def qr_path(payload: str, level: str = "auto") -> tuple[int, str]:
    """Modules per side, and the dark modules as PDF path operators in module units
    (integers, so written once as text instead of number by number through reportlab).
    Cached: a reprint costs nothing."""
    rows = qr_rows(payload, level)
    rectangles = module_rectangles(rows)
    return len(rows), " ".join(f"{c} {r} {w} {h} re" for c, r, w, h in rectangles)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, side: float, level: str) -> float:
    """Draw a QR code with its quiet zone in the square at (x, y) of `side` points
    (y is the bottom edge). Returns the module size in points."""
    count, path = qr_path(payload, level)
    module = side / (count + 2 * QUIET_ZONE)
    left = x + QUIET_ZONE * module
    top = y + side - QUIET_ZONE * module
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, side, side, stroke=0, fill=1)  # the quiet zone must be light
    canvas.setFillColorRGB(0, 0, 0)
    # In module units from the symbol's top-left corner, the rectangles have
    # integer corners: short to write, exact at any printer resolution.
    canvas.translate(left, top)
    canvas.scale(module, -module)
    canvas.addLiteral(f"{path} f")  # non-zero fill; the rectangles never overlap
    canvas.restoreState()
    return module

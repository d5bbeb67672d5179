"""QR codes drawn as vector rectangles from the qrcode package's module matrix.

The matrix is `qrcode`'s, with the mask chosen faster (see qrmatrix).
"""

from __future__ import annotations

import functools

import qrcode.constants
from reportlab.pdfgen.canvas import Canvas

from kiosk.badges.qrmatrix import Matrix, make_matrix

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


@functools.lru_cache(maxsize=4096)
def qr_matrix(payload: str, level: str = "auto") -> Matrix:
    """The module matrix without quiet zone (cached: a reprint costs nothing)."""
    chosen = auto_level(payload) if level == "auto" else level
    return make_matrix(payload, _LEVELS[chosen])


def module_rectangles(matrix: Matrix) -> list[tuple[int, int, int, int]]:
    """Dark modules as few rectangles (column, row, width, height): each horizontal
    stretch, extended downwards while the rows below repeat it."""
    open_runs: dict[tuple[int, int], list[int]] = {}  # (start, end) -> [row, height]
    done: list[tuple[int, int, int, int]] = []
    for row_index, row in enumerate(matrix):
        runs = set()
        column, count = 0, len(row)
        while column < count:
            if not row[column]:
                column += 1
                continue
            start = column
            while column < count and row[column]:
                column += 1
            runs.add((start, column))
        for key in list(open_runs):
            if key in runs:
                open_runs[key][1] += 1
                runs.discard(key)
            else:
                first_row, height = open_runs.pop(key)
                done.append((key[0], first_row, key[1] - key[0], height))
        for key in runs:
            open_runs[key] = [row_index, 1]
    for (start, end), (first_row, height) in open_runs.items():
        done.append((start, first_row, end - start, height))
    return sorted(done, key=lambda r: (r[1], r[0]))


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, side: float, level: str) -> float:
    """Draw a QR code with its quiet zone in the square at (x, y) of `side` points
    (y is the bottom edge). Returns the module size in points."""
    matrix = qr_matrix(payload, level)
    count = len(matrix)
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
    path = canvas.beginPath()
    for column, row, width, height in module_rectangles(matrix):
        path.rect(column, row, width, height)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return module

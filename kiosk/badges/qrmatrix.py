"""The QR module matrix, with the mask chosen by bit-parallel penalty scores.

`qrcode` encodes the payload (segments, version, Reed-Solomon blocks) and
draws the function patterns; what it does slowly is choosing the mask: it
places the data eight times and scores each result cell by cell in Python,
about 70 % of a badge's time. Here the data is placed once, each module
grid is one Python integer (a row of n modules and one empty padding bit
per row, or the same for columns), and the four penalty rules of ISO/IEC
18004 are counted with shifts, ANDs and `int.bit_count`. The rules are
scored exactly as `qrcode` scores them (format areas light while scoring),
so the chosen mask, and the whole matrix, are the ones `qrcode` makes; the
tests compare the two on random payloads.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

import qrcode
import qrcode.util

Matrix = tuple[tuple[bool, ...], ...]

# Rule 3's two finder-like patterns, dark (1) and light (0) from left to right.
_FINDER_LIKE = ("10111010000", "00001011101")


@dataclass(frozen=True, slots=True)
class _Layout:
    """What depends only on the version: the grid, the data path, the masks."""

    size: int  # modules per side
    stride: int  # bits per row in the packed integers: size + 1 padding bit
    cells: int  # data modules, in placement order
    rows_from_bits: Callable[[str], tuple[str, ...]]  # bit string -> row-major cells, MSB first
    cols_from_bits: Callable[[str], tuple[str, ...]]  # the same, column-major
    inside: int  # every real cell (no padding), row-major; the same value column-major
    masks: tuple[tuple[int, int], ...]  # per mask: data cells it flips (rows, columns)
    function_rows: int  # dark function modules with blank format areas (as scored)
    function_cols: int


def _blank(version: int, error_correction: int) -> qrcode.QRCode:  # type: ignore[type-arg]
    """A QRCode of this version with only its function patterns drawn (format areas blank)."""
    code: qrcode.QRCode = qrcode.QRCode(  # type: ignore[type-arg]
        version=version, error_correction=error_correction, border=0
    )
    size = code.modules_count = version * 4 + 17
    code.modules = [[None] * size for _ in range(size)]
    code.setup_position_probe_pattern(0, 0)
    code.setup_position_probe_pattern(size - 7, 0)
    code.setup_position_probe_pattern(0, size - 7)
    code.setup_position_adjust_pattern()
    code.setup_timing_pattern()
    return code


def _placement(modules: list[list[bool | None]]) -> list[tuple[int, int]]:
    """The data cells in the order the standard fills them: two-column strips
    from the bottom-right, up and down in turn, skipping the vertical timing column."""
    size = len(modules)
    order: list[tuple[int, int]] = []
    upward = True
    column = size - 1
    while column > 0:
        if column == 6:
            column -= 1
        rows = range(size - 1, -1, -1) if upward else range(size)
        for row in rows:
            for col in (column, column - 1):
                if modules[row][col] is None:
                    order.append((row, col))
        upward = not upward
        column -= 2
    return order


def _pack(cells: set[tuple[int, int]], size: int, stride: int, transpose: bool = False) -> int:
    value = 0
    for row, col in cells:
        if transpose:
            row, col = col, row
        value |= 1 << (row * stride + col)
    return value


@functools.cache
def _layout(version: int) -> _Layout:
    code = _blank(version, qrcode.constants.ERROR_CORRECT_M)
    code.setup_type_info(True, 0)  # reserve the format areas (light, as when scoring)
    if version >= 7:
        code.setup_type_number(True)
    modules = code.modules
    size, stride = len(modules), len(modules) + 1
    order = _placement(modules)
    position = {cell: index for index, cell in enumerate(order)}
    blank = len(order)  # index of a "0" appended after the data bits

    def getter(transpose: bool) -> Callable[[str], tuple[str, ...]]:
        indexes = []
        for bit in range(size * stride - 1, -1, -1):  # most significant bit first
            row, col = divmod(bit, stride)
            if transpose:
                row, col = col, row
            indexes.append(blank if col >= size else position.get((row, col), blank))
        return itemgetter(*indexes)

    dark = {(r, c) for r in range(size) for c in range(size) if modules[r][c]}
    everything = {(r, c) for r in range(size) for c in range(size)}
    masks = []
    for pattern in range(8):
        flips = qrcode.util.mask_func(pattern)
        flipped = {(r, c) for r, c in order if flips(r, c)}
        masks.append((_pack(flipped, size, stride), _pack(flipped, size, stride, True)))
    return _Layout(
        size=size,
        stride=stride,
        cells=len(order),
        rows_from_bits=getter(False),
        cols_from_bits=getter(True),
        inside=_pack(everything, size, stride),
        masks=tuple(masks),
        function_rows=_pack(dark, size, stride),
        function_cols=_pack(dark, size, stride, True),
    )


@functools.cache
def _final_function_modules(version: int, error_correction: int, mask: int) -> int:
    """Dark function modules of the finished symbol: format and version information drawn."""
    code = _blank(version, error_correction)
    code.setup_type_info(False, mask)
    if version >= 7:
        code.setup_type_number(False)
    modules = code.modules
    size = len(modules)
    dark = {(r, c) for r in range(size) for c in range(size) if modules[r][c]}
    return _pack(dark, size, size + 1)


def _runs(colour: int) -> int:
    """Rule 1 along the packed direction: a run of n >= 5 scores n - 2."""
    five = colour & (colour >> 1) & (colour >> 2) & (colour >> 3) & (colour >> 4)
    # Such a run holds n - 4 windows of five, and one of them starts it.
    starts = five & ~(five << 1)
    return five.bit_count() + 2 * starts.bit_count()


def _blocks(colour: int, stride: int) -> int:
    """Rule 2: 2x2 blocks of one colour, 3 each."""
    block = colour & (colour >> 1) & (colour >> stride) & (colour >> (stride + 1))
    return 3 * block.bit_count()


def _finder_like(dark: int, light: int) -> int:
    """Rule 3: windows of eleven that look like a finder pattern beside light space, 40 each."""
    count = 0
    for pattern in _FINDER_LIKE:
        hits = -1
        for offset, symbol in enumerate(pattern):
            hits &= (dark if symbol == "1" else light) >> offset
        count += hits.bit_count()
    return 40 * count


def _penalty(rows: int, cols: int, layout: _Layout) -> int:
    """The four rules for one masked symbol, given row-major and column-major."""
    light_rows, light_cols = layout.inside & ~rows, layout.inside & ~cols
    score = _blocks(rows, layout.stride) + _blocks(light_rows, layout.stride)
    for dark, light in ((rows, light_rows), (cols, light_cols)):
        score += _runs(dark) + _runs(light) + _finder_like(dark, light)
    # Rule 4 with the same float arithmetic as qrcode, so that ties break the same way.
    percent = float(rows.bit_count()) / (layout.size**2)
    return score + int(abs(percent * 100 - 50) / 5) * 10


def make_matrix(payload: str, error_correction: int) -> Matrix:
    """The module matrix (no quiet zone) that `qrcode` would make, made faster."""
    code: qrcode.QRCode = qrcode.QRCode(  # type: ignore[type-arg]
        error_correction=error_correction, border=0
    )
    code.add_data(payload)
    version = code.best_fit()
    data = qrcode.util.create_data(version, code.error_correction, code.data_list)
    layout = _layout(version)
    bits = "".join(format(byte, "08b") for byte in data)[: layout.cells]
    bits = bits.ljust(layout.cells, "0") + "0"
    data_rows = int("".join(layout.rows_from_bits(bits)), 2)
    data_cols = int("".join(layout.cols_from_bits(bits)), 2)
    best_mask, best_score = 0, -1
    for pattern, (flip_rows, flip_cols) in enumerate(layout.masks):
        score = _penalty(
            layout.function_rows | (data_rows ^ flip_rows),
            layout.function_cols | (data_cols ^ flip_cols),
            layout,
        )
        if best_score < 0 or score < best_score:
            best_mask, best_score = pattern, score
    flip_rows = layout.masks[best_mask][0]
    final = _final_function_modules(version, error_correction, best_mask)
    final |= data_rows ^ flip_rows
    size, stride = layout.size, layout.stride
    text = format(final, f"0{size * stride}b")[::-1]
    return tuple(
        tuple(cell == "1" for cell in text[row * stride : row * stride + size])
        for row in range(size)
    )

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

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

import qrcode
import qrcode.base
import qrcode.exceptions
import qrcode.util

Matrix = tuple[tuple[bool, ...], ...]


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
    """Rule 3: windows of eleven that look like a finder pattern (1011101) with four
    light modules after it (10111010000) or before it (00001011101), 40 each."""
    # Offsets 1, 4, 5, 6 and 9 are the same in both patterns.
    core = (light >> 1) & (dark >> 4) & (light >> 5) & (dark >> 6) & (light >> 9)
    after = core & dark & (dark >> 2) & (dark >> 3) & (light >> 7) & (light >> 8) & (light >> 10)
    before = core & light & (light >> 2) & (light >> 3) & (dark >> 7) & (dark >> 8) & (dark >> 10)
    return 40 * (after.bit_count() + before.bit_count())


def _penalty(rows: int, cols: int, layout: _Layout) -> int:
    """The four rules for one masked symbol, given row-major and column-major."""
    light_rows, light_cols = layout.inside & ~rows, layout.inside & ~cols
    score = _blocks(rows, layout.stride) + _blocks(light_rows, layout.stride)
    for dark, light in ((rows, light_rows), (cols, light_cols)):
        score += _runs(dark) + _runs(light) + _finder_like(dark, light)
    # Rule 4 with the same float arithmetic as qrcode, so that ties break the same way.
    percent = float(rows.bit_count()) / (layout.size**2)
    return score + int(abs(percent * 100 - 50) / 5) * 10


class _Bits:
    """Collects what qrcode's segments write (it stands in for qrcode's BitBuffer) as text."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def put(self, number: int, length: int) -> None:
        self.parts.append(format(number, f"0{length}b"))


def _gf_multiply(a: int, b: int) -> int:
    if not a or not b:
        return 0
    return qrcode.base.EXP_TABLE[(qrcode.base.LOG_TABLE[a] + qrcode.base.LOG_TABLE[b]) % 255]


@functools.cache
def _remainder_table(degree: int) -> tuple[int, ...]:
    """For each byte f, f times the generator polynomial's lower coefficients, packed
    big-endian into one integer: the register update of the Reed-Solomon division."""
    generator = [1]
    for power in range(degree):  # the product of (x - a^i) for i < degree
        root = qrcode.base.EXP_TABLE[power]
        generator = [
            high ^ _gf_multiply(low, root)
            for high, low in zip([*generator, 0], [0, *generator], strict=True)
        ]
    lower = generator[1:]
    return tuple(
        int.from_bytes(bytes(_gf_multiply(c, factor) for c in lower), "big")
        for factor in range(256)
    )


def _error_correction(data: bytes, degree: int) -> bytes:
    """The Reed-Solomon check bytes of one block (the remainder of data * x^degree)."""
    table = _remainder_table(degree)
    shift, mask = 8 * (degree - 1), (1 << (8 * degree)) - 1
    register = 0
    for byte in data:
        register = ((register << 8) & mask) ^ table[byte ^ (register >> shift)]
    return register.to_bytes(degree, "big")


def _segment_bits(data_list: list[qrcode.util.QRData], version: int) -> str:
    """The payload's segments as bits, with the mode and length fields of this version."""
    bits = _Bits()
    for segment in data_list:
        bits.put(segment.mode, 4)
        bits.put(len(segment), qrcode.util.length_in_bits(segment.mode, version))
        if segment.mode == qrcode.util.MODE_8BIT_BYTE:
            bits.put(int.from_bytes(segment.data, "big"), 8 * len(segment.data))
        else:
            segment.write(bits)  # type: ignore[arg-type]  # _Bits has the one method it calls
    return "".join(bits.parts)


def _fit(data_list: list[qrcode.util.QRData], error_correction: int) -> tuple[int, str]:
    """The smallest version that holds the segments (as qrcode's best_fit), and their bits."""
    start = 1
    while True:
        text = _segment_bits(data_list, start)
        limits = qrcode.util.BIT_LIMIT_TABLE[error_correction]
        version = bisect.bisect_left(limits, len(text), start)
        if version == 41:
            raise qrcode.exceptions.DataOverflowError(f"{len(text)} bits do not fit a QR code")
        sizes = qrcode.util.mode_sizes_for_version
        if sizes(version) is sizes(start):
            return version, text
        start = version  # longer length fields: count again


def _codeword_bits(version: int, error_correction: int, text: str) -> str:
    """The final sequence of codewords as bits: data, padding, check bytes, interleaved."""
    blocks = qrcode.base.rs_blocks(version, error_correction)
    limit = sum(block.data_count * 8 for block in blocks)
    if len(text) > limit:
        raise qrcode.exceptions.DataOverflowError(f"{len(text)} bits > {limit}")
    text += "0" * min(limit - len(text), 4)  # terminator
    text += "0" * (-len(text) % 8)
    padding = "1110110000010001" * limit  # 0xEC, 0x11 alternating
    text += padding[: limit - len(text)]
    data = int(text, 2).to_bytes(limit // 8, "big")
    data_blocks, check_blocks, offset = [], [], 0
    for block in blocks:
        chunk = data[offset : offset + block.data_count]
        offset += block.data_count
        data_blocks.append(chunk)
        check_blocks.append(_error_correction(chunk, block.total_count - block.data_count))
    interleaved = bytearray()
    for group in (data_blocks, check_blocks):
        for index in range(max(len(chunk) for chunk in group)):
            interleaved.extend(chunk[index] for chunk in group if index < len(chunk))
    return format(int.from_bytes(interleaved, "big"), f"0{8 * len(interleaved)}b")


def make_rows(payload: str, error_correction: int) -> tuple[str, ...]:
    """The module matrix that `qrcode` would make (no quiet zone), as rows of "0" and "1"."""
    code: qrcode.QRCode = qrcode.QRCode(  # type: ignore[type-arg]
        error_correction=error_correction, border=0
    )
    code.add_data(payload)
    version, text = _fit(code.data_list, error_correction)
    layout = _layout(version)
    bits = _codeword_bits(version, error_correction, text)[: layout.cells]
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
    final = _final_function_modules(version, error_correction, best_mask)
    final |= data_rows ^ layout.masks[best_mask][0]
    size, stride = layout.size, layout.stride
    text = format(final, f"0{size * stride}b")[::-1]
    return tuple(text[row * stride : row * stride + size] for row in range(size))


def make_matrix(payload: str, error_correction: int) -> Matrix:
    """The module matrix that `qrcode` would make (no quiet zone), as booleans."""
    return tuple(tuple(cell == "1" for cell in row) for row in make_rows(payload, error_correction))

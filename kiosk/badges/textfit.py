"""Fitting text into a box: shrink, then wrap, then (names) initials, then an ellipsis.

All measurements are in points. A line is measured once at 1 pt; widths and
heights scale linearly with the size, so choosing a size is arithmetic, not
a loop of re-measuring.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from kiosk.badges.fonts import FontChain, ShapedRun, shape_run, split_runs, visual_order

ELLIPSIS = "…"
# Lines are as tall as their ink, but never shorter than a Latin ascender and
# descender, so that ordinary names share one baseline whatever their letters.
MIN_ASCENT = 0.76
MIN_DESCENT = -0.24
LINE_GAP = 0.15  # between lines, per 1 pt of size
MAX_SPLITS = 24
# Break after a hyphen, before a word, or between two Chinese or Japanese
# characters (those scripts need no spaces to break a line).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_BREAK = re.compile(rf"(?<=[-‐])|(?<=\s)(?=\S)|(?<=[{_CJK}])(?=[{_CJK}])")


@dataclass(frozen=True, slots=True)
class MeasuredLine:
    text: str
    runs: tuple[ShapedRun, ...]  # in visual (drawing) order
    width: float  # at 1 pt, of the ink as well as the advances
    lead: float  # at 1 pt: where the first run starts, right of the ink's left edge
    ascent: float  # at 1 pt
    descent: float  # at 1 pt, negative
    dropped: str

    @property
    def height(self) -> float:
        return self.ascent - self.descent


@dataclass(frozen=True, slots=True)
class FittedText:
    """What to draw: lines at one size, and how the fit was reached."""

    lines: tuple[MeasuredLine, ...]
    size: float
    steps: tuple[str, ...] = ()  # e.g. ("shrunk",), ("initials", "wrapped"), ("truncated",)

    @property
    def width(self) -> float:
        return max((line.width for line in self.lines), default=0.0) * self.size

    @property
    def height(self) -> float:
        return stack_height(self.lines) * self.size

    @property
    def dropped(self) -> str:
        return "".join(line.dropped for line in self.lines)


def stack_height(lines: tuple[MeasuredLine, ...] | list[MeasuredLine]) -> float:
    """Height at 1 pt of lines set one under the other."""
    return sum(line.height for line in lines) + LINE_GAP * max(0, len(lines) - 1)


def normalise(text: str) -> str:
    """NFC, with runs of whitespace (tabs, newlines) folded into one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def measure(text: str, chain: FontChain) -> MeasuredLine:
    runs, dropped = split_runs(text, chain)
    shaped = [shape_run(run.font, run.text) for run in runs]
    ascent = max([MIN_ASCENT, *(r.ascent for r in shaped)])
    descent = min([MIN_DESCENT, *(r.descent for r in shaped)])
    ordered = visual_order(shaped)
    pen, left, right = 0.0, 0.0, 0.0
    for run in ordered:
        left, right = min(left, pen + run.ink_left), max(right, pen + run.ink_right)
        pen += run.width
    return MeasuredLine(
        text=text,
        runs=tuple(ordered),
        width=right - left,
        lead=-left,
        ascent=ascent,
        descent=descent,
        dropped=dropped,
    )


def shorten_middle(text: str, keep_last: bool) -> str | None:
    """'Bartholomew Alexander' -> 'Bartholomew A.'; None when nothing can be shortened.

    Only words of cased scripts become initials: a Chinese or Arabic word has
    no initial that reads as one.
    """
    words = text.split(" ")
    last = len(words) - 1 if keep_last else len(words)
    changed = False
    for index in range(1, last):
        word = words[index]
        if len(word) > 2 and word[0].isupper() and word[0] != word[0].lower():
            words[index] = word[0] + "."
            changed = True
    return " ".join(words) if changed else None


def _best_size(lines: list[MeasuredLine], width: float, height: float, largest: float) -> float:
    widest = max(line.width for line in lines)
    tall = stack_height(lines)
    size = largest
    if widest > 0:
        size = min(size, width / widest)
    return min(size, height / tall)


def _two_line_splits(text: str) -> list[tuple[str, str]]:
    splits = []
    for match in _BREAK.finditer(text):
        cut = match.start()
        if 0 < cut < len(text):
            first, second = text[:cut].rstrip(), text[cut:].lstrip()
            if first and second:
                splits.append((first, second))
    # Long text has many break points; the best split is near the middle, and
    # measuring hundreds of candidates would cost more than a badge may take.
    middle = len(text) / 2
    return sorted(splits, key=lambda pair: abs(len(pair[0]) - middle))[:MAX_SPLITS]


def _layouts(
    text: str, chain: FontChain, max_lines: int, width: float, height: float, largest: float
) -> list[tuple[float, list[MeasuredLine]]]:
    """Each way of setting `text` (one line, then every two-line split), with its largest size."""
    one = [measure(text, chain)]
    options = [(_best_size(one, width, height, largest), one)]
    if max_lines >= 2:
        for first, second in _two_line_splits(text):
            lines = [measure(first, chain), measure(second, chain)]
            options.append((_best_size(lines, width, height, largest), lines))
    return options


@functools.lru_cache(maxsize=8192)
def fit_text(
    text: str,
    chain: FontChain,
    width: float,
    height: float,
    largest: float,
    smallest: float,
    *,
    max_lines: int = 2,
    initials: str | None = None,
) -> FittedText:
    """Set `text` in a width x height box (points).

    Order: one line shrunk down to `smallest`; then two lines (at spaces or
    after hyphens); then, with `initials` ("first-name" or "full-name"),
    middle names as initials; finally the smallest size with the end cut
    off by an ellipsis (or, in a box too short for one line at the smallest
    size, a smaller size: the steps then end with "below-minimum"). The
    caller logs the steps. Results are cached: names, organisations and the
    event name repeat from badge to badge.
    """
    text = normalise(text)
    if not text:
        return FittedText((), largest)
    candidates: list[tuple[str, tuple[str, ...]]] = [(text, ())]
    if initials:
        short = shorten_middle(text, keep_last=initials == "full-name")
        if short:
            candidates.append((short, ("initials",)))
    for candidate, steps in candidates:
        options = _layouts(candidate, chain, max_lines, width, height, largest)
        size, lines = options[0]
        if size >= smallest:
            return FittedText(tuple(lines), size, (*steps, "shrunk") if size < largest else steps)
        best_size, best_lines = max(options[1:], key=lambda o: o[0], default=(0.0, lines))
        if best_size >= smallest:
            return FittedText(tuple(best_lines), best_size, (*steps, "wrapped"))
    return _truncate(candidates[-1][0], chain, width, height, smallest, max_lines)


def _truncate(
    text: str,
    chain: FontChain,
    width: float,
    height: float,
    size: float,
    max_lines: int,
) -> FittedText:
    """The last resort: the smallest size, as many lines as fit, the rest cut with an ellipsis."""
    one_line = measure("M", chain).height
    steps: tuple[str, ...] = ("truncated",)
    if one_line * size > height:
        size = height / one_line
        steps = ("truncated", "below-minimum")
    rows = max(1, min(max_lines, int((height / size + LINE_GAP) // (one_line + LINE_GAP))))
    lines: list[MeasuredLine] = []
    rest = text
    for row in range(rows):
        if not rest:
            break
        last = row == rows - 1
        line = _longest_prefix(rest, chain, width / size, ellipsis=last)
        lines.append(line)
        rest = rest[len(line.text) :].lstrip() if not last else ""
    # The measured lines may use a taller fallback font, or be one ellipsis
    # wider than a tiny box: shrink to what was measured.
    if stack_height(lines) * size > height:
        size = height / stack_height(lines)
    widest = max(line.width for line in lines)
    if widest * size > width:
        size = width / widest
    return FittedText(tuple(lines), size, steps)


def _longest_prefix(text: str, chain: FontChain, limit: float, *, ellipsis: bool) -> MeasuredLine:
    """The longest start of `text` narrower than `limit` (1 pt units), breaking at spaces
    where possible; with `ellipsis`, the cut is marked."""
    whole = measure(text, chain)
    if whole.width <= limit:
        return whole
    low, high = 0, len(text)
    while low < high:  # binary search on characters: widths grow with length
        middle = (low + high + 1) // 2
        piece = text[:middle].rstrip() + (ELLIPSIS if ellipsis else "")
        if measure(piece, chain).width <= limit:
            low = middle
        else:
            high = middle - 1
    cut = low
    if not ellipsis:
        space = text.rfind(" ", 0, cut + 1)
        if space > 0:
            cut = space
    piece = text[:cut].rstrip()
    return measure(piece + ELLIPSIS if ellipsis else piece or text[:1], chain)

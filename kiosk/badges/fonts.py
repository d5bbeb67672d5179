"""Badge fonts: registration once per process, per-character fallback and shaping.

reportlab embeds TrueType outlines only, so every font here is a .ttf shipped
under resources/fonts/. A string is split into runs, each drawn with the first
font of the role's chain that has a glyph for it; characters no font has are
dropped (and logged) so that a badge never shows a missing-glyph box.
"""

from __future__ import annotations

import functools
import logging
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeFragWord

from kiosk.badges.resources import fonts_dir

log = logging.getLogger("kiosk.badges")

# Fonts tried after a role's primary font, in order. Droid has no Hangul, so
# the order between the CJK fonts does not matter for Korean.
_FALLBACK: tuple[tuple[str, str, str], ...] = (
    # (family, regular file, bold file)
    ("NotoSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("NotoSansArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    ("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    ("NotoSansDevanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    ("DroidSansFallback", "DroidSansFallbackFull.ttf", "DroidSansFallbackFull.ttf"),
    ("NanumSquare", "NanumSquareR.ttf", "NanumSquareB.ttf"),
)
BUILTIN_ROLES = ("regular", "bold")

# Code points of scripts that need HarfBuzz (joining, reordering, right to
# left): Hebrew to Sinhala, and the Hebrew and Arabic presentation forms.
_COMPLEX_RANGES = ((0x0590, 0x0DFF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFE))
# Discretionary ligatures in Noto Sans Arabic add vowel marks to some names.
SHAPING_FEATURES = {"kern": True, "liga": True, "dlig": False}

# Bidi controls and other invisible format characters are dropped; ZWJ and
# ZWNJ are kept because they change how Arabic and Devanagari join.
_KEEP_FORMAT = {"\u200c", "\u200d"}
_DROP_CATEGORIES = {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}

# Guards registration and shaping: a printing thread and the screens may
# render at the same time, and both touch reportlab's shared font objects.
_lock = threading.RLock()
_loaded: dict[Path, LoadedFont] = {}


class FontError(Exception):
    """A font file is missing or is not a TrueType font reportlab can embed."""


@dataclass(frozen=True, slots=True)
class LoadedFont:
    """A registered font with what layout needs to know about it."""

    name: str  # the name registered with reportlab
    path: Path
    cmap: frozenset[int]  # code points with a real glyph, taken before shaping adds any
    ascent: float  # per 1 pt of size, the highest ink of any glyph
    descent: float  # per 1 pt, negative

    def has(self, char: str) -> bool:
        return ord(char) in self.cmap


def load_font(path: Path) -> LoadedFont:
    """Register a TrueType file once per process; the same path gives the same font."""
    with _lock:
        if path in _loaded:
            return _loaded[path]
        name = "Kiosk-" + path.stem
        try:
            font = TTFont(name, str(path))
        except Exception as error:  # reportlab raises bare TTFError / OSError variants
            raise FontError(f"{path.name} cannot be used as a TrueType font ({error})") from None
        pdfmetrics.registerFont(font)
        face = font.face
        loaded = _loaded[path] = LoadedFont(
            name=name,
            path=path,
            cmap=frozenset(c for c, g in face.charToGlyph.items() if g),
            ascent=max(face.ascent, face.bbox[3]) / 1000,
            descent=min(face.descent, face.bbox[1]) / 1000,
        )
        return loaded


def font_files() -> list[Path]:
    """Every shipped font file, for screens that must cover the same scripts."""
    return sorted({fonts_dir() / name for _, *files in _FALLBACK for name in files})


def builtin_font(family: str, role: str) -> LoadedFont:
    for name, regular, bold in _FALLBACK:
        if name == family:
            return load_font(fonts_dir() / (bold if role == "bold" else regular))
    raise FontError(f"no built-in font family {family!r}")


class FontChain:
    """The primary font of a role followed by the script fallbacks.

    Fallback fonts are loaded only when a character needs them, so a badge of
    Latin names never parses the 4 MB CJK file.
    """

    def __init__(self, primary: LoadedFont | None, role: str) -> None:
        self.role = "bold" if role == "bold" else "regular"
        self._primary = primary
        self._loaded: list[LoadedFont | None] = [None] * len(_FALLBACK)

    def fonts(self) -> list[LoadedFont]:
        """Every font of the chain (loads them all)."""
        return [self._font(i) for i in range(-1 if self._primary else 0, len(_FALLBACK))]

    def _font(self, index: int) -> LoadedFont:
        if index < 0:
            assert self._primary is not None
            return self._primary
        font = self._loaded[index]
        if font is None:
            font = self._loaded[index] = builtin_font(_FALLBACK[index][0], self.role)
        return font

    def font_for(self, char: str) -> LoadedFont | None:
        start = -1 if self._primary else 0
        for index in range(start, len(_FALLBACK)):
            font = self._font(index)
            if font.has(char):
                return font
        return None


@functools.cache
def chain_for(role: str, primary_path: Path | None = None) -> FontChain:
    primary = load_font(primary_path) if primary_path else None
    return FontChain(primary, role)


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive characters drawn with one font."""

    font: LoadedFont
    text: str

    @property
    def rtl(self) -> bool:
        return any(unicodedata.bidirectional(c) in ("R", "AL") for c in self.text)

    @property
    def strong(self) -> bool:
        return any(unicodedata.bidirectional(c) in ("L", "R", "AL") for c in self.text)


def _droppable(char: str) -> bool:
    category = unicodedata.category(char)
    if category in _DROP_CATEGORIES:
        return True
    return category == "Cf" and char not in _KEEP_FORMAT


def split_runs(text: str, chain: FontChain) -> tuple[list[Run], str]:
    """Runs of `text` by font, and the characters no font could draw.

    Marks, joiners and neutral characters (spaces, digits, punctuation) stay
    in the current run when its font has them, so shaping sees whole words.
    """
    runs: list[tuple[LoadedFont, list[str]]] = []
    dropped: list[str] = []
    for char in text:
        if _droppable(char):
            dropped.append(char)
            continue
        current = runs[-1][0] if runs else None
        sticky = unicodedata.combining(char) or unicodedata.bidirectional(char) not in (
            "L",
            "R",
            "AL",
        )
        if current is not None and sticky and current.has(char):
            runs[-1][1].append(char)
            continue
        font = chain.font_for(char)
        if font is None:
            dropped.append(char)
            continue
        if font is current:
            runs[-1][1].append(char)
        else:
            runs.append((font, [char]))
    return [Run(font, "".join(chars)) for font, chars in runs], "".join(dropped)


@dataclass(frozen=True, slots=True)
class ShapedRun:
    """A run ready to draw: the string for reportlab and its width at 1 pt."""

    font: LoadedFont
    source: str
    drawn: str  # a ShapedStr when HarfBuzz changed anything
    width: float
    rtl: bool
    strong: bool
    ascent: float  # per 1 pt: the highest ink above the baseline, stacked marks included
    descent: float  # per 1 pt: the lowest ink (negative below the baseline)
    ink_left: float  # per 1 pt from the run's start: <= 0
    ink_right: float  # per 1 pt from the run's start: >= width


def _needs_shaping(run: Run) -> bool:
    """Latin, Greek, Cyrillic and CJK runs are drawn as they are (and stay
    extractable from the PDF); complex scripts and combining marks are shaped."""
    for char in run.text:
        point = ord(char)
        if unicodedata.combining(char) or char in _KEEP_FORMAT:
            return True
        if any(low <= point <= high for low, high in _COMPLEX_RANGES):
            return True
    return False


@functools.lru_cache(maxsize=20000)
def shape_run(font: LoadedFont, text: str) -> ShapedRun:
    """Shape a run once; widths scale linearly with size, so one result serves every size."""
    run = Run(font, text)
    drawn: str = text
    if _needs_shaping(run):
        with _lock:  # shaping may add private code points to the shared face
            word = [0.0, (ABag(fontName=font.name, fontSize=1000.0), text)]
            shaped = shapeFragWord(word, features=SHAPING_FEATURES, force=True)
        pieces = [piece for _, piece in shaped[1:]]
        drawn = pieces[0] if len(pieces) == 1 else text
    if isinstance(drawn, ShapedStr):
        # Set by reportlab's shaping at run time; not in its stubs.
        width = sum(sd.x_advance for sd in drawn.__shapeData__) / 1000  # type: ignore[attr-defined]
    else:
        width = pdfmetrics.stringWidth(text, font.name, 1.0)
    left, right, top, bottom = _ink_extent(font, drawn)
    return ShapedRun(
        font=font,
        source=text,
        drawn=drawn,
        width=width,
        rtl=run.rtl,
        strong=run.strong,
        ascent=top,
        descent=bottom,
        ink_left=min(0.0, left),
        ink_right=max(width, right),
    )


def _ink_extent(font: LoadedFont, drawn: str) -> tuple[float, float, float, float]:
    """Left, right, top and bottom of the ink per 1 pt, from the run's start and baseline.

    Stacked combining marks climb above the font's own bounding box and a
    mark with no letter before it hangs left of its position; the layout
    must know, or they would leave the text box.
    """
    ttf = cast(TTFont, pdfmetrics.getFont(font.name))  # every font loaded here is TrueType
    face = ttf.face
    hb_font = ttf.hbFont(1000)
    scale: Callable[[float], float] = ttf.pdfScale  # font units to 1/1000 pt; untyped in stubs
    shape_data = getattr(drawn, "__shapeData__", None)
    left = right = top = bottom = pen = 0.0
    for index, char in enumerate(drawn):
        glyph = face.charToGlyph.get(ord(char))
        if shape_data is not None:
            data = shape_data[index]
            dx, dy, advance = data.x_offset, data.y_offset, data.x_advance
        else:
            dx, dy, advance = 0.0, 0.0, face.charWidths.get(ord(char), 0)
        extents = hb_font.get_glyph_extents(glyph) if glyph is not None else None
        if extents is not None and extents.width and extents.height:
            x = pen + dx + scale(extents.x_bearing)
            y = dy + scale(extents.y_bearing)
            left, right = min(left, x), max(right, x + scale(extents.width))
            top, bottom = max(top, y), min(bottom, y + scale(extents.height))
        pen += advance
    return left / 1000, right / 1000, top / 1000, bottom / 1000


def visual_order(runs: list[ShapedRun]) -> list[ShapedRun]:
    """Order runs left to right for drawing (a word-level simplification of the bidi algorithm).

    HarfBuzz already returns each right-to-left run in visual order; what is
    left is the order of the runs: the base direction is that of the first
    strong character, and each stretch of the opposite direction is reversed.
    """
    base_rtl = next((r.rtl for r in runs if r.strong), False)
    groups: list[tuple[bool, list[ShapedRun]]] = []
    for run in runs:
        direction = run.rtl if run.strong else None
        if direction is None:
            direction = groups[-1][0] if groups else base_rtl
        if groups and groups[-1][0] == direction:
            groups[-1][1].append(run)
        else:
            groups.append((direction, [run]))
    ordered: list[ShapedRun] = []
    if base_rtl:
        groups.reverse()
    for direction, members in groups:
        ordered.extend(reversed(members) if direction else members)
    return ordered

"""The elements a template is made of, and their validation.

Each parser takes one element's table from the file and either returns a
frozen element or raises TemplateError naming the file, the element and the
problem.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from kiosk.badges.fields import FIELD_NAMES
from kiosk.badges.qr import ERROR_LEVELS

ALIGNMENTS = ("left", "center", "right")
VERTICAL = ("top", "middle", "bottom")
INITIALS = ("first-name", "full-name")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_TOLERANCE = 0.05  # mm: templates written in inches round a little


class TemplateError(Exception):
    """A template that cannot be used; the message names file, element and problem."""


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class TextElement:
    kind: ClassVar[str] = "text"
    box: Box
    text: str  # a format string over the fields (see fields)
    font: str
    max_size: float
    min_size: float
    align: str
    valign: str
    max_lines: int
    initials: str | None
    colour: str
    uppercase: bool


@dataclass(frozen=True, slots=True)
class QrElement:
    kind: ClassVar[str] = "qr"
    box: Box
    payload: str
    level: str


@dataclass(frozen=True, slots=True)
class ImageElement:
    kind: ClassVar[str] = "image"
    box: Box
    path: Path


@dataclass(frozen=True, slots=True)
class BandElement:
    kind: ClassVar[str] = "band"
    box: Box
    field: str
    colours: tuple[tuple[str, str], ...]  # category -> "#rrggbb"
    labels: tuple[tuple[str, str], ...]  # category -> text shown (default: the category)
    default_colour: str
    text_colour: str
    font: str
    max_size: float
    min_size: float
    align: str
    uppercase: bool

    def colour_for(self, value: str) -> str:
        return dict(self.colours).get(value, self.default_colour)

    def label_for(self, value: str) -> str:
        return dict(self.labels).get(value, value)


@dataclass(frozen=True, slots=True)
class LineElement:
    kind: ClassVar[str] = "line"
    start: tuple[float, float]
    end: tuple[float, float]
    width: float
    colour: str


# An element's `kind` is its type's name in a template file (ELEMENT_PARSERS)
# and names the method that draws it (drawing.BadgePainter._draw_<kind>).
Element = TextElement | QrElement | ImageElement | BandElement | LineElement


class _Reader:
    """Typed access to one element's table, with errors that say where."""

    def __init__(self, item: dict[str, Any], label: str, allowed: set[str]) -> None:
        self.item, self.label = item, label
        unknown = set(item) - allowed - {"type"}
        if unknown:
            raise TemplateError(f"{label}: unknown setting {sorted(unknown)[0]!r}")

    def fail(self, problem: str) -> TemplateError:
        return TemplateError(f"{self.label}: {problem}")

    def number(self, key: str, default: float | None = None, positive: bool = True) -> float:
        value = self.item.get(key, default)
        if value is None:
            raise self.fail(f"{key} is missing")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{key} must be a number, not {value!r}")
        if positive and value <= 0:
            raise self.fail(f"{key} must be more than 0")
        return float(value)

    def choice(self, key: str, options: tuple[str, ...], default: str | None) -> str:
        value = self.item.get(key, default)
        if value not in options:
            raise self.fail(f"{key} must be one of {', '.join(options)}, not {value!r}")
        return str(value)

    def colour(self, key: str, default: str) -> str:
        value = self.item.get(key, default)
        if not isinstance(value, str) or not _COLOUR.match(value):
            raise self.fail(f"{key} must be a colour like '#1a2b3c', not {value!r}")
        return value

    def text(self, key: str, default: str | None = None) -> str:
        value = self.item.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"{key} must be text")
        check_format(value, self)
        return value

    def box(self, width: float, height: float) -> Box:
        raw = self.item.get("box")
        if (
            not isinstance(raw, list)
            or len(raw) != 4
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw)
        ):
            raise self.fail("box must be [x, y, width, height] in mm")
        box = Box(*(float(v) for v in raw))
        if box.width <= 0 or box.height <= 0:
            raise self.fail("box width and height must be more than 0")
        if (
            box.x < -_TOLERANCE
            or box.y < -_TOLERANCE
            or box.x + box.width > width + _TOLERANCE
            or box.y + box.height > height + _TOLERANCE
        ):
            raise self.fail(f"box {raw} reaches outside the {width:g} × {height:g} mm badge")
        return box

    def font(self, roles: set[str]) -> str:
        role = self.item.get("font", "regular")
        if role not in roles:
            raise self.fail(f"font {role!r} is not defined (known: {', '.join(sorted(roles))})")
        return str(role)

    def sizes(self) -> tuple[float, float]:
        largest = self.number("max_size")
        smallest = self.number("min_size", default=min(6.0, largest))
        if smallest > largest:
            raise self.fail("min_size is larger than max_size")
        return largest, smallest


def check_format(text: str, reader: _Reader) -> None:
    """Only plain fields from the registry: no attribute access, no format specs."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise reader.fail(f"{text!r} is not a valid format string ({error})") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in FIELD_NAMES or spec or conversion:
            raise reader.fail(f"unknown field {{{name}}} (known: {', '.join(FIELD_NAMES)})")


def _text(
    item: dict[str, Any], label: str, w: float, h: float, roles: set[str], _: Path
) -> TextElement:
    keys = {"box", "text", "font", "max_size", "min_size", "align", "valign", "max_lines"}
    r = _Reader(item, label, keys | {"initials", "colour", "uppercase"})
    largest, smallest = r.sizes()
    initials = item.get("initials")
    if initials is not None and initials not in INITIALS:
        raise r.fail(f"initials must be one of {', '.join(INITIALS)}")
    lines = r.number("max_lines", 2)
    if lines not in (1, 2):
        raise r.fail("max_lines must be 1 or 2")
    return TextElement(
        box=r.box(w, h),
        text=r.text("text"),
        font=r.font(roles),
        max_size=largest,
        min_size=smallest,
        align=r.choice("align", ALIGNMENTS, "center"),
        valign=r.choice("valign", VERTICAL, "middle"),
        max_lines=int(lines),
        initials=initials,
        colour=r.colour("colour", "#000000"),
        uppercase=bool(item.get("uppercase", False)),
    )


def _qr(
    item: dict[str, Any], label: str, w: float, h: float, roles: set[str], _: Path
) -> QrElement:
    r = _Reader(item, label, {"box", "payload", "error_correction"})
    box = r.box(w, h)
    return QrElement(
        box=box,
        payload=r.text("payload", "{code}"),
        level=r.choice("error_correction", ERROR_LEVELS, "auto"),
    )


def _image(
    item: dict[str, Any], label: str, w: float, h: float, roles: set[str], folder: Path
) -> ImageElement:
    r = _Reader(item, label, {"box", "path"})
    name = item.get("path")
    if not isinstance(name, str):
        raise r.fail("path must name an image file next to the template")
    path = folder / name
    if not path.is_file():
        raise r.fail(f"image file {name!r} not found")
    return ImageElement(box=r.box(w, h), path=path)


def _pairs(r: _Reader, key: str, colours: bool) -> tuple[tuple[str, str], ...]:
    table = r.item.get(key, {})
    if not isinstance(table, dict):
        raise r.fail(f"{key} must be a table of category = value")
    for category, value in table.items():
        if not isinstance(value, str) or (colours and not _COLOUR.match(value)):
            raise r.fail(
                f"{key}.{category} must be {'a colour like #1a2b3c' if colours else 'text'}"
            )
    return tuple((str(k), str(v)) for k, v in table.items())


def _band(
    item: dict[str, Any], label: str, w: float, h: float, roles: set[str], _: Path
) -> BandElement:
    keys = {"box", "field", "colours", "labels", "default_colour", "text_colour", "font"}
    r = _Reader(item, label, keys | {"max_size", "min_size", "align", "uppercase"})
    largest, smallest = r.sizes()
    return BandElement(
        box=r.box(w, h),
        field=r.text("field", "{category}"),
        colours=_pairs(r, "colours", colours=True),
        labels=_pairs(r, "labels", colours=False),
        default_colour=r.colour("default_colour", "#555555"),
        text_colour=r.colour("text_colour", "#ffffff"),
        font=r.font(roles),
        max_size=largest,
        min_size=smallest,
        align=r.choice("align", ALIGNMENTS, "center"),
        uppercase=bool(item.get("uppercase", True)),
    )


def _line(
    item: dict[str, Any], label: str, w: float, h: float, roles: set[str], _: Path
) -> LineElement:
    r = _Reader(item, label, {"from", "to", "width", "colour"})
    points = []
    for key in ("from", "to"):
        point = item.get(key)
        if not isinstance(point, list) or len(point) != 2:
            raise r.fail(f"{key} must be [x, y] in mm")
        x, y = (float(v) for v in point)
        if not (-_TOLERANCE <= x <= w + _TOLERANCE and -_TOLERANCE <= y <= h + _TOLERANCE):
            raise r.fail(f"{key} {point} lies outside the {w:g} × {h:g} mm badge")
        points.append((x, y))
    return LineElement(points[0], points[1], r.number("width", 0.3), r.colour("colour", "#000000"))


ELEMENT_PARSERS: dict[
    str, Callable[[dict[str, Any], str, float, float, set[str], Path], Element]
] = {
    "text": _text,
    "qr": _qr,
    "image": _image,
    "band": _band,
    "line": _line,
}

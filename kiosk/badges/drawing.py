"""Drawing one template's badges on a reportlab canvas: one method per element kind.

`BadgePainter` looks each element's drawing method up by the element's kind
(`_draw_text` for a text element, `_draw_qr` for a QR code, ...), once, when
it is made for a template; what does not change from badge to badge (boxes
in points, fonts, colours) is worked out then too, not for every badge.
"""

from __future__ import annotations

import functools
import logging
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kiosk.badges.elements import (
    ELEMENT_PARSERS,
    BandElement,
    Box,
    Element,
    ImageElement,
    LineElement,
    QrElement,
    TextElement,
)
from kiosk.badges.fields import EVENT_FIELD_NAMES, field_values
from kiosk.badges.fonts import chain_for
from kiosk.badges.qr import draw_qr
from kiosk.badges.templates import Template
from kiosk.badges.textfit import LINE_GAP, FittedText, fit_text
from kiosk.badges.units import PT_PER_MM
from kiosk.domain.models import Attendee, Event

log = logging.getLogger("kiosk.badges")

BAND_PADDING_MM = 1.5

PointBox = tuple[float, float, float, float]  # x, y, width, height from the bottom-left


@dataclass(slots=True)
class Drawn:
    """What one element put on the badge, in badge points from the bottom-left (for tests)."""

    index: int
    kind: str
    box: PointBox
    ink: PointBox | None = None
    text: FittedText | None = None
    module: float = 0.0  # QR module size in points


@dataclass(slots=True)
class Recorder:
    badges: list[list[Drawn]] = field(default_factory=list)


@functools.lru_cache(maxsize=32)
def _image(path: Path) -> ImageReader:
    return ImageReader(str(path))


@functools.lru_cache(maxsize=256)
def _colour(hex_text: str) -> Color:
    return HexColor(hex_text)


def _point_box(box: Box, template: Template) -> PointBox:
    """A top-left mm box as a bottom-left point box."""
    return (
        box.x * PT_PER_MM,
        (template.height - box.y - box.height) * PT_PER_MM,
        box.width * PT_PER_MM,
        box.height * PT_PER_MM,
    )


def _same_on_every_badge(element: Element) -> bool:
    if isinstance(element, LineElement | ImageElement):
        return True
    if isinstance(element, TextElement):
        names = {name for _, name, _, _ in string.Formatter().parse(element.text) if name}
        return names <= EVENT_FIELD_NAMES  # one event per batch
    return False  # bands and QR codes show an attendee's category or code


# A drawing method: (element index, element, field values, context for the log).
Draw = Callable[[int, Any, dict[str, str], str], Drawn | None]


class BadgePainter:
    """Draws badges of one template on one canvas, each at the canvas origin."""

    def __init__(self, canvas: Canvas, template: Template) -> None:
        self.canvas = canvas
        self.template = template
        # Looked up once: a kind with no method fails here, not on some badge.
        self._draws: dict[str, Draw] = {
            kind: getattr(self, f"_draw_{kind}") for kind in ELEMENT_PARSERS
        }
        self._boxes = [
            _point_box(element.box, template) if not isinstance(element, LineElement) else None
            for element in template.elements
        ]
        self._forms: dict[int, str | None] = {}

    def draw(self, attendee: Attendee, event: Event, drawn: list[Drawn] | None = None) -> None:
        """Draw one badge; with `drawn`, every element is drawn and recorded there."""
        values = field_values(attendee, event)
        context = f"(attendee {attendee.id}, template {self.template.name})"
        for index, element in enumerate(self.template.elements):
            if drawn is None and index in self._forms:
                name = self._forms[index]
                if name is not None:
                    self.canvas.doForm(name)
                continue
            record = self._draws[element.kind](index, element, values, context)
            if drawn is not None and record is not None:
                drawn.append(record)

    def draw_static_once(self, attendee: Attendee, event: Event) -> None:
        """Draw each run of consecutive elements that look the same on every
        badge (lines, images, the event's name) once, as a form XObject that
        every badge drawn afterwards without recording shows: fitted once per
        batch, stored once in the file. Runs keep their place among the other
        elements, so nothing changes which element is drawn over which. Call
        before the first page is drawn."""
        values = field_values(attendee, event)
        context = f"(template {self.template.name}, drawn once per batch)"
        width, height = self.template.width * PT_PER_MM, self.template.height * PT_PER_MM
        name: str | None = None
        for index, element in enumerate(self.template.elements):
            if not _same_on_every_badge(element):
                if name is not None:
                    self.canvas.endForm()
                    name = None
                continue
            if name is None:
                name = f"kiosk-static-{index}"
                self._forms[index] = name
                # A box much larger than the badge: a form clips to it, a badge never does.
                self.canvas.beginForm(name, -width, -height, 2 * width, 2 * height)  # type: ignore[arg-type]  # any number works; the stub says int
            else:
                self._forms[index] = None
            self._draws[element.kind](index, element, values, context)
        if name is not None:
            self.canvas.endForm()

    # -- one method per element kind ---------------------------------------

    def _draw_line(
        self, index: int, element: LineElement, values: dict[str, str], context: str
    ) -> None:
        canvas, height = self.canvas, self.template.height
        canvas.setStrokeColor(_colour(element.colour))
        canvas.setLineWidth(element.width * PT_PER_MM)
        (x1, y1), (x2, y2) = element.start, element.end
        canvas.line(
            x1 * PT_PER_MM, (height - y1) * PT_PER_MM, x2 * PT_PER_MM, (height - y2) * PT_PER_MM
        )

    def _draw_text(
        self, index: int, element: TextElement, values: dict[str, str], context: str
    ) -> Drawn:
        box = self._box(index)
        value = element.text.format(**values)
        if element.uppercase:
            value = value.upper()
        fitted = self._fit(value, element.font, box, element, index, context, element.max_lines)
        self.canvas.setFillColor(_colour(element.colour))
        ink = _set_lines(self.canvas, fitted, box, element.align, element.valign)
        return Drawn(index, type(element).__name__, box, ink, fitted)

    def _draw_band(
        self, index: int, element: BandElement, values: dict[str, str], context: str
    ) -> Drawn:
        box = self._box(index)
        value = element.field.format(**values)
        self.canvas.setFillColor(_colour(element.colour_for(value)))
        self.canvas.rect(*box, stroke=0, fill=1)
        label = element.label_for(value)
        if element.uppercase:
            label = label.upper()
        pad = BAND_PADDING_MM * PT_PER_MM
        inner = (box[0] + pad, box[1] + pad / 2, box[2] - 2 * pad, box[3] - pad)
        fitted = self._fit(label, element.font, inner, element, index, context, 1)
        self.canvas.setFillColor(_colour(element.text_colour))
        ink = _set_lines(self.canvas, fitted, inner, element.align, "middle")
        return Drawn(index, type(element).__name__, box, ink, fitted)

    def _draw_qr(
        self, index: int, element: QrElement, values: dict[str, str], context: str
    ) -> Drawn:
        box = self._box(index)
        record = Drawn(index, type(element).__name__, box)
        payload = element.payload.format(**values)
        if payload:
            side = min(box[2], box[3])
            x = box[0] + (box[2] - side) / 2
            y = box[1] + (box[3] - side) / 2
            record.module = draw_qr(self.canvas, payload, x, y, side, element.level)
            record.ink = (x, y, side, side)
        return record

    def _draw_image(
        self, index: int, element: ImageElement, values: dict[str, str], context: str
    ) -> Drawn:
        box = self._box(index)
        self.canvas.drawImage(
            _image(element.path), *box, preserveAspectRatio=True, anchor="c", mask="auto"
        )
        return Drawn(index, type(element).__name__, box, ink=box)

    # -- shared by the methods above ---------------------------------------

    def _box(self, index: int) -> PointBox:
        box = self._boxes[index]
        assert box is not None  # every element but a line has a box
        return box

    def _fit(
        self,
        text: str,
        role: str,
        box: PointBox,
        element: TextElement | BandElement,
        index: int,
        context: str,
        max_lines: int,
    ) -> FittedText:
        fitted = fit_text(
            text,
            chain_for(role, self.template.font_path(role)),
            box[2],
            box[3],
            element.max_size,
            element.min_size,
            max_lines=max_lines,
            initials=element.initials if isinstance(element, TextElement) else None,
        )
        _log_fit(fitted, index, context, element.min_size)
        return fitted


def _set_lines(
    canvas: Canvas, fitted: FittedText, box: PointBox, align: str, valign: str
) -> PointBox | None:
    """Write fitted lines into the box; the ink's box, or None when nothing was written."""
    if not fitted.lines:
        return None
    x0, y0, width, height = box
    size = fitted.size
    total = fitted.height
    top = {"top": y0 + height, "bottom": y0 + total}.get(valign, y0 + (height + total) / 2)
    left_most = x0 + width
    cursor = top
    for line in fitted.lines:
        baseline = cursor - line.ascent * size
        line_width = line.width * size
        x = {"left": x0, "right": x0 + width - line_width}.get(align, x0 + (width - line_width) / 2)
        left_most = min(left_most, x)
        x += line.lead * size
        text = canvas.beginText()
        for run in line.runs:
            text.setTextOrigin(x, baseline)
            text.setFont(run.font.name, size)
            text.textOut(run.drawn)
            x += run.width * size
        canvas.drawText(text)
        cursor -= (line.height + LINE_GAP) * size
    return (left_most, top - total, fitted.width, total)


def _log_fit(fitted: FittedText, index: int, context: str, smallest: float) -> None:
    if fitted.dropped:
        log.warning(
            "element %d: %d character(s) no font can draw were left out %s",
            index,
            len(fitted.dropped),
            context,
        )
    if "truncated" in fitted.steps:
        log.warning(
            "element %d: text cut with an ellipsis at %.1f pt to fit its box %s",
            index,
            fitted.size,
            context,
        )
    elif fitted.lines and fitted.size <= smallest + 0.01:
        log.info("element %d set at its smallest size, %.1f pt %s", index, fitted.size, context)
    elif any(step in fitted.steps for step in ("wrapped", "initials")):
        log.info(
            "element %d fitted by %s at %.1f pt %s",
            index,
            "+".join(fitted.steps),
            fitted.size,
            context,
        )

"""Drawing badges with reportlab: one badge, many badges, single cards or sheets."""

from __future__ import annotations

import functools
import io
import logging
import string
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kiosk.badges import batch
from kiosk.badges.elements import (
    BandElement,
    Box,
    Element,
    ImageElement,
    LineElement,
    QrElement,
    TextElement,
)
from kiosk.badges.fields import EVENT_FIELD_NAMES, field_values
from kiosk.badges.fonts import FontChain, chain_for
from kiosk.badges.qr import draw_qr
from kiosk.badges.stock import Stock, find_stock
from kiosk.badges.templates import Template, load_template
from kiosk.badges.textfit import LINE_GAP, FittedText, fit_text
from kiosk.badges.units import PT_PER_MM
from kiosk.domain.models import Attendee, Event

log = logging.getLogger("kiosk.badges")

CUT_MARK_MM = 5.0
BAND_PADDING_MM = 1.5


@dataclass(slots=True)
class Drawn:
    """What one element put on the badge, in badge points from the bottom-left (for tests)."""

    index: int
    kind: str
    box: tuple[float, float, float, float]  # x, y, width, height
    ink: tuple[float, float, float, float] | None = None
    text: FittedText | None = None
    module: float = 0.0  # QR module size in points


@dataclass(slots=True)
class Recorder:
    badges: list[list[Drawn]] = field(default_factory=list)


@functools.lru_cache(maxsize=32)
def _image(path: Path) -> ImageReader:
    return ImageReader(str(path))


def _chain(template: Template, role: str) -> FontChain:
    return chain_for(role, template.font_path(role))


def _pt_box(box: Box, template: Template) -> tuple[float, float, float, float]:
    """A top-left mm box as a bottom-left point box."""
    return (
        box.x * PT_PER_MM,
        (template.height - box.y - box.height) * PT_PER_MM,
        box.width * PT_PER_MM,
        box.height * PT_PER_MM,
    )


def _draw_text(
    canvas: Canvas,
    fitted: FittedText,
    box: tuple[float, float, float, float],
    align: str,
    valign: str,
) -> tuple[float, float, float, float] | None:
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


def draw_badge(
    canvas: Canvas,
    template: Template,
    attendee: Attendee,
    event: Event,
    drawn: list[Drawn] | None = None,
    forms: dict[int, str | None] | None = None,
) -> None:
    """Draw one badge with its bottom-left corner at the canvas origin, at design size.

    `forms` maps the indexes of elements already drawn into form XObjects
    (see `static_forms`) to the form to show there (None: shown with an
    earlier element of the same form).
    """
    values = field_values(attendee, event)
    context = f"(attendee {attendee.id}, template {template.name})"
    for index, element in enumerate(template.elements):
        if forms is not None and index in forms:
            name = forms[index]
            if name is not None:
                canvas.doForm(name)
            continue
        record = _draw_element(canvas, template, index, element, values, context)
        if drawn is not None and record is not None:
            drawn.append(record)


def _draw_element(
    canvas: Canvas,
    template: Template,
    index: int,
    element: Element,
    values: dict[str, str],
    context: str,
) -> Drawn | None:
    if isinstance(element, LineElement):
        canvas.setStrokeColor(_colour(element.colour))
        canvas.setLineWidth(element.width * PT_PER_MM)
        (x1, y1), (x2, y2) = element.start, element.end
        canvas.line(
            x1 * PT_PER_MM,
            (template.height - y1) * PT_PER_MM,
            x2 * PT_PER_MM,
            (template.height - y2) * PT_PER_MM,
        )
        return None
    box = _pt_box(element.box, template)
    record = Drawn(index, type(element).__name__, box)
    if isinstance(element, TextElement):
        value = element.text.format(**values)
        if element.uppercase:
            value = value.upper()
        fitted = fit_text(
            value,
            _chain(template, element.font),
            box[2],
            box[3],
            element.max_size,
            element.min_size,
            max_lines=element.max_lines,
            initials=element.initials,
        )
        _log_fit(fitted, index, context, element.min_size)
        canvas.setFillColor(_colour(element.colour))
        record.ink = _draw_text(canvas, fitted, box, element.align, element.valign)
        record.text = fitted
    elif isinstance(element, BandElement):
        value = element.field.format(**values)
        canvas.setFillColor(_colour(element.colour_for(value)))
        canvas.rect(*box, stroke=0, fill=1)
        label = element.label_for(value)
        if element.uppercase:
            label = label.upper()
        pad = BAND_PADDING_MM * PT_PER_MM
        inner = (box[0] + pad, box[1] + pad / 2, box[2] - 2 * pad, box[3] - pad)
        fitted = fit_text(
            label,
            _chain(template, element.font),
            inner[2],
            inner[3],
            element.max_size,
            element.min_size,
            max_lines=1,
        )
        _log_fit(fitted, index, context, element.min_size)
        canvas.setFillColor(_colour(element.text_colour))
        record.ink = _draw_text(canvas, fitted, inner, element.align, "middle")
        record.text = fitted
    elif isinstance(element, QrElement):
        payload = element.payload.format(**values)
        side = min(box[2], box[3])
        x = box[0] + (box[2] - side) / 2
        y = box[1] + (box[3] - side) / 2
        if payload:
            record.module = draw_qr(canvas, payload, x, y, side, element.level)
            record.ink = (x, y, side, side)
    elif isinstance(element, ImageElement):
        canvas.drawImage(
            _image(element.path), *box, preserveAspectRatio=True, anchor="c", mask="auto"
        )
        record.ink = box
    return record


@functools.lru_cache(maxsize=256)
def _colour(hex_text: str) -> Color:
    return HexColor(hex_text)


def _same_on_every_badge(element: Element) -> bool:
    if isinstance(element, LineElement | ImageElement):
        return True
    if isinstance(element, TextElement):
        names = {name for _, name, _, _ in string.Formatter().parse(element.text) if name}
        return names <= EVENT_FIELD_NAMES  # one event per batch
    return False  # bands and QR codes show an attendee's category or code


def static_forms(
    canvas: Canvas, template: Template, attendee: Attendee, event: Event
) -> dict[int, str | None]:
    """Draw each run of consecutive elements that look the same on every badge
    (lines, images, the event's name) once, as a form XObject every badge of
    the PDF shows: drawn and fitted once per batch, stored once in the file.
    Runs keep their place among the other elements, so nothing changes which
    element is drawn over which. Call before the first page is drawn."""
    values = field_values(attendee, event)
    context = f"(template {template.name}, drawn once per batch)"
    forms: dict[int, str | None] = {}
    name: str | None = None
    for index, element in enumerate(template.elements):
        if not _same_on_every_badge(element):
            if name is not None:
                canvas.endForm()
                name = None
            continue
        if name is None:
            name = f"kiosk-static-{index}"
            forms[index] = name
            # A box much larger than the badge: a form clips to it, a badge never does.
            width, height = template.width * PT_PER_MM, template.height * PT_PER_MM
            # reportlab takes any number here; its stubs say int.
            canvas.beginForm(name, -width, -height, 2 * width, 2 * height)  # type: ignore[arg-type]
        else:
            forms[index] = None
        _draw_element(canvas, template, index, element, values, context)
    if name is not None:
        canvas.endForm()
    return forms


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


def _cut_marks(canvas: Canvas, stock: Stock) -> None:
    """Short lines in the page margins in line with every label edge."""
    page_w, page_h = stock.page_width, stock.page_height
    xs = sorted(
        {x for x, _ in stock.positions} | {x + stock.label_width for x, _ in stock.positions}
    )
    ys = sorted(
        {y for _, y in stock.positions} | {y + stock.label_height for _, y in stock.positions}
    )
    left = min(x for x, _ in stock.positions)
    right = page_w - max(xs)
    top = min(y for _, y in stock.positions)
    bottom = page_h - max(ys)

    def reach(margin: float) -> float:
        return min(CUT_MARK_MM, margin - 1.0) if margin > 2.0 else CUT_MARK_MM

    canvas.saveState()
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.25)
    pt = PT_PER_MM
    for x in xs:
        canvas.line(x * pt, page_h * pt, x * pt, (page_h - reach(top)) * pt)
        canvas.line(x * pt, 0, x * pt, reach(bottom) * pt)
    for y in ys:
        canvas.line(0, (page_h - y) * pt, reach(left) * pt, (page_h - y) * pt)
        canvas.line(page_w * pt, (page_h - y) * pt, (page_w - reach(right)) * pt, (page_h - y) * pt)
    canvas.restoreState()


def _new_canvas(buffer: io.BytesIO, width_mm: float, height_mm: float) -> Canvas:
    canvas = Canvas(
        buffer,
        pagesize=(width_mm * PT_PER_MM, height_mm * PT_PER_MM),
        pageCompression=1,
        invariant=1,  # same input, same bytes: reprints and tests compare equal
    )
    canvas.setTitle("Name badges")
    canvas.setCreator("event-kiosk")
    return canvas


def render_badges_pdf(
    attendees: Sequence[Attendee],
    event: Event,
    template: str | None = None,
    *,
    stock: str | None = None,
    cut_marks: bool = False,
    recorder: Recorder | None = None,
    parallel: bool = True,
) -> bytes:
    """A PDF with one badge per attendee, in the order given.

    The template's own stock is used unless `stock` names another (a built-in
    name or "Brand Part" from glabels); the design is then scaled to fit the
    label and centred on it. Big batches are drawn by several processes
    where that pays (see batch), unless `parallel` is False.
    """
    design = load_template(template)
    paper = find_stock(stock) if stock else design.stock
    if parallel and recorder is None:
        workers = batch.split_worthwhile(len(attendees))
        if workers > 1:
            options = {"stock": stock, "cut_marks": cut_marks}
            return batch.render_split(attendees, event, template, paper.per_page, workers, options)
    scale = min(paper.label_width / design.width, paper.label_height / design.height)
    offset_x = (paper.label_width - design.width * scale) / 2
    offset_y = (paper.label_height - design.height * scale) / 2
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, paper.page_width, paper.page_height)
    per_page = paper.per_page
    # With a recorder (tests), every element is drawn on every badge and recorded.
    forms = (
        static_forms(canvas, design, attendees[0], event)
        if attendees and recorder is None
        else None
    )
    for number, attendee in enumerate(attendees):
        slot = number % per_page
        if slot == 0 and number:
            canvas.showPage()
        if slot == 0 and cut_marks and paper.is_sheet:
            _cut_marks(canvas, paper)
        x, y = paper.positions[slot]
        canvas.saveState()
        canvas.translate(
            (x + offset_x) * PT_PER_MM,
            (paper.page_height - y - paper.label_height + offset_y) * PT_PER_MM,
        )
        canvas.scale(scale, scale)
        drawn: list[Drawn] | None = [] if recorder is not None else None
        draw_badge(canvas, design, attendee, event, drawn, forms)
        if recorder is not None and drawn is not None:
            recorder.badges.append(drawn)
        canvas.restoreState()
    canvas.showPage()  # with no attendees, one blank page keeps the PDF valid
    canvas.save()
    return buffer.getvalue()


def render_single_badge_pdf(
    attendee: Attendee, event: Event, template: str | None = None, recorder: Recorder | None = None
) -> bytes:
    """One badge on a page of exactly the design size, whatever the template's stock."""
    design = load_template(template)
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, design.width, design.height)
    drawn: list[Drawn] = []
    draw_badge(canvas, design, attendee, event, drawn)
    if recorder is not None:
        recorder.badges.append(drawn)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# pdfium is not thread-safe; everything in the product that rasterises with
# pypdfium2 should hold this lock.
PDFIUM_LOCK = threading.Lock()


def render_badge_png(
    attendee: Attendee, event: Event, template: str | None = None, *, dpi: int = 150
) -> bytes:
    """The preview for screens: the same PDF, rasterised by pypdfium2."""
    import pypdfium2

    pdf = render_single_badge_pdf(attendee, event, template)
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            image = document[0].render(scale=dpi / 72).to_pil()
        finally:
            document.close()
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()

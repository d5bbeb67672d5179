"""Badges as PDF files: many badges on single cards or sheets, one badge, a preview.

What goes on one badge is drawn by drawing.BadgePainter; this module lays
badges out on pages of the stock and writes the file.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from kiosk.badges import batch
from kiosk.badges.drawing import BadgePainter, Drawn, Recorder
from kiosk.badges.stock import Stock, find_stock
from kiosk.badges.templates import load_template
from kiosk.badges.units import PT_PER_MM
from kiosk.domain.models import Attendee, Event

__all__ = ["PDFIUM_LOCK", "Recorder", "render_badge_png", "render_badges_pdf"]

CUT_MARK_MM = 5.0


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
    painter = BadgePainter(canvas, design)
    # With a recorder (tests), every element is drawn on every badge and
    # recorded; a lone badge (the print worker's) gains nothing from a form.
    if len(attendees) > 1 and recorder is None:
        painter.draw_static_once(attendees[0], event)
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
        painter.draw(attendee, event, drawn)
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
    BadgePainter(canvas, design).draw(attendee, event, drawn)
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

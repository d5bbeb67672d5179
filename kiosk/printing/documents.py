"""Turning a job into a PDF: the attendee's badge, or a printer's test page."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.printing.backends.base import PrintError
from kiosk.store import Store

MM_PER_POINT = 25.4 / 72

# Settings a station may hold for its badges.
TEMPLATE_SETTING = "badge_template"
STOCK_SETTING = "badge_stock"


@dataclass(frozen=True, slots=True)
class RenderedBadge:
    pdf: bytes
    width_mm: float
    height_mm: float


# A renderer gets the worker's own store and an attendee id.
Renderer = Callable[[Store, int], RenderedBadge]

_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def page_size_of(pdf: bytes) -> tuple[float, float]:
    """The first page's size in millimetres, read from the PDF's MediaBox."""
    match = _MEDIA_BOX.search(pdf)
    if not match:
        raise PrintError("The badge PDF has no page size.", transient=False)
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    return (x1 - x0) * MM_PER_POINT, (y1 - y0) * MM_PER_POINT


def render_badge(store: Store, attendee_id: int) -> RenderedBadge:
    """The real renderer: the badge engine, with the station's template and stock."""
    from kiosk.badges import StockError, TemplateError, render_badges_pdf

    attendee = store.attendee(attendee_id)
    if attendee is None:
        raise PrintError(f"There is no attendee {attendee_id}.", transient=False)
    template = store.setting(TEMPLATE_SETTING)
    stock = store.setting(STOCK_SETTING)
    try:
        pdf = render_badges_pdf([attendee], store.event(), template, stock=stock)
    except (TemplateError, StockError, ValueError, KeyError, OSError) as error:
        raise PrintError(f"The badge could not be drawn ({error}).", transient=False) from error
    width, height = page_size_of(pdf)
    return RenderedBadge(pdf, width, height)


def render_test_page(printer: str, size_mm: tuple[float, float] = (101.6, 76.2)) -> RenderedBadge:
    """A page that shows a printer works and how its edges and size come out."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    width, height = size_mm
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width * mm, height * mm), invariant=True)
    page.setTitle("Test page")
    page.setLineWidth(0.5)
    page.rect(2 * mm, 2 * mm, (width - 4) * mm, (height - 4) * mm)
    page.setFont("Helvetica-Bold", 14)
    page.drawCentredString(width * mm / 2, height * mm - 14 * mm, "Test page")
    page.setFont("Helvetica", 8)
    lines = [
        printer,
        f"{width:.1f} × {height:.1f} mm",
        dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "The frame should sit 2 mm inside every edge.",
    ]
    for n, line in enumerate(lines):
        page.drawCentredString(width * mm / 2, height * mm - (24 + 6 * n) * mm, line)
    page.showPage()
    page.save()
    return RenderedBadge(buffer.getvalue(), width, height)


DEFAULT_STOCK_MM = (101.6, 76.2)  # 4 × 3 in, the common badge-holder insert


def stock_size_mm(store: Store) -> tuple[float, float]:
    """The page size of the station's badges (for test pages and media checks)."""
    from kiosk.badges import StockError, TemplateError, find_stock, page_size_mm

    stock = store.setting(STOCK_SETTING)
    try:
        if stock:
            width, height = find_stock(stock).page_size
        else:
            width, height = page_size_mm(store.setting(TEMPLATE_SETTING))
    except (TemplateError, StockError, ValueError, OSError):
        return DEFAULT_STOCK_MM
    return float(width), float(height)

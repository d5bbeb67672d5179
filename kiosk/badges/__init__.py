"""Name badges as PDFs: templates as data, real stock, text that fits, QR codes that scan.

The public API:

- `render_badges_pdf(attendees, event, template=None, *, stock=None, cut_marks=False)`
- `render_badge_png(attendee, event, template=None, *, dpi=150)`
- `list_templates()`, `load_template(name)`, `page_size_mm(template)`
- `TemplateError` for templates that cannot be used, `StockError` for unknown stock.
"""

from kiosk.badges.elements import TemplateError
from kiosk.badges.pdf import render_badge_png, render_badges_pdf
from kiosk.badges.stock import Stock, StockError, find_stock
from kiosk.badges.templates import (
    DEFAULT_TEMPLATE,
    Template,
    TemplateInfo,
    list_templates,
    load_template,
    page_size_mm,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "Stock",
    "StockError",
    "Template",
    "TemplateError",
    "TemplateInfo",
    "find_stock",
    "list_templates",
    "load_template",
    "page_size_mm",
    "render_badge_png",
    "render_badges_pdf",
]

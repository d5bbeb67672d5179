"""Helpers for the badge tests: fixed attendees, rasterising, ink checks."""

from __future__ import annotations

import datetime as dt
import io

import pypdfium2
from PIL import Image, ImageDraw, ImageOps

from kiosk.domain.models import Attendee, Event

EVENT = Event("Spring Learning Day", "Main Hall", "Europe/London", dt.date(2026, 3, 10))


def person(first: str, last: str = "", *, id: int = 1, **fields: str) -> Attendee:
    """An attendee with a fixed code, so that rendered badges are reproducible."""
    values = {
        "code": "K7MX4PQ9TRW3HCDF6NVE9AJY4GKQ",
        "organisation": "Imperial College London",
        "job_title": "Research Fellow",
        "category": "Delegate",
        **fields,
    }
    return Attendee(id=id, first_name=first, last_name=last, **values)


def rasterise(
    pdf: bytes, dpi: float, *, colour: bool = False, printer: bool = False
) -> list[Image.Image]:
    """Every page as an image (greyscale unless `colour`) at `dpi`.

    With `printer`, like a direct-thermal or laser printer: no anti-aliasing,
    every dot either black or white.
    """
    options = {"no_smoothpath": True, "no_smoothtext": True} if printer else {}
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = [
            page.render(scale=dpi / 72, grayscale=not colour, **options).to_pil()
            for page in document
        ]
    finally:
        document.close()
    if printer:
        return [page.convert("L").point(lambda v: 0 if v < 128 else 255) for page in pages]
    return [page.convert("RGB" if colour else "L") for page in pages]


def ink_outside(
    image: Image.Image,
    box_mm: tuple[float, float, float, float],
    dpi: float,
    margin_mm: float = 0.3,
    threshold: int = 160,
) -> tuple[int, int, int, int] | None:
    """The bounding box of dark pixels outside a top-left mm box, or None when there are none."""
    scale = dpi / 25.4
    x, y, w, h = box_mm
    cleared = image.copy()
    ImageDraw.Draw(cleared).rectangle(
        [
            (x - margin_mm) * scale,
            (y - margin_mm) * scale,
            (x + w + margin_mm) * scale,
            (y + h + margin_mm) * scale,
        ],
        fill=255,
    )
    dark = ImageOps.invert(cleared.point(lambda v: 0 if v < threshold else 255))
    return dark.getbbox()


def png_image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))

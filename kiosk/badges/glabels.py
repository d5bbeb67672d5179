"""Reading the glabels label-template database (XML) as badge stock.

Debian's glabels-data package installs it; KIOSK_GLABELS_DIR or a parameter
points at another copy. Geometry is taken exactly as written there.
"""

from __future__ import annotations

import functools
import logging
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.badges.stock import Stock, StockError, check_fits, grid
from kiosk.badges.units import to_mm

log = logging.getLogger("kiosk.badges")

SYSTEM_DIR = Path("/usr/share/libglabels-3.0/templates")
ENV_VAR = "KIOSK_GLABELS_DIR"


def glabels_dir(folder: Path | None = None) -> Path | None:
    """The folder to read: the parameter, else $KIOSK_GLABELS_DIR, else the system copy."""
    if folder is not None:
        return folder
    if env := os.environ.get(ENV_VAR):
        return Path(env)
    return SYSTEM_DIR if SYSTEM_DIR.is_dir() else None


def glabels_stocks(folder: Path | None = None) -> dict[tuple[str, str], Stock]:
    """Every usable stock in the database, keyed by (brand, part); empty when there is none."""
    found = glabels_dir(folder)
    if found is None or not found.is_dir():
        return {}
    return _read_folder(str(found.resolve()))


def _length(element: ET.Element, name: str) -> float:
    return to_mm(element.get(name, "0"), default_unit="pt")


def _paper_sizes(folder: Path) -> dict[str, tuple[float, float]]:
    path = folder / "paper-sizes.xml"
    if not path.exists():
        return {}
    sizes = {}
    for paper in ET.parse(path).getroot().iter("Paper-size"):
        sizes[paper.get("id", "")] = (_length(paper, "width"), _length(paper, "height"))
    return sizes


@functools.cache
def _read_folder(folder_text: str) -> dict[tuple[str, str], Stock]:
    folder = Path(folder_text)
    papers = _paper_sizes(folder)
    stocks: dict[tuple[str, str], Stock] = {}
    aliases: list[tuple[str, str, str, str]] = []
    for path in sorted(folder.glob("*-templates.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            log.warning("skipping unreadable glabels file %s: %s", path.name, error)
            continue
        for template in root.iter("Template"):
            brand, part = template.get("brand", ""), template.get("part", "")
            if equiv := template.get("equiv"):
                aliases.append((brand, part, equiv, path.name))
                continue
            try:
                stock = _template_stock(template, papers, path.name)
            except (StockError, ValueError) as error:
                log.info("skipping glabels template %s %s: %s", brand, part, error)
                continue
            if stock is not None:
                stocks[(brand, part)] = stock
    for brand, part, equiv, source in aliases:
        original = stocks.get((brand, equiv))
        if original is not None:
            stocks[(brand, part)] = _renamed(original, brand, part, source, equiv)
    return stocks


def _renamed(original: Stock, brand: str, part: str, source: str, equiv: str) -> Stock:
    return Stock(
        name=f"{brand} {part}",
        description=f"{original.description} (as {brand} {equiv})".strip(),
        page_width=original.page_width,
        page_height=original.page_height,
        label_width=original.label_width,
        label_height=original.label_height,
        positions=original.positions,
        corner_radius=original.corner_radius,
        brand=brand,
        part=part,
        source=f"glabels {source}",
        categories=original.categories,
    )


def _template_stock(
    template: ET.Element, papers: dict[str, tuple[float, float]], source: str
) -> Stock | None:
    brand, part = template.get("brand", ""), template.get("part", "")
    size = template.get("size", "")
    if size in papers:
        page_w, page_h = papers[size]
    elif size == "Other":
        page_w, page_h = _length(template, "width"), _length(template, "height")
    else:
        raise StockError(f"unknown paper size {size!r}")
    label = next(
        (child for child in template if child.tag.startswith("Label-")),
        None,
    )
    if label is None or label.tag == "Label-cd":
        return None  # CD labels are no badge
    if label.tag == "Label-round":
        width = height = 2 * _length(label, "radius")
        radius = width / 2
    else:
        width, height = _length(label, "width"), _length(label, "height")
        radius = (
            _length(label, "round") if label.tag == "Label-rectangle" else min(width, height) / 2
        )
    positions: list[tuple[float, float]] = []
    for layout in label.iter("Layout"):
        positions.extend(
            grid(
                int(layout.get("nx", "1")),
                int(layout.get("ny", "1")),
                _length(layout, "x0"),
                _length(layout, "y0"),
                _length(layout, "dx"),
                _length(layout, "dy"),
            )
        )
    if not positions:
        positions = [(0.0, 0.0)]
    stock = Stock(
        name=f"{brand} {part}",
        description=template.get("_description", template.get("description", "")),
        page_width=page_w,
        page_height=page_h,
        label_width=width,
        label_height=height,
        positions=tuple(positions),
        corner_radius=radius,
        brand=brand,
        part=part,
        source=f"glabels {source}",
        categories=tuple(meta.get("category", "") for meta in template.iter("Meta")),
    )
    check_fits(stock, source)
    return stock

"""Stock: built-in sizes, sheet geometry as published by glabels, lookup by brand and part."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kiosk.badges import find_stock, page_size_mm
from kiosk.badges.glabels import glabels_stocks
from kiosk.badges.stock import StockError, builtin_stocks

INCH = 25.4

# The sizes the issue promises, in mm (width, height).
PROMISED = {
    "4x3in": (101.6, 76.2),
    "4x6in": (101.6, 152.4),
    "a6-landscape": (148.0, 105.0),
    "a6-portrait": (105.0, 148.0),
    "a7-landscape": (105.0, 74.0),
    "cr80": (85.6, 53.98),
    "54x90mm": (54.0, 90.0),
    "brother-62mm": (62.0, 100.0),
    "dymo-30856": (62.0, 106.0),
}
SHEETS = {  # name: (labels per page, label size, paper size)
    "avery-5392": (6, (4 * INCH, 3 * INCH), (8.5 * INCH, 11 * INCH)),
    "avery-5395": (8, (3.375 * INCH, 2.333333333 * INCH), (8.5 * INCH, 11 * INCH)),
    "a4-4xa6": (4, (105.0, 148.0), (210.0, 297.0)),
    "a4-8xa7": (8, (105.0, 74.0), (210.0, 297.0)),
}

needs_glabels = pytest.mark.skipif(
    not glabels_stocks(),
    reason="The glabels template database (Debian glabels-data) is not installed.",
)


@pytest.mark.parametrize(("name", "size"), PROMISED.items())
def test_single_stock_has_the_promised_size(name: str, size: tuple[float, float]) -> None:
    stock = find_stock(name)
    assert stock.per_page == 1
    assert stock.page_size == pytest.approx(size, abs=0.01)
    assert page_size_mm(name) == pytest.approx(size, abs=0.01)


@pytest.mark.parametrize(("name", "spec"), SHEETS.items())
def test_sheets_hold_their_labels_inside_the_paper(name: str, spec: tuple) -> None:
    count, label, paper = spec
    stock = find_stock(name)
    assert stock.per_page == count
    assert stock.label_size == pytest.approx(label, abs=0.01)
    assert stock.page_size == pytest.approx(paper, abs=0.01)
    for x, y in stock.positions:
        assert x >= 0 and x + stock.label_width <= stock.page_width + 1e-9
        assert y >= 0 and y + stock.label_height <= stock.page_height + 1e-9
    # No two labels overlap.
    for i, (x1, y1) in enumerate(stock.positions):
        for x2, y2 in stock.positions[i + 1 :]:
            apart_x = abs(x1 - x2) >= stock.label_width - 1e-9
            apart_y = abs(y1 - y2) >= stock.label_height - 1e-9
            assert apart_x or apart_y


def test_avery_5392_matches_the_published_layout() -> None:
    """Avery publishes 5392 as 2 × 3 inserts of 4 × 3 in, 1/4 in from the sides and
    1 in from the top of US Letter. glabels-data does not list 5392; when a
    glabels copy does, the geometry must be the same."""
    stock = find_stock("avery-5392")
    expected = [
        (0.25 * INCH + i * 4 * INCH, INCH + j * 3 * INCH) for j in range(3) for i in range(2)
    ]
    flat = [v for point in stock.positions for v in point]
    assert flat == pytest.approx([v for point in expected for v in point], abs=1e-9)
    published = glabels_stocks().get(("Avery", "5392"))
    if published is not None:
        assert published.positions == stock.positions
        assert published.label_size == stock.label_size


@needs_glabels
@pytest.mark.parametrize(
    ("builtin", "brand", "part"),
    [
        ("avery-5395", "Avery", "5395"),
        ("dymo-30856", "Dymo", "30856"),
    ],
)
def test_builtin_stock_matches_glabels_exactly(builtin: str, brand: str, part: str) -> None:
    ours = builtin_stocks()[builtin]
    theirs = glabels_stocks()[(brand, part)]
    assert ours.page_size == theirs.page_size
    assert ours.label_size == theirs.label_size
    assert ours.positions == theirs.positions
    assert math.isclose(ours.corner_radius, theirs.corner_radius, abs_tol=1e-9)


@needs_glabels
def test_glabels_stock_is_found_by_brand_and_part() -> None:
    stock = find_stock("Dymo 99015")
    assert stock.source.startswith("glabels")
    assert stock.label_size == (54.0, 70.0)
    # An equivalent part (glabels' equiv attribute) has the original's geometry.
    assert find_stock("Avery 8395").positions == find_stock("Avery 5395").positions


GLABELS_XML = """<?xml version="1.0"?>
<Glabels-templates>
  <Template brand="Acme" part="NB-10" size="A4" _description="Test badges">
    <Meta category="name-badge"/>
    <Label-rectangle id="0" width="90mm" height="55mm" round="3mm">
      <Layout nx="2" ny="5" x0="10mm" y0="11mm" dx="100mm" dy="55mm"/>
    </Label-rectangle>
  </Template>
  <Template brand="Acme" part="NB-11" equiv="NB-10"/>
  <Template brand="Acme" part="R-1" size="Other" width="144pt" height="72pt">
    <Label-rectangle id="0" width="2in" height="1in" round="0">
      <Layout nx="1" ny="1" x0="0" y0="0" dx="0" dy="0"/>
    </Label-rectangle>
  </Template>
</Glabels-templates>
"""
PAPER_XML = """<?xml version="1.0"?>
<Glabels-paper-sizes>
  <Paper-size id="A4" _name="A4" width="210mm" height="297mm"/>
</Glabels-paper-sizes>
"""


def test_a_glabels_folder_can_be_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "acme-templates.xml").write_text(GLABELS_XML)
    (tmp_path / "paper-sizes.xml").write_text(PAPER_XML)
    monkeypatch.setenv("KIOSK_GLABELS_DIR", str(tmp_path))
    stock = find_stock("Acme NB-10")
    assert stock.per_page == 10
    assert stock.page_size == (210.0, 297.0)
    assert stock.positions[:3] == ((10.0, 11.0), (110.0, 11.0), (10.0, 66.0))
    assert stock.corner_radius == 3.0
    assert find_stock("acme nb-11").positions == stock.positions
    roll = find_stock("Acme R-1", glabels_dir=tmp_path)
    assert roll.page_size == pytest.approx((50.8, 25.4))


def test_page_size_follows_a_stock_override() -> None:
    assert page_size_mm("4x3in", stock="avery-5395") == pytest.approx((215.9, 279.4))


def test_unknown_stock_is_one_plain_sentence() -> None:
    with pytest.raises(StockError, match="no badge stock called 'Nowhere 123'"):
        find_stock("Nowhere 123")

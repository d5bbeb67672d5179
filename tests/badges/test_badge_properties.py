"""Property: any Unicode string as a name renders without an exception and stays in its box."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from badge_helpers import EVENT, ink_outside, person, rasterise
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.badges import render_badges_pdf
from kiosk.badges.pdf import Recorder

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\u200f",
        "\u202e",
        "\u0301\u0301\u0301",
        "🦄👩‍👩‍👧",
        "ﷺ",
        "\ufeff",
        "A" * 500,
        "-" * 80,
    ]
)
NAMES = st.one_of(st.text(max_size=500), NASTY, st.lists(NASTY, max_size=4).map("".join))


@pytest.mark.expected_log("kiosk.badges", "no font can draw")
@pytest.mark.expected_log("kiosk.badges", "text cut with an ellipsis")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=NAMES, last=NAMES)
def test_any_name_renders_inside_its_boxes(first: str, last: str) -> None:
    recorder = Recorder()
    pdf = render_badges_pdf([person(first, last)], EVENT, recorder=recorder)
    assert pdf.startswith(b"%PDF")
    for item in recorder.badges[0]:
        if item.ink is None:
            continue
        x, y, w, h = item.box
        ix, iy, iw, ih = item.ink
        assert ix >= x - 0.01 and iy >= y - 0.01
        assert ix + iw <= x + w + 0.01 and iy + ih <= y + h + 0.01


BOX = (8.0, 20.0, 85.6, 24.0)
TEMPLATE = f"""
stock = "4x3in"

[[elements]]
type = "text"
box = [{BOX[0]}, {BOX[1]}, {BOX[2]}, {BOX[3]}]
text = "{{full_name}}"
font = "bold"
max_size = 48
min_size = 14
"""


@pytest.mark.expected_log("kiosk.badges", "no font can draw")
@pytest.mark.expected_log("kiosk.badges", "text cut with an ellipsis")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES)
def test_no_ink_leaves_the_name_box(name: str) -> None:
    path = Path(tempfile.gettempdir()) / "kiosk-property-name-only.toml"
    if not path.exists() or path.read_text(encoding="utf-8") != TEMPLATE:
        path.write_text(TEMPLATE, encoding="utf-8")
    (page,) = rasterise(render_badges_pdf([person(name)], EVENT, str(path)), 150)
    assert ink_outside(page, BOX, 150) is None

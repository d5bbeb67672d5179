"""Golden images: reference badges rasterised and compared pixel by pixel.

A layout change shows up as a failure with the rendered image and a diff
image in tests/badges/failures/. When a change is intended, regenerate the
references with KIOSK_UPDATE_GOLDEN=1 and look at them before committing.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from badge_helpers import EVENT, person
from PIL import Image, ImageChops

from kiosk.badges import render_badge_png
from kiosk.domain.models import Attendee

GOLDEN = Path(__file__).parent / "golden"
FAILURES = Path(__file__).parent / "failures"
DPI = 100
PIXEL_TOLERANCE = 48  # per channel: anti-aliasing may differ a little between builds
MAX_CHANGED = 0.002  # share of pixels allowed to differ beyond that

CASES: dict[str, tuple[Attendee, str]] = {
    "short-latin": (person("Zoë", "Ó Briain", category="Speaker"), "4x3in"),
    "long-name": (
        person(
            "Bartholomew Alexander",
            "Montgomery-Wolstenholme-Featherstonehaugh",
            organisation="Chelsea and Westminster Hospital NHS Foundation Trust",
            job_title="Consultant Physician and Honorary Senior Lecturer",
            category="Panellist",
        ),
        "4x3in",
    ),
    "mixed-script": (
        person("Wei", "张", category="Improvement Leader Fellow", organisation="Peking University"),
        "4x3in",
    ),
    "arabic-portrait": (
        person("محمد", "العلي", category="Patient & Public Partner", organisation=""),
        "4x6in",
    ),
    "devanagari-card": (person("प्रिया", "शर्मा", category="Staff"), "cr80"),
    "pronouns-credentials": (
        person("Zoë", "Ó Briain", category="Speaker", pronouns="she/her", credentials="RN, MSc"),
        "4x3in",
    ),
    "pronouns-credentials-portrait": (
        person("Siobhán", "Ní Bhriain", pronouns="they/them", credentials="FRCP, PhD"),
        "4x6in",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_badge_matches_its_golden_image(case: str) -> None:
    attendee, template = CASES[case]
    rendered = Image.open(io.BytesIO(render_badge_png(attendee, EVENT, template, dpi=DPI)))
    rendered = rendered.convert("RGB")
    golden_path = GOLDEN / f"{case}.png"
    if os.environ.get("KIOSK_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        rendered.save(golden_path, optimize=True)
    if not golden_path.exists():
        pytest.fail(
            f"No golden image {golden_path.name}; run with KIOSK_UPDATE_GOLDEN=1 to make it."
        )
    golden = Image.open(golden_path).convert("RGB")
    assert rendered.size == golden.size, "the badge's pixel size changed"
    diff = ImageChops.difference(rendered, golden)
    mask = diff.convert("L").point(lambda v: 255 if v > PIXEL_TOLERANCE else 0)
    changed = mask.histogram()[255] / (mask.width * mask.height)
    if changed > MAX_CHANGED:
        FAILURES.mkdir(exist_ok=True)
        rendered.save(FAILURES / f"{case}-rendered.png")
        highlight = Image.composite(Image.new("RGB", golden.size, (255, 0, 0)), golden, mask)
        highlight.save(FAILURES / f"{case}-diff.png")
        pytest.fail(
            f"{changed:.2%} of the pixels differ from {golden_path.name}; "
            f"see {FAILURES.name}/{case}-diff.png"
        )

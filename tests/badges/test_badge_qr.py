"""QR codes on badges decode with an independent decoder at printer resolutions."""

from __future__ import annotations

import pytest
import zxingcpp
from badge_helpers import EVENT, person, rasterise

from kiosk.badges import render_badges_pdf
from kiosk.badges.pdf import Recorder
from kiosk.badges.qr import QUIET_ZONE, auto_level, qr_matrix
from kiosk.domain.models import Attendee, Event


def decoded(image: object) -> list[str]:
    return [
        result.text
        for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    ]


@pytest.mark.parametrize("dpi", [203, 300])
def test_every_demo_badge_decodes_to_its_code(dpi: int, demo: tuple[Event, list[Attendee]]) -> None:
    event, people = demo
    pages = rasterise(render_badges_pdf(people, event), dpi, printer=True)
    assert len(pages) == len(people)
    for attendee, page in zip(people, pages, strict=True):
        assert decoded(page) == [attendee.code], attendee.id


@pytest.mark.parametrize("template", ["avery-5395", "54x90mm", "brother-62mm", "cr80", "a4-8xa7"])
def test_small_stock_still_decodes_at_203_dpi(
    template: str, demo: tuple[Event, list[Attendee]]
) -> None:
    event, people = demo
    chosen = people[:8]
    pages = rasterise(render_badges_pdf(chosen, event, template), 203, printer=True)
    found = [code for page in pages for code in decoded(page)]
    assert sorted(found) == sorted(a.code for a in chosen)


def test_quiet_zone_is_at_least_four_modules() -> None:
    recorder = Recorder()
    render_badges_pdf([person("Ada")], EVENT, recorder=recorder)
    (qr,) = [item for item in recorder.badges[0] if item.kind == "QrElement"]
    modules = len(qr_matrix(person("Ada").code))
    side = qr.ink[2]
    assert side / qr.module == pytest.approx(modules + 2 * QUIET_ZONE)
    assert QUIET_ZONE >= 4


def test_error_correction_steps_down_as_payloads_grow() -> None:
    levels = [auto_level("X" * n) for n in (10, 28, 60, 120, 400)]
    assert levels == ["H", "H", "Q", "M", "L"]


def test_a_long_payload_still_scans() -> None:
    code = "https://example.org/tickets/" + "A1B2C3D4E5" * 8
    pages = rasterise(render_badges_pdf([person("Ada", code=code)], EVENT), 300)
    assert decoded(pages[0]) == [code]

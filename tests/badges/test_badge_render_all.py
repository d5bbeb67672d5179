"""Every built-in template renders every demo attendee, on pages of its stock's size."""

from __future__ import annotations

import io
import math

import pytest
from pypdf import PdfReader

from kiosk.badges import list_templates, load_template, page_size_mm, render_badges_pdf
from kiosk.badges.pdf import Recorder
from kiosk.domain.models import Attendee, Event

MM_PER_PT = 25.4 / 72
BUILT_IN = sorted(info.name for info in list_templates() if info.source == "built-in")


@pytest.mark.parametrize("name", BUILT_IN)
def test_template_renders_every_demo_attendee_on_its_stock(
    name: str, demo: tuple[Event, list[Attendee]]
) -> None:
    event, people = demo
    recorder = Recorder()
    pdf = render_badges_pdf(people, event, name, recorder=recorder)
    reader = PdfReader(io.BytesIO(pdf))
    template = load_template(name)
    assert len(reader.pages) == math.ceil(len(people) / template.stock.per_page)
    width, height = page_size_mm(name)
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) * MM_PER_PT == pytest.approx(width, abs=0.1)
        assert float(box.height) * MM_PER_PT == pytest.approx(height, abs=0.1)
    assert len(recorder.badges) == len(people)
    for drawn in recorder.badges:
        for item in drawn:
            if item.ink is None:
                continue
            x, y, w, h = item.box
            ix, iy, iw, ih = item.ink
            # Laid-out text and codes stay within their boxes (1/100 pt for rounding).
            assert ix >= x - 0.01 and iy >= y - 0.01, (name, item)
            assert ix + iw <= x + w + 0.01 and iy + ih <= y + h + 0.01, (name, item)
            if item.text is not None:
                assert not item.text.dropped, (name, item.text.dropped)


def test_sheets_of_badges_have_cut_marks_only_when_asked(
    demo: tuple[Event, list[Attendee]],
) -> None:
    event, people = demo
    plain = render_badges_pdf(people[:8], event, "avery-5395")
    marked = render_badges_pdf(people[:8], event, "avery-5395", cut_marks=True)
    assert len(marked) > len(plain)


def test_other_stock_scales_the_design_to_the_label(demo: tuple[Event, list[Attendee]]) -> None:
    event, people = demo
    pdf = render_badges_pdf(people[:20], event, "4x6in", stock="Avery 5395")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3  # 8 per Letter page
    assert float(reader.pages[0].mediabox.width) * MM_PER_PT == pytest.approx(215.9, abs=0.1)


def test_no_attendees_still_gives_a_valid_pdf() -> None:
    pdf = render_badges_pdf([], Event("Empty"))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_threads_rendering_at_once_get_the_same_pdfs(demo: tuple[Event, list[Attendee]]) -> None:
    """The printing worker and the screens render at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    event, people = demo
    chosen = people[:24]  # the notable names: every script, shaping included
    expected = render_badges_pdf(chosen, event)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: render_badges_pdf(chosen, event), range(8)))
    assert all(result == expected for result in results)

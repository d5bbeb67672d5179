"""Big batches rendered in several processes: the same pages, in the same order."""

from __future__ import annotations

import contextlib
import io
import itertools
import threading

import pypdf
import pytest
from badge_helpers import EVENT, person, rasterise

from kiosk.badges import batch, list_templates, render_badges_pdf
from kiosk.badges.pdf import Recorder
from kiosk.domain.codes import new_code
from kiosk.domain.models import Attendee, Event

FIRST = ["Zoë", "Tomás", "Hannah", "Raj", "Siobhán", "Łukasz", "Wei", "Amara", "محمد", "Γιώργος"]


def crowd(count: int) -> list[Attendee]:
    """Attendees whose names differ on every badge, so that any reordering shows."""
    return [
        person(FIRST[index % len(FIRST)], f"Number{index:04d}", id=index + 1, code=new_code())
        for index in range(count)
    ]


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(("template", "count"), [("4x3in", 45), ("avery-5395", 61)])
def test_parallel_batch_has_the_serial_pages_in_the_same_order(template: str, count: int) -> None:
    people = crowd(count)
    per_page = 8 if template == "avery-5395" else 1
    split = batch.render_split(people, EVENT, template, per_page, 3, {"cut_marks": True})
    serial_marked = render_badges_pdf(people, EVENT, template, cut_marks=True, parallel=False)
    if per_page > 1:  # sheets get cut marks: the option reached the workers
        unmarked = batch.render_split(people, EVENT, template, per_page, 3, {})
        assert rasterise(unmarked, 36)[0].tobytes() != rasterise(split, 36)[0].tobytes()
    texts = page_texts(split)
    assert texts == page_texts(serial_marked)
    assert len(texts) == -(-count // per_page)
    # Every attendee's last name, in order, across the pages.
    found = [word for text in texts for word in text.split() if word.startswith("Number")]
    assert found == [a.last_name for a in people]
    # And the pages look the same, pixel for pixel.
    split_images = rasterise(split, 36)
    serial_images = rasterise(serial_marked, 36)
    for number, (left, right) in enumerate(zip(split_images, serial_images, strict=True)):
        assert left.tobytes() == right.tobytes(), f"page {number + 1} differs"


def _skip_unless_forking_is_safe() -> None:
    if not hasattr(batch.os, "fork") or batch._threads() != 1:
        pytest.skip("the product forks only where no other thread runs; threads run here")


def test_forked_runs_drawn_here_and_in_children_keep_the_serial_order() -> None:
    _skip_unless_forking_is_safe()
    people = crowd(23)
    pieces = batch.runs(len(people), 3, 1)
    parts = batch._render_forked(people, EVENT, "4x3in", {}, pieces)
    assert len(parts) == 3
    merged = batch.merge_pdfs(parts)
    serial = render_badges_pdf(people, EVENT, "4x3in", parallel=False)
    assert page_texts(merged) == page_texts(serial)


def test_a_run_whose_child_failed_is_drawn_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    request: pytest.FixtureRequest,
) -> None:
    _skip_unless_forking_is_safe()
    # The log-failure fixture, where the suite has it: this warning is meant.
    with contextlib.suppress(pytest.FixtureLookupError):
        request.getfixturevalue("expected_log").allow("kiosk.badges", "a badge process failed")
    here = batch.os.getpid()
    real = batch._render_part

    def fails_in_a_child(*args: object, **kwargs: object) -> bytes:
        if batch.os.getpid() != here:
            raise MemoryError("a child ran out of memory")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_render_part", fails_in_a_child)
    people = crowd(12)
    parts = batch._render_forked(people, EVENT, "4x3in", {}, batch.runs(len(people), 2, 1))
    merged = batch.merge_pdfs(parts)
    assert page_texts(merged) == page_texts(
        render_badges_pdf(people, EVENT, "4x3in", parallel=False)
    )
    assert "a badge process failed" in caplog.text


def test_runs_start_on_a_page_and_cover_every_badge() -> None:
    for count, parts, per_page in [(1000, 2, 1), (61, 3, 8), (7, 4, 8), (10, 3, 1)]:
        pieces = batch.runs(count, parts, per_page)
        assert pieces[0][0] == 0 and pieces[-1][1] == count
        assert all(start % per_page == 0 for start, _ in pieces)
        assert all(end == start for (_, end), (start, _) in itertools.pairwise(pieces))
        assert len(pieces) <= parts


def test_one_core_or_a_small_batch_renders_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "usable_cores", lambda: 1)
    assert batch.split_worthwhile(10_000) == 1
    monkeypatch.setattr(batch, "usable_cores", lambda: 4)
    monkeypatch.setattr(batch, "_start_method", lambda: "fork")
    assert batch.split_worthwhile(batch.SMALLEST_FORKED_SPLIT - 1) == 1
    assert batch.split_worthwhile(10_000) == 4


def test_a_process_with_other_threads_does_not_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch.sys, "platform", "linux")
    monkeypatch.setattr(batch, "usable_cores", lambda: 4)
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert batch.split_worthwhile(10_000) == 1
    finally:
        stop.set()
        helper.join()


@pytest.mark.parametrize(
    "template", [info.name for info in list_templates() if info.source == "built-in"]
)
def test_elements_drawn_once_per_batch_look_the_same_as_drawn_per_badge(
    template: str, demo: tuple[Event, list[Attendee]]
) -> None:
    event, people = demo
    chosen = people[:9]
    shared = render_badges_pdf(chosen, event, template, parallel=False)
    # A recorder makes every element be drawn on every badge.
    each = render_badges_pdf(chosen, event, template, parallel=False, recorder=Recorder())
    assert b"/kiosk-static-" not in each
    for number, (left, right) in enumerate(
        zip(rasterise(shared, 60), rasterise(each, 60), strict=True)
    ):
        assert left.tobytes() == right.tobytes(), f"{template}: page {number + 1} differs"


def test_the_event_name_and_lines_are_stored_once_per_pdf(
    demo: tuple[Event, list[Attendee]],
) -> None:
    event, people = demo
    pdf = render_badges_pdf(people[:20], event, "4x3in", parallel=False)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 20
    forms = [
        name
        for name, xobject in reader.pages[0]["/Resources"]["/XObject"].items()
        if xobject.get_object()["/Subtype"] == "/Form"
    ]
    assert forms  # the event name and the rule under the last name
    # Shown on every page, defined once.
    for page in reader.pages:
        assert all(form in page["/Resources"]["/XObject"] for form in forms)
    assert pdf.count(b"/Subtype /Form") == len(forms)

"""Big batches of badges rendered in several processes, merged in order.

reportlab holds the GIL while it draws, so threads do not help; processes do.
Each process renders a run of consecutive badges into its own PDF (runs
start on a page boundary, so sheets are filled exactly as in one process;
with fork, this process draws the first run itself), and the parts are
joined page by page with PDFium in the order of the attendees.

Workers are forked where that is safe: forking a process in which other
threads run can copy a lock held mid-operation, so a process with threads
(the kiosk window, the print worker) renders serially, as do small batches
and one-core machines, where starting processes costs more than it saves.
On systems without fork (Windows, macOS) workers are started afresh, which
costs about a second each, so only very large batches are split there.
"""

from __future__ import annotations

import io
import itertools
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from kiosk.domain.models import Attendee, Event

log = logging.getLogger("kiosk.badges")

# Below these, one process is faster: a forked worker starts in a few
# milliseconds, a fresh interpreter in about a second.
SMALLEST_FORKED_SPLIT = 200
SMALLEST_SPAWNED_SPLIT = 3000


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Windows or macOS
        return os.cpu_count() or 1


def _threads() -> int:
    """Threads of this process, Qt's and other libraries' own included (Linux)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _start_method() -> str:
    """How to start workers: by fork, by spawn, or "" when neither is safe and quick."""
    if sys.platform.startswith("linux"):
        # Other threads running: forking is not safe, and spawning is slow.
        return "fork" if _threads() == 1 else ""
    return "spawn"  # macOS and Windows; macOS's system libraries do not survive a fork


def split_worthwhile(count: int) -> int:
    """How many processes to use for `count` badges (1: render here)."""
    cores = usable_cores()
    method = _start_method()
    if cores < 2 or not method:
        return 1
    smallest = SMALLEST_FORKED_SPLIT if method == "fork" else SMALLEST_SPAWNED_SPLIT
    return max(1, min(cores, count // smallest))


def _render_part(
    attendees: Sequence[Attendee], event: Event, template: str | None, options: dict[str, Any]
) -> bytes:
    """One worker's run of badges (top level, so that it can be pickled)."""
    from kiosk.badges.pdf import render_badges_pdf

    return render_badges_pdf(attendees, event, template, parallel=False, **options)


def runs(count: int, parts: int, per_page: int) -> list[tuple[int, int]]:
    """`parts` consecutive (start, end) runs covering `count` badges, each starting a page."""
    pages = -(-count // per_page)
    bounds = [min(count, pages * index // parts * per_page) for index in range(parts + 1)]
    bounds[-1] = count
    return [(start, end) for start, end in itertools.pairwise(bounds) if start < end]


def render_split(
    attendees: Sequence[Attendee],
    event: Event,
    template: str | None,
    per_page: int,
    workers: int,
    options: dict[str, Any],
) -> bytes:
    """The same pages as one process would draw, from `workers` processes."""
    method = _start_method() or "spawn"
    pieces = runs(len(attendees), workers, per_page)
    if method == "fork":
        parts = _render_forked(attendees, event, template, options, pieces)
    else:
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=len(pieces), mp_context=context) as pool:
            futures = [
                pool.submit(_render_part, list(attendees[start:end]), event, template, options)
                for start, end in pieces
            ]
            parts = [future.result() for future in futures]
    log.info("rendered %d badges in %d processes (%s)", len(attendees), len(parts), method)
    return merge_pdfs(parts)


def _render_forked(
    attendees: Sequence[Attendee],
    event: Event,
    template: str | None,
    options: dict[str, Any],
    pieces: list[tuple[int, int]],
) -> list[bytes]:
    """The first run drawn here, each other run by a child forked from this
    process, so fonts and the parsed template come with it. A child sends its
    PDF down a pipe and leaves with os._exit: a pool's queues and threads, and
    a child's clean interpreter shutdown, cost more than a 500-badge run's
    drawing on a busy machine. A run whose child failed is drawn here."""
    children: list[tuple[int, int, tuple[int, int]]] = []
    for start, end in pieces[1:]:
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: draw, send, leave without running the parent's exit code
            os.close(reader)
            code = 1
            try:
                pdf = _render_part(attendees[start:end], event, template, options)
                with os.fdopen(writer, "wb") as pipe:
                    pipe.write(pdf)
                code = 0
            finally:
                os._exit(code)
        os.close(writer)
        children.append((pid, reader, (start, end)))
    first_start, first_end = pieces[0]
    parts = [_render_part(attendees[first_start:first_end], event, template, options)]
    for pid, reader, (start, end) in children:
        with os.fdopen(reader, "rb") as pipe:
            pdf = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not pdf:
            log.warning("a badge process failed (status %d); drawing its run here", status)
            pdf = _render_part(attendees[start:end], event, template, options)
        parts.append(pdf)
    return parts


def merge_pdfs(parts: Sequence[bytes]) -> bytes:
    """The pages of every part, in order, in one PDF (the first part's metadata kept)."""
    import pypdfium2

    from kiosk.badges.pdf import PDFIUM_LOCK

    if len(parts) == 1:
        return parts[0]
    with PDFIUM_LOCK:
        merged = pypdfium2.PdfDocument(parts[0])
        try:
            for part in parts[1:]:
                source = pypdfium2.PdfDocument(part)
                try:
                    merged.import_pages(source)
                finally:
                    source.close()
            output = io.BytesIO()
            merged.save(output)
        finally:
            merged.close()
    return output.getvalue()

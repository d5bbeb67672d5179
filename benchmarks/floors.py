"""Floors: the least work a figure could cost on this machine, measured in the same run.

Absolute times on a shared machine wander; the ratio of the product's time
to a floor measured beside it wanders much less (though on two shared cores
a figure that uses both, like a parallel badge batch, still moves with what
else runs). Each floor does the irreducible part
of the product's job with the bare library and nothing of ours around it:

- badges: a bare reportlab canvas drawing the same number of pages, each with
  four strings in the template's TrueType fonts (the first name in its bold
  role, as the template sets it) and a QR matrix computed beforehand, drawn
  as one path (turning the matrix into the path is part of drawing it);
- import: `sqlite_utils.Database.insert_all` loading the same CSV rows into a
  plain table (no cleaning, no search keys, no indexes), with sqlite-utils'
  defaults as the issue defines it, and in one transaction as a stricter one;
  a re-import beside the csv module reading the same file;
- print hand-off: a bare `lp` of an already rendered PDF to the same queue.
"""

from __future__ import annotations

import csv
import io
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import sqlite_utils
from reportlab.pdfgen.canvas import Canvas

from kiosk.badges.fonts import chain_for
from kiosk.badges.qr import module_rectangles, qr_rows
from kiosk.badges.templates import load_template
from kiosk.badges.units import PT_PER_MM
from kiosk.domain.models import Attendee, Event


def badge_pages_floor(
    attendees: Sequence[Attendee], event: Event, template: str | None = None
) -> float:
    """Seconds for a bare canvas to draw one page per attendee (QR matrices made
    beforehand, drawn as paths in the timed part)."""
    design = load_template(template)
    # The template's own fonts: its first name is set in the bold role.
    bold, regular = (
        chain_for(role, design.font_path(role)).fonts()[0].name for role in ("bold", "regular")
    )
    pages = [
        ((a.first_name, a.last_name, a.organisation, event.name), qr_rows(a.code))
        for a in attendees
    ]
    width, height = design.width * PT_PER_MM, design.height * PT_PER_MM
    started = time.perf_counter()
    canvas = Canvas(io.BytesIO(), pagesize=(width, height), pageCompression=1, invariant=1)
    for strings, matrix in pages:
        for line, text in enumerate(strings):
            canvas.setFont(bold if line == 0 else regular, 24 if line == 0 else 10)
            canvas.drawString(12, height - 60 - 24 * line, text)
        canvas.saveState()
        canvas.translate(width - 80, 80)
        canvas.scale(2, -2)
        # The matrix drawn as the product draws one: merged into rectangles,
        # written as one path of integers.
        rectangles = module_rectangles(matrix)
        canvas.addLiteral(" ".join(f"{c} {r} {w} {h} re" for c, r, w, h in rectangles) + " f")
        canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - started


def insert_all_floor(roster: Path, folder: Path, *, one_transaction: bool = False) -> float:
    """Seconds for `insert_all` to load the CSV's rows, as read by `csv`, into a plain table.

    As the issue defines the floor: sqlite-utils' defaults, which commit every
    100 rows (so on a busy disk the floor is mostly waiting for flushes). With
    `one_transaction`, the stricter floor: the event file's durability (WAL,
    synchronous=FULL) and one transaction, as the import, so both pay for one
    commit and the ratio is about the work alone.
    """
    path = folder / "floor.db"
    for leftover in (path, path.with_name("floor.db-wal"), path.with_name("floor.db-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    with roster.open(encoding="utf-8", newline="") as handle:
        database = sqlite_utils.Database(path)
        if one_transaction:
            database.execute("PRAGMA journal_mode=WAL")
            database.execute("PRAGMA synchronous=FULL")
            with database.atomic():
                database["roster"].insert_all(csv.DictReader(handle), batch_size=10_000)
        else:
            database["roster"].insert_all(csv.DictReader(handle))
        database.close()
    return time.perf_counter() - started


def parse_floor(roster: Path) -> float:
    """Seconds for the csv module to read every row of the file (what any import must do)."""
    started = time.perf_counter()
    with roster.open(encoding="utf-8", newline="") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - started


def lp_floor(queue: str, pdf: bytes, samples: int) -> list[float]:
    """Seconds for `lp` to hand an already rendered PDF to a CUPS queue, per sample."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "badge.pdf"
        path.write_bytes(pdf)
        for _ in range(samples):
            started = time.perf_counter()
            subprocess.run(
                ["lp", "-d", queue, "-t", "kiosk-floor", str(path)],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - started)
    return times

"""Console search per keystroke at 100k attendees, through the Qt table model.

Each keystroke runs the search and resets the model, as typing does.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_core import build_event
from benchmarks.roster import people
from benchmarks.run_all import format_rows
from benchmarks.stats import timing_row
from kiosk.domain.text import fold
from kiosk.store import Store

WORDS = 150


def typed_queries(attendees: int) -> list[str]:
    """Every prefix of what a volunteer types: 'o', 'ok', 'oko', ... 'okonkwo am'."""
    rng = random.Random(5)
    sample = list(people(min(attendees, 5000)))
    queries = []
    for _ in range(WORDS):
        person = rng.choice(sample)
        text = f"{fold(person['last_name']).split()[0]} {fold(person['first_name'])[:3]}"
        queries += [text[:end] for end in range(1, len(text) + 1)]
    return queries


def run(attendees: int = 100_000) -> list[dict[str, Any]]:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.console.model import AttendeeTableModel

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        build_event(path, attendees)
        store = Store.open(path)
        model = AttendeeTableModel(store, store.event())
        samples = []
        for query in typed_queries(attendees):
            start = time.perf_counter()
            model.set_query(query)
            model.data(model.index(0, 0))
            samples.append(time.perf_counter() - start)
        store.close()
    del app
    return [timing_row(f"console search per keystroke ({attendees:,})", samples, "p99 ≤ 50 ms")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=100_000)
    print(format_rows(run(parser.parse_args().attendees)))

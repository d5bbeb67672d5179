"""Export benchmark: 100k attendees, half of them checked in, to CSV and XLSX.

.venv/bin/python -m benchmarks.bench_reports [--attendees 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_core import build_event
from benchmarks.run_all import format_rows
from benchmarks.stats import value_row
from kiosk.domain.models import EntryKind, LogEntry
from kiosk.domain.rules import new_entry_id
from kiosk.reports.exports import write_csv, write_xlsx
from kiosk.reports.table import load_scope
from kiosk.store import Store


def check_in_half(store: Store) -> None:
    now = dt.datetime.now(dt.UTC)
    with store.transaction():
        for (attendee_id,) in store.conn.execute("SELECT id FROM attendees WHERE id % 2 = 0"):
            store.append_entry(
                LogEntry(new_entry_id(), attendee_id, EntryKind.ENTRY, now, now.date(), "bench")
            )


def run(attendees: int = 100_000) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        build_event(folder / "bench.db", attendees)
        store = Store.open(folder / "bench.db")
        check_in_half(store)
        for name, writer, suffix in (("CSV", write_csv, "csv"), ("XLSX", write_xlsx, "xlsx")):
            start = time.perf_counter()
            writer(load_scope(store, None, None), folder / f"out.{suffix}")
            elapsed = time.perf_counter() - start
            rows.append(
                value_row(f"export {attendees:,} attendees to {name}", elapsed, "≤ 5 s", "s")
            )
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=100_000)
    print(format_rows(run(parser.parse_args().attendees)))

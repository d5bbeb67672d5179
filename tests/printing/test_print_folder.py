"""The hot folder: complete files only, owner-only, one file per job."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from print_helpers import page_size_mm, pdf_text

from kiosk.printing import JobState, PrintQueue, PrintWorker
from kiosk.printing.backends import write_atomically
from kiosk.store import Store


def test_hot_folder_never_shows_a_partial_file_under_its_final_name(tmp_path: Path) -> None:
    folder = tmp_path / "hot"
    folder.mkdir()
    # Large, distinct payloads: a non-atomic writer would be caught half-way.
    payloads = {f"badge-{n:02d}.pdf": bytes([n]) * 4_000_000 for n in range(12)}
    seen: dict[str, int] = {}
    bad: list[str] = []
    done = threading.Event()

    def watch() -> None:
        # What a printer driver polling the folder would do: open every .pdf it sees.
        while True:
            last_round = done.is_set()  # one more look after the writer finished
            for entry in os.scandir(folder):
                if not entry.name.endswith(".pdf"):
                    continue
                try:
                    data = Path(entry.path).read_bytes()
                except FileNotFoundError:
                    continue
                seen[entry.name] = seen.get(entry.name, 0) + 1
                if data != payloads[entry.name]:
                    bad.append(f"{entry.name}: {len(data)} bytes")
            if last_round:
                return

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for name, data in payloads.items():
            write_atomically(folder, name, data)
    finally:
        done.set()
        watcher.join()
    assert bad == []
    assert set(seen) == set(payloads)
    assert sorted(p.name for p in folder.iterdir()) == sorted(payloads)  # no temporary left


def test_badge_sent_to_a_hot_folder_is_one_owner_only_pdf_of_the_stock_size(
    event_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "hot"
    folder.mkdir()
    queue = PrintQueue(Store.open(event_db))
    job_id = queue.enqueue(3)
    assert job_id is not None
    worker = PrintWorker(event_db, f"folder:{folder}")
    worker.step(queue)
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.DONE
    (output,) = folder.iterdir()
    assert output.name == f"{job.spool_title}.pdf"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert page_size_mm(output) == (101.6, 76.2)
    assert "Zoë" in pdf_text(output)

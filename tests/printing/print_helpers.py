"""Helpers shared by the printing tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pypdf

from kiosk.domain.models import Attendee
from kiosk.store import Store

PDF_QUEUE = "KioskPDF"

Seen = list[tuple[int, str, str]]


def add_people(store: Store, names: list[tuple[str, str]]) -> list[Attendee]:
    return [
        store.add_attendee({"code": f"CODE{n:04d}", "first_name": first, "last_name": last})
        for n, (first, last) in enumerate(names, start=1)
    ]


def page_size_mm(path: Path) -> tuple[float, float]:
    box = pypdf.PdfReader(path).pages[0].mediabox
    return round(float(box.width) * 25.4 / 72, 1), round(float(box.height) * 25.4 / 72, 1)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


class Changes:
    """Collects a worker's on_change reports; a test waits for the one it needs."""

    def __init__(self) -> None:
        self.seen: Seen = []
        self.condition = threading.Condition()

    def __call__(self, job_id: int, state: str, error: str) -> None:
        with self.condition:
            self.seen.append((job_id, state, error))
            self.condition.notify_all()

    def wait_for(self, predicate: Callable[[Seen], bool], timeout: float = 60.0) -> bool:
        with self.condition:
            return self.condition.wait_for(lambda: predicate(self.seen), timeout)

    def states(self, job_id: int) -> list[str]:
        with self.condition:
            return [state for seen_id, state, _ in self.seen if seen_id == job_id]

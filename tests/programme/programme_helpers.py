"""Helpers for the programme tests: a roster with categories, agenda files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kiosk.store import Store

DATA = Path(__file__).parent / "data"
HEADER = ["key", "title", "day", "start", "end", "room", "capacity", "open_to", "booking_required"]


def add_people(store: Store) -> dict[str, int]:
    """Four attendees in three categories; their ids by code."""
    people = [
        ("D1", "Dana", "Delegate", "dana@example.org"),
        ("F1", "Femi", "Fellow", "femi@example.org"),
        ("S1", "Sam", "Staff", "shared@example.org"),
        ("S2", "Sol", "Staff", "Shared@Example.org"),
    ]
    return {
        code: store.add_attendee(
            {"code": code, "first_name": name, "category": category, "email": email}
        ).id
        for code, name, category, email in people
    }


def rows_of(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    return [row for row in csv.reader(io.StringIO(text, newline="")) if row]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path

"""Printing fixtures: a private CUPS with a CUPS-PDF printer, and events with attendees."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from print_helpers import PDF_QUEUE, add_people
from private_cups import PrivateCups, why_unavailable

from kiosk.store import Store


@pytest.fixture(scope="session")
def cups() -> Iterator[PrivateCups]:
    """A private cupsd for the whole run, with the CUPS-PDF queue `KioskPDF`."""
    reason = why_unavailable()
    if reason:
        pytest.skip(reason)
    server = PrivateCups()
    previous = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = str(server.socket)
    try:
        server.start()
        server.add_pdf_printer(PDF_QUEUE)
        yield server
    finally:
        server.close()
        if previous is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = previous


@pytest.fixture
def pdf_printer(cups: PrivateCups) -> Iterator[PrivateCups]:
    """The private CUPS, running, with an empty CUPS-PDF output folder."""
    if cups.process is None:
        cups.start()
    cups.clean_outputs()
    yield cups
    if cups.process is None:  # a test stopped it and failed before starting it again
        cups.start()


@pytest.fixture
def event_db(db_path: Path) -> Path:
    """A file event with three attendees (ids 1-3)."""
    store = Store.open(db_path)
    add_people(store, [("Ada", "Lovelace"), ("Grace", "Hopper"), ("Zoë", "Ó Briain")])
    store.close()
    return db_path

"""Printing fixtures: a private CUPS with a CUPS-PDF printer, and events with attendees."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from print_helpers import PDF_QUEUE, add_people
from private_cups import PrivateCups, reserve_root, why_unavailable

from kiosk.store import Store

# libcups (and so Qt's printer list) reads CUPS_SERVER once per process and
# keeps it: point it at the private server before any test touches printing.
_UNAVAILABLE = why_unavailable()
_ROOT = reserve_root() if _UNAVAILABLE is None else None
_PREVIOUS_SERVER = os.environ.get("CUPS_SERVER")
if _ROOT is not None:
    os.environ["CUPS_SERVER"] = str(_ROOT / "cups.sock")


_SERVERS: list[PrivateCups] = []


def pytest_unconfigure(config: pytest.Config) -> None:
    # Also reached when a run is interrupted before fixtures are torn down.
    for server in _SERVERS:
        server.close()
    if _ROOT is not None:
        shutil.rmtree(_ROOT, ignore_errors=True)
        if _PREVIOUS_SERVER is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = _PREVIOUS_SERVER


@pytest.fixture(scope="session")
def cups() -> Iterator[PrivateCups]:
    """A private cupsd for the whole run, with the CUPS-PDF queue `KioskPDF`."""
    if _UNAVAILABLE or _ROOT is None:
        pytest.skip(_UNAVAILABLE or "CUPS is not available.")
    server = PrivateCups(_ROOT)
    _SERVERS.append(server)
    try:
        server.start()
        server.add_pdf_printer(PDF_QUEUE)
        yield server
    finally:
        server.close()


@pytest.fixture
def pdf_printer(cups: PrivateCups) -> Iterator[PrivateCups]:
    """The private CUPS, running, with an empty CUPS-PDF output folder."""
    if cups.process is None:
        cups.start()
    cups.clean_outputs(PDF_QUEUE)
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

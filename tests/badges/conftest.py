"""Fixtures for the badge tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.badges import templates
from kiosk.demo import create_demo_event
from kiosk.domain.models import Attendee, Event
from kiosk.store import Store


@pytest.fixture(scope="session")
def demo() -> tuple[Event, list[Attendee]]:
    """The demo event's attendees (every script the product promises) and its event."""
    store = Store.open(":memory:")
    create_demo_event(store, today=dt.date(2026, 3, 10))
    return store.event(), store.attendees()


@pytest.fixture
def user_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder standing in for the organiser's own templates."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))
    folder = templates.user_dir()
    folder.mkdir(parents=True)
    templates.clear_cache()
    yield folder
    templates.clear_cache()

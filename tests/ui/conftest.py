"""Kiosk fixtures: a small roster on the shared test event and a real kiosk window."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_ui_helpers import LONDON, NOW, PIN_HASH, Roster
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.store import Store
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.flow import FlowController
from kiosk.ui.i18n import Languages
from kiosk.ui.pin import PinGate
from kiosk.ui.resources import load_fonts


@pytest.fixture(scope="session", autouse=True)
def translations() -> None:
    """Build the .qm files from the committed .ts with `scripts/build-translations`."""
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [str(root / "scripts" / "build-translations")],
        env={**os.environ, "PYTHON": sys.executable},
        check=True,
        capture_output=True,
    )


@pytest.fixture
def roster(store: Store) -> Roster:
    zoe = store.add_attendee(
        {
            "code": "ZOE-CODE-0001",
            "first_name": "Zoë",
            "last_name": "Brennan-Ó Súilleabháin",
            "organisation": "Imperial College London",
            "email": "zoe.brennan@example.org",
        }
    )
    omar = store.add_attendee(
        {"code": "OMAR-CODE-0002", "first_name": "Omar", "last_name": "Haddad", "email": "o@x.org"}
    )
    cancelled = store.add_attendee(
        {"code": "GONE-CODE-0003", "first_name": "Ruth", "last_name": "Long", "status": "cancelled"}
    )
    surnames = ["Marsh", "Martin", "Markham", "Marley", "Marlow", "Marr", "Marsden", "Marston"]
    many = [
        store.add_attendee({"code": f"MARK-{i:04d}", "first_name": "Mark", "last_name": surname})
        for i, surname in enumerate([*surnames, "Martel"])
    ]
    store.add_session(
        "Opening plenary",
        dt.datetime(2026, 3, 10, 9, 30, tzinfo=LONDON),
        dt.datetime(2026, 3, 10, 10, 30, tzinfo=LONDON),
        room="Main Hall",
    )
    return Roster(zoe, omar, cancelled, many)


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[Languages]:
    languages = Languages(qapp)
    yield languages
    languages.set_language("en")
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def kiosk(
    qtbot, store: Store, roster: Roster, languages: Languages, expected_log
) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    expected_log.allow("kiosk.ui", "no staff PIN set")  # this kiosk starts with none
    load_fonts()
    built = build_kiosk(store, station_name="test-kiosk", camera=False, languages=languages)
    built.controller.station.clock = lambda: NOW
    qtbot.addWidget(built.window)
    built.window.resize(1024, 600)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built
    built.window.allow_close = True
    QApplication.instance().removeEventFilter(built.wedge)  # type: ignore[union-attr]


@pytest.fixture
def controller(kiosk: Kiosk) -> FlowController:
    """The kiosk's controller, its staff PIN 2468 (what `open_staff` types)."""
    controller = kiosk.controller
    controller.pin_gate = PinGate(PIN_HASH)
    return controller

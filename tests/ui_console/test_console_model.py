"""The console's table model: Qt's model tester, paging, filters, search."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from kiosk.checkin import Station
from kiosk.store import Store
from kiosk.store.attendee_list import CHECKED_IN, NOT_CHECKED_IN
from kiosk.ui.console.model import (
    ATTENDEE_ID_ROLE,
    COL_NAME,
    COL_STATUS,
    PAGE,
    AttendeeTableModel,
)

NOON = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)


@pytest.fixture
def big_store(store: Store) -> Store:
    with store.transaction():
        for index in range(PAGE * 2 + 50):
            store.add_attendee(
                {
                    "code": f"C{index:04d}",
                    "first_name": "Zoë" if index % 50 == 0 else f"Person{index}",
                    "last_name": f"Surname{index:04d}",
                    "category": "Speaker" if index % 10 == 0 else "Delegate",
                }
            )
    station = Station(store, clock=lambda: NOON)
    for index in range(0, 100, 3):
        station.scan(f"C{index:04d}")
    return store


def test_model_passes_qts_model_tester(qtmodeltester, big_store: Store) -> None:  # type: ignore[no-untyped-def]
    model = AttendeeTableModel(big_store, big_store.event())
    model.reload()
    qtmodeltester.check(model, force_py=True)


def test_model_takes_qt_events(qapp, big_store: Store) -> None:  # type: ignore[no-untyped-def]
    # The kiosk's language switch sends one to every object, the model included.
    model = AttendeeTableModel(big_store, big_store.event())
    assert QCoreApplication.sendEvent(model, QEvent(QEvent.Type.LanguageChange)) is False


def test_pages_load_on_demand(big_store: Store) -> None:
    model = AttendeeTableModel(big_store, big_store.event())
    model.reload()
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE * 2 + 50
    assert not model.canFetchMore()


def test_filters_and_accented_search(big_store: Store) -> None:
    model = AttendeeTableModel(big_store, big_store.event())
    model.set_query(state=CHECKED_IN, day=NOON.date())
    assert model.rowCount() == 34
    assert model.data(model.index(0, COL_STATUS)) == "12:00"
    model.set_query(state=NOT_CHECKED_IN, day=NOON.date(), category="Speaker")
    names = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]
    # 45 speakers, of whom 0, 30, 60 and 90 are checked in.
    assert all("Surname" in name for name in names) and len(names) == 45 - 4
    model.set_query("zoe surname0050")
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), ATTENDEE_ID_ROLE) == 51
    model.set_query("ZOË")
    assert model.rowCount() == 9  # every 50th of 450


def test_header_and_tooltip(big_store: Store) -> None:
    model = AttendeeTableModel(big_store, big_store.event())
    model.reload()
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Name"
    assert model.data(model.index(0, COL_NAME), Qt.ItemDataRole.ToolTipRole)

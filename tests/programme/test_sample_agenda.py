"""The sample agenda shipped in resources/samples is the demo's day."""

from __future__ import annotations

import datetime as dt

from kiosk.demo import PROGRAMME, create_demo_event, demo_event
from kiosk.paths import resource_dir
from kiosk.programme.agenda import import_agenda
from kiosk.programme.drafts import draft_of
from kiosk.store import Store
from kiosk.store.programme import booked_attendees

SAMPLE_DAY = dt.date(2026, 3, 10)


def test_the_sample_agenda_imports_as_the_demo_days_sessions() -> None:
    imported = Store.open(":memory:")
    imported.save_event(demo_event(SAMPLE_DAY))
    report = import_agenda(imported, resource_dir() / "samples" / "agenda.csv")
    assert report.summary() == f"imported {len(PROGRAMME)}, updated 0, unchanged 0, skipped 0"

    demo = Store.open(":memory:")
    create_demo_event(demo, SAMPLE_DAY)

    def shape(store: Store) -> list[object]:
        event = store.event()
        return [(draft_of(s, event), s.starts_at, s.ends_at) for s in store.sessions()]

    assert shape(imported) == shape(demo)
    assert len(shape(demo)) == len(PROGRAMME)


def test_the_demo_day_has_the_programmes_rules() -> None:
    store = Store.open(":memory:")
    create_demo_event(store, SAMPLE_DAY)
    sessions = {s.key: s for s in store.sessions()}
    lab = sessions["learning-lab"]
    assert lab.capacity == 40 and lab.booking_required
    booked = booked_attendees(store, lab.id)
    assert 0 < len(booked) < 40
    assert all(store.attendee(i).status.value == "active" for i in booked)  # type: ignore[union-attr]
    assert {sessions[k].capacity for k in ("breakout-a", "breakout-b", "breakout-c")} == {30}
    assert sessions["breakout-a"].room != sessions["breakout-b"].room
    assert sessions["keynote"].capacity is None and not sessions["keynote"].open_to
    categories = {a.category for a in store.attendees()}
    graduation = sessions["graduation"]
    assert (
        set(graduation.open_to) <= categories and "Improvement Leader Fellow" in graduation.open_to
    )

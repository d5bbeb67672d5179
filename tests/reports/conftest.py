"""An event with check-ins, for the report tests."""

from __future__ import annotations

import pytest
from report_data import DAY, PEOPLE, at

from kiosk.checkin import Station
from kiosk.domain.models import Event
from kiosk.store import Store


@pytest.fixture
def event_store() -> Store:
    store = Store.open(":memory:")
    store.save_event(Event("Spring Learning Event", "St Paul's Centre", "Europe/London", DAY, DAY))
    sessions = {
        "Keynote": store.add_session("Keynote", at(9, 15), at(10, 0), "Main Hall"),
        "Breakout A": store.add_session("Breakout A", at(11, 30), at(12, 30), "Room 1"),
    }
    for index, (first, last, org, category, attends, attended) in enumerate(PEOPLE):
        attendee = store.add_attendee(
            {
                "code": f"CODE-{index}",
                "first_name": first,
                "last_name": last,
                "organisation": org,
                "category": category,
                "email": f"person{index}@example.org",
                "status": "cancelled" if first == "Cancelled" else "active",
            }
        )
        if attends:
            Station(store, name="door-1", clock=lambda i=index: at(8, 30 + i)).scan(attendee.code)
        for title in attended:
            session = sessions[title]
            Station(store, name="room", session=session, clock=lambda s=session: s.starts_at).scan(
                attendee.code
            )
    return store

"""The email tests' event: who came, who did not, who has no address."""

from __future__ import annotations

from pathlib import Path

from kiosk.checkin import Station
from kiosk.domain.models import Event
from kiosk.settings import Settings
from kiosk.store import Store

# first name, last name, email, came, cancelled afterwards
PEOPLE = [
    ("Amara", "Okonkwo", "amara@example.org", True, False),
    ("Zoë", "Ó Briain", "zoe@example.org", True, False),
    ("伟", "王", "wei@example.org", True, False),
    ("Noshow", "Person", "noshow@example.org", False, False),
    ("Cancelled", "Later", "cancelled@example.org", True, True),
    ("Without", "Address", "", True, False),
]
CAME_WITH_ADDRESS = {"amara@example.org", "zoe@example.org", "wei@example.org"}
LOGIN = ("organiser@example.org", "correct horse battery staple")


def make_event(path: Path, extra_attended: int = 0) -> Store:
    store = Store.open(path, create=True)
    store.save_event(Event("Spring Learning Event", "St Paul's Centre"))
    station = Station(store, name="door-1")
    people = list(PEOPLE) + [
        (f"Guest{n}", "Extra", f"guest{n}@example.org", True, False) for n in range(extra_attended)
    ]
    for index, (first, last, address, came, cancelled) in enumerate(people):
        attendee = store.add_attendee(
            {"code": f"CODE-{index}", "first_name": first, "last_name": last, "email": address}
        )
        if came:
            station.scan(attendee.code)
        if cancelled:
            store.update_attendee(attendee.id, {"status": "cancelled"})
    settings = Settings(store)
    settings.set("email.from", "events@example.org")
    settings.set("email.rate_per_minute", 0)
    return store


def use_server(store: Store, url: str) -> None:
    Settings(store).set("email.server", url)

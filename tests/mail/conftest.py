"""An event with check-ins, and real SMTP servers on loopback, for the email tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.checkin import Station
from kiosk.devtools.smtp_server import (
    SmtpServer,
    self_signed_certificate,
    tls_unavailable_reason,
    unavailable_reason,
)
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

if reason := unavailable_reason():
    pytest.skip(reason, allow_module_level=True)


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


@pytest.fixture
def event(tmp_path: Path) -> Iterator[Store]:
    store = make_event(tmp_path / "event.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if reason := tls_unavailable_reason():
        pytest.skip(reason)
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def plain_server() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server

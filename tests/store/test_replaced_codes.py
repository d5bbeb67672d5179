"""Replaced codes (lost badges) in the event file: a purge removes them with
every other code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.domain.models import Result
from kiosk.domain.rules import decide_badge
from kiosk.lost_badges import reissue
from kiosk.store import Store
from kiosk.store.purge import anonymise
from kiosk.store.replaced import replaced_codes


def test_a_purge_removes_the_replaced_codes(db_path: Path) -> None:
    store = Store.open(db_path)
    ada = store.add_attendee({"code": "LOST-CODE-1", "first_name": "Ada"})
    at = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    reissue(store, ada.id, station="desk", operator="Sam", at=at, printer=None)
    assert decide_badge("LOST-CODE-1", store).result is Result.REPLACED
    anonymise(store)
    assert replaced_codes(store, ada.id) == []
    assert decide_badge("LOST-CODE-1", store).result is Result.UNKNOWN_CODE
    store.close()
    assert b"LOST-CODE-1" not in db_path.read_bytes()

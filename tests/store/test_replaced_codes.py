"""Replaced codes (lost badges) in the event file: a purge removes them with
every other code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.domain.models import Result
from kiosk.domain.rules import decide_badge
from kiosk.io.merge import import_roster
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


def test_a_reimport_still_carrying_a_lost_badges_code_is_the_same_attendee(
    db_path: Path, tmp_path: Path
) -> None:
    # The organiser's roster still has the old code after a badge was replaced:
    # importing it again must not make a second Ada nor give her the old code back.
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "code,first_name,last_name,email\n"
        "LOST-CODE-1,Ada,Lovelace,ada@example.org\n"
        "KEPT-CODE-2,Alan,Turing,alan@example.org\n",
        encoding="utf-8",
    )
    store = Store.open(db_path)
    assert import_roster(store, roster).imported == 2
    (ada,) = [a for a in store.attendees() if a.first_name == "Ada"]
    at = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    reissue(store, ada.id, station="desk", operator="Sam", at=at, printer=None)
    new_code = store.attendee(ada.id).code  # type: ignore[union-attr]
    assert new_code != "LOST-CODE-1"

    roster.write_text(
        roster.read_text(encoding="utf-8").replace("ada@example.org", "ada@example.net"),
        encoding="utf-8",
    )
    report = import_roster(store, roster)
    assert (report.imported, report.updated, report.unchanged, report.skipped) == (0, 1, 1, [])
    assert len(store.attendees()) == 2
    again = store.attendee(ada.id)
    assert again is not None and again.code == new_code and again.email == "ada@example.net"
    assert decide_badge("LOST-CODE-1", store).result is Result.REPLACED

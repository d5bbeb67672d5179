"""The desk's details say when an e-mail is the order's buyer's (issue 14, item 6)."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from kiosk.desk import HelpDesk
from kiosk.domain.models import Event
from kiosk.io import import_roster
from kiosk.store import Store
from kiosk.ui.console.details import DetailsPanel

HEADER = "Order code,Position ID,Email,Product,Attendee name,Attendee email,Ticket secret\r\n"
ROWS = (
    "B1,1,buyer@example.org,Delegate,Amara Okonkwo,,s-1\r\n"
    "B1,2,buyer@example.org,Delegate,Ruth Ahmed,ruth@example.org,s-2\r\n"
)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_details_mark_the_buyers_email(qtbot, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "pretix.csv"
    roster.write_text(HEADER + ROWS, encoding="utf-8")
    if kind == "xlsx":
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        for line in (HEADER + ROWS).splitlines():
            sheet.append(line.split(","))
        roster = tmp_path / "pretix.xlsx"
        workbook.save(roster)
    store = Store.open(tmp_path / "event.db", create=True)
    store.save_event(Event("Details test"))
    import_roster(store, roster)
    panel = DetailsPanel(HelpDesk(store, station="desk-1"))
    qtbot.addWidget(panel)

    panel.show_attendee(store.attendee_by_code("s-1"))
    assert "buyer@example.org (buyer's)" in unescape(panel.text.text())
    panel.show_attendee(store.attendee_by_code("s-2"))
    text = unescape(panel.text.text())
    assert "ruth@example.org" in text and "(buyer's)" not in text
    store.close()

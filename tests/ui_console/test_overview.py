"""The live overview follows check-ins made by other station processes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from kiosk.checkin import Station
from kiosk.domain.models import Event
from kiosk.printing import PrintQueue
from kiosk.reports.live import overview
from kiosk.store import Store
from kiosk.ui.console.overview import OverviewWidget


def make_event(path: Path) -> Store:
    store = Store.open(path, create=True)
    store.save_event(Event("Overview"))
    for index in range(30):
        store.add_attendee(
            {
                "code": f"C{index:02d}",
                "first_name": f"P{index}",
                "category": "Speaker" if index < 5 else "Delegate",
            }
        )
    return store


def test_counts_follow_another_station(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_event(tmp_path / "event.db")
    widget = OverviewWidget(store, lambda: store.event().local_day(dt.datetime.now(dt.UTC)))
    qtbot.addWidget(widget)
    widget.show()  # a hidden overview does not poll
    assert widget.total.text() == "0 of 30 checked in today"
    codes = "".join(f"C{index:02d}\n" for index in range(0, 30, 2))
    subprocess.run(
        [sys.executable, "-m", "kiosk", "scan", "--db", str(store.path), "--station", "kiosk-9"],
        input=codes,
        text=True,
        check=True,
        capture_output=True,
    )
    qtbot.waitUntil(lambda: widget.total.text() == "15 of 30 checked in today", timeout=5000)
    assert widget.recent.count() == 15
    assert "kiosk-9" in widget.recent.item(0).text()
    rows = {
        widget.categories.item(r, 0).text(): widget.categories.item(r, 1).text()
        for r in range(widget.categories.rowCount())
    }
    assert rows == {"Delegate": "12", "Speaker": "3"}


def test_a_hidden_overview_leaves_a_closed_store_alone(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A desk window closed before its store: the overview's poll must not
    # query the closed file (it raised "Cannot operate on a closed database").
    store = make_event(tmp_path / "event.db")
    widget = OverviewWidget(store, lambda: store.event().local_day(dt.datetime.now(dt.UTC)))
    qtbot.addWidget(widget)
    widget.show()
    widget.close()
    store.close()
    widget.refresh_if_changed()  # what the timer does next
    assert widget.total.text() == "0 of 30 checked in today"


def test_figures_count_undos_sessions_and_print_failures(tmp_path: Path) -> None:
    store = make_event(tmp_path / "event.db")
    now = dt.datetime.now(dt.UTC)
    session = store.add_session("Lab", now - dt.timedelta(minutes=5), now + dt.timedelta(hours=1))
    station = Station(store, name="door")
    for code in ("C00", "C01", "C02"):
        station.scan(code)
    station.undo("C01", "wrong person")
    Station(store, name="lab", session=session).scan("C03")
    job = PrintQueue(store).enqueue(1, "reprint")
    store.conn.execute(
        "UPDATE print_jobs SET state = 'failed', error = 'Out of paper.' WHERE id = ?", (job,)
    )
    figures = overview(store, store.event().local_day(now))
    # C00 and C02 at the door, C03 in the lab only: attending a session is
    # attending (kiosk.store.attended), C01's undone check-in is not.
    assert figures.checked_in == 3 and figures.expected == 30
    assert figures.by_session == [("Lab", 1, None)]
    assert [r.station for r in figures.recent] == ["lab", "door", "door"]
    assert figures.print_failures == [(job, "P0", "Out of paper.")]
    assert sum(count for _, count in figures.arrivals) == 3

"""Every number the event produces is the same on every surface.

Status, the live overview (its figures and the number on screen), the CSV,
every XLSX sheet, the PDF register and the certificates are read back from
what they wrote, and compared with each other, on the scenario found on a
real event day (a walk-in registered for someone already checked in, then
cancelled) and on a generated day with undos, exits, sessions and
cancellations.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pypdf
import pytest

from kiosk.checkin import Station
from kiosk.cli import main
from kiosk.desk import HelpDesk
from kiosk.domain.models import Event
from kiosk.reports.live import overview
from kiosk.store import Store

LONDON = ZoneInfo("Europe/London")
DAY = dt.date(2026, 3, 10)
NO_CATEGORY = "(none)"  # how the counts name an empty category; the rows keep it empty


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute), LONDON)


def new_event(path: Path) -> Store:
    store = Store.open(path, create=True)
    store.save_event(Event("Counting Day", "Town Hall", "Europe/London", DAY, DAY))
    return store


def add(store: Store, index: int, category: str) -> int:
    attendee = store.add_attendee(
        {
            "code": f"CODE-{index:03d}",
            "first_name": f"Given{index:03d}",
            "last_name": f"Family{index:03d}",
            "organisation": "Org",
            "category": category,
            "status": "active",
        }
    )
    return attendee.id


def scan(store: Store, code: str, when: dt.datetime, **station: object) -> None:
    Station(store, name="door", clock=lambda: when, **station).scan(code)  # type: ignore[arg-type]


@dataclass
class Surface:
    """What one surface says: the total, by category, by session, the names."""

    total: int
    by_category: dict[str, int] | None = None
    by_session: dict[str, int] | None = None
    names: Counter[str] = field(default_factory=Counter)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def status_surface(db: Path, capsys: pytest.CaptureFixture[str]) -> Surface:
    counts = json.loads(_cli(capsys, "status", "--db", str(db), "--json"))
    return Surface(
        counts["checked_in"],
        {name: row["checked_in"] for name, row in counts["by_category"].items()},
    )


def overview_surfaces(store: Store, qtbot) -> list[Surface]:  # type: ignore[no-untyped-def]
    from kiosk.ui.console.overview import OverviewWidget

    figures = overview(store, DAY)
    widget = OverviewWidget(store, lambda: DAY)
    qtbot.addWidget(widget)
    shown = re.match(r"(\d+) of (\d+)", widget.total.text())
    assert shown is not None, widget.total.text()
    on_screen = {
        widget.categories.item(row, 0).text(): int(widget.categories.item(row, 1).text())
        for row in range(widget.categories.rowCount())
    }
    assert int(shown.group(2)) == figures.expected
    return [
        Surface(
            figures.checked_in,
            {name: n for name, n, _ in figures.by_category},
            {title: n for title, n, _ in figures.by_session},
        ),
        Surface(int(shown.group(1)), on_screen),
        Surface(sum(n for _, n in figures.arrivals)),  # arrivals per 15 minutes
    ]


def csv_surface(db: Path, tmp: Path, capsys: pytest.CaptureFixture[str]) -> Surface:
    out = tmp / "out.csv"
    said = _cli(capsys, "export", "--db", str(db), "--format", "csv", "-o", str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["attended"] == "yes"]
    assert f", {len(rows)} attended)" in said
    return Surface(
        len(rows),
        dict(Counter(row["category"] or NO_CATEGORY for row in rows)),
        dict(Counter(t for row in rows for t in row["sessions_attended"].split("; ") if t)),
        Counter(f"{row['first_name']} {row['last_name']}" for row in rows),
    )


def xlsx_surfaces(db: Path, tmp: Path, capsys: pytest.CaptureFixture[str]) -> list[Surface]:
    out = tmp / "out.xlsx"
    _cli(capsys, "export", "--db", str(db), "--format", "xlsx", "-o", str(out))
    book = openpyxl.load_workbook(out)
    sheet = list(book["Attendance"].iter_rows(values_only=True))
    header = list(sheet[0])
    rows = [dict(zip(header, row, strict=True)) for row in sheet[1:]]
    came = [row for row in rows if row["Attended"] == "yes"]
    attendance = Surface(
        len(came),
        dict(Counter(row["Category"] or NO_CATEGORY for row in came)),
        dict(Counter(t for row in came for t in (row["Sessions attended"] or "").split("; ") if t)),
        Counter(f"{row['First name']} {row['Last name']}" for row in came),
    )
    summary = [list(row) for row in book["Summary"].iter_rows(values_only=True)]
    start = summary.index(["Category", "Expected", "Attended", None])
    end = next(i for i, row in enumerate(summary) if row[0] == "Total")
    categories = {row[0]: row[2] for row in summary[start + 1 : end]}
    expected = summary[end][1]
    sessions_at = summary.index(["Session", "Room", "Attended", "Capacity"])
    sessions = {}
    for row in summary[sessions_at + 1 :]:
        if row[0] is None:
            break
        sessions[row[0]] = row[2]
    hours_at = next(i for i, row in enumerate(summary) if row[0] == "Hour (venue time)")
    arrivals = sum(row[1] for row in summary[hours_at + 1 :] if row[0])
    no_shows = book["No-shows"].max_row - 1
    return [
        attendance,
        Surface(summary[end][2], categories, sessions),
        Surface(arrivals),
        Surface(expected - no_shows),
    ]


def register_surfaces(
    db: Path, tmp: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> list[Surface]:
    out = tmp / "register.pdf"
    _cli(capsys, "export", "--db", str(db), "--format", "pdf", "-o", str(out))
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    stated = re.search(r"(\d+) attended", text)
    assert stated is not None
    names = Counter(re.findall(r"Given\d{3} Family\d{3}", text))
    by_session = {}
    for session in store.sessions():
        path = tmp / f"session-{session.id}.pdf"
        args = ["export", "--db", str(db), "--format", "pdf", "--session", str(session.id)]
        said = _cli(capsys, *args, "-o", str(path))
        if not path.exists():  # nobody came: no register, and the command says so
            assert "no attendance register" in said
            by_session[session.title] = 0
            continue
        page_text = "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
        found = re.search(r"(\d+) attended", page_text)
        assert found is not None
        by_session[session.title] = int(found.group(1))
    return [
        Surface(int(stated.group(1)), by_session=by_session),
        Surface(names.total(), names=names),
    ]


def certificate_surface(db: Path, tmp: Path, capsys: pytest.CaptureFixture[str]) -> Surface:
    out = tmp / "certificates.pdf"
    _cli(capsys, "certificates", "--db", str(db), "-o", str(out), "--organiser", "Sam Lee")
    pages = [page.extract_text() for page in pypdf.PdfReader(out).pages] if out.exists() else []
    names = Counter(
        found.group(0) for page in pages if (found := re.search(r"Given\d{3} Family\d{3}", page))
    )
    return Surface(len(pages), names=names)


def every_surface(
    db: Path,
    store: Store,
    tmp: Path,
    qtbot,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> dict[str, Surface]:
    surfaces = {"status": status_surface(db, capsys)}
    for name, surface in zip(
        ("overview", "overview on screen", "overview arrivals"),
        overview_surfaces(store, qtbot),
        strict=True,
    ):
        surfaces[name] = surface
    surfaces["csv"] = csv_surface(db, tmp, capsys)
    for name, surface in zip(
        ("xlsx attendance", "xlsx summary", "xlsx arrivals by hour", "xlsx no-shows"),
        xlsx_surfaces(db, tmp, capsys),
        strict=True,
    ):
        surfaces[name] = surface
    register, register_names = register_surfaces(db, tmp, store, capsys)
    surfaces["pdf register"] = register
    surfaces["pdf register names"] = register_names
    surfaces["certificates"] = certificate_surface(db, tmp, capsys)
    return surfaces


def assert_all_agree(surfaces: dict[str, Surface], attended_names: Counter[str]) -> None:
    totals = {name: s.total for name, s in surfaces.items()}
    assert set(totals.values()) == {attended_names.total()}, totals
    categories = {n: s.by_category for n, s in surfaces.items() if s.by_category is not None}
    reference = {k: v for k, v in categories["status"].items() if v}
    for name, by_category in categories.items():
        assert {k: v for k, v in by_category.items() if v} == reference, name
    sessions = {n: s.by_session for n, s in surfaces.items() if s.by_session is not None}
    reference_sessions = {k: v for k, v in sessions["overview"].items() if v}
    for name, by_session in sessions.items():
        assert {k: v for k, v in by_session.items() if v} == reference_sessions, name
    for name, surface in surfaces.items():
        if surface.names:
            assert surface.names == attended_names, name


def test_a_cancelled_walk_in_duplicate_counts_nowhere(
    tmp_path: Path,
    qtbot,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    db = tmp_path / "event.db"
    store = new_event(db)
    for index in range(12):
        add(store, index, "Delegate" if index % 3 else "Speaker")
    for index in range(11):  # one no-show
        scan(store, f"CODE-{index:03d}", at(9, index))
    # At the desk, the person already checked in is registered again as a
    # walk-in (a reason given past the duplicate warning), then cancelled.
    desk = HelpDesk(store, station=Station(store, name="desk", clock=lambda: at(10, 5)))
    first = store.attendee_by_code("CODE-004")
    assert first is not None
    walk_in = desk.walk_in(
        {"first_name": first.first_name, "last_name": first.last_name, "category": "Delegate"},
        duplicate_reason="did not find them at first",
    )
    assert walk_in.result.result.admitted
    desk.cancel(walk_in.attendee.id, "registered twice")

    surfaces = every_surface(db, store, tmp_path, qtbot, capsys)

    came = Counter(f"Given{i:03d} Family{i:03d}" for i in range(11))
    assert_all_agree(surfaces, came)
    assert surfaces["status"].total == 11
    assert surfaces["pdf register names"].names["Given004 Family004"] == 1
    assert surfaces["certificates"].names["Given004 Family004"] == 1


@pytest.mark.parametrize("seed", [3, 14])
def test_a_generated_day_agrees_on_every_surface(
    seed: int,
    tmp_path: Path,
    qtbot,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    rng = random.Random(seed)
    db = tmp_path / "event.db"
    store = new_event(db)
    sessions = [
        store.add_session("Keynote", at(9, 30), at(10, 30), "Hall", 80),
        store.add_session("Workshop", at(11), at(12), "Room 2", 20),
        store.add_session("Panel", at(14), at(15), "Hall"),
    ]
    came: Counter[str] = Counter()
    for index in range(70):
        add(store, index, rng.choice(["Delegate", "Speaker", "Staff", ""]))
        code, name = f"CODE-{index:03d}", f"Given{index:03d} Family{index:03d}"
        at_the_door = False
        in_sessions: set[int] = set()
        if rng.random() < 0.75:
            scan(store, code, at(8 + rng.randrange(5), rng.randrange(60)))
            at_the_door = True
            if rng.random() < 0.15:  # a mistaken check-in, taken back
                Station(store, name="desk", clock=lambda: at(13, 30)).undo(code, "wrong person")
                at_the_door = rng.random() < 0.5
                if at_the_door:  # ... and the right check-in after all
                    scan(store, code, at(13, 45))
            elif rng.random() < 0.2:  # stepped out and came back
                scan(store, code, at(12, 10), exit_mode=True)
                scan(store, code, at(12, 40))
        for session in sessions:
            if rng.random() < 0.3:  # session lists are independent of the door
                scan(store, code, session.starts_at, session=session)
                in_sessions.add(session.id)
                if rng.random() < 0.15:
                    room = Station(
                        store, name="room", session=session, clock=lambda s=session: s.starts_at
                    )
                    room.undo(code, "wrong room")
                    in_sessions.discard(session.id)
        cancelled = rng.random() < 0.12  # some after checking in
        if cancelled:
            store.update_attendee(store.attendee_by_code(code).id, {"status": "cancelled"})  # type: ignore[union-attr]
        if not cancelled and (at_the_door or in_sessions):
            came[name] += 1

    surfaces = every_surface(db, store, tmp_path, qtbot, capsys)

    assert_all_agree(surfaces, came)
    assert came.total() > 30, "the generated day should have a crowd"

"""The whole programme side as an organiser meets it, start to end of one day.

The organiser creates the event, imports a roster, the seed's agenda
(resources/samples/agenda.csv) and the learning lab's bookings through the
command line; a door station stands at each room (Station(room=...) with the
day's clock); at the end, `kiosk certificates` and `kiosk export` must give
the CPD hours that the time people spent in the rooms earns, worked out here
by hand from the rule in the README.
"""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf

from kiosk.checkin import Station
from kiosk.domain.models import Result
from kiosk.paths import resource_dir
from kiosk.store import Store

DAY = dt.date(2026, 3, 10)
VENUE = ZoneInfo("Europe/London")

ROSTER = """first_name,last_name,category,code,email
Ada,Okafor,Delegate,DAY-ADA,ada@example.org
Bea,Lindqvist,Improvement Leader Fellow,DAY-BEA,bea@example.org
Cai,Morgan,Delegate,DAY-CAI,cai@example.org
Dev,Shah,Staff,DAY-DEV,dev@example.org
Eli,Novak,Speaker,DAY-ELI,eli@example.org
"""
# Every category the graduation is open to is on the roster: an agenda
# naming a category nobody has is refused row by row (a typo, most often).
# The learning lab needs a booking: Ada has one, Cai has none.
BOOKINGS = "code,session\nDAY-ADA,learning-lab\n"

# (room, venue time, direction, code): what the doors saw.
MOVES = [
    ("Foyer", "08:40", "in", "DAY-CAI"),
    ("Foyer", "09:00", "out", "DAY-CAI"),  # 20 of 45 min: attended, not credited
    ("Main Hall", "09:10", "in", "DAY-ADA"),  # keynote from its start, never scanned out: 45
    ("Main Hall", "10:20", "in", "DAY-ADA"),  # the lab: 10:20 to 11:15 = 55 -> credit 45
    ("Main Hall", "10:25", "in", "DAY-CAI"),  # no booking: refused
    ("Main Hall", "11:15", "out", "DAY-ADA"),
    ("Room 1", "11:30", "in", "DAY-ADA"),  # breakout A: 20 of 60, not credited
    ("Room 1", "11:50", "out", "DAY-ADA"),
    ("Room 2", "13:25", "in", "DAY-ADA"),  # breakout D: 13:30 to 14:30 = 60
    ("Room 2", "14:30", "out", "DAY-ADA"),
    ("Main Hall", "14:50", "in", "DAY-BEA"),  # panel: 10 + 25 = 35 of 45 -> credit 30
    ("Main Hall", "15:00", "out", "DAY-BEA"),
    ("Main Hall", "15:05", "in", "DAY-BEA"),
    ("Main Hall", "15:40", "in", "DAY-BEA"),  # graduation, for fellows: 45 of 45
    ("Main Hall", "15:42", "in", "DAY-CAI"),  # a delegate: not open to them
]
# Credited minutes by hand: Ada 45 + 45 + 60 = 150, Bea 30 + 45 = 75, Cai 0.
EXPECTED_HOURS = {"DAY-ADA": "2.5", "DAY-BEA": "1.25"}
REFUSED = {("10:25", "DAY-CAI"): Result.NOT_ELIGIBLE, ("15:42", "DAY-CAI"): Result.NOT_ELIGIBLE}


def kiosk(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def at(venue_time: str) -> dt.datetime:
    hour, minute = map(int, venue_time.split(":"))
    return dt.datetime.combine(DAY, dt.time(hour, minute), VENUE).astimezone(dt.UTC)


def test_an_organisers_day_ends_with_cpd_hours_from_the_time_in_the_rooms(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "day.db")
    roster, bookings = tmp_path / "roster.csv", tmp_path / "bookings.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    bookings.write_text(BOOKINGS, encoding="utf-8")
    kiosk("init", "--db", db, "--event-name", "Learning event", "--first-day", DAY.isoformat())
    kiosk("import", str(roster), "--db", db)
    agenda = resource_dir() / "samples" / "agenda.csv"
    assert "imported 9" in kiosk("sessions", "import", str(agenda), "--db", db)
    assert "booked 1" in kiosk("bookings", "import", str(bookings), "--db", db)

    store = Store.open(db)
    try:
        now = {"moment": at("08:00")}
        doors: dict[tuple[str, bool], Station] = {}
        for room, venue_time, direction, code in MOVES:
            exit_door = direction == "out"
            door = doors.get((room, exit_door))
            if door is None:
                door = Station(
                    store,
                    name=f"{room} door",
                    room=room,
                    exit_mode=exit_door,
                    clock=lambda: now["moment"],
                )
                doors[(room, exit_door)] = door
            now["moment"] = at(venue_time)
            result = door.scan(code).result
            expected = REFUSED.get((venue_time, code))
            if expected is None:
                expected = Result.CHECKED_OUT if exit_door else Result.CHECKED_IN
            assert result is expected, (room, venue_time, code)
    finally:
        store.close()

    pdf = tmp_path / "certificates.pdf"
    kiosk("certificates", "--db", db, "-o", str(pdf))
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages]
    for code, hours in EXPECTED_HOURS.items():
        first_name = next(line for line in ROSTER.splitlines() if code in line).split(",")[0]
        page = next(p for p in pages if first_name in p)
        assert f"Total: {hours} CPD hours" in page, page
    ada = next(p for p in pages if "Ada" in p)
    assert "attended 20 of 60 min, not credited" in ada  # breakout A
    assert "attended 55 of 60 min, credit 45 min" in ada  # the lab

    export = tmp_path / "attendance.csv"
    kiosk("export", "--db", db, "--format", "csv", "-o", str(export))
    rows = {
        row["code"]: row
        for row in csv.DictReader(export.read_bytes().decode("utf-8-sig").splitlines())
    }
    assert rows["DAY-ADA"]["cpd_hours"] == "2.5"
    assert rows["DAY-BEA"]["cpd_hours"] == "1.25"
    assert "Panel discussion: 35" in rows["DAY-BEA"]["session_minutes"]

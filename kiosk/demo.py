"""The demo event: a spring learning day of a healthcare research network.

Everyone in it is fictional. The names are chosen to be what real rosters
hold: accents, apostrophes, hyphens, particles, very long names and names in
Arabic, Chinese, Greek and Devanagari script, plus a few cancellations.
The event is dated on the day the demo is created, so it can be scanned at once.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from kiosk.domain.codes import new_code
from kiosk.domain.models import Event
from kiosk.store import Store
from kiosk.store.programme import book

EVENT_NAME = "Collaborative Learning Event — Spring"
VENUE = "St Paul's Centre, Hammersmith"
TIMEZONE = "Europe/London"


@dataclass(frozen=True, slots=True)
class DemoSession:
    """One session of the demo day; times are venue time on the day."""

    key: str
    title: str
    room: str
    start: str
    end: str
    capacity: int | None = None
    open_to: tuple[str, ...] = ()
    booking_required: bool = False


# The same day is the sample agenda resources/samples/agenda.csv (a test
# imports it and compares it with this list).
PROGRAMME = [
    DemoSession("registration", "Registration and coffee", "Foyer", "08:30", "09:15"),
    DemoSession(
        "keynote",
        "Keynote: Collaboration for change: the role of compassion and kindness",
        "Main Hall",
        "09:15",
        "10:00",
    ),
    DemoSession(
        "learning-lab", "Learning Lab: Networks", "Main Hall", "10:15", "11:15", 40, (), True
    ),
    DemoSession(
        "breakout-a",
        "Breakout A: Multi-morbidity and Mental Health with Digital Health",
        "Room 1",
        "11:30",
        "12:30",
        30,
    ),
    DemoSession(
        "breakout-b",
        "Breakout B: Information and Intelligence with Child Population Health",
        "Room 2",
        "11:30",
        "12:30",
        30,
    ),
    DemoSession(
        "breakout-c",
        "Breakout C: Innovation and Evaluation with Patient, Public, Community "
        "Engagement and Involvement",
        "Room 1",
        "13:30",
        "14:30",
        30,
    ),
    DemoSession(
        "breakout-d",
        "Breakout D: Ethnicity and Health Unit — eco-anxiety",
        "Room 2",
        "13:30",
        "14:30",
        30,
    ),
    DemoSession("panel", "Panel discussion", "Main Hall", "14:45", "15:30"),
    DemoSession(
        "graduation",
        "Graduation of the Improvement Leader Fellows",
        "Main Hall",
        "15:45",
        "16:30",
        None,
        ("Improvement Leader Fellow", "Staff", "Speaker"),
    ),
]
# Every fifth active attendee booked the Learning Lab (fewer than its seats).
LAB_BOOKING_EVERY = 5

ORGANISATIONS = [
    "Chelsea and Westminster Hospital NHS Foundation Trust",
    "Imperial College London",
    "London North West University Healthcare NHS Trust",
    "Central and North West London NHS Foundation Trust",
    "Imperial College Healthcare NHS Trust",
    "Ealing Community Partners",
    "Hammersmith & Fulham Carers Network",
    "North West London Integrated Care Board",
    "West London NHS Trust",
    "Brent Council Public Health",
    "Healthwatch Hounslow",
    "MedTech Innovations Ltd",
    "Applied Research Collaboration Northwest London",
    "",
]

JOB_TITLES = [
    "Consultant Physician",
    "Research Fellow",
    "Matron",
    "GP Partner",
    "Data Analyst",
    "Community Research Champion",
    "Clinical Nurse Specialist",
    "Pharmacist",
    "Programme Manager",
    "Public Health Registrar",
    "Patient Partner",
    "Professor",
]

# Names that stress a badge and a search box; each appears once.
NOTABLE = [
    ("Zoë", "Ó Briain", "Improvement Leader Fellow"),
    ("Siobhán", "O'Connor-Fitzgerald", "Delegate"),
    ("Jean-Baptiste", "de la Fontaine", "Speaker"),
    ("Ludwig", "van Beethoven-Schmidt", "Industry Partner"),
    ("Maximiliana Esperanza", "Fernández de Córdoba y Villalobos", "Delegate"),
    ("Bartholomew Alexander", "Montgomery-Wolstenholme-Featherstonehaugh", "Panellist"),
    ("Nguyễn", "Thị Minh Khai", "Delegate"),
    ("Łukasz", "Wójcik", "Delegate"),
    ("Søren", "Kierkegaard-Ødegård", "Industry Partner"),
    ("Dvořák", "Šťastný", "Delegate"),
    ("محمد", "العلي", "Patient & Public Partner"),
    ("فاطمة", "الزهراء", "Delegate"),
    ("伟", "王", "Speaker"),
    ("秀英", "李", "Delegate"),
    ("Wei", "张", "Improvement Leader Fellow"),
    ("Γιώργος", "Παπαδόπουλος", "Delegate"),
    ("Ελένη", "Κωνσταντινίδου", "Panellist"),
    ("प्रिया", "शर्मा", "Delegate"),
    ("अर्जुन", "पटेल", "Patient & Public Partner"),
    ("Mary-Kate", "D'Souza", "Staff"),
    ("Ngozi", "Adébáyọ̀", "Speaker"),
    ("Aoife", "Ní Bhriain", "Staff"),
    ("Raj", "Patel", "Patient & Public Partner"),
    ("Amara", "Okonkwo", "Speaker"),
]

FIRST_NAMES = [
    "Amelia",
    "Oliver",
    "Isla",
    "George",
    "Ava",
    "Noah",
    "Freya",
    "Arthur",
    "Priya",
    "Mohammed",
    "Aisha",
    "Tomasz",
    "Chloe",
    "Kwame",
    "Fatima",
    "Harry",
    "Grace",
    "Yusuf",
    "Emily",
    "Daniel",
    "Hannah",
    "Samuel",
    "Leah",
    "Ravi",
    "Sofia",
    "Ibrahim",
    "Megan",
    "Callum",
    "Nadia",
    "Ethan",
    "Zainab",
    "Owen",
    "Ruth",
    "Kofi",
    "Eleanor",
    "Joseph",
    "Mei",
    "Rhys",
    "Anjali",
    "Patrick",
]
LAST_NAMES = [
    "Smith",
    "Jones",
    "Khan",
    "Williams",
    "Brown",
    "Taylor",
    "Ahmed",
    "Wilson",
    "Evans",
    "Singh",
    "Thomas",
    "Johnson",
    "Roberts",
    "Ali",
    "Walker",
    "Wright",
    "Mensah",
    "Hughes",
    "Green",
    "Begum",
    "Hall",
    "Clarke",
    "Kowalski",
    "Osei",
    "Murphy",
    "Chen",
    "Hussain",
    "Davies",
    "Okafor",
    "McDonald",
    "Lewis",
    "Baker",
    "Shah",
    "Young",
    "Nowak",
    "Campbell",
]
CATEGORIES = [
    ("Delegate", 60),
    ("Improvement Leader Fellow", 10),
    ("Speaker", 4),
    ("Panellist", 3),
    ("Staff", 6),
    ("Patient & Public Partner", 12),
    ("Industry Partner", 5),
]
TOTAL = 150
CANCELLED = 6


def demo_event(today: dt.date) -> Event:
    return Event(EVENT_NAME, VENUE, TIMEZONE, today, today)


def _at(day: dt.date, hhmm: str) -> dt.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), ZoneInfo(TIMEZONE))


def demo_people(rng: random.Random) -> list[dict[str, str]]:
    people = [
        {"first_name": first, "last_name": last, "category": category}
        for first, last, category in NOTABLE
    ]
    names = {(p["first_name"], p["last_name"]) for p in people}
    categories = [name for name, weight in CATEGORIES for _ in range(weight)]
    while len(people) < TOTAL:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if (first, last) in names:
            continue
        names.add((first, last))
        people.append({"first_name": first, "last_name": last, "category": rng.choice(categories)})
    for person in people:
        person["organisation"] = rng.choice(ORGANISATIONS)
        person["job_title"] = rng.choice(JOB_TITLES)
        local = "".join(c for c in person["last_name"].lower() if c.isascii() and c.isalpha())
        person["email"] = f"{local or 'attendee'}.{rng.randrange(1000, 9999)}@example.org"
    return people


def create_demo_event(store: Store, today: dt.date | None = None, seed: int = 2026) -> int:
    """Fill an empty store with the demo event; returns the number of attendees."""
    day = today or dt.datetime.now(ZoneInfo(TIMEZONE)).date()
    rng = random.Random(seed)
    with store.transaction():
        store.save_event(demo_event(day))
        lab = None
        if not store.sessions():
            for slot in PROGRAMME:
                session = store.add_session(
                    slot.title,
                    _at(day, slot.start),
                    _at(day, slot.end),
                    slot.room,
                    slot.capacity,
                    key=slot.key,
                    open_to=slot.open_to,
                    booking_required=slot.booking_required,
                )
                lab = session if slot.booking_required else lab
        people = demo_people(rng)
        cancelled = set(rng.sample(range(len(NOTABLE), TOTAL), CANCELLED))
        for index, person in enumerate(people):
            attendee = store.add_attendee(
                {
                    **person,
                    "code": new_code(),
                    "status": "cancelled" if index in cancelled else "active",
                    "source": "demo",
                    "external_id": f"demo-{index + 1:03d}",
                    "notes": "Step-free access requested" if index % 37 == 5 else "",
                }
            )
            if lab is not None and index not in cancelled and index % LAB_BOOKING_EVERY == 1:
                book(store, attendee.id, lab.id)
    return len(people)

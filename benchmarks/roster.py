"""A generated roster of any size, the same every run (seeded)."""

from __future__ import annotations

import random
from collections.abc import Iterator

FIRST = [
    "Amara",
    "Zoë",
    "Tomás",
    "Hannah",
    "Raj",
    "Siobhán",
    "Łukasz",
    "Søren",
    "Chloé",
    "Oliver",
    "Isla",
    "Mohammed",
    "Aisha",
    "Priya",
    "Kwame",
    "Fatima",
    "Γιώργος",
    "José",
    "Ngozi",
    "Mei",
    "Björn",
    "Anaïs",
    "Ibrahim",
    "Grace",
    "Yusuf",
    "Eleanor",
    "Kofi",
    "Ruth",
    "Nadia",
    "Owen",
]
LAST = [
    "Okonkwo",
    "Ó Briain",
    "Goldberg-Price",
    "Patel",
    "O'Connor",
    "Wójcik",
    "Kierkegaard",
    "Smith",
    "Jones",
    "Khan",
    "Williams",
    "Müller",
    "Ahmed",
    "Singh",
    "Mensah",
    "Nguyễn",
    "Παπαδόπουλος",
    "García",
    "Adébáyọ̀",
    "Chen",
    "de la Fontaine",
    "van Dijk",
    "Begum",
    "Hughes",
    "Osei",
    "Kowalski",
    "Murphy",
    "McDonald",
    "Fernández",
    "Shah",
]
ORGS = [
    "Imperial College London",
    "Chelsea and Westminster Hospital NHS Foundation Trust",
    "West London NHS Trust",
    "Healthwatch Hounslow",
    "MedTech Innovations Ltd",
    "",
]
CATEGORIES = [
    "Delegate",
    "Improvement Leader Fellow",
    "Speaker",
    "Staff",
    "Patient & Public Partner",
]


def people(count: int, seed: int = 100_000) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for index in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        yield {
            "first_name": first,
            "last_name": f"{last}{index % 97 or ''}" if index >= len(FIRST) * len(LAST) else last,
            "email": f"person{index}@example.org",
            "organisation": rng.choice(ORGS),
            "job_title": "Clinician",
            "category": rng.choice(CATEGORIES),
            "code": f"BENCH{index:08d}",
            "status": "active",
        }

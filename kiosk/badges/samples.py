"""The example badges shown in the documentation.

.venv/bin/python -m kiosk.badges.samples docs/badges
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from kiosk.badges.fields import sample
from kiosk.badges.pdf import render_badge_png
from kiosk.domain.models import Attendee, Event

EVENT = Event(sample("event_name"), sample("event_venue"), "Europe/London", dt.date(2026, 3, 10))
CODE = sample("code")

SAMPLES = {
    # The fields' own samples (see fields), as previews show them.
    "short-latin-name": Attendee(
        1,
        CODE,
        sample("first_name"),
        sample("last_name"),
        sample("organisation"),
        sample("job_title"),
        category=sample("category"),
        pronouns=sample("pronouns"),
        credentials=sample("credentials"),
    ),
    "very-long-name": Attendee(
        2,
        CODE,
        "Bartholomew Alexander",
        "Montgomery-Wolstenholme-Featherstonehaugh",
        "Chelsea and Westminster Hospital NHS Foundation Trust",
        "Consultant Physician and Honorary Senior Lecturer",
        category="Panellist",
    ),
    "mixed-script-name": Attendee(
        3,
        CODE,
        "Wei",
        "张",
        "Applied Research Collaboration Northwest London",
        "Data Analyst",
        category="Improvement Leader Fellow",
    ),
}


def write_samples(folder: Path, template: str | None = None, dpi: int = 150) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, attendee in SAMPLES.items():
        path = folder / f"{name}.png"
        path.write_bytes(render_badge_png(attendee, EVENT, template, dpi=dpi))
        written.append(path)
    return written


if __name__ == "__main__":
    for written in write_samples(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(written)

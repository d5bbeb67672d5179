"""What an import leaves in the event, written down so a faster import can be held to it.

`python tests/io/golden_import.py` (from the repository root) imports every
sample roster (and a generated 10k roster holding every script the badges
support, then a re-import of it with changes) into fresh events and records
the attendee rows and the answers to a fixed list of searches. The golden
files under tests/io/golden/ were written this way by the import as it was
before the bulk cleaning of issue 18 (commit 2763956); test_import_golden.py
compares today's import with them.

Generated codes are random in the product; here they come from a counter, so
that two runs give the same rows.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import itertools
import json
import random
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
DATA = HERE / "data"
GOLDEN = HERE / "golden"
SAMPLES = sorted(DATA.glob("*.csv"))
CHUNK = 100  # rows per digest for the generated roster

# Name parts in every script the badges promise, with the traps import
# cleaning and folding must get right: decomposed accents (NFD), letters
# that do not decompose, apostrophes and hyphens, ligatures, full-width and
# compatibility forms, final sigma, dotted and dotless i, marks, joiners.
FIRST = [
    "Zoë",
    "Zoe\u0308",
    "Siobhán",
    "Łukasz",
    "Søren",
    "Æsa",
    "Œdipe",
    "Þóra",
    "İlker",
    "Iğdır",
    "ﬁona",
    "Ｔａｒｏ",
    "Straße",
    "José",
    "Nguyễn",
    "Adébáyọ̀",
    "Γιώργος",
    "Ὀδυσσεύς",
    "Дмитрий",
    "Ёлка",
    "Ольга",
    "محمد",
    "أحمد",
    "فاطمة",
    "דוד",
    "שָׁלוֹם",
    "अनिल",
    "प्रिया",
    "क्षत्रिय",
    "张伟",
    "王芳",
    "李",
    "さくら",
    "タロウ",
    "민준",
    "서연",
    "สมชาย",
    "Ngozi",
    "Kwame",
    "Mary-Jane",
    "D'Arcy",
    "Jean\u00a0Luc",
    "O\u2019Neil",
    "ANNA",
    "eva",
    "Ma\u200dria",
]
LAST = [
    "Ó Briain",
    "O'Connor",
    "O\u2019Brien",
    "Goldberg-Price",
    "de la Fontaine",
    "van Dijk",
    "Müller",
    "Mu\u0308ller",
    "Wójcik",
    "Kierkegaard",
    "Παπαδόπουλος",
    "ΣΊΣΥΦΟΣ",
    "Иванова",
    "Ахмедов",
    "الهاشمي",
    "عبد الله",
    "כהן",
    "לוי",
    "शर्मा",
    "गुप्ता",
    "陈",
    "欧阳",
    "山田",
    "김",
    "박",
    "ใจดี",
    "Smith",
    "Nakamura-Smith",
    "St. John",
    "Dvořák",
    "Đorđević",
    "Ørsted",
    "Łęcki",
    "Ångström",
    "Hernández (Jr)",
    "Al-Farsi",
    "McDonald",
    "Ng",
    "Ó",
    "X Æ A-12",
]
ORGS = [
    "Imperial College London",
    "St. Paul's Centre",
    "Chelsea & Westminster NHS FT",
    "Université Paris-Saclay",
    "Ärzte ohne Grenzen",
    "東京大学",
    "서울대학교",
    "جامعة القاهرة",
    "האוניברסיטה העברית",
    "दिल्ली विश्वविद्यालय",
    "Straße/Weg, Co",
    "",
    "ООО «Ромашка»",
]
CATEGORIES = ["Delegate", "Speaker", "Staff", "Patient & Public Partner", "Improvement Fellow"]
# Cell decorations a spreadsheet export can carry: stray spaces, tabs, line
# breaks inside a cell, control characters, odd spaces and marks.
SPICE = [
    "{}",
    "{}",
    "{}",
    "{}",
    "  {}",
    "{}  ",
    " {}\t",
    "{}\n",
    "{}\x07",
    "\u2003{}",
    "{}\u200b",
    "{}\u00ad",
    "{}\r\n{}",
    "\ufeff{}",
    "{}\x1b",
]


def spiced(rng: random.Random, text: str) -> str:
    pattern = rng.choice(SPICE)
    return pattern.format(text, text) if pattern.count("{}") == 2 else pattern.format(text)


def generated_rows(count: int, seed: int = 18) -> list[list[str]]:
    """A generic-layout roster with every script, seeded so that it is the same every run."""
    rng = random.Random(seed)
    header = [
        "first_name",
        "last_name",
        "email",
        "organisation",
        "job_title",
        "category",
        "code",
        "status",
    ]
    rows = [header]
    for index in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if rng.random() < 0.3:
            first = unicodedata.normalize(rng.choice(["NFD", "NFKC", "NFC"]), first)
        code = f"G{index:06d}" if index % 10 != 9 else ""
        if index % 97 == 5:
            code = f"  gen-{index}\t"
        if index % 211 == 7:
            code = f"G{index - 1:06d}"  # a code already used on an earlier row
        if index % 499 == 3:
            first, last = "", ""  # no name: skipped
        status = rng.choice(["active", "active", "active", "cancelled", "Refunded", ""])
        rows.append(
            [
                spiced(rng, first),
                spiced(rng, last),
                f"{first[:3].lower()}.{index}@Example.ORG" if index % 7 else "",
                spiced(rng, rng.choice(ORGS)),
                rng.choice(["Clinician", "Nurse", "", "Research Fellow"]),
                rng.choice(CATEGORIES),
                code,
                status,
            ]
        )
    return rows


def changed_rows(rows: list[list[str]], seed: int = 19) -> list[list[str]]:
    """The same roster with 1 % of rows edited, for a re-import."""
    rng = random.Random(seed)
    edited = [list(row) for row in rows]
    for row in rng.sample(edited[1:], max(1, len(edited) // 100)):
        row[3] = rng.choice(ORGS) + " (moved)"
        row[1] = row[1] + "-Ng"
    return edited


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


QUERIES = [
    "a",
    "zo",
    "zoe",
    "ZOË",
    "zoë",
    "siob",
    "brie",
    "obrien",
    "o'brien",
    "oconnor",
    "o connor",
    "muller",
    "mueller",
    "straße",
    "strasse",
    "lukasz",
    "łukasz",
    "soren",
    "aesa",
    "oedipe",
    "thora",
    "ilker",
    "igdir",
    "fiona",
    "taro",
    "jose",
    "nguyen",
    "adebayo",
    "γιωργ",
    "οδυσσ",
    "σισυφος",
    "дмитр",
    "елка",
    "ёлка",
    "ольга",
    "محمد",
    "احمد",
    "دود",
    "דוד",
    "שלום",
    "अनिल",
    "प्रिया",
    "张",
    "张伟",
    "王",
    "さくら",
    "タロウ",
    "민준",
    "สมชาย",
    "mary jane",
    "mary-jane",
    "darcy",
    "jean luc",
    "oneil",
    "anna",
    "eva",
    "maria",
    "de la",
    "fontaine",
    "van",
    "dijk",
    "st john",
    "dvorak",
    "dorđ",
    "dordevic",
    "orsted",
    "lecki",
    "angstrom",
    "hernandez jr",
    "al farsi",
    "mcd",
    "ng",
    "ó",
    "x ae",
    "imperial",
    "paul",
    "universite",
    "arzte",
    "東京",
    "서울",
    "القاهرة",
    "g000",
    "g0001",
    "gen",
    "example",
    "example.org",
    "ana.1",
    "@example",
    "clinician",
    "delegate",
    '"',
    "*",
    "-",
    "NEAR",
    "a OR b",
    "zo*",
    "'",
]


def fixed_codes() -> Iterator[str]:
    for number in itertools.count(1):
        yield f"FIXED{number:08d}"


@contextlib.contextmanager
def counted_codes() -> Iterator[None]:
    """Generated codes from a counter (the import draws them from `secrets` otherwise)."""
    from kiosk.io import merge

    saved = merge.new_code
    counter = fixed_codes()
    merge.new_code = lambda: next(counter)
    try:
        yield
    finally:
        merge.new_code = saved


ROW_COLUMNS = (
    "id, code, first_name, last_name, organisation, job_title, email, category, status, "
    "notes, source, external_id, name_key, search_key, sort_key"
)


def outcome(store: Any, report: Any) -> dict[str, Any]:
    """The rows of the event and the answers to every query, as plain data."""
    rows = [
        list(row) for row in store.conn.execute(f"SELECT {ROW_COLUMNS} FROM attendees ORDER BY id")
    ]
    searches = {
        f"{'names' if names_only else 'all'}:{query}": [
            a.id for a in store.search(query, limit=50, names_only=names_only)
        ]
        for query in QUERIES
        for names_only in (False, True)
    }
    return {
        "summary": report.summary(),
        "skipped": [[s.row, s.reason] for s in report.skipped],
        "missing": report.missing,
        "rows": rows,
        "searches": searches,
    }


def import_into_new_event(folder: Path, *rosters: Path) -> list[dict[str, Any]]:
    """Import the rosters one after the other into a new event; the outcome after each."""
    from kiosk.domain.models import Event
    from kiosk.io import import_roster
    from kiosk.store import Store

    store = Store.open(folder / "golden.db", create=True)
    store.save_event(Event("Golden"))
    outcomes = []
    try:
        with counted_codes():
            for roster in rosters:
                outcomes.append(outcome(store, import_roster(store, roster)))
    finally:
        store.close()
        (folder / "golden.db").unlink()
    return outcomes


def digested(result: dict[str, Any]) -> dict[str, Any]:
    """The generated roster's outcome with its rows as a digest per CHUNK rows."""
    rows = result["rows"]
    chunks = [rows[start : start + CHUNK] for start in range(0, len(rows), CHUNK)]
    return {
        **result,
        "rows": len(rows),
        "row_digests": [
            hashlib.sha256(json.dumps(chunk, ensure_ascii=False).encode()).hexdigest()[:20]
            for chunk in chunks
        ],
    }


def compute(folder: Path) -> dict[str, Any]:
    golden: dict[str, Any] = {}
    for sample in SAMPLES:
        golden[sample.name] = import_into_new_event(folder, sample)[0]
    rows = generated_rows(10_000)
    first = write_rows(folder / "generated-10k.csv", rows)
    second = write_rows(folder / "generated-10k-changed.csv", changed_rows(rows))
    new, again = import_into_new_event(folder, first, second)
    golden["generated-10k"] = digested(new)
    golden["generated-10k-reimport"] = digested(again)
    return golden


def write_golden() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        golden = compute(Path(folder))
    GOLDEN.mkdir(exist_ok=True)
    for name, result in golden.items():
        path = GOLDEN / f"{Path(name).stem}.json"
        path.write_text(json.dumps(result, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    write_golden()

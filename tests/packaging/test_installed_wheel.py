"""Every README command from an installed wheel, run in a folder outside the checkout.

The wheel is built from this tree and installed, without the test extra, into
a fresh virtual environment: what an organiser gets from `pipx install`.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from packaging_helpers import ROOT, Installed
from pypdf import PdfReader

from kiosk import __version__

pytestmark = pytest.mark.slow

TEMPLATES = sorted(path.stem for path in (ROOT / "resources/badges/templates").glob("*.toml"))


def pdf_text(path: Path) -> str:
    """The PDF's text without white space: a long name may wrap onto two lines."""
    text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return "".join(text.split())


def shows(text: str, *names: str) -> bool:
    return all("".join(name.split()) in text for name in names)


@pytest.fixture(scope="module")
def event(installed: Installed) -> Path:
    """The demo event, created by the installed command."""
    db = installed.home / "event.db"
    result = installed.run("demo", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def latin_people(event: Path) -> list[tuple[str, str, str]]:
    """(code, first, last) of demo attendees whose names are plain Latin letters,
    which PDF text extraction returns as written."""
    with sqlite3.connect(event) as conn:
        rows = conn.execute(
            "SELECT code, first_name, last_name FROM attendees WHERE status = 'active' ORDER BY id"
        ).fetchall()
    return [row for row in rows if (row[1] + row[2]).replace(" ", "").isascii()][:3]


@pytest.fixture(scope="module")
def checked_in(installed: Installed, event: Path, latin_people: list[tuple[str, str, str]]):
    code, first, last = latin_people[0]
    result = installed.run("scan", "--db", str(event), stdin=code + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["result"] == "checked_in"
    return first, last


def test_the_test_extra_is_not_installed(installed: Installed) -> None:
    # Otherwise a run-time import of a test-only package would pass here unseen.
    for module in ("pytest", "pypdf", "hypothesis"):
        assert installed.python(f"import {module}").returncode != 0, module


def test_version(installed: Installed) -> None:
    result = installed.run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kiosk {__version__}"


def test_the_installed_copy_reads_its_files_from_the_environment(installed: Installed) -> None:
    result = installed.python("from kiosk.paths import resource_dir; print(resource_dir())")
    assert result.returncode == 0, result.stderr
    where = Path(result.stdout.strip())
    assert where.is_relative_to(installed.venv)
    assert not where.is_relative_to(ROOT)


@pytest.mark.parametrize("template", TEMPLATES)
def test_badges_for_every_template(
    installed: Installed, event: Path, latin_people: list[tuple[str, str, str]], template: str
) -> None:
    out = installed.home / f"badges-{template}.pdf"
    result = installed.run(
        "badges", "--db", str(event), "--all", "--template", template, "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    for _, first, last in latin_people:
        assert shows(text, first, last), (template, first)


def test_one_badge_by_code(
    installed: Installed, event: Path, latin_people: list[tuple[str, str, str]]
) -> None:
    code, first, _ = latin_people[1]
    out = installed.home / "one.pdf"
    result = installed.run("badge", code, "--db", str(event), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert shows(pdf_text(out), first)


def test_the_screen_preview_of_a_badge_needs_no_test_package(
    installed: Installed, event: Path
) -> None:
    # What the setup wizard and the help desk draw on screen.
    result = installed.python(
        "from kiosk.store import Store; from kiosk.badges import render_badge_png\n"
        f"store = Store.open({str(event)!r})\n"
        "png = render_badge_png(store.attendees()[0], store.event())\n"
        "print(png[:8] == b'\\x89PNG\\r\\n\\x1a\\n', len(png))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True")


def test_kiosk_window_in_french(installed: Installed, event: Path) -> None:
    assert (
        installed.run("config", "set", "kiosk.language", "fr", "--db", str(event)).returncode == 0
    )
    result = installed.run("-v", "run", "--db", str(event), "--smoke")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # The compiled French translation came with the package and was loaded.
    assert "language fr" in result.stderr
    assert "no compiled translation" not in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_export_in_every_format(
    installed: Installed, event: Path, checked_in: tuple[str, str], fmt: str
) -> None:
    out = installed.home / f"attendance.{fmt}"
    result = installed.run("export", "--db", str(event), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    first, last = checked_in
    if fmt == "csv":
        text = out.read_text(encoding="utf-8-sig")
        text = "".join(text.split())
    elif fmt == "xlsx":
        book = openpyxl.load_workbook(out, read_only=True)
        text = "".join(
            "".join(str(cell).split())
            for sheet in book
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        )
    else:
        text = pdf_text(out)
    assert shows(text, first, last)


def test_certificates(installed: Installed, event: Path, checked_in: tuple[str, str]) -> None:
    out = installed.home / "certificates.pdf"
    result = installed.run("certificates", "--db", str(event), "-o", str(out))
    assert result.returncode == 0, result.stderr
    first, last = checked_in
    assert shows(pdf_text(out), first, last)


def test_doctor(installed: Installed, event: Path) -> None:
    result = installed.run("doctor", "--db", str(event))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fonts: every character" in result.stdout
    assert "rl_accel" in result.stdout

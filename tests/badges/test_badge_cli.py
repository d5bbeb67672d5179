"""The badge commands: batches by selection, one badge, the template list."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.checkin import Station
from kiosk.cli import main
from kiosk.demo import create_demo_event
from kiosk.store import Store


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    store = Store.open(path, create=True)
    create_demo_event(store)
    store.close()
    return path


def pdf_text(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [page.extract_text() for page in reader.pages]


def test_all_badges_sorted_by_last_name_in_an_owner_only_file(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.pdf"
    assert main(["badges", "--db", str(demo_db), "--all", "-o", str(out)]) == 0
    store = Store.open(demo_db)
    active = [a for a in store.attendees() if a.status == "active"]
    pages = pdf_text(out)
    assert len(pages) == len(active)  # cancelled attendees get no badge
    assert "Adébáyọ" in pages[0]  # 'Adebayo' sorts first, accents folded
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert f"Wrote {len(active)} badge(s)" in capsys.readouterr().out


def test_not_printed_leaves_out_badges_printed_already(demo_db: Path, tmp_path: Path) -> None:
    store = Store.open(demo_db)
    active = [a for a in store.attendees() if a.status == "active"]
    for number, (attendee, state) in enumerate(
        [(active[0], "done"), (active[1], "failed"), (active[2], "done")]
    ):
        store.db["print_jobs"].insert(
            {
                "attendee_id": attendee.id,
                "kind": "auto",
                "state": state,
                "token": f"t{number}",
                "created_at": "2026-03-10T09:00:00.000000+00:00",
                "updated_at": "2026-03-10T09:00:00.000000+00:00",
            }
        )
    out = tmp_path / "todo.pdf"
    assert main(["badges", "--db", str(demo_db), "--not-printed", "-o", str(out)]) == 0
    assert len(pdf_text(out)) == len(active) - 2


def test_checked_in_and_category_select_attendees(demo_db: Path, tmp_path: Path) -> None:
    store = Store.open(demo_db)
    active = [a for a in store.attendees() if a.status == "active"]
    station = Station(store, name="desk")
    for attendee in active[:3]:
        assert station.scan(attendee.code).result == "checked_in"
    out = tmp_path / "in.pdf"
    assert main(["badges", "--db", str(demo_db), "--checked-in", "-o", str(out)]) == 0
    assert len(pdf_text(out)) == 3
    speakers = [a for a in active if a.category == "Speaker"]
    out = tmp_path / "speakers.pdf"
    args = ["badges", "--db", str(demo_db), "--category", "speaker", "--template", "avery-5395"]
    assert main([*args, "--cut-marks", "-o", str(out)]) == 0
    assert len(pdf_text(out)) == -(-len(speakers) // 8)


def test_one_badge_by_code_on_other_stock(demo_db: Path, tmp_path: Path) -> None:
    attendee = Store.open(demo_db).attendees()[0]
    out = tmp_path / "one.pdf"
    args = ["badge", attendee.code, "--db", str(demo_db), "--stock", "Avery 5392", "-o", str(out)]
    assert main(args) == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612, abs=0.1)  # US Letter


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["badge", "NO-SUCH-CODE"], "No attendee has that code."),
        (["badges", "--category", "Astronaut"], "No attendees match"),
        (["badges", "--template", "nope"], "no badge template called 'nope'"),
        (["badges", "--stock", "Nowhere 1"], "no badge stock called 'Nowhere 1'"),
    ],
)
def test_user_errors_are_one_sentence(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    status = main([*args, "--db", str(demo_db), "-o", str(tmp_path / "x.pdf")])
    assert status == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
    assert not (tmp_path / "x.pdf").exists()


def test_templates_lists_every_template_and_stock(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for name in ("4x3in", "avery-5392", "avery-5395", "a4-8xa7", "cr80", "brother-62mm"):
        assert name in out
    assert "101.6 ×  76.2 mm" in out

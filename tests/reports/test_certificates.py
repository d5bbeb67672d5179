"""Certificates exist exactly for attendees with a check-in, with the right sessions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pypdf
import pytest

from kiosk.cli import main
from kiosk.reports.certificates import (
    UNNAMED_SIGNATORY,
    Signatory,
    certificate_id,
    write_certificates,
)
from kiosk.reports.table import load_scope
from kiosk.store import Store


def test_one_page_per_attendee_who_came(event_store: Store, tmp_path: Path) -> None:
    scope = load_scope(event_store, None, None)
    write_certificates(scope, tmp_path / "all.pdf", Signatory("Dr Jane Doe"))
    pages = [page.extract_text() for page in pypdf.PdfReader(tmp_path / "all.pdf").pages]
    came = [r for r in scope.records if r.attended]
    assert len(pages) == len(came) == 6
    joined = "\n".join(pages)
    assert "Noshow" not in joined and "Cancelled" not in joined
    amara = next(page for page in pages if "Okonkwo" in page)
    # In at each start, never scanned out: in the room until each end.
    assert "Keynote — attended 45 of 45 min, credit 45 min" in amara
    assert "Breakout A — attended 60 of 60 min, credit 60 min" in amara
    assert "Total: 1.75 CPD hours" in amara
    assert "Spring Learning Event" in amara and "St Paul's Centre" in amara
    assert "10 March 2026" in amara and "Dr Jane Doe" in amara
    record = next(r for r in came if r.attendee.last_name == "Okonkwo")
    assert certificate_id(scope, record) in amara
    # Attended the event but no session: no session list, still a certificate.
    wang = next(page for page in pages if "王" in page)
    assert "Sessions attended" not in wang


def test_certificate_ids_are_unique_and_stable(event_store: Store) -> None:
    scope = load_scope(event_store, None, None)
    ids = [certificate_id(scope, r) for r in scope.records]
    assert len(set(ids)) == len(ids)
    assert ids == [certificate_id(load_scope(event_store, None, None), r) for r in scope.records]


def test_folder_output_and_single_code(event_store: Store, tmp_path: Path) -> None:
    scope = load_scope(event_store, None, None)
    written = write_certificates(scope, tmp_path / "certs", Signatory("Org"))
    assert len(written) == 6
    assert all(path.name.startswith("CPD-") for path in written)
    assert all(path.stat().st_mode & 0o077 == 0 for path in written)
    only = write_certificates(scope, tmp_path / "one.pdf", Signatory("Org"), code="CODE-6")
    assert only == [], "a no-show gets no certificate"
    one = write_certificates(scope, tmp_path / "amara.pdf", Signatory("Org"), code="CODE-0")
    assert len(pypdf.PdfReader(one[0]).pages) == 1


def _event_file(store: Store, path: Path) -> Path:
    target = sqlite3.connect(path)
    store.conn.backup(target)
    target.close()
    return path


def test_certificates_without_an_organiser_warn_and_sign_neutrally(
    event_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _event_file(event_store, tmp_path / "event.db")
    assert main(["certificates", "--db", str(db), "-o", str(tmp_path / "all.pdf")]) == 0
    warning = capsys.readouterr().err.strip().splitlines()
    assert len(warning) == 1 and warning[0].startswith("Warning: no organiser named")
    assert "--organiser" in warning[0]
    pages = [page.extract_text() for page in pypdf.PdfReader(tmp_path / "all.pdf").pages]
    assert pages and all(UNNAMED_SIGNATORY in page for page in pages)
    assert not any("Spring Learning Event, organiser" in page for page in pages)


def test_certificates_with_an_organiser_name_them_without_a_warning(
    event_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _event_file(event_store, tmp_path / "event.db")
    out = tmp_path / "all.pdf"
    assert main(["config", "set", "organiser_name", "Dr Jane Doe", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["certificates", "--db", str(db), "-o", str(out)]) == 0
    assert "Warning" not in capsys.readouterr().err
    pages = [page.extract_text() for page in pypdf.PdfReader(out).pages]
    assert all("Dr Jane Doe, organiser" in page for page in pages)
    assert main(["certificates", "--db", str(db), "-o", str(out), "--organiser", "Sam Lee"]) == 0
    pages = [page.extract_text() for page in pypdf.PdfReader(out).pages]
    assert all("Sam Lee, organiser" in page for page in pages)

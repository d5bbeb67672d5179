"""Certificates exist exactly for attendees with a check-in, with the right sessions."""

from __future__ import annotations

from pathlib import Path

import pypdf

from kiosk.reports.certificates import Signatory, certificate_id, write_certificates
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
    assert "Keynote — 0.75 h" in amara and "Breakout A — 1 h" in amara
    assert "Total: 1.75 hours" in amara
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

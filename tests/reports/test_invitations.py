"""Invitation QR codes decode to their attendee's code; the mail merge matches."""

from __future__ import annotations

import csv
from pathlib import Path

import zxingcpp
from PIL import Image

from kiosk.domain.models import AttendeeStatus
from kiosk.reports.invitations import MAILMERGE_HEADER, write_invitation_codes
from kiosk.store import Store


def test_every_png_decodes_to_its_attendees_code(event_store: Store, tmp_path: Path) -> None:
    count = write_invitation_codes(event_store, tmp_path)
    active = event_store.attendees(status=AttendeeStatus.ACTIVE)
    assert count == len(active) == 7
    rows = list(csv.DictReader((tmp_path / "mailmerge.csv").read_text("utf-8-sig").splitlines()))
    assert list(rows[0]) == MAILMERGE_HEADER
    assert len(rows) == count
    by_image = {row["png"]: row for row in rows}
    for attendee in active:
        png = f"attendee-{attendee.id:06d}.png"
        decoded = zxingcpp.read_barcodes(Image.open(tmp_path / png))
        assert [barcode.text for barcode in decoded] == [attendee.code]
        assert by_image[png]["code"] == attendee.code
        assert by_image[png]["email"] == attendee.email
        svg = (tmp_path / by_image[png]["svg"]).read_text()
        assert svg.startswith("<?xml") and "<path" in svg


def test_cancelled_get_no_code_and_files_are_private(event_store: Store, tmp_path: Path) -> None:
    write_invitation_codes(event_store, tmp_path)
    text = (tmp_path / "mailmerge.csv").read_text("utf-8-sig")
    assert "Cancelled" not in text
    for path in tmp_path.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name

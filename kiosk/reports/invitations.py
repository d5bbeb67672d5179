"""QR codes to send before the event: PNG and SVG per attendee, and a mail-merge CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M

from kiosk.domain.models import AttendeeStatus
from kiosk.reports.files import atomic_file, neutralise_for_csv
from kiosk.store import Store

# email_from is "buyer" when the address is the order's buyer's (the attendee
# gave none): a merge can then say whose ticket the message carries.
MAILMERGE_HEADER = ["email", "first_name", "last_name", "code", "png", "svg", "email_from"]


def _qr(code: str) -> qrcode.QRCode:  # type: ignore[type-arg]
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    qr.add_data(code)
    qr.make(fit=True)
    return qr


def qr_png(code: str) -> bytes:
    """The ticket's QR code as a PNG, as `kiosk codes` writes it."""
    buffer = io.BytesIO()
    _qr(code).make_image().save(buffer)
    return buffer.getvalue()


def write_invitation_codes(store: Store, folder: Path) -> int:
    """Images are named by attendee id, not by name or code. Cancelled
    registrations get none. Returns how many attendees got codes; with
    nobody to invite, nothing is written (not even an empty mail merge)."""
    invited = store.attendees(status=AttendeeStatus.ACTIVE)
    if not invited:
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    mailmerge = io.StringIO(newline="")
    writer = csv.writer(mailmerge)
    writer.writerow(MAILMERGE_HEADER)
    count = 0
    for attendee in invited:
        stem = f"attendee-{attendee.id:06d}"
        qr = _qr(attendee.code)
        with atomic_file(folder / f"{stem}.png") as handle:
            qr.make_image().save(handle)
        with atomic_file(folder / f"{stem}.svg") as handle:
            qr.make_image(image_factory=qrcode.image.svg.SvgPathImage).save(handle)
        writer.writerow(
            [
                neutralise_for_csv(value)
                for value in (
                    attendee.email,
                    attendee.first_name,
                    attendee.last_name,
                    attendee.code,
                    f"{stem}.png",
                    f"{stem}.svg",
                    attendee.email_from.value,
                )
            ]
        )
        count += 1
    with atomic_file(folder / "mailmerge.csv") as handle:
        handle.write(b"\xef\xbb\xbf" + mailmerge.getvalue().encode("utf-8"))
    return count

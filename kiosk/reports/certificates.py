"""CPD certificates of attendance: one page per person who actually came.

Attendance comes from the log, never from the roster. A certificate names
the attendee, the event, the venue and date, the sessions attended with
their hours, the organiser and a certificate id that stays the same each
time the certificate is made again.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from kiosk.reports.attendance import AttendanceRecord, session_hours
from kiosk.reports.files import atomic_file
from kiosk.reports.pdftext import paragraph, style
from kiosk.reports.table import Scope

PAGE = landscape(A4)
TITLE = style("cert-title", 30, bold=True, alignment=1, spaceAfter=14 * mm)
NAME = style("cert-name", 26, bold=True, alignment=1, spaceBefore=5 * mm, spaceAfter=5 * mm)
BODY = style("cert-body", 13, alignment=1, spaceAfter=2 * mm)
LIST_HEADING = style("cert-list-heading", 12, bold=True, alignment=1, spaceBefore=8 * mm)
LIST = style("cert-list", 11, alignment=1, spaceAfter=1 * mm)
SMALL = style("cert-small", 10)
SMALL_RIGHT = style("cert-small-right", 10, alignment=2)


# Under the signature line when no organiser was named: never the event's
# name dressed up as a person.
UNNAMED_SIGNATORY = "On behalf of the organisers"


@dataclass(frozen=True)
class Signatory:
    name: str = ""  # the organiser who signs; "" when nobody was named
    signature: Path | None = None

    @property
    def line(self) -> str:
        """What is printed under the signature line."""
        return f"{self.name}, organiser" if self.name.strip() else UNNAMED_SIGNATORY


def certificate_id(scope: Scope, record: AttendanceRecord) -> str:
    """Stable for the same event and attendee; reveals neither."""
    seed = f"{scope.event.name}|{record.attendee.id}|{record.attendee.code}".encode()
    digest = hashlib.sha256(seed).digest()
    return "CPD-" + base64.b32encode(digest)[:12].decode()


def _dates(scope: Scope, record: AttendanceRecord) -> str:
    days = sorted({a.day for a in [*record.days.values(), *record.sessions.values()]})
    return ", ".join(day.strftime("%-d %B %Y") for day in days)


def _draw(canvas: Canvas, scope: Scope, record: AttendanceRecord, signatory: Signatory) -> None:
    width, height = PAGE
    event = scope.event
    canvas.setLineWidth(2)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.5)
    canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)

    sessions = sorted(
        (scope.sessions[sid] for sid in record.sessions if sid in scope.sessions),
        key=lambda s: s.starts_at,
    )
    story: list[Paragraph] = [
        paragraph("Certificate of attendance", TITLE, bold=True),
        paragraph("This is to certify that", BODY),
        paragraph(record.attendee.full_name, NAME, bold=True),
        paragraph(
            f"attended {event.name} at {event.venue or 'the venue'} on {_dates(scope, record)}.",
            BODY,
        ),
    ]
    if sessions:
        story.append(paragraph("Sessions attended", LIST_HEADING, bold=True))
        for session in sessions:
            hours = session_hours(session)
            story.append(paragraph(f"{session.title} — {hours:g} h", LIST))
        total = sum(session_hours(s) for s in sessions)
        unit = "hour" if total == 1 else "hours"
        story.append(paragraph(f"Total: {total:g} {unit}", LIST_HEADING, bold=True))
    frame = Frame(25 * mm, 55 * mm, width - 50 * mm, height - 80 * mm, showBoundary=0)
    frame.addFromList(story, canvas)

    if signatory.signature is not None:
        canvas.drawImage(
            str(signatory.signature),
            30 * mm,
            32 * mm,
            width=55 * mm,
            height=20 * mm,
            preserveAspectRatio=True,
            anchor="sw",
            mask="auto",
        )
    canvas.line(30 * mm, 30 * mm, 100 * mm, 30 * mm)
    Frame(30 * mm, 17 * mm, 110 * mm, 13 * mm, showBoundary=0, leftPadding=0).addFromList(
        [paragraph(signatory.line, SMALL)], canvas
    )
    Frame(width - 140 * mm, 17 * mm, 110 * mm, 13 * mm, showBoundary=0).addFromList(
        [paragraph(f"Certificate {certificate_id(scope, record)}", SMALL_RIGHT)], canvas
    )
    canvas.showPage()


def attended(scope: Scope, code: str | None = None) -> list[AttendanceRecord]:
    return [
        record
        for record in scope.records
        if record.attended and (code is None or record.attendee.code == code)
    ]


def certificate_pdf(scope: Scope, record: AttendanceRecord, signatory: Signatory) -> bytes:
    """One attendee's certificate as PDF bytes (to attach to an email)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE)
    canvas.setTitle(f"Certificate of attendance — {scope.event.name}")
    _draw(canvas, scope, record, signatory)
    canvas.save()
    return buffer.getvalue()


def write_certificates(
    scope: Scope, output: Path, signatory: Signatory, code: str | None = None
) -> list[Path]:
    """One PDF of all certificates (`output` ends in .pdf) or one file each
    in the folder `output`, named by certificate id (no names in file names)."""
    records = attended(scope, code)
    if not records:
        return []  # nothing to certify: no file at all, not an empty one
    if output.suffix.lower() == ".pdf":
        with atomic_file(output) as handle:
            canvas = Canvas(handle, pagesize=PAGE)
            canvas.setTitle(f"Certificates of attendance — {scope.event.name}")
            for record in records:
                _draw(canvas, scope, record, signatory)
            canvas.save()
        return [output]
    written: list[Path] = []
    try:
        for record in records:
            path = output / f"{certificate_id(scope, record)}.pdf"
            with atomic_file(path) as handle:
                canvas = Canvas(handle, pagesize=PAGE)
                canvas.setTitle(f"Certificate of attendance — {scope.event.name}")
                _draw(canvas, scope, record, signatory)
                canvas.save()
            written.append(path)
    except BaseException:
        # All or nothing: half a batch (a full disk) would pass for all of it.
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return written

"""CPD certificates of attendance: one page per person who actually came.

Attendance comes from the log, never from the roster. A certificate names
the attendee, the event, the venue and date, the sessions attended with the
minutes spent in the room and the CPD credit each earned (kiosk.domain.cpd),
the total CPD hours, the organiser and a certificate id that stays the same
each time the certificate is made again. A session attended below the
minimum share is listed as attended, not credited. The whole page shrinks to
fit a long programme, so a full day stays on one page.
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
from reportlab.platypus import Flowable, Frame, KeepInFrame

from kiosk.domain.cpd import CpdRule, SessionCredit, cpd_hours, hours_text
from kiosk.reports.attendance import AttendanceRecord
from kiosk.reports.files import atomic_file
from kiosk.reports.pdftext import paragraph, style
from kiosk.reports.table import Scope

PAGE = landscape(A4)
TITLE = style("cert-title", 30, bold=True, alignment=1, spaceAfter=14 * mm)
# A long list of sessions takes the space around the title and the headings
# before anything shrinks (and shrinking costs a second layout of the page).
TITLE_OVER_LONG_LIST = style("cert-title-tight", 30, bold=True, alignment=1, spaceAfter=4 * mm)
LONG_LIST = 4  # sessions
NAME = style("cert-name", 26, bold=True, alignment=1, spaceBefore=5 * mm, spaceAfter=5 * mm)
BODY = style("cert-body", 13, alignment=1, spaceAfter=2 * mm)
LIST_HEADING = style(
    "cert-list-heading", 12, bold=True, alignment=1, spaceBefore=8 * mm, spaceAfter=1 * mm
)
LONG_LIST_HEADING = style(
    "cert-long-list-heading", 12, bold=True, alignment=1, spaceBefore=4 * mm, spaceAfter=1 * mm
)
LIST = style("cert-list", 11, alignment=1, spaceAfter=1 * mm)
SMALL = style("cert-small", 10)
SMALL_RIGHT = style("cert-small-right", 10, alignment=2)
NOTE = style("cert-note", 9, alignment=1, spaceBefore=2 * mm)


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

    credits = record.session_credits
    heading = LONG_LIST_HEADING if len(credits) > LONG_LIST else LIST_HEADING
    story: list[Flowable] = [
        paragraph(
            "Certificate of attendance",
            TITLE_OVER_LONG_LIST if len(credits) > LONG_LIST else TITLE,
            bold=True,
        ),
        paragraph("This is to certify that", BODY),
        paragraph(record.attendee.full_name, NAME, bold=True),
        paragraph(
            f"attended {event.name} at {event.venue or 'the venue'} on {_dates(scope, record)}.",
            BODY,
        ),
    ]
    if credits:
        story.append(paragraph("Sessions attended", heading, bold=True))
        story += [paragraph(session_line(credit), LIST) for credit in credits]
        total = hours_text(cpd_hours(credits))
        unit = "CPD hour" if total == "1" else "CPD hours"
        story.append(paragraph(f"Total: {total} {unit}", heading, bold=True))
        if scope.cpd is not None:
            story.append(paragraph(rule_line(scope.cpd), NOTE))
    frame = Frame(25 * mm, 55 * mm, width - 50 * mm, height - 80 * mm, showBoundary=0)
    # A long programme shrinks the page's text rather than losing its last lines.
    frame.addFromList(
        [KeepInFrame(0, 0, story, mode="shrink")],  # 0: as large as the frame allows
        canvas,
    )

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


def session_line(credit: SessionCredit) -> str:
    """One session on the certificate: minutes in the room and the credit."""
    title = credit.session.title
    if credit.length_minutes == 0:
        return f"{title} — attended"
    attended = f"attended {credit.minutes} of {credit.length_minutes} min"
    if not credit.met_share:
        return f"{title} — {attended}, not credited"
    return f"{title} — {attended}, credit {credit.credit} min"


def rule_line(rule: CpdRule) -> str:
    """How the credit was counted, for whoever checks the certificate."""
    rounded = f"rounded down to {rule.rounding_minutes} min"
    if rule.minimum_share <= 0:
        return f"CPD credit counts the time spent in the room, {rounded}."
    share = f"{rule.minimum_share:.0%}"
    return (
        f"CPD credit counts the time spent in the room: at least {share} of a session, {rounded}."
    )


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

"""The attendance register: a PDF per session (or for the event) for the record.

It lists everyone admitted, with organisation and time in. It is meant for
the organiser's files and funders, not for display at the door.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, SimpleDocTemplate, Spacer, TableStyle

from kiosk.reports.attendance import local_time
from kiosk.reports.files import atomic_file
from kiosk.reports.pdftext import paragraph, style
from kiosk.reports.table import Scope

BODY = style("register-body", 9)
HEADING = style("register-heading", 14, bold=True)
SUBHEADING = style("register-sub", 10)


def register_entries(scope: Scope, session_id: int | None) -> list[tuple[str, str, str]]:
    """(name, organisation, time in) of everyone who attended the scope, by
    time in (their first admission in it, to the event or a session)."""
    entries = []
    for record in scope.records:
        first = (
            record.sessions.get(session_id) if session_id is not None else record.first_admission
        )
        if first is None:
            continue
        entries.append((first.at, record))
    entries.sort(key=lambda pair: (pair[0], pair[1].attendee.last_name))
    return [
        (r.attendee.full_name, r.attendee.organisation, local_time(scope.event, at))
        for at, r in entries
    ]


def write_register_pdf(scope: Scope, path: Path, session_id: int | None = None) -> Path:
    event = scope.event
    session = scope.sessions.get(session_id) if session_id is not None else None
    title = session.title if session else "Event attendance"
    where = f"{event.venue} · {session.room}" if session and session.room else event.venue
    entries = register_entries(scope, session_id)

    table = LongTable(
        [
            [
                paragraph("Name", BODY, bold=True),
                paragraph("Organisation", BODY, bold=True),
                paragraph("Time in", BODY, bold=True),
            ],
            *[
                [paragraph(name, BODY), paragraph(org, BODY), paragraph(time, BODY)]
                for name, org, time in entries
            ],
        ],
        colWidths=[65 * mm, 85 * mm, 30 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )

    def footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(BODY.fontName, 8)
        canvas.drawString(15 * mm, 10 * mm, f"{event.name} — {title}")
        canvas.drawRightString(195 * mm, 10 * mm, f"Page {document.page}")
        canvas.restoreState()

    with atomic_file(path) as handle:
        document = SimpleDocTemplate(
            handle,
            pagesize=A4,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=18 * mm,
            title=f"Attendance register — {title}",
            author=event.name,
        )
        document.build(
            [
                paragraph(event.name, HEADING, bold=True),
                paragraph(title, SUBHEADING, bold=True),
                paragraph(f"{where} · {len(entries)} attended", SUBHEADING),
                Spacer(1, 5 * mm),
                table,
            ],
            onFirstPage=footer,
            onLaterPages=footer,
        )
    return path

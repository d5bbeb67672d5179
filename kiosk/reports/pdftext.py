"""Paragraphs for report PDFs in any script, using the badge fonts."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from kiosk.badges.fonts import chain_for, split_runs
from kiosk.badges.textfit import normalise


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup that draws each run of `text` with a font that has it."""
    runs, _dropped = split_runs(normalise(text), chain_for("bold" if bold else "regular"))
    return "".join(f'<font name="{run.font.name}">{escape(run.text)}</font>' for run in runs)


def style(name: str, size: float, *, bold: bool = False, **extra: object) -> ParagraphStyle:
    font = chain_for("bold" if bold else "regular").fonts()[0].name
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.25, shaping=1, **extra
    )


def paragraph(text: str, paragraph_style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    return Paragraph(markup(text, bold), paragraph_style)

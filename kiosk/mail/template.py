"""The ticket email's text: a file in the event folder the organiser edits.

The file sits beside the event file, named after it (`event-ticket-email.txt`
for `event.db`, so two events in one folder stay apart). Its first line is
`Subject: ...`, then a blank line, then the text. Placeholders are written
`$name` (or `${name}`); the ones it may use are declared in PLACEHOLDERS, and
a file naming any other is refused with the name, before anything is sent.
Without the file the default below is used; `kiosk email template` writes it
out to edit.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

# The one list of what a ticket's text can say, with what each one holds.
PLACEHOLDERS: dict[str, str] = {
    "first_name": "the attendee's first name",
    "last_name": "the attendee's last name",
    "full_name": "first and last name",
    "organisation": "the attendee's organisation",
    "event": "the event's name",
    "venue": "the venue",
    "days": "the event's day or days",
    "code": "the ticket code (also the QR code)",
}

# One line per paragraph: mail programs wrap the text to their own width.
DEFAULT_TICKET = "\n".join(
    (
        "Subject: Your ticket for $event",
        "",
        "Dear $first_name,",
        "",
        "Your ticket for $event is the QR code in this message (also attached as a picture). "
        "Show it at the entrance, on your phone or printed, and your name badge is printed "
        "as you arrive.",
        "",
        "Where: $venue",
        "When: $days",
        "Your ticket code: $code",
        "",
        "We look forward to seeing you.",
        "",
    )
)


class TemplateError(ValueError):
    """A ticket template that cannot be used, in one sentence."""


@dataclass(frozen=True, slots=True)
class Template:
    subject: str
    body: str

    def render(self, values: dict[str, str]) -> tuple[str, str]:
        """(subject, body) with the placeholders filled."""
        return (
            string.Template(self.subject).safe_substitute(values),
            string.Template(self.body).safe_substitute(values),
        )


def template_path(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}-ticket-email.txt")


def parse_template(text: str, where: str = "the ticket template") -> Template:
    head, _, body = text.replace("\r\n", "\n").partition("\n\n")
    if not head.lower().startswith("subject:") or "\n" in head.strip():
        raise TemplateError(
            f"{where} must begin with one line 'Subject: ...' and a blank line after it."
        )
    subject = head.split(":", 1)[1].strip()
    for part in (subject, body):
        checked = string.Template(part)
        if not checked.is_valid():
            raise TemplateError(f"{where} has a '$' that starts no placeholder; write $$ for one.")
        unknown = sorted(set(checked.get_identifiers()) - set(PLACEHOLDERS))
        if unknown:
            raise TemplateError(
                f"{where} uses ${unknown[0]}, which is not a placeholder; it may use "
                + ", ".join(f"${name}" for name in PLACEHOLDERS)
                + "."
            )
    return Template(subject, body.strip("\n") + "\n")


def load_template(db_path: Path | None) -> Template:
    """The organiser's file when there is one, else the default."""
    path = template_path(db_path) if db_path is not None else None
    if path is None or not path.exists():
        return parse_template(DEFAULT_TICKET)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TemplateError(f"{path.name} is not UTF-8 text; save it as UTF-8.") from None
    return parse_template(text, path.name)


def write_default_template(db_path: Path) -> Path:
    """The default template as a file to edit; an existing file is kept."""
    path = template_path(db_path)
    if not path.exists():
        path.write_text(DEFAULT_TICKET, encoding="utf-8")
    return path

"""Messages as the mail server receives them: plain Python, no Qt, no SQL.

Each message has one recipient (the attendee's own address, in To), a text
part and an HTML part, plain transactional headers (no List-Unsubscribe,
`Auto-Submitted: auto-generated`) and a Message-ID made from its outbox row,
the same on every attempt. Header injection is impossible twice over: every
value that goes into a header is made one line first (control characters,
CR and LF become spaces), and the `email` package's SMTP policy refuses a
header with a line break anyway.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from kiosk.domain.models import Attendee, Event
from kiosk.mail.template import Template
from kiosk.store.outbox import OutboxMessage

# An address of the form local@domain with nothing a header could be split
# on: no spaces, controls, commas, semicolons or angle brackets.
_ADDRESS = re.compile(r"[^\s@,;<>()\[\]\\\"]+@[^\s@,;<>()\[\]\\\"]+\.[^\s@,;<>()\[\]\\\"]+")


class AddressError(ValueError):
    """A recipient or sender address that cannot be used, in one sentence."""


@dataclass(frozen=True, slots=True)
class Sender:
    address: str
    reply_to: str = ""
    name: str = ""  # shown beside the address: the event's name

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]


def one_line(text: str) -> str:
    """`text` with every control or line-separating character turned into a
    space and runs of spaces squeezed: safe in a header."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in text
    )
    return " ".join(cleaned.split())


def checked_address(address: str) -> str:
    if not _ADDRESS.fullmatch(address):
        raise AddressError("The address is not a single valid email address.")
    return address


def message_id(row: OutboxMessage, domain: str) -> str:
    """From the outbox row: the same for every attempt at one message, so a
    mail program can fold a copy sent again after an interruption."""
    return f"<kiosk.{row.id}.{row.round}.{row.token}@{domain}>"


def event_days(event: Event) -> str:
    first, last = event.first_day, event.last_day or event.first_day
    if first is None or last is None:
        return "the days of the event"
    if first == last:
        return first.strftime("%-d %B %Y")
    return f"{first.strftime('%-d %B %Y')} to {last.strftime('%-d %B %Y')}"


def _envelope(row: OutboxMessage, sender: Sender, to_name: str, subject: str) -> EmailMessage:
    message = EmailMessage(policy=SMTP)
    message["From"] = Address(one_line(sender.name), addr_spec=checked_address(sender.address))
    message["To"] = Address(one_line(to_name), addr_spec=checked_address(row.recipient))
    if sender.reply_to:
        message["Reply-To"] = checked_address(sender.reply_to)
    message["Subject"] = one_line(subject)
    message["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    message["Message-ID"] = message_id(row, sender.domain)
    message["Auto-Submitted"] = "auto-generated"
    return message


def _html(text: str, extra: str = "") -> str:
    paragraphs = "".join(
        f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>"
        for block in text.strip().split("\n\n")
    )
    body = f'<body style="font-family: sans-serif">{paragraphs}{extra}</body>'
    return f"<!DOCTYPE html><html>{body}</html>"


def ticket_values(attendee: Attendee, event: Event) -> dict[str, str]:
    """Each placeholder's value, on one line (a name never breaks the text)."""
    values = {
        "first_name": attendee.first_name,
        "last_name": attendee.last_name,
        "full_name": attendee.full_name,
        "organisation": attendee.organisation,
        "event": event.name,
        "venue": event.venue or "the venue",
        "days": event_days(event),
        "code": attendee.code,
    }
    return {name: one_line(value) for name, value in values.items()}


def ticket_message(
    row: OutboxMessage,
    attendee: Attendee,
    event: Event,
    template: Template,
    sender: Sender,
    qr_png: bytes,
) -> EmailMessage:
    """The ticket: the text, the QR code inline in the HTML part and attached."""
    subject, text = template.render(ticket_values(attendee, event))
    message = _envelope(row, sender, attendee.full_name, subject)
    message.set_content(text)
    cid = f"qr.{row.id}.{row.token}@{sender.domain}"
    image = f'<p><img src="cid:{cid}" alt="QR code" width="240" height="240"></p>'
    message.add_alternative(_html(text, image), subtype="html")
    html_part = message.get_body(("html",))
    assert isinstance(html_part, EmailMessage)
    html_part.add_related(qr_png, "image", "png", cid=f"<{cid}>", filename="ticket-qr.png")
    message.add_attachment(qr_png, "image", "png", filename="ticket-qr.png")
    return message


def certificate_text(attendee: Attendee, event: Event) -> tuple[str, str]:
    subject = f"Your certificate of attendance: {one_line(event.name)}"
    text = (
        f"Dear {one_line(attendee.full_name)},\n\n"
        f"Thank you for attending {one_line(event.name)}. Your certificate of attendance is "
        "attached as a PDF; keep it for your CPD records.\n\n"
        "With best wishes,\nThe organisers\n"
    )
    return subject, text


def certificate_message(
    row: OutboxMessage,
    attendee: Attendee,
    event: Event,
    sender: Sender,
    pdf: bytes,
    certificate_id: str,
) -> EmailMessage:
    subject, text = certificate_text(attendee, event)
    message = _envelope(row, sender, attendee.full_name, subject)
    message.set_content(text)
    message.add_alternative(_html(text), subtype="html")
    message.add_attachment(pdf, "application", "pdf", filename=f"{certificate_id}.pdf")
    return message


def trial_message(row: OutboxMessage, sender: Sender) -> EmailMessage:
    text = (
        "This is a test message from the event kiosk. If you can read it, "
        "tickets and certificates can be sent through this mail server.\n"
    )
    message = _envelope(row, sender, "", "Test message from the event kiosk")
    message.set_content(text)
    message.add_alternative(_html(text), subtype="html")
    return message

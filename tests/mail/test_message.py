"""Messages built without a server: parts, headers, and the ticket template."""

from __future__ import annotations

import datetime as dt
from email.policy import SMTP
from pathlib import Path

import pytest

from kiosk.domain.models import Attendee, Event
from kiosk.mail.message import (
    AddressError,
    Sender,
    certificate_message,
    checked_address,
    message_id,
    one_line,
    ticket_message,
)
from kiosk.mail.template import (
    DEFAULT_TICKET,
    TemplateError,
    load_template,
    parse_template,
    template_path,
    write_default_template,
)
from kiosk.store.outbox import MailKind, MailState, OutboxMessage

NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
EVENT = Event("CPD Day", "Hall", first_day=dt.date(2026, 3, 10), last_day=dt.date(2026, 3, 11))
SENDER = Sender("events@example.org", "replies@example.org", "CPD Day")


def _row(recipient: str = "amara@example.org", kind: MailKind = MailKind.TICKET) -> OutboxMessage:
    return OutboxMessage(
        7, kind, 1, recipient, 2, MailState.SENDING, 1, "", "0123456789abcdef", NOW, NOW, None, None
    )


def test_a_ticket_has_text_and_html_the_qr_inline_and_attached_and_plain_headers() -> None:
    attendee = Attendee(1, "CODE-1", "Amara", "Okonkwo")
    message = ticket_message(
        _row(), attendee, EVENT, parse_template(DEFAULT_TICKET), SENDER, b"\x89PNG fake"
    )
    assert message["Message-ID"] == "<kiosk.7.2.0123456789abcdef@example.org>"
    assert message["Message-ID"] == message_id(_row(), "example.org")
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Reply-To"] == "replies@example.org"
    assert message["List-Unsubscribe"] is None and message["Bcc"] is None
    assert "10 March 2026 to 11 March 2026" in message.get_body(("plain",)).get_content()
    images = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert len(images) == 2  # inline (with a Content-ID) and as an attachment
    assert sum(1 for part in images if part["Content-ID"]) == 1


def test_a_certificate_message_names_the_attendee_and_attaches_the_pdf() -> None:
    attendee = Attendee(1, "CODE-1", "Zoë", "Ó Briain")
    message = certificate_message(
        _row(kind=MailKind.CERTIFICATE), attendee, EVENT, SENDER, b"%PDF-1.4", "CPD-ABC"
    )
    assert "Dear Zoë Ó Briain," in message.get_body(("plain",)).get_content()
    (pdf,) = list(message.iter_attachments())
    assert pdf.get_filename() == "CPD-ABC.pdf" and pdf.get_content() == b"%PDF-1.4"


def test_every_header_value_is_one_line_whatever_the_name_holds() -> None:
    assert one_line("Eve\r\nBcc: x@evil.example\u2028Y\x00") == "Eve Bcc: x@evil.example Y"
    attendee = Attendee(1, "C", "Eve\r\nBcc: x@evil.example", "\nSmith")
    message = ticket_message(_row(), attendee, EVENT, parse_template(DEFAULT_TICKET), SENDER, b"")
    raw = message.as_bytes(policy=SMTP)
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert not any(line.lower().startswith(b"bcc") for line in head.split(b"\r\n"))


@pytest.mark.parametrize(
    "address",
    [
        "",
        "no-at-sign",
        "a@b",
        "two@example.org, three@example.org",
        "a@example.org\r\nRCPT TO:<x@y.z>",
    ],
)
def test_an_address_that_is_not_one_address_is_refused(address: str) -> None:
    with pytest.raises(AddressError):
        checked_address(address)


def test_the_template_file_beside_the_event_is_used_and_refuses_unknown_placeholders(
    tmp_path: Path,
) -> None:
    db = tmp_path / "spring.db"
    assert template_path(db).name == "spring-ticket-email.txt"
    assert load_template(db) == parse_template(DEFAULT_TICKET)  # no file yet: the default
    path = write_default_template(db)
    path.write_text("Subject: Hi $first_name\n\nYour code: $code\n", encoding="utf-8")
    assert write_default_template(db).read_text(encoding="utf-8").startswith("Subject: Hi")
    subject, body = load_template(db).render({"first_name": "Amara", "code": "C-1"})
    assert (subject, body) == ("Hi Amara", "Your code: C-1\n")
    path.write_text("Subject: Hi\n\nDear $firstname\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"\$firstname, which is not a placeholder"):
        load_template(db)
    path.write_text("Hello with no subject\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="Subject"):
        load_template(db)

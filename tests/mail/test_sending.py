"""Certificates and tickets through a real SMTP server on loopback (aiosmtpd),
with and without STARTTLS, TLS from the first byte, and AUTH."""

from __future__ import annotations

import io
import logging
import re
import threading
from collections import Counter
from pathlib import Path

import pytest
from mail_event import CAME_WITH_ADDRESS, LOGIN, use_server
from mail_sending import send
from pypdf import PdfReader

from kiosk.checkin import Station
from kiosk.devtools.smtp_server import Received, SmtpServer, free_port, trusting
from kiosk.mail.plan import queue_planned, queue_resend
from kiosk.mail.sender import RetryPolicy
from kiosk.store import Store, outbox
from kiosk.store.outbox import MailKind, MailState, OutboxMessage
from kiosk.store.purge import anonymise

# One case sends AUTH without TLS on loopback on purpose; the test server warns.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

# The SMTP server these tests send to (the `test` extra).
pytest.importorskip("aiosmtpd", reason="aiosmtpd is not installed (the test extra)")


def _recipients(received: list[Received]) -> Counter[str]:
    return Counter(address for message in received for address in message.recipients)


def _pdf_text(message: Received) -> str:
    (attachment,) = [
        part
        for part in message.message.iter_attachments()
        if part.get_content_type() == "application/pdf"
    ]
    reader = PdfReader(io.BytesIO(attachment.get_content()))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("mode", ["plain, AUTH on loopback", "STARTTLS and AUTH", "TLS and AUTH"])
def test_everyone_who_came_gets_exactly_one_certificate_naming_them(
    event: Store, certificate: tuple[Path, Path], mode: str
) -> None:
    tls_options = {
        "plain, AUTH on loopback": {},
        "STARTTLS and AUTH": {"certificate": certificate},
        "TLS and AUTH": {"certificate": certificate, "implicit_tls": True},
    }[mode]
    with SmtpServer(login=LOGIN, **tls_options) as server:  # type: ignore[arg-type]
        assert queue_planned(event, MailKind.CERTIFICATE) == 3
        report = send(event, server.url(), password=LOGIN[1], tls=trusting(certificate[0]))
    assert (report.sent, report.failed, report.left, report.stopped) == (3, 0, 0, "")
    received = server.inbox.received
    # Nobody else: not the no-show, not the cancelled registration, one each.
    assert _recipients(received) == Counter(CAME_WITH_ADDRESS)
    names = {"amara@example.org": "Amara Okonkwo", "zoe@example.org": "Zoë Ó Briain"}
    names["wei@example.org"] = "伟 王"
    for message in received:
        (address,) = message.recipients
        parsed = message.message
        assert parsed["To"].addresses[0].addr_spec == address
        assert parsed["Cc"] is None and parsed["Bcc"] is None
        assert parsed["List-Unsubscribe"] is None
        assert parsed.get_body(("plain",)) is not None and parsed.get_body(("html",)) is not None
        assert names[address] in parsed.get_body(("plain",)).get_content()
        assert names[address].split()[0] in _pdf_text(message)
        assert re.fullmatch(r"<kiosk\.\d+\.1\.[0-9a-f]{16}@example\.org>", parsed["Message-ID"])


def test_a_rerun_after_new_check_ins_sends_only_the_new_ones_and_a_resend_needs_asking(
    event: Store, plain_server: SmtpServer
) -> None:
    queue_planned(event, MailKind.CERTIFICATE)
    send(event, plain_server.url())
    Station(event, name="door-2").scan("CODE-3")  # the no-show arrives late
    assert queue_planned(event, MailKind.CERTIFICATE) == 1
    send(event, plain_server.url())
    assert queue_planned(event, MailKind.CERTIFICATE) == 0
    queue_resend(event, MailKind.CERTIFICATE, "CODE-0")  # a corrected certificate
    send(event, plain_server.url())
    assert _recipients(plain_server.inbox.received) == Counter(
        {**dict.fromkeys(CAME_WITH_ADDRESS, 1), "noshow@example.org": 1, "amara@example.org": 2}
    )
    resent = plain_server.inbox.received[-1].message["Message-ID"]
    assert ".2." in resent  # a new round: a Message-ID of its own


def test_a_550_for_one_address_fails_that_message_with_the_reason_and_the_others_go(
    event: Store, plain_server: SmtpServer
) -> None:
    plain_server.inbox.refuse["zoe@example.org"] = "550 5.1.1 No such mailbox here"
    queue_planned(event, MailKind.CERTIFICATE)
    report = send(event, plain_server.url())
    assert (report.sent, report.failed, report.left) == (2, 1, 0)
    assert _recipients(plain_server.inbox.received) == Counter(
        CAME_WITH_ADDRESS - {"zoe@example.org"}
    )
    (failed,) = outbox.messages(event, MailState.FAILED)
    assert failed.recipient == "zoe@example.org"
    assert failed.reply == "550 5.1.1 No such mailbox here"
    assert failed.attempts == 1  # a 5xx is not retried, in this run or the next
    send(event, plain_server.url())
    assert len(plain_server.inbox.received) == 2


def test_a_4xx_is_tried_again_after_a_wait(event: Store, plain_server: SmtpServer) -> None:
    plain_server.inbox.refuse["amara@example.org"] = "451 4.3.0 Try again later"

    def lift(message: OutboxMessage, state: MailState, reply: str) -> None:
        if state is MailState.QUEUED:
            plain_server.inbox.refuse.clear()

    queue_planned(event, MailKind.CERTIFICATE)
    report = send(event, plain_server.url(), progress=lift)
    assert (report.sent, report.failed) == (3, 0)
    assert _recipients(plain_server.inbox.received) == Counter(CAME_WITH_ADDRESS)
    amara = next(m for m in outbox.messages(event) if m.recipient == "amara@example.org")
    assert amara.attempts == 2


@pytest.mark.expected_log("kiosk.email", "connection failed")
def test_server_down_then_up_the_queued_messages_go_out(event: Store) -> None:
    port = free_port()
    server = SmtpServer(port=port)
    failures = threading.Event()

    def start_when_refused(message: OutboxMessage, state: MailState, reply: str) -> None:
        if state is MailState.QUEUED and not failures.is_set():
            assert "connection failed" in reply
            failures.set()
            server.start()  # the server comes up while the run waits to reconnect

    queue_planned(event, MailKind.CERTIFICATE)
    try:
        report = send(event, f"smtp://127.0.0.1:{port}", progress=start_when_refused)
    finally:
        server.stop()
    assert failures.is_set()
    assert (report.sent, report.left) == (3, 0)
    assert _recipients(server.inbox.received) == Counter(CAME_WITH_ADDRESS)


@pytest.mark.expected_log("kiosk.email", "connection failed")
def test_a_server_that_stays_down_leaves_everything_queued_with_the_reason(event: Store) -> None:
    queue_planned(event, MailKind.CERTIFICATE)
    policy = RetryPolicy(backoff_s=0.01, max_backoff_s=0.02, connection_failures=3)
    report = send(event, f"smtp://127.0.0.1:{free_port()}", policy=policy)
    assert report.sent == 0 and report.left == 3
    assert "could not be reached" in report.stopped
    assert all("connection failed" in m.reply or m.reply == "" for m in outbox.messages(event))
    assert {m.state for m in outbox.messages(event)} == {MailState.QUEUED}


def test_a_name_with_cr_lf_cannot_add_a_header_or_a_recipient(
    event: Store, plain_server: SmtpServer
) -> None:
    attendee = event.add_attendee(
        {
            "code": "EVIL-1",
            "first_name": "Eve\r\nBcc: victim@evil.example\r\nX-Injected: yes",
            "last_name": "Smith\nCc: other@evil.example",
            "email": "eve@example.org",
        }
    )
    Station(event, name="door-1").scan(attendee.code)
    queue_planned(event, MailKind.CERTIFICATE)
    send(event, plain_server.url())
    eve = [m for m in plain_server.inbox.received if "eve@example.org" in m.recipients]
    assert len(eve) == 1 and eve[0].recipients == ["eve@example.org"]
    assert "evil.example" not in " ".join(_recipients(plain_server.inbox.received))
    headers = eve[0].data.split(b"\r\n\r\n", 1)[0].decode("ascii")
    names = [
        line.split(":", 1)[0].lower() for line in headers.split("\r\n") if not line[:1].isspace()
    ]
    assert "bcc" not in names and "cc" not in names and "x-injected" not in names
    assert eve[0].message["To"].addresses[0].addr_spec == "eve@example.org"


def test_an_address_with_a_line_break_fails_that_message_and_sends_nothing_for_it(
    event: Store, plain_server: SmtpServer
) -> None:
    attendee = event.add_attendee(
        {
            "code": "EVIL-2",
            "first_name": "Mal",
            "email": "mal@example.org\r\nRCPT TO:<x@evil.example>",
        }
    )
    Station(event, name="door-1").scan(attendee.code)
    queue_planned(event, MailKind.CERTIFICATE)
    report = send(event, plain_server.url())
    assert report.failed == 1 and report.sent == 3
    assert "evil.example" not in " ".join(_recipients(plain_server.inbox.received))


def test_a_wrong_password_stops_the_run_in_one_sentence_and_keeps_everything_queued(
    event: Store, certificate: tuple[Path, Path]
) -> None:
    with SmtpServer(login=LOGIN, certificate=certificate) as server:
        queue_planned(event, MailKind.CERTIFICATE)
        report = send(event, server.url(), password="wrong", tls=trusting(certificate[0]))
    assert "refused the user name or password" in report.stopped
    assert server.inbox.received == []
    assert {m.state for m in outbox.messages(event)} == {MailState.QUEUED}


# The test server's note of the handshake this client refused.
@pytest.mark.expected_log("mail.log", "SMTP session exception", level="ERROR")
def test_an_untrusted_certificate_stops_the_run_and_sends_nothing(
    event: Store, certificate: tuple[Path, Path]
) -> None:
    with SmtpServer(login=LOGIN, certificate=certificate) as server:
        queue_planned(event, MailKind.CERTIFICATE)
        report = send(event, server.url(), password=LOGIN[1])  # the system's trust only
    assert "does not trust" in report.stopped
    assert server.inbox.received == []


def test_tickets_carry_the_qr_code_inline_and_attached(
    event: Store, plain_server: SmtpServer
) -> None:
    import zxingcpp
    from PIL import Image

    assert queue_planned(event, MailKind.TICKET) == 4  # active with an address, came or not
    send(event, plain_server.url())
    by_address = {m.recipients[0]: m.message for m in plain_server.inbox.received}
    assert set(by_address) == CAME_WITH_ADDRESS | {"noshow@example.org"}
    message = by_address["amara@example.org"]
    html = message.get_body(("html",))
    (inline,) = [p for p in message.walk() if p.get("Content-ID")]
    assert f"cid:{inline['Content-ID'].strip('<>')}" in html.get_content()
    (attached,) = [p for p in message.iter_attachments() if p.get_content_type() == "image/png"]
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(attached.get_content())))
    assert [code.text for code in decoded] == ["CODE-0"]
    assert "Dear Amara," in message.get_body(("plain",)).get_content()


def test_a_second_ticket_run_after_an_interruption_finishes_the_first_instead_of_a_new_round(
    event: Store, plain_server: SmtpServer
) -> None:
    queue_planned(event, MailKind.TICKET)
    assert queue_planned(event, MailKind.TICKET) == 0  # the first round is not sent yet
    send(event, plain_server.url())
    assert queue_planned(event, MailKind.TICKET, only_new=True) == 0
    event.add_attendee({"code": "NEW-1", "first_name": "Late", "email": "late@example.org"})
    assert queue_planned(event, MailKind.TICKET, only_new=True) == 1


def test_the_log_holds_outbox_ids_and_never_an_address(
    event: Store, plain_server: SmtpServer, caplog: pytest.LogCaptureFixture
) -> None:
    plain_server.inbox.refuse["zoe@example.org"] = "550 5.1.1 <zoe@example.org> unknown"
    queue_planned(event, MailKind.CERTIFICATE)
    with caplog.at_level(logging.DEBUG, logger="kiosk"):
        send(event, plain_server.url())
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "outbox 1: sent" in text
    assert "@" not in text and "Okonkwo" not in text


def test_a_purge_clears_the_outbox(event: Store, plain_server: SmtpServer) -> None:
    queue_planned(event, MailKind.CERTIFICATE)
    send(event, plain_server.url())
    assert outbox.messages(event)
    anonymise(event)
    assert outbox.messages(event) == []


class _RecordedWaits(threading.Event):
    """A stop flag whose waits are noted and return at once."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(float(timeout or 0))
        return False


def test_the_rate_limit_spaces_the_messages(event: Store, plain_server: SmtpServer) -> None:
    from kiosk.mail.content import Content
    from kiosk.mail.plan import mail_settings
    from kiosk.mail.sender import Run

    use_server(event, plain_server.url())
    settings = mail_settings(event)
    queue_planned(event, MailKind.CERTIFICATE)
    waits = _RecordedWaits()
    Run(
        event,
        settings.server,
        None,
        Content(event, settings.sender, event.path),
        rate_per_minute=30,  # one every two seconds
        stop=waits,
    ).run()
    assert len(plain_server.inbox.received) == 3
    # Before the second and the third message, the run asked to wait out the rest of 2 s.
    assert len(waits.waits) == 2 and all(0.5 < wait <= 2.0 for wait in waits.waits)

"""Badges reach CUPS in one IPP Print-Job request; lp takes over when CUPS wants more."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from print_helpers import PDF_QUEUE
from private_cups import PrivateCups

from kiosk.badges import render_badges_pdf
from kiosk.demo import create_demo_event
from kiosk.printing.backends import cups, ipp
from kiosk.store import Store


@pytest.fixture(scope="module")
def badge_pdf() -> bytes:
    store = Store.open(":memory:")
    create_demo_event(store)
    return render_badges_pdf(store.attendees()[:1], store.event())


def test_a_print_job_request_is_a_job_at_cups_under_its_title(
    pdf_printer: PrivateCups, badge_pdf: bytes
) -> None:
    number = ipp.submit(
        cups.server(),
        PDF_QUEUE,
        badge_pdf,
        title="kiosk-000001-ipptest",
        copies=1,
        media="Custom.101.60x76.20mm",
        timeout=15,
    )
    # The spooler lists it under that title and number, as it lists lp's jobs.
    assert cups.CupsBackend(PDF_QUEUE).find("kiosk-000001-ipptest") == f"{PDF_QUEUE}-{number}"


def test_a_queue_cups_does_not_have_is_refused_with_its_status(
    pdf_printer: PrivateCups, badge_pdf: bytes
) -> None:
    with pytest.raises(ipp.IppRefused) as refused:
        ipp.submit(
            cups.server(), "NoSuchQueue", badge_pdf, title="t", copies=1, media="A6", timeout=15
        )
    assert refused.value.status == ipp.NOT_FOUND


@pytest.fixture
def password_asking_server(tmp_path: Path) -> Iterator[Path]:
    """A local socket answering every request as a CUPS asking for a password does."""
    path = tmp_path / "asks.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(1)
    received: list[bytes] = []

    def answer() -> None:
        connection, _ = listener.accept()
        with connection:
            received.append(connection.recv(65536))
            connection.sendall(
                b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n"
                b'WWW-Authenticate: Basic realm="CUPS"\r\n\r\n'
            )

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    yield path
    thread.join(5)
    listener.close()
    assert received and received[0].startswith(b"POST /printers/Badges ")


def test_a_scheduler_asking_for_a_password_is_left_to_lp(password_asking_server: Path) -> None:
    with pytest.raises(ipp.IppUnavailable):
        ipp.submit(
            str(password_asking_server),
            "Badges",
            b"%PDF",
            title="t",
            copies=1,
            media="A6",
            timeout=5,
        )


def test_a_reply_without_a_job_id_is_not_taken_for_success() -> None:
    header = struct.pack(">BBHI", 2, 0, 0x0000, 1) + bytes([0x01, 0x03])
    with pytest.raises(ipp.IppRefused):
        ipp.job_id_of(header)


def test_the_backend_hands_over_with_lp_when_the_scheduler_asks_for_a_password(
    password_asking_server: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CUPS that asks for a password cannot be set up without one to give;
    # the socket above answers as it does, and lp's own part is recorded.
    monkeypatch.setattr(cups, "server", lambda: str(password_asking_server))
    handed: list[tuple[str, int, str]] = []

    def lp(self: cups.CupsBackend, pdf: bytes, title: str, copies: int, media: str) -> str:
        handed.append((title, copies, media))
        return "request id is Badges-7 (1 file(s))"

    monkeypatch.setattr(cups.CupsBackend, "_lp", lp)
    monkeypatch.setattr(cups.CupsBackend, "_media_for", lambda self, size: "Custom.100x50mm")
    backend = cups.CupsBackend("Badges")
    submission = backend.submit(b"%PDF", title="kiosk-000007-t", width_mm=100, height_mm=50)
    assert submission.spooler_job_id == "Badges-7"
    assert handed == [("kiosk-000007-t", 1, "Custom.100x50mm")]

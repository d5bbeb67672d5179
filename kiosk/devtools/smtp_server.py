"""A real SMTP server on loopback for tests and the email benchmark.

aiosmtpd (a test dependency) in a thread, on a free port of 127.0.0.1,
optionally with STARTTLS or TLS from the first byte (a self-signed
certificate made with the openssl command, which the client must trust
explicitly) and AUTH. It keeps what it accepted, can refuse chosen
addresses with a 5xx, and calls a hook at each MAIL FROM (a test uses it to
kill the sending process halfway).
"""

from __future__ import annotations

import email
import email.policy
import logging
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any


def unavailable_reason() -> str | None:
    try:
        import aiosmtpd  # noqa: F401
    except ImportError:
        return "aiosmtpd is not installed (pip install -e '.[test]')."
    return None


def tls_unavailable_reason() -> str | None:
    return None if shutil.which("openssl") else "the openssl command is not installed."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """(certificate, key) for localhost and 127.0.0.1, valid two days."""
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost"),
            *("-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass
class Received:
    mail_from: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Inbox:
    """The handler: what the server accepted, and how it answers."""

    received: list[Received] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # address -> reply, e.g. "550 ..."
    on_mail: Callable[[int], None] | None = None  # called with the MAIL FROM count
    mail_count: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_MAIL(  # aiosmtpd's hook names
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        self.mail_count += 1
        if self.on_mail is not None:
            self.on_mail(self.mail_count)
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.received.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
            )
        return "250 Message accepted for delivery"


class SmtpServer:
    """`with SmtpServer(...) as server:` a listening server; `server.inbox` holds its mail."""

    def __init__(
        self,
        *,
        port: int | None = None,
        certificate: tuple[Path, Path] | None = None,
        implicit_tls: bool = False,
        login: tuple[str, str] | None = None,
        inbox: Inbox | None = None,
    ) -> None:
        self.port = port or free_port()
        self.inbox = inbox or Inbox()
        self.certificate, self.implicit_tls, self.login = certificate, implicit_tls, login
        self._controller: Any = None

    def url(self, scheme: str = "") -> str:
        user = f"{self.login[0]}@" if self.login else ""
        scheme = scheme or ("smtps" if self.implicit_tls else "smtp")
        host = "localhost" if self.certificate else "127.0.0.1"
        return f"{scheme}://{user}{host}:{self.port}"

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> Any:
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = (
            self.login is not None
            and isinstance(auth_data, LoginPassword)
            and (auth_data.login.decode(), auth_data.password.decode()) == self.login
        )
        return AuthResult(success=ok, handled=False)  # a refusal is answered 535

    def start(self) -> SmtpServer:
        from aiosmtpd.controller import Controller

        options: dict[str, Any] = {}
        context = None
        if self.certificate is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*map(str, self.certificate))
            if self.implicit_tls:
                options["ssl_context"] = context
                options["server_hostname"] = "localhost"
            else:
                options["tls_context"] = context
        if self.login is not None:
            options["authenticator"] = self._authenticate
            options["auth_required"] = True
            # aiosmtpd counts only STARTTLS as TLS; a TLS-first server is encrypted anyway.
            options["auth_require_tls"] = self.certificate is not None and not self.implicit_tls
        # The server's own notes (AUTH without TLS on loopback is on purpose
        # in one test) are not the product's: only its errors are kept.
        logging.getLogger("mail.log").setLevel(logging.ERROR)
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def trusting(certificate: Path) -> ssl.SSLContext:
    """A client context that trusts exactly this certificate (verification on)."""
    return ssl.create_default_context(cafile=str(certificate))

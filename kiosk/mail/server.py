"""The organiser's mail server: its address, the password, and a connection.

`email.server` reads `smtp://user@host:port` (STARTTLS whenever the server
offers it) or `smtps://user@host:port` (TLS from the first byte). The
password is never stored: it comes from KIOSK_SMTP_PASSWORD or is asked for.
Certificates are always verified against the system's trusted authorities
(and SSL_CERT_FILE, OpenSSL's own override); a password is never sent over
an unencrypted connection except to this machine itself.
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import ssl
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

PASSWORD_VARIABLE = "KIOSK_SMTP_PASSWORD"
DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
CONNECT_TIMEOUT_S = 30.0


class MailServerError(ValueError):
    """The mail server's address or login cannot be used, in one sentence."""


@dataclass(frozen=True, slots=True)
class MailServer:
    scheme: str  # smtp or smtps
    host: str
    port: int
    user: str = ""

    @property
    def where(self) -> str:
        """Host and port, for messages and logs (never the user or password)."""
        return f"{self.host}:{self.port}"

    @property
    def is_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def parse_server(text: str) -> MailServer:
    """`smtp://[user@]host[:port]` or `smtps://...`; MailServerError otherwise."""
    parts = urlsplit(text.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise MailServerError(
            f"The mail server must read smtp://user@host:port or smtps://user@host:port, "
            f"not {text!r}."
        )
    if parts.password is not None:
        raise MailServerError(
            f"Leave the password out of the mail server's address; give it in "
            f"{PASSWORD_VARIABLE} or when asked."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise MailServerError(
            f"The mail server's address has more than user, host and port: {text!r}."
        )
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise MailServerError(f"The mail server's port is not a number: {text!r}.") from None
    return MailServer(parts.scheme, parts.hostname, port, unquote(parts.username or ""))


def password_from_environment() -> str | None:
    return os.environ.get(PASSWORD_VARIABLE) or None


def connect(
    server: MailServer, password: str | None, tls: ssl.SSLContext | None = None
) -> smtplib.SMTP:
    """An open, logged-in connection. `tls` is the trust to verify the server
    with (the system's by default); verification is never switched off.

    Raises smtplib/OSError errors for the sender to sort, and MailServerError
    when a password would travel in clear."""
    context = tls or ssl.create_default_context()
    connection: smtplib.SMTP
    if server.scheme == "smtps":
        connection = smtplib.SMTP_SSL(
            server.host, server.port, timeout=CONNECT_TIMEOUT_S, context=context
        )
    else:
        connection = smtplib.SMTP(server.host, server.port, timeout=CONNECT_TIMEOUT_S)
    try:
        connection.ehlo()
        encrypted = server.scheme == "smtps"
        if not encrypted and connection.has_extn("starttls"):
            connection.starttls(context=context)
            connection.ehlo()
            encrypted = True
        if server.user:
            if not encrypted and not server.is_loopback:
                raise MailServerError(
                    f"The mail server {server.where} offers no encryption, so the password "
                    "was not sent; use smtps:// or a server that offers STARTTLS."
                )
            connection.login(server.user, password or "")
    except BaseException:
        connection.close()
        raise
    return connection

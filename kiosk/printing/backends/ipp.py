"""Handing a PDF to CUPS in one IPP Print-Job request, as `lp` does in several.

`lp` is a process to start, and it asks the scheduler about the destination
before it creates the job and streams the document: about 45 ms a badge on
a 2-core machine, where one Print-Job request on the scheduler's own socket
takes 1 to 5 ms. Only submission goes this way; when the scheduler wants
more than a local request (a password, encryption), the caller falls back
to `lp`, which knows how to give it that.
"""

from __future__ import annotations

import contextlib
import getpass
import http.client
import socket
import struct
import urllib.parse

# RFC 8010 tags and the operation used here.
_OPERATION_ATTRIBUTES, _JOB_ATTRIBUTES, _END = 0x01, 0x02, 0x03
_INTEGER, _BOOLEAN = 0x21, 0x22
_NAME, _KEYWORD, _URI, _CHARSET, _LANGUAGE, _MIME = 0x42, 0x44, 0x45, 0x47, 0x48, 0x49
_PRINT_JOB = 0x0002
_FIRST_ERROR = 0x0400

# Statuses that say "ask differently", not "this job is wrong": lp can.
NEEDS_LP = {0x0401, 0x0402, 0x0403}  # forbidden, not authenticated, not authorized
NOT_FOUND, NOT_ACCEPTING = 0x0406, 0x0506


class IppUnavailable(Exception):
    """The request needs what only `lp` gives (authentication, encryption);
    nothing was printed."""


class IppRefused(Exception):
    """The scheduler answered with an IPP error status; nothing was printed."""

    def __init__(self, status: int) -> None:
        super().__init__(f"IPP status 0x{status:04x}")
        self.status = status


class _UnixConnection(http.client.HTTPConnection):
    """HTTP over the scheduler's local domain socket."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self.socket_path)
        self.sock = sock


def _attribute(tag: int, name: str, value: bytes) -> bytes:
    encoded = name.encode("ascii")
    return struct.pack(">BH", tag, len(encoded)) + encoded + struct.pack(">H", len(value)) + value


def _user() -> str:
    """Who asks, as lp names them; a service account with no name still prints."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name and no password entry for this uid
        return "kiosk"


def print_job_request(
    uri: str, pdf: bytes, *, title: str, copies: int, media: str, request_id: int = 1
) -> bytes:
    """The Print-Job request: the options `lp -t -n -o media -o fit-to-page=false` sends."""
    return b"".join(
        (
            struct.pack(">BBHI", 2, 0, _PRINT_JOB, request_id),
            bytes([_OPERATION_ATTRIBUTES]),
            _attribute(_CHARSET, "attributes-charset", b"utf-8"),
            _attribute(_LANGUAGE, "attributes-natural-language", b"en"),
            _attribute(_URI, "printer-uri", uri.encode("utf-8")),
            _attribute(_NAME, "requesting-user-name", _user().encode("utf-8")),
            _attribute(_NAME, "job-name", title.encode("utf-8")),
            _attribute(_MIME, "document-format", b"application/pdf"),
            bytes([_JOB_ATTRIBUTES]),
            _attribute(_INTEGER, "copies", struct.pack(">i", copies)),
            _attribute(_KEYWORD, "media", media.encode("utf-8")),
            _attribute(_BOOLEAN, "fit-to-page", b"\x00"),
            bytes([_END]),
            pdf,
        )
    )


def job_id_of(reply: bytes) -> int:
    """The job-id in a Print-Job reply; IppRefused for an error status."""
    if len(reply) < 9:
        raise IppRefused(0xFFFF)
    status = struct.unpack(">H", reply[2:4])[0]
    if status >= _FIRST_ERROR:
        raise IppRefused(status)
    at = 8
    while at < len(reply):
        tag = reply[at]
        at += 1
        if tag == _END:
            break
        if tag < 0x10:  # the start of another attribute group
            continue
        (name_length,) = struct.unpack(">H", reply[at : at + 2])
        name = reply[at + 2 : at + 2 + name_length]
        at += 2 + name_length
        (value_length,) = struct.unpack(">H", reply[at : at + 2])
        value = reply[at + 2 : at + 2 + value_length]
        at += 2 + value_length
        if name == b"job-id" and tag == _INTEGER and value_length == 4:
            return int(struct.unpack(">i", value)[0])
    raise IppRefused(0xFFFF)


def submit(
    server: str, queue: str, pdf: bytes, *, title: str, copies: int, media: str, timeout: float
) -> int:
    """Send one Print-Job to `server` (a socket path, or host[:port]) and return the
    scheduler's job number. OSError when the scheduler cannot be reached."""
    resource = f"/printers/{urllib.parse.quote(queue)}"
    if server.startswith("/"):
        connection: http.client.HTTPConnection = _UnixConnection(server, timeout)
        host = urllib.parse.quote(server, safe="")
    else:
        parts = urllib.parse.urlsplit(f"//{server}")  # host, host:port, [v6]:port
        connection = http.client.HTTPConnection(
            parts.hostname or "localhost", parts.port or 631, timeout=timeout
        )
        host = server
    uri = f"ipp://{host}{resource}"
    body = print_job_request(uri, pdf, title=title, copies=copies, media=media)
    try:
        # A scheduler may answer before it reads the document (a refusal): read why.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.request("POST", resource, body, {"Content-Type": "application/ipp"})
        response = connection.getresponse()
        reply = response.read()
    except http.client.HTTPException as error:
        raise OSError(f"the scheduler's answer was not HTTP ({error})") from error
    finally:
        connection.close()
    if response.status != 200:  # 401 (a password), 426 (encryption), ...
        raise IppUnavailable(f"HTTP {response.status}")
    try:
        return job_id_of(reply)
    except IppRefused as refused:
        if refused.status in NEEDS_LP:
            raise IppUnavailable(str(refused)) from refused
        raise

"""One webhook request: the body an alert becomes, its signature, the POST.

The receiver verifies a request by computing HMAC-SHA256 over the raw body
with the shared secret and comparing it, in constant time, with the hex
digest in `X-Kiosk-Signature` (after `sha256=`). The event id is in the body
and in `X-Kiosk-Event-Id`: a request repeated after a crash carries the same
id, so the receiver keeps the first and drops the rest.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from kiosk.domain.alerts import Alert, AlertKind
from kiosk.store.timestamps import utc_text

SIGNATURE_HEADER = "X-Kiosk-Signature"
EVENT_ID_HEADER = "X-Kiosk-Event-Id"
TIMEOUT_S = 4.0


class DeliveryFailed(Exception):
    """The receiver did not take the request; the message is a short reason
    without the address's secrets."""


def body_of(alert: Alert, event_name: str) -> str:
    """What a webhook says about an alert, as the exact text that is signed:
    who (id and name), where, when, and for a flag its note. No ticket code,
    e-mail, organisation or category."""
    body: dict[str, Any] = {
        "id": alert.id,
        "kind": alert.kind.value,
        "event": event_name,
        "attendee": {"id": alert.attendee_id, "name": alert.name},
        "station": alert.station,
        "at": utc_text(alert.at),
    }
    if alert.kind is AlertKind.SEE_DESK:
        body["note"] = alert.note
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str) -> bool:
    """What a receiver does: the header is the body's signature with this secret."""
    return hmac.compare_digest(signature(secret, body), header)


def where(url: str) -> str:
    """The receiver's host and port, for logs (never a path, query or password)."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


def post(url: str, secret: str, event_id: str, body: str) -> None:
    """POST one event; returns when the receiver answered 2xx, else DeliveryFailed."""
    data = body.encode()
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(secret, data),
            EVENT_ID_HEADER: event_id,
            "User-Agent": "event-kiosk",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            response.read()
    except urllib.error.HTTPError as error:
        raise DeliveryFailed(f"the receiver answered {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DeliveryFailed(f"no answer: {type(reason).__name__}") from None

"""What a run sends, and the mail settings it sends with.

- Certificates: everyone who attended (the `attended` view), has an address
  and has had no certificate yet. Re-running after new check-ins sends only
  the new ones; a corrected certificate goes only with a resend.
- Tickets: every active registration with an address (`only_new`: those who
  have had no ticket yet). A run that finds tickets an earlier run left
  unsent finishes those and queues no new round, so a rerun after a crash
  never sends everyone a second ticket.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.models import AttendeeStatus
from kiosk.mail.message import AddressError, Sender, checked_address
from kiosk.mail.server import MailServer, MailServerError, parse_server
from kiosk.settings import Settings
from kiosk.store import Store, outbox
from kiosk.store.outbox import Candidate, MailKind, OutboxMessage


class MailSetupError(Exception):
    """Sending cannot start (one sentence for the organiser)."""


@dataclass(frozen=True, slots=True)
class MailSettings:
    server: MailServer
    sender: Sender
    rate_per_minute: int


def mail_settings(store: Store) -> MailSettings:
    settings = Settings(store)
    address = str(settings.get("email.server"))
    if not address:
        raise MailSetupError(
            "No mail server is set: kiosk config set email.server smtp://USER@HOST:PORT."
        )
    try:
        server = parse_server(address)
    except MailServerError as error:
        raise MailSetupError(str(error)) from None
    sender, reply_to = str(settings.get("email.from")), str(settings.get("email.reply_to"))
    try:
        checked_address(sender)
        if reply_to:
            checked_address(reply_to)
    except AddressError:
        raise MailSetupError(
            "Set email.from (and email.reply_to, if used) to one email address each."
        ) from None
    return MailSettings(
        server,
        Sender(sender, reply_to, store.event().name),
        int(settings.get("email.rate_per_minute")),
    )


@dataclass(frozen=True, slots=True)
class Plan:
    unfinished: list[OutboxMessage]  # queued earlier, or interrupted while sending
    new: list[Candidate]  # would be queued now

    @property
    def total(self) -> int:
        return len(self.unfinished) + len(self.new)


def plan(store: Store, kind: MailKind, *, only_new: bool = False) -> Plan:
    unfinished = outbox.unfinished(store, kind)
    if kind is MailKind.TICKET and unfinished and not only_new:
        return Plan(unfinished, [])
    return Plan(unfinished, outbox.candidates(store, kind, only_new=only_new))


def queue_planned(store: Store, kind: MailKind, *, only_new: bool = False) -> int:
    """Queue what `plan` shows as new; returns how many."""
    if kind is MailKind.TICKET and not only_new and outbox.unfinished(store, kind):
        return 0
    return outbox.queue(store, kind, only_new=only_new)


def queue_resend(store: Store, kind: MailKind, code: str) -> int:
    """One more message of `kind` to the attendee with `code`, to their
    current address. Returns the outbox id."""
    attendee = store.attendee_by_code(code)
    if attendee is None:
        raise MailSetupError(f"No attendee has the code {code!r}.")
    if attendee.status is not AttendeeStatus.ACTIVE:
        raise MailSetupError("That registration is cancelled, so nothing was sent.")
    if not attendee.email:
        raise MailSetupError("That attendee has no email address; add one at the help desk.")
    if kind is MailKind.CERTIFICATE and not any(
        candidate.attendee_id == attendee.id for candidate in outbox.attended_with_address(store)
    ):
        raise MailSetupError("That attendee has no check-in, so there is no certificate to send.")
    return outbox.queue_one(store, kind, attendee.id, attendee.email)

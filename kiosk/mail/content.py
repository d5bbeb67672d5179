"""What each outbox row says, built when it is sent from the event file's
current data: the attendee, the event, the ticket template, the certificate."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from kiosk.domain.models import AttendeeStatus
from kiosk.mail.message import (
    AddressError,
    Sender,
    certificate_message,
    ticket_message,
    trial_message,
)
from kiosk.mail.template import Template, load_template
from kiosk.reports.attendance import AttendanceRecord
from kiosk.reports.certificates import Signatory, certificate_id, certificate_pdf
from kiosk.reports.invitations import qr_png
from kiosk.reports.table import Scope, load_scope
from kiosk.store import Store
from kiosk.store.outbox import MailKind, OutboxMessage


class NotSendable(Exception):
    """This message cannot be made (one sentence); it is failed, not retried."""


class Content:
    """Builds the messages of one run; the template and the attendance are
    read once, on first use."""

    def __init__(self, store: Store, sender: Sender, db_path: Path | None) -> None:
        self._store = store
        self.sender = sender
        self._db_path = db_path
        self._template: Template | None = None
        self._scope: Scope | None = None
        self._records: dict[int, AttendanceRecord] = {}

    @property
    def template(self) -> Template:
        if self._template is None:
            self._template = load_template(self._db_path)
        return self._template

    def _attendance(self) -> tuple[Scope, dict[int, AttendanceRecord]]:
        if self._scope is None:
            self._scope = load_scope(self._store, None, None)
            self._records = {
                record.attendee.id: record for record in self._scope.records if record.attended
            }
        return self._scope, self._records

    def _signatory(self) -> Signatory:
        image = self._store.setting("signature_image") or ""
        return Signatory(
            (self._store.setting("organiser_name") or "").strip(),
            Path(image) if image else None,
        )

    def build(self, row: OutboxMessage) -> bytes:
        """The message as the server receives it. NotSendable when it cannot
        be made (the registration cancelled since, an unusable address)."""
        try:
            return self._message(row).as_bytes(policy=SMTP)
        except AddressError as error:
            raise NotSendable(str(error)) from None
        except (ValueError, UnicodeError):
            raise NotSendable("The address cannot be written in a message.") from None

    def _message(self, row: OutboxMessage) -> EmailMessage:
        if row.kind is MailKind.TEST:
            return trial_message(row, self.sender)
        attendee = self._store.attendee(row.attendee_id) if row.attendee_id is not None else None
        if attendee is None or attendee.status is not AttendeeStatus.ACTIVE:
            raise NotSendable("The registration was cancelled or removed after it was queued.")
        event = self._store.event()
        if row.kind is MailKind.TICKET:
            return ticket_message(
                row, attendee, event, self.template, self.sender, qr_png(attendee.code)
            )
        scope, records = self._attendance()
        record = records.get(attendee.id)
        if record is None:
            raise NotSendable("The attendee no longer counts as having attended.")
        pdf = certificate_pdf(scope, record, self._signatory())
        return certificate_message(
            row, attendee, event, self.sender, pdf, certificate_id(scope, record)
        )

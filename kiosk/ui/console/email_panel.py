"""The console's Email tab: what `kiosk email status` says, a button that
sends the certificates (in a worker thread: the window never waits for the
mail server) and a preview of the ticket email's text.

The worker opens its own connection to the event file (an SQLite connection
belongs to one thread) and reports through a Qt signal, so no widget is
touched from it. The password is asked here, on the GUI thread, when
KIOSK_SMTP_PASSWORD does not give it, and is kept only for the run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import AttendeeStatus
from kiosk.mail.content import Content
from kiosk.mail.message import ticket_values
from kiosk.mail.plan import MailSetupError, mail_settings, queue_planned
from kiosk.mail.sender import AlreadySending, Run
from kiosk.mail.server import password_from_environment
from kiosk.mail.template import TemplateError, load_template, template_path
from kiosk.store import Store
from kiosk.store.outbox import MailKind, MailState, counts, messages
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")


class _Reports(QObject):
    finished = Signal(str)  # "" when the run ended normally, else why it stopped
    progressed = Signal()


def send_certificates(path: Path, password: str | None, reports: _Reports) -> None:
    """The worker thread's whole job: queue the new certificates and send."""
    store = Store.open(path)
    try:
        settings = mail_settings(store)
        queue_planned(store, MailKind.CERTIFICATE)
        run = Run(
            store,
            settings.server,
            password,
            Content(store, settings.sender, path),
            rate_per_minute=settings.rate_per_minute,
            progress=lambda *_: reports.progressed.emit(),
        )
        report = run.run()
        reports.finished.emit(report.stopped)
    except (MailSetupError, AlreadySending) as error:
        reports.finished.emit(str(error))
    except Exception:
        log.exception("sending certificates from the console failed")
        reports.finished.emit(translate("Email", "Sending stopped; the details are in the log."))
    finally:
        store.close()


class EmailPanel(FollowsLanguage, QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.waiting = QListWidget(self)  # failed and queued messages, with the reason
        self.send_button = QPushButton(self)
        self.send_button.clicked.connect(self.send)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.preview_title = QLabel(self)
        self.preview_title.setWordWrap(True)  # a long file name must not widen the desk
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.waiting, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview, 1)
        self.reports = _Reports(self)
        self.reports.progressed.connect(self.refresh)
        self.reports.finished.connect(self._finished)
        self.worker: threading.Thread | None = None
        # Whether whoever is working may send (the desk's role; always, without accounts).
        self.allowed: Callable[[], bool] = lambda: True
        self.retranslate()

    def retranslate(self) -> None:
        self.send_button.setText(translate("Email", "Send certificates"))
        self.refresh_button.setText(translate("Email", "Refresh"))
        self.waiting.setAccessibleName(translate("Email", "Messages failed or waiting"))
        self.refresh()

    @property
    def _state_words(self) -> dict[MailState, str]:
        return {
            MailState.FAILED: translate("Email", "failed"),
            MailState.QUEUED: translate("Email", "waiting"),
            MailState.SENDING: translate("Email", "interrupted while sending"),
            MailState.SENT: translate("Email", "sent"),
        }

    @property
    def _kind_words(self) -> dict[MailKind, str]:
        return {
            MailKind.CERTIFICATE: translate("Email", "certificate"),
            MailKind.TICKET: translate("Email", "ticket"),
            MailKind.TEST: translate("Email", "test message"),
        }

    def refresh(self) -> None:
        found = counts(self.store)
        lines = []
        for kind, label in (
            (MailKind.CERTIFICATE, translate("Email", "Certificates")),
            (MailKind.TICKET, translate("Email", "Tickets")),
        ):
            waiting = found.get((kind, MailState.QUEUED), 0) + found.get(
                (kind, MailState.SENDING), 0
            )
            lines.append(
                translate("Email", "{kind}: {sent} sent, {failed} failed, {queued} waiting").format(
                    kind=label,
                    sent=found.get((kind, MailState.SENT), 0),
                    failed=found.get((kind, MailState.FAILED), 0),
                    queued=waiting,
                )
            )
        self.summary.setText("\n".join(lines))
        self.waiting.clear()
        for state in (MailState.FAILED, MailState.QUEUED, MailState.SENDING):
            for message in messages(self.store, state):
                attendee = self.store.attendee(message.attendee_id) if message.attendee_id else None
                who = attendee.full_name if attendee is not None else message.recipient
                reason = f": {message.reply}" if message.reply else ""
                words = f"{self._state_words[state]} · {self._kind_words[message.kind]}"
                self.waiting.addItem(f"{words} · {who}{reason}")
        self._preview()

    def _preview(self) -> None:
        path = self.store.path
        self.preview_title.setText(
            translate("Email", "Ticket email, as the first attendee would get it ({file})").format(
                file=template_path(path).name if path is not None else "-"
            )
        )
        try:
            template = load_template(path)
        except TemplateError as error:
            self.preview.setPlainText(str(error))
            return
        attendees = [a for a in self.store.attendees(status=AttendeeStatus.ACTIVE) if a.email]
        if not attendees:
            self.preview.setPlainText(translate("Email", "No attendees yet."))
            return
        subject, body = template.render(ticket_values(attendees[0], self.store.event()))
        self.preview.setPlainText(f"Subject: {subject}\n\n{body}")

    def send(self) -> None:
        if self.worker is not None and self.worker.is_alive():
            return
        if not self.allowed():
            self.result.setText(translate("Console", "Only a supervisor may do this."))
            return
        path = self.store.path
        if path is None:
            return
        try:
            server = mail_settings(self.store).server
        except MailSetupError as error:
            self.result.setText(str(error))
            return
        password = password_from_environment()
        if server.user and password is None:
            password, ok = QInputDialog.getText(
                self,
                translate("Email", "Mail server password"),
                translate("Email", "Password of {user} at {server} (not stored):").format(
                    user=server.user, server=server.where
                ),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
        self.send_button.setEnabled(False)
        self.result.setText(translate("Email", "Sending certificates…"))
        self.worker = threading.Thread(
            target=send_certificates, args=(path, password, self.reports), daemon=True
        )
        self.worker.start()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.refresh()  # a run from the command line may have sent since
        super().showEvent(event)

    def _finished(self, stopped: str) -> None:
        self.send_button.setEnabled(True)
        self.result.setText(stopped or translate("Email", "Sending finished."))
        self.refresh()

"""The console's Email tab: the same counts as `kiosk email status`, the
certificates sent from a worker thread, and the ticket text previewed."""

from __future__ import annotations

from pathlib import Path

import pytest
from mail_event import CAME_WITH_ADDRESS, make_event, use_server

from kiosk.devtools.smtp_server import SmtpServer
from kiosk.domain.models import AttendeeStatus
from kiosk.mail.template import template_path
from kiosk.store import outbox
from kiosk.store.outbox import MailState
from kiosk.ui.console.email_panel import EmailPanel

# The SMTP server these tests send to (the `test` extra).
pytest.importorskip("aiosmtpd", reason="aiosmtpd is not installed (the test extra)")


def test_send_certificates_runs_in_a_worker_and_the_tab_shows_what_went(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = make_event(tmp_path / "event.db")
    with SmtpServer() as server:
        server.inbox.refuse["zoe@example.org"] = "550 5.1.1 No such mailbox"
        use_server(store, server.url())
        panel = EmailPanel(store)
        qtbot.addWidget(panel)
        assert "Certificates: 0 sent, 0 failed, 0 waiting" in panel.summary.text()
        panel.send_button.click()
        # The click returned while the worker sends: the window is not held up.
        assert not panel.send_button.isEnabled()
        qtbot.waitUntil(lambda: panel.send_button.isEnabled(), timeout=30_000)
    assert "Certificates: 2 sent, 1 failed, 0 waiting" in panel.summary.text()
    assert panel.result.text() == "Sending finished."
    items = [panel.waiting.item(i).text() for i in range(panel.waiting.count())]
    assert items == ["failed · certificate · Zoë Ó Briain: 550 5.1.1 No such mailbox"]
    got = {address for message in server.inbox.received for address in message.recipients}
    assert got == CAME_WITH_ADDRESS - {"zoe@example.org"}
    assert len(outbox.messages(store, MailState.SENT)) == 2
    store.close()


def test_the_preview_shows_the_organisers_template_filled_in(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_event(tmp_path / "event.db")
    template_path(tmp_path / "event.db").write_text(
        "Subject: See you at $event\n\nHello $full_name, your code is $code.\n", encoding="utf-8"
    )
    panel = EmailPanel(store)
    qtbot.addWidget(panel)
    text = panel.preview.toPlainText()
    assert text.startswith("Subject: See you at Spring Learning Event")
    # The first active attendee with an address, by name, filled in.
    first = next(a for a in store.attendees(status=AttendeeStatus.ACTIVE) if a.email)
    assert f"Hello {first.full_name}, your code is {first.code}." in text
    template_path(tmp_path / "event.db").write_text("Subject: x\n\n$nonsense\n", encoding="utf-8")
    panel.refresh()
    assert "$nonsense, which is not a placeholder" in panel.preview.toPlainText()
    store.close()


def test_without_a_mail_server_the_button_says_how_to_set_one(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_event(tmp_path / "event.db")
    panel = EmailPanel(store)
    qtbot.addWidget(panel)
    panel.send_button.click()
    assert panel.result.text().startswith("No mail server is set")
    assert panel.worker is None
    store.close()

"""`kiosk email` as the organiser runs it: separate processes against a real
SMTP server on loopback, STARTTLS and AUTH, trusted through SSL_CERT_FILE."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from mail_event import CAME_WITH_ADDRESS, LOGIN, make_event, use_server

from kiosk.devtools.smtp_server import SmtpServer
from kiosk.mail.plan import queue_planned
from kiosk.store import Store, outbox
from kiosk.store.outbox import MailKind, MailState

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

# The SMTP server these tests send to (the `test` extra).
pytest.importorskip("aiosmtpd", reason="aiosmtpd is not installed (the test extra)")


def _environment(certificate: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, KIOSK_SMTP_PASSWORD=LOGIN[1])
    if certificate is not None:
        env["SSL_CERT_FILE"] = str(certificate)  # trust the test's own certificate, explicitly
    return env


def kiosk(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def test_killed_halfway_then_run_again_each_certificate_arrives_exactly_once(
    tmp_path: Path, certificate: tuple[Path, Path]
) -> None:
    db = tmp_path / "event.db"
    store = make_event(db, extra_attended=20)  # 23 who came with an address
    expected = CAME_WITH_ADDRESS | {f"guest{n}@example.org" for n in range(20)}
    running: list[subprocess.Popen[str]] = []

    def kill_at_the_twelfth(count: int) -> None:
        if count == 12:  # MAIL FROM of the 12th message: claimed, not yet accepted
            os.kill(running[0].pid, signal.SIGKILL)

    with SmtpServer(login=LOGIN, certificate=certificate) as server:
        use_server(store, server.url())
        store.close()
        server.inbox.on_mail = kill_at_the_twelfth
        running.append(
            kiosk("email", "certificates", "--db", str(db), env=_environment(certificate[0]))
        )
        code, _, _ = _finish(running[0])
        assert code == -signal.SIGKILL
        assert len(server.inbox.received) == 11
        server.inbox.on_mail = None
        code, out, err = _finish(
            kiosk("email", "certificates", "--db", str(db), env=_environment(certificate[0]))
        )
        assert code == 0, err
    assert "Sent again after an interruption: 1" in out
    received = Counter(
        address for message in server.inbox.received for address in message.recipients
    )
    assert received == Counter(expected)  # every one, none twice
    ids = [message.message["Message-ID"] for message in server.inbox.received]
    assert len(set(ids)) == len(ids)
    store = Store.open(db)
    assert {m.state for m in outbox.messages(store)} == {MailState.SENT}
    store.close()


def test_dry_run_sends_nothing_queues_nothing_and_lists_who_would_get_one(tmp_path: Path) -> None:
    db = tmp_path / "event.db"
    store = make_event(db)
    with SmtpServer() as server:
        use_server(store, server.url())
        code, out, err = _finish(
            kiosk("email", "certificates", "--db", str(db), "--dry-run", env=_environment())
        )
    assert code == 0, err
    assert server.inbox.received == [] and server.inbox.mail_count == 0
    assert outbox.messages(store) == []
    assert "Would send 3 certificate message(s)" in out
    for line in ("Amara Okonkwo <amara@example.org>", "Zoë Ó Briain <zoe@example.org>"):
        assert line in out
    assert "noshow@example.org" not in out and "cancelled@example.org" not in out
    store.close()


def test_status_lists_sent_and_failed_with_the_servers_reason(tmp_path: Path) -> None:
    db = tmp_path / "event.db"
    store = make_event(db)
    with SmtpServer() as server:
        server.inbox.refuse["wei@example.org"] = "550 5.1.1 No such mailbox"
        use_server(store, server.url())
        code, out, _ = _finish(kiosk("email", "certificates", "--db", str(db), env=_environment()))
        assert code == 1  # one failed
        assert "failed: 伟 王 <wei@example.org>: 550 5.1.1 No such mailbox" in out
    code, out, _ = _finish(kiosk("email", "status", "--db", str(db), env=_environment()))
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split() == ["certificate", "0", "0", "2", "1"]
    assert any("failed" in line and "550 5.1.1 No such mailbox" in line for line in lines)
    store.close()


def test_email_test_reports_what_the_server_said(tmp_path: Path) -> None:
    db = tmp_path / "event.db"
    store = make_event(db)
    queue_planned(store, MailKind.CERTIFICATE)  # waiting certificates stay waiting
    with SmtpServer() as server:
        use_server(store, server.url())
        code, out, err = _finish(
            kiosk("email", "test", "--db", str(db), "--to", "me@example.org", env=_environment())
        )
    assert code == 0, err
    assert "The server answered: 250 Message accepted for delivery" in out
    assert [m.recipients for m in server.inbox.received] == [["me@example.org"]]
    assert len(outbox.messages(store, MailState.QUEUED)) == 3
    store.close()


def test_without_a_mail_server_the_command_says_how_to_set_one_in_one_sentence(
    tmp_path: Path,
) -> None:
    db = tmp_path / "event.db"
    make_event(db).close()
    code, _, err = _finish(kiosk("email", "certificates", "--db", str(db), env=_environment()))
    assert code == 2
    assert err.strip().startswith("kiosk: No mail server is set")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1

"""Certificates by email: 500 to a local SMTP server (aiosmtpd on loopback),
beside a bare smtplib loop sending the same messages in the same run.

The product's time is the whole `kiosk email certificates` path in one
process: queue the 500 rows, then for each claim it (a commit), render its
certificate PDF, build the message, send it and mark it sent (a commit).
The floor sends the very bytes the server received from the product, one
`sendmail` each on one connection: what SMTP itself costs here.

.venv/bin/python -m benchmarks.bench_email [--attendees 500]
"""

from __future__ import annotations

import argparse
import smtplib
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.run_all import format_rows
from benchmarks.stats import floor_row
from kiosk.checkin import Station
from kiosk.domain.models import Event
from kiosk.settings import Settings
from kiosk.store import Store

MESSAGES = 500


def _event(path: Path, count: int) -> Store:
    store = Store.open(path, create=True)
    store.save_event(Event("Benchmark CPD Day", "Conference Centre"))
    station = Station(store, name="bench")
    for n in range(count):
        attendee = store.add_attendee(
            {
                "code": f"BENCH-{n:05d}",
                "first_name": f"Person{n}",
                "last_name": "Attendee",
                "email": f"person{n}@example.org",
            }
        )
        station.scan(attendee.code)
    settings = Settings(store)
    settings.set("email.from", "events@example.org")
    settings.set("email.rate_per_minute", 0)  # the figure is without a rate limit
    return store


def run(attendees: int = MESSAGES) -> list[dict[str, Any]]:
    from kiosk.devtools.smtp_server import SmtpServer, unavailable_reason

    if reason := unavailable_reason():
        return [{"name": f"email: skipped, {reason}", "target": ""}]
    from kiosk.mail.content import Content
    from kiosk.mail.plan import mail_settings, queue_planned
    from kiosk.mail.sender import Run
    from kiosk.store.outbox import MailKind

    count = min(attendees, MESSAGES)
    with tempfile.TemporaryDirectory() as folder, SmtpServer() as server:
        store = _event(Path(folder) / "email.db", count)
        Settings(store).set("email.server", server.url())
        settings = mail_settings(store)
        started = time.perf_counter()
        queue_planned(store, MailKind.CERTIFICATE)
        report = Run(
            store,
            settings.server,
            None,
            Content(store, settings.sender, store.path),
            rate_per_minute=0,
        ).run()
        product = time.perf_counter() - started
        store.close()
        sent = list(server.inbox.received)
        assert report.sent == count == len(sent), (report, len(sent))

        server.inbox.received.clear()
        started = time.perf_counter()
        connection = smtplib.SMTP("127.0.0.1", server.port)
        for message in sent:
            connection.sendmail(message.mail_from, message.recipients, message.data)
        connection.quit()
        floor = time.perf_counter() - started
        assert len(server.inbox.received) == count
    size = sum(len(message.data) for message in sent) / count / 1024
    return [
        floor_row(
            f"{count} certificate emails to a local SMTP server, no rate limit",
            product,
            floor,
            "≤ 60 s",
            "",
            "s",
            floor_name="bare smtplib loop, the same messages, one connection",
        ),
        {"name": "one certificate email (PDF attached), size", "value": size, "unit": "KB"},
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=MESSAGES)
    print(format_rows(run(parser.parse_args().attendees)))

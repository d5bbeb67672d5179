"""Sending through a real server from the test's own process."""

from __future__ import annotations

import ssl

from mail_event import use_server

from kiosk.mail.content import Content
from kiosk.mail.plan import mail_settings
from kiosk.mail.sender import Progress, RetryPolicy, Run, RunReport
from kiosk.store import Store

QUICK = RetryPolicy(backoff_s=0.05, max_backoff_s=0.2, tries_per_run=4, connection_failures=60)


def send(
    store: Store,
    url: str,
    *,
    password: str | None = None,
    tls: ssl.SSLContext | None = None,
    policy: RetryPolicy = QUICK,
    progress: Progress | None = None,
) -> RunReport:
    use_server(store, url)
    settings = mail_settings(store)
    content = Content(store, settings.sender, store.path)
    return Run(
        store,
        settings.server,
        password,
        content,
        rate_per_minute=settings.rate_per_minute,
        policy=policy,
        tls=tls,
        progress=progress,
    ).run()

"""Real SMTP servers on loopback and the email tests' event (mail_event.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from mail_event import make_event

from kiosk.devtools.smtp_server import (
    SmtpServer,
    self_signed_certificate,
    tls_unavailable_reason,
)
from kiosk.store import Store


@pytest.fixture
def event(tmp_path: Path) -> Iterator[Store]:
    store = make_event(tmp_path / "event.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if reason := tls_unavailable_reason():
        pytest.skip(reason)
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def plain_server() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server

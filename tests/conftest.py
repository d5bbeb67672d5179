"""Shared test setup: offscreen Qt, fresh event databases."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no display is needed for the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_log_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep test runs (and the processes they start) out of the user's logs."""
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path_factory.getbasetemp() / "logs"))


from logfail import ExpectedLog, RecordKeeper, describe  # noqa: E402

from kiosk.domain.models import Event  # noqa: E402
from kiosk.store import Store  # noqa: E402
from kiosk.ui.collector import collect_due  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "expected_log(logger, contains='', level='WARNING'): this test logs that record "
        "on purpose (see tests/logfail.py)",
    )


@pytest.fixture
def expected_log() -> ExpectedLog:
    """What this test (or a fixture it uses) declares it will log at WARNING or worse."""
    return ExpectedLog()


@pytest.fixture(autouse=True)
def _fail_on_unexpected_log(
    request: pytest.FixtureRequest, expected_log: ExpectedLog
) -> Iterator[None]:
    """Fail a test that logs an ERROR or WARNING it did not declare (tests/logfail.py).

    Autouse, so it is set up before the test's own fixtures and torn down
    after them: what a worker logs while a fixture stops it counts too."""
    for marker in request.node.iter_markers("expected_log"):
        expected_log.allow(*marker.args, **marker.kwargs)
    keeper = RecordKeeper()
    keeper.attach()
    try:
        yield
    finally:
        keeper.detach()
    expected_log.records = keeper.records
    unexpected = expected_log.unexpected()
    if unexpected:
        pytest.fail(describe(unexpected), pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def _cycle_collection_on_the_main_thread(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """As in the windows (kiosk.ui.collector): the cycle collector never runs on
    a worker thread (print worker, sync, camera), where freeing a Qt object
    can crash; it runs here, between tests, on the main thread.

    It also makes the one QApplication first (pytest-qt's `qapp`): code that
    needs only a QCoreApplication (kiosk doctor's camera check) would otherwise
    leave one that later widget tests crash on, in a partial run."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    collect_due()


EVENT_DAY = dt.date(2026, 3, 10)


@pytest.fixture
def store() -> Store:
    """An in-memory event on 10-11 March 2026 with no attendees."""
    store = Store.open(":memory:")
    store.save_event(
        Event("Test Event", "Test Venue", "Europe/London", EVENT_DAY, EVENT_DAY + dt.timedelta(1))
    )
    return store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A file-backed event database (same event as `store`)."""
    path = tmp_path / "event.db"
    store = Store.open(path, create=True)
    store.save_event(
        Event("Test Event", "Test Venue", "Europe/London", EVENT_DAY, EVENT_DAY + dt.timedelta(1))
    )
    store.close()
    return path

"""The log-failure fixture (tests/logfail.py): an undeclared WARNING or ERROR fails
the test that logged it, from whichever thread; a declared one does not."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from logfail import ExpectedLog, RecordKeeper

TESTS = Path(__file__).resolve().parent

SAMPLE = """
import logging, threading
import pytest

def test_a_worker_logs_an_error():
    worker = threading.Thread(target=lambda: logging.getLogger("kiosk.print").error("job 7 failed"))
    worker.start()
    worker.join()

@pytest.mark.expected_log("kiosk.print", "job 7 failed", level="ERROR")
def test_the_same_error_declared():
    logging.getLogger("kiosk.print.cups").error("job 7 failed")

def test_declared_as_a_warning_but_logged_as_an_error(expected_log):
    expected_log.allow("kiosk.print", "job 7 failed")
    logging.getLogger("kiosk.print").error("job 7 failed")

def test_info_is_never_a_failure():
    logging.getLogger("kiosk.print").info("job 7 printed")
"""


def test_an_undeclared_error_from_a_worker_thread_fails_its_test(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider", "-rE"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(TESTS)},  # this suite's conftest, as a plugin
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = sorted(
        line.split("::")[1].split(" ")[0]
        for line in run.stdout.splitlines()
        if line.startswith("ERROR test_sample.py::")
    )
    assert errors == [
        "test_a_worker_logs_an_error",
        "test_declared_as_a_warning_but_logged_as_an_error",
    ], run.stdout
    # The test's own body passed; its teardown fails it, so the run fails.
    assert run.returncode == 1 and "4 passed, 2 errors" in run.stdout
    assert "kiosk.print ERROR: job 7 failed" in run.stdout  # the record is shown


@pytest.mark.expected_log("kiosk.sync", "hub gone")  # the suite's own keeper sees it too
def test_the_keeper_keeps_a_record_once_though_two_loggers_hand_it_over() -> None:
    keeper = RecordKeeper()
    keeper.attach()
    try:
        worker = threading.Thread(
            target=lambda: logging.getLogger("kiosk.sync").warning("hub gone")
        )
        worker.start()
        worker.join()
        logging.getLogger("kiosk.sync").info("hub back")  # below WARNING: not kept
    finally:
        keeper.detach()
    assert [(r.name, r.getMessage()) for r in keeper.records] == [("kiosk.sync", "hub gone")]


def test_a_declaration_matches_its_logger_and_those_below_at_its_level_only() -> None:
    expected = ExpectedLog()
    expected.allow("kiosk.print", "spooler", "WARNING")

    def record(name: str, level: int, message: str) -> logging.LogRecord:
        return logging.LogRecord(name, level, __file__, 1, message, None, None)

    expected.records = [
        record("kiosk.print.cups", logging.WARNING, "the spooler is down"),
        record("kiosk.printer", logging.WARNING, "the spooler is down"),  # another logger
        record("kiosk.print", logging.ERROR, "the spooler is down"),  # another level
        record("kiosk.print", logging.WARNING, "paper out"),  # another message
    ]
    assert [r.name for r in expected.unexpected()] == [
        "kiosk.printer",
        "kiosk.print",
        "kiosk.print",
    ]

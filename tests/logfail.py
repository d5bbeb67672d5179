"""Fail a test that logs an ERROR or WARNING nobody declared.

The workers (printing, sync, camera, backups) catch what goes wrong and log
it, so a broken worker used to pass every test. Here each WARNING or worse
logged during a test is kept (from any thread) and the test fails unless it
declared that record:

    @pytest.mark.expected_log("kiosk.print", "could not reach", level="WARNING")

or, from a fixture or the middle of a test, through the `expected_log` fixture:

    expected_log.allow("kiosk.ui", "no staff PIN set")

A declaration matches a record from that logger (or one below it) at that
level whose message contains the text.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

WATCHED_LEVEL = logging.WARNING


@dataclass(frozen=True)
class Expected:
    logger: str
    contains: str
    level: int = logging.WARNING

    def matches(self, record: logging.LogRecord) -> bool:
        return (
            (record.name == self.logger or record.name.startswith(self.logger + "."))
            and record.levelno == self.level
            and self.contains in record.getMessage()
        )


# Said by the machine the tests run on, not by the product: Qt's offscreen
# platform, and Qt Multimedia looking for video acceleration a headless machine lacks.
ENVIRONMENT_ONLY = (
    Expected("kiosk.qt", "This plugin does not support propagateSizeHints()"),
    Expected("kiosk.qt", "Couldn't load va"),
    Expected("kiosk.qt", "Couldn't resolve va"),
)


@dataclass
class ExpectedLog:
    """What one test declared it will log; `records` holds what it did log."""

    expected: list[Expected] = field(default_factory=list)
    records: list[logging.LogRecord] = field(default_factory=list)

    def allow(self, logger: str, contains: str = "", level: int | str = logging.WARNING) -> None:
        number = logging.getLevelName(level) if isinstance(level, str) else level
        self.expected.append(Expected(logger, contains, number))

    def unexpected(self) -> list[logging.LogRecord]:
        allowed = [*self.expected, *ENVIRONMENT_ONLY]
        return [r for r in self.records if not any(e.matches(r) for e in allowed)]


class RecordKeeper(logging.Handler):
    """Keeps WARNING and worse records, once each, from whichever thread logs them.

    It hangs on the root logger and on `kiosk`: the CLI's `setup_logging`
    replaces the root's handlers when a test runs a command in-process, and
    the `kiosk` loggers must still be watched then.
    """

    def __init__(self) -> None:
        super().__init__(WATCHED_LEVEL)
        self._lock_records = threading.Lock()
        self._seen: set[int] = set()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        with self._lock_records:
            if id(record) not in self._seen:  # the record is kept, so its id stays unique
                self._seen.add(id(record))
                self.records.append(record)

    def attach(self) -> None:
        for name in ("", "kiosk"):
            logging.getLogger(name).addHandler(self)

    def detach(self) -> None:
        for name in ("", "kiosk"):
            logging.getLogger(name).removeHandler(self)


def describe(records: list[logging.LogRecord]) -> str:
    lines = [f"  {r.name} {r.levelname}: {r.getMessage()}" for r in records]
    return (
        "logged without being expected (declare it with @pytest.mark.expected_log "
        "or the expected_log fixture if the test means it):\n" + "\n".join(lines)
    )

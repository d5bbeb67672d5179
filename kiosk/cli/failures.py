"""The command line's one handler for everything that stops a command.

Known errors (the user's, the environment's) become one sentence on stderr
and exit status 2; they are logged by kind, never by their text, which can
quote a name. Anything else is a bug: its traceback goes to the log file and
the terminal gets an apology, exit status 1. No traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from pathlib import Path

from kiosk.cli.common import UserError, db_path
from kiosk.store.faults import BUG_SENTENCE, Fault, StoreError, StoreFault, classify

log = logging.getLogger("kiosk.cli")

KNOWN_STATUS = 2
BUG_STATUS = 1


def _known(error: BaseException, args: argparse.Namespace) -> tuple[str, str] | None:
    """(kind, sentence) for a known error, None for a bug."""
    from kiosk.sync.connection import SyncSetupError

    if isinstance(error, StoreFault):
        return error.kind.value, str(error)
    if isinstance(error, UserError | StoreError | SyncSetupError):
        return type(error).__name__, str(error)
    if isinstance(error, sqlite3.Error | UnicodeDecodeError | OSError):
        path = _event_file(args)
        if isinstance(error, OSError) and error.filename:
            path = Path(error.filename)
        if path is not None and (fault := classify(error, path)) is not None:
            if fault.kind is Fault.DAMAGED:  # found while reading: name the backup too
                from kiosk.store.backup import damage_advice

                fault = classify(error, path, damage_advice(path)) or fault
            return fault.kind.value, str(fault)
    return None


def _event_file(args: argparse.Namespace) -> Path | None:
    return db_path(args) if hasattr(args, "db") else None


def report(error: BaseException, args: argparse.Namespace, log_file: Path | None) -> int:
    """Say what stopped the command; return its exit status."""
    command = getattr(args, "command", "?")
    known = _known(error, args)
    if known is not None:
        kind, sentence = known
        log.info("%s stopped: %s", command, kind)
        print(f"kiosk: {sentence}", file=sys.stderr)
        return KNOWN_STATUS
    log.error("bug in %s", command, exc_info=error)
    where = f" The details are in {log_file}." if log_file else ""
    print(f"kiosk: {BUG_SENTENCE}{where}", file=sys.stderr)
    return BUG_STATUS

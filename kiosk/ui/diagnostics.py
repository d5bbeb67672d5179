"""Never dead: exceptions and Qt's own warnings go to a rotating, owner-only log."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("kiosk.ui")
qt_log = logging.getLogger("kiosk.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_file_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-kiosk.log")


def add_rotating_log(path: Path, max_bytes: int = 2_000_000, backups: int = 5) -> logging.Handler:
    """Attach an owner-only rotating file to the `kiosk` loggers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Create the file 0600 before the handler opens it: ids only, but still private.
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    handler = _OwnerOnlyRotatingHandler(path, maxBytes=max_bytes, backupCount=backups)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger("kiosk")
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return handler


class _OwnerOnlyRotatingHandler(logging.handlers.RotatingFileHandler):
    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(_qt_message)


def install_excepthook(
    recover: Callable[[], None], say: Callable[[str], None] | None = None
) -> None:
    """Log any exception escaping a slot, then call `recover` (back to welcome).

    PySide calls sys.excepthook for exceptions raised inside slots and event
    handlers; the default would print a traceback to the terminal and carry on
    in an unknown state. With `say` (a staff screen's message line), a known
    fault of the event file is said in its own sentence and anything else as
    a bug, whose traceback only the log gets.
    """
    from kiosk.store.faults import BUG_SENTENCE, StoreError

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        if isinstance(value, StoreError):
            # Its sentence names files, never people; the log gets the kind.
            log.warning("event file problem: %s", getattr(value, "kind", kind.__name__))
        else:
            log.error("unexpected error", exc_info=(kind, value, tb))
        try:
            if say is not None:
                say(str(value) if isinstance(value, StoreError) else BUG_SENTENCE)
            recover()
        except Exception:
            log.exception("recovery after an error failed")

    sys.excepthook = hook

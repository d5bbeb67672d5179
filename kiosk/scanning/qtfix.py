"""A guard against lost references to None and True in PySide6 6.12 on Python 3.11.

The PySide6 6.12 wheels are built for interpreters where None, True and False
are immortal (Python 3.12+), and hand them back without taking a reference:
every void method call (`setText`, `addWidget`, ...) lowers the count of
None by one, and every `signal.emit()` that of True. On Python 3.11 the
counts reach zero after some thousands of calls and the interpreter aborts
("deallocating None"): a kiosk running all day would die.

`install()` measures whether this PySide6 loses references and, only then,
raises the counts of the three singletons far out of reach, which is what
Python 3.12 does for every interpreter. The objects are static and never
freed, so a high count costs nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("kiosk.scan")

_HEADROOM = 1 << 40
_installed = False


class _Probe(QObject):
    ping = Signal()


def loses_references() -> bool:
    """True when void calls or emits drop references they never took."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.ping.emit()
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    probe.deleteLater()
    return lost_none >= 8 or lost_true >= 8


def install() -> bool:
    """Protect None, True and False if this PySide6 needs it; True when it did."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or not loses_references():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += _HEADROOM
    _installed = True
    log.info("raised the reference counts of None/True/False (PySide6 reference bug)")
    return True

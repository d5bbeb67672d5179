"""A door station's header: which session the door admits to, and its seats.

A kiosk started for a room (`kiosk run --room`) or a session (`--session`)
shows above its welcome the session open now, the room and the seats left,
or, between sessions, which comes next. `DoorWatch` keeps it current by
itself, once a second at most:

- at the moment the room's programme may change (a session's doors opening,
  its start, its end: `kiosk.domain.programme.next_change`) it looks again,
  so the door moves to the next session with no scan needed;
- between those moments it asks SQLite whether another connection wrote
  (PRAGMA data_version: a scan or an exit at another door) and counts the
  room again only then. This station's own scans are counted when the
  welcome screen comes back after each result (`refresh`).
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.checkin import Station
from kiosk.domain.programme import next_change, next_in_room
from kiosk.domain.rules import SESSION_EARLY_ADMISSION, seats_left
from kiosk.store.faults import StoreError
from kiosk.store.programme import sessions_in_room
from kiosk.ui.messages import DoorInfo

log = logging.getLogger("kiosk.ui")

# The longest the header goes without looking: the figure asked of a door is
# "the next session within 1 s of its doors opening".
LOOK_AGAIN_MS = 1000


def is_door(station: Station) -> bool:
    return bool(station.room) or station.session is not None


def door_info(station: Station) -> DoorInfo:
    """The door as it is now, read from the station's file."""
    session = station.current_session()
    room = session.room if session is not None else station.room
    following = None
    if station.room and session is None:
        in_room = sessions_in_room(station.store, station.room)
        following = next_in_room(in_room, station.clock())
        # The programme's spelling, whatever case staff typed.
        room = in_room[0].room if in_room else station.room
    seats = None
    if session is not None and session.capacity is not None:
        seats = seats_left(session, station.store.inside_count(session.id))
    return DoorInfo(room, session, seats, following)


class DoorWatch(QObject):
    """Tells the welcome screen when its door header changes (see the module)."""

    changed = Signal(object)  # DoorInfo

    def __init__(self, station: Station, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.info: DoorInfo | None = None
        self._version: int | None = None
        self._next_change: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        """Read the door again now (a scan here, staff changed the mode)."""
        try:
            self._version = self.station.store.data_version()
            info = door_info(self.station)
            sessions = (
                sessions_in_room(self.station.store, self.station.room)
                if self.station.room
                else [s for s in (self.station.current_session(),) if s is not None]
            )
        except (StoreError, sqlite3.Error) as error:
            # The header waits for the next look; scans report the file's fault.
            log.warning("door header not read: %s", type(error).__name__)
            self._schedule()
            return
        self._next_change = next_change(sessions, self.station.clock(), SESSION_EARLY_ADMISSION)
        if info != self.info:
            if self.info is None or info.session != self.info.session:
                log.info(
                    "door %s now admits to session %s",
                    info.room or "-",
                    info.session.id if info.session else "-",
                )
            self.info = info
            self.changed.emit(info)
        self._schedule()

    def _tick(self) -> None:
        moment = self.station.clock()
        boundary = self._next_change is not None and moment >= self._next_change
        try:
            moved = self.station.store.data_version() != self._version
        except (StoreError, sqlite3.Error):
            moved = True  # refresh logs it
        if boundary or moved:
            self.refresh()
        else:
            self._schedule()

    def _schedule(self) -> None:
        """Wake at the next change of the programme, or in a second at most."""
        wait = LOOK_AGAIN_MS
        if self._next_change is not None:
            until = (self._next_change - self.station.clock()).total_seconds() * 1000
            wait = max(0, min(wait, int(until) + 1))
        self.timer.start(wait)

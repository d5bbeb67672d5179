"""Where the console's Check in admits to: as the station does (the event
day, or a door's session), or a session chosen from the programme. Shown
only when the event has sessions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from kiosk.desk import HelpDesk

translate = QCoreApplication.translate


class CheckInTarget(QWidget):
    def __init__(self, desk: HelpDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.caption = QLabel(self)
        self.choice = QComboBox(self)
        # A long title must not widen the console past a small screen.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(24)
        self.caption.setBuddy(self.choice)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption)
        row.addWidget(self.choice)
        self.reload()

    def compact(self, narrow: bool) -> None:
        """Narrow (beside a portrait kiosk's search): the list alone, shorter."""
        self.caption.setVisible(not narrow)
        self.choice.setMinimumContentsLength(10 if narrow else 24)

    def session_id(self) -> int | None:
        """The chosen session; None to check in as the station does."""
        data = self.choice.currentData()
        return int(data) if data is not None else None

    def choose(self, session_id: int | None) -> None:
        index = self.choice.findData(session_id)
        self.choice.setCurrentIndex(max(index, 0))

    def reload(self) -> None:
        """The programme's sessions that admit people (not cancelled), keeping the choice."""
        chosen = self.session_id() if self.choice.count() else None
        zone = self.desk.station.event.zone
        station = self.desk.station
        sessions = [s for s in self.desk.store.sessions() if not s.cancelled]
        self.choice.blockSignals(True)
        self.choice.clear()
        if station.room:
            own = translate("Console", "This door ({room})").format(room=station.room)
        elif station.session is not None:
            own = translate("Console", "This door ({session})").format(
                session=station.session.title
            )
        else:
            own = translate("Console", "The event day")
        self.choice.addItem(own, None)
        for session in sessions:
            start = session.starts_at.astimezone(zone)
            self.choice.addItem(f"{start:%m-%d %H:%M} · {session.title}", session.id)
        self.choose(chosen)
        self.choice.blockSignals(False)
        self.setVisible(bool(sessions))
        self.caption.setText(translate("Console", "Check in to:"))
        self.choice.setAccessibleName(translate("Console", "Check in to"))

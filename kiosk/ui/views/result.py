"""The result screen: icon, headline, what to do next, badge status and a countdown.

A code nobody knows and a cancelled registration are not dead ends: the
screen offers "Find me by name" (when find-me is on), since the person in
front of it may well be on the list under another ticket.

The screen runs its own countdown: entered, it counts down from `seconds`
and then says it is finished; for the first `hold_seconds` it is "fresh" and
the next queued result waits. Left early, both stop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.models import Event, Result, ScanResult, Session
from kiosk.ui.badge_state import BadgeState
from kiosk.ui.messages import badge_line, message_for, problem_message
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text
from kiosk.ui.widgets.icon import IconBadge

translate = QCoreApplication.translate

# Results after which finding yourself by name can still get you in.
OFFERS_FIND_ME = {Result.UNKNOWN_CODE, Result.CANCELLED}


class ResultView(ScreenView):
    finished = Signal(str)  # why: "done pressed" or "countdown"
    hold_over = Signal()  # shown long enough: a queued result may replace it now
    find_me = Signal()

    def __init__(self, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk_event = event
        self.help_desk = ""
        self.find_me_enabled = True
        self.has_badge = False
        self.problem = False  # showing the apology for an unexpected error
        self.scan: ScanResult | None = None
        self.next_session: Session | None = None
        self.badge_state = BadgeState.NONE
        self.seconds_left = 0
        self.seconds, self.hold_seconds = 0, 0  # set with each result shown
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.timeout.connect(self.hold_over)
        self.theme = STANDARD
        self.metrics = Metrics(1.0, 1.0)
        self.painted = 0  # frames painted: the benchmark waits for this

        self.icon = IconBadge(self)
        self.headline = label("headline", self)
        self.lines = [label("body", self) for _ in range(2)]
        self.badge = label("body", self)
        self.countdown = label("countdown", self)
        self.done_button = button("primary", self)
        self.done_button.clicked.connect(lambda: self.finished.emit("done pressed"))
        self.find_me_button = button("", self)
        self.find_me_button.clicked.connect(self.find_me)
        self.find_me_button.hide()

        text = QVBoxLayout()
        text.addWidget(self.headline)
        for line in self.lines:
            text.addWidget(line)
        text.addWidget(self.badge)
        card = QHBoxLayout()
        card.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        card.addLayout(text, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.countdown, 1)
        bottom.addWidget(self.find_me_button)
        bottom.addWidget(self.done_button)
        self.root = QVBoxLayout(self)
        self.root.addStretch(1)
        self.root.addLayout(card)
        self.root.addStretch(1)
        self.root.addLayout(bottom)
        self.retranslate()

    def show_result(
        self,
        scan: ScanResult,
        next_session: Session | None,
        badge_state: BadgeState,
        *,
        has_badge: bool = False,
        seconds: int = 0,
        hold_seconds: int = 0,
    ) -> None:
        """Show `scan`; once entered, back to the start after `seconds`."""
        self.scan, self.next_session, self.badge_state = scan, next_session, badge_state
        self.has_badge = has_badge
        self.seconds, self.hold_seconds = seconds, hold_seconds
        self.problem = False
        self.find_me_button.setVisible(self.find_me_enabled and scan.result in OFFERS_FIND_ME)
        self._render()

    def show_problem(self, seconds: int) -> None:
        """An unexpected error: say so calmly; the log has the traceback."""
        self.problem, self.badge_state = True, BadgeState.NONE
        self.seconds, self.hold_seconds = seconds, 0
        self.find_me_button.setVisible(False)
        self._render()

    @property
    def attendee_id(self) -> int | None:
        """Whose result is shown (None for a problem or nobody known)."""
        if self.problem or self.scan is None or self.scan.attendee is None:
            return None
        return self.scan.attendee.id

    def is_fresh(self) -> bool:
        """Shown for less than `hold_seconds`: a queued result must wait."""
        return self.hold.isActive()

    def on_enter(self) -> None:
        self.set_countdown(self.seconds)
        self.ticker.start()
        if self.hold_seconds > 0:
            self.hold.start(self.hold_seconds * 1000)

    def on_leave(self) -> None:
        self.ticker.stop()
        self.hold.stop()

    def _tick(self) -> None:
        if self.seconds_left <= 1:
            self.on_leave()
            self.finished.emit("countdown")
        else:
            self.set_countdown(self.seconds_left - 1)

    def set_badge_state(self, state: BadgeState) -> None:
        self.badge_state = state
        set_text(self.badge, badge_line(state, self.help_desk))
        self.badge.setVisible(bool(self.badge.text()))

    def set_countdown(self, seconds: int) -> None:
        self.seconds_left = seconds
        set_text(
            self.countdown,
            translate("ResultScreen", "Back to the start in {n} s").format(n=seconds),
        )

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        self.theme, self.metrics = theme, metrics
        margin = metrics.px(40)
        self.root.setContentsMargins(margin, metrics.px(24), margin, metrics.px(20))
        self.root.setSpacing(metrics.px(12))
        self.done_button.setMinimumWidth(metrics.px(180))
        self.find_me_button.setMinimumWidth(metrics.px(180))
        self._render()

    def _render(self) -> None:
        if self.problem:
            message = problem_message(self.help_desk)
        elif self.scan is None:
            return
        else:
            message = message_for(
                self.scan,
                self.kiosk_event,
                self.next_session,
                self.help_desk,
                has_badge=self.has_badge,
            )
        symbol = self.theme.on_primary if self.theme.name == "standard" else "#000000"
        self.icon.set_icon(
            message.icon, self.theme.tone(message.tone), symbol, self.metrics.px(120)
        )
        # The icon's words for screen readers: colour and shape alone say nothing.
        self.icon.setAccessibleName(
            {
                "check": translate("ResultScreen", "Success"),
                "info": translate("ResultScreen", "Information"),
                "stop": translate("ResultScreen", "Problem"),
            }[message.icon]
        )
        set_text(self.headline, message.title)
        for widget, text in zip(self.lines, (*message.lines, "", ""), strict=False):
            set_text(widget, text)
            widget.setVisible(bool(text))
        self.set_badge_state(self.badge_state)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        self.painted += 1

    def retranslate(self) -> None:
        set_text(self.done_button, translate("ResultScreen", "Done"))
        set_text(self.find_me_button, translate("ResultScreen", "Find me by name"))
        self.set_countdown(self.seconds_left)
        self._render()

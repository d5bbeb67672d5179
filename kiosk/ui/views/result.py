"""The result screen: icon, headline, what to do next, badge status and a countdown.

A code nobody knows and a cancelled registration are not dead ends: the
screen offers "Find me by name" (when find-me is on), since the person in
front of it may well be on the list under another ticket.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.models import Event, Result, ScanResult, Session
from kiosk.ui.messages import badge_line, message_for, problem_message
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text
from kiosk.ui.widgets.icon import IconBadge

translate = QCoreApplication.translate

# Results after which finding yourself by name can still get you in.
OFFERS_FIND_ME = {Result.UNKNOWN_CODE, Result.CANCELLED}


class ResultView(ScreenView):
    done = Signal()
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
        self.badge_state = ""
        self.seconds_left = 0
        self.theme = STANDARD
        self.metrics = Metrics(1.0, 1.0)
        self.painted = 0  # frames painted: the benchmark waits for this

        self.icon = IconBadge(self)
        self.headline = label("headline", self)
        self.lines = [label("body", self) for _ in range(2)]
        self.badge = label("body", self)
        self.countdown = label("countdown", self)
        self.done_button = button("primary", self)
        self.done_button.clicked.connect(self.done)
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
        badge_state: str,
        *,
        has_badge: bool = False,
    ) -> None:
        self.scan, self.next_session, self.badge_state = scan, next_session, badge_state
        self.has_badge = has_badge
        self.problem = False
        self.find_me_button.setVisible(self.find_me_enabled and scan.result in OFFERS_FIND_ME)
        self._render()

    def show_problem(self) -> None:
        """An unexpected error: say so calmly; the log has the traceback."""
        self.problem, self.badge_state = True, ""
        self.find_me_button.setVisible(False)
        self._render()

    def set_badge_state(self, state: str) -> None:
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

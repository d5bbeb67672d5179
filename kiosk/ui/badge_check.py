"""Badge self-correction at the kiosk: the preview before a badge prints,
and the fix the attendee makes on it.

After a check-in with printing on (a printer, not badges saved for the
desk) and no badge printed before, the flow hands the result here instead
of to the result screen. The attendee sees their badge (the badge's own
PDF, rasterised) with Print and Fix my badge. Print, or nothing for
`kiosk.preview_seconds`, shows the result screen and queues the badge.
Fix my badge offers the fields in `kiosk.editable_badge_fields`; a saved
fix goes to the roster with an audit line holding before and after
(kiosk.self_correction), and the preview shows the new badge.

Whatever takes the kiosk elsewhere while a badge waits (another scan, the
idle timer on the fix screen, staff) prints it as it stands: nobody loses
their badge by walking away.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from kiosk.badges import render_badge_png
from kiosk.checkin import Station
from kiosk.domain import badge_fix
from kiosk.domain.models import Result, ScanResult
from kiosk.self_correction import correct_badge
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.faults import StoreFault
from kiosk.ui.badge_tracker import BadgeTracker
from kiosk.ui.screens import Screen, Switch
from kiosk.ui.views.badge_preview import BadgePreviewView
from kiosk.ui.views.fix_badge import FixBadgeView

log = logging.getLogger("kiosk.ui")
translate = QCoreApplication.translate

# The screens a waiting badge may stay behind; any other prints it.
CHECKING = {Screen.BADGE_PREVIEW, Screen.FIX_BADGE}
PREVIEW_DPI = 110  # sharp on a kiosk screen, quick to draw (about 15 ms)


class BadgeCheck(QObject):
    def __init__(
        self,
        store: Store,
        station: Station,
        settings: Settings,
        views: tuple[BadgePreviewView, FixBadgeView],
        switch: Switch,
        badges: BadgeTracker,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.station, self.settings = store, station, settings
        self.preview, self.fix = views
        self.switch, self.badges = switch, badges
        self.pending: ScanResult | None = None
        # Given by the flow: shows the result screen for a result and queues its badge.
        self.show_admitted: Callable[[ScanResult], None] = lambda result: None
        self.preview.print_requested.connect(self._print)
        self.preview.fix_requested.connect(self._fix)
        self.fix.saved.connect(self._save)
        self.fix.back.connect(lambda: self.switch(Screen.BADGE_PREVIEW, "fix: back unchanged"))

    def offers(self, result: ScanResult) -> bool:
        """Whether this result's badge is shown before it prints."""
        service = self.badges.service
        return (
            result.result is Result.CHECKED_IN
            and result.attendee is not None
            and service is not None
            and not service.saves_only
            and not service.printed_count(result.attendee.id)
        )

    def allowed(self) -> tuple[str, ...]:
        """The attendee fields the organiser lets attendees fix."""
        choice = badge_fix.listed(self.settings.get("kiosk.editable_badge_fields"))
        return badge_fix.editable_fields(choice)

    def start(self, result: ScanResult) -> None:
        """Show this admitted attendee their badge (a badge still waiting prints first)."""
        self.print_waiting("another check-in")
        self.pending = result
        try:
            self._show_preview()
        except Exception:
            # The badge itself will say what is wrong when the worker draws it;
            # the attendee is admitted and gets the result screen as before.
            who = result.attendee.id if result.attendee is not None else None
            log.exception("badge preview could not be drawn for attendee %s", who)
            self._print("no preview")
            return
        self.switch(Screen.BADGE_PREVIEW, "badge preview")

    def entered(self, screen: object, reason: str) -> None:
        """The screen manager entered `screen`: a badge left waiting prints as it is."""
        if screen not in CHECKING:
            self.print_waiting(f"left for {getattr(screen, 'value', screen)}")

    def print_waiting(self, why: str) -> None:
        result = self._take()
        if result is not None and result.attendee is not None:
            log.info("badge of attendee %s printed as it stands (%s)", result.attendee.id, why)
            self.badges.enqueue(result.attendee.id)

    def _take(self) -> ScanResult | None:
        """The waiting result with the attendee as stored now (a fix included)."""
        result, self.pending = self.pending, None
        if result is None or result.attendee is None:
            return result
        attendee = self.store.attendee(result.attendee.id) or result.attendee
        return dataclasses.replace(result, attendee=attendee)

    def _show_preview(self) -> None:
        assert self.pending is not None and self.pending.attendee is not None
        attendee = self.store.attendee(self.pending.attendee.id) or self.pending.attendee
        template = self.settings.get("badge.template") or None
        png = render_badge_png(attendee, self.station.event, template, dpi=PREVIEW_DPI)
        seconds = int(self.settings.get("kiosk.preview_seconds"))
        self.preview.show_badge(attendee.first_name, png, seconds, can_fix=bool(self.allowed()))

    def _print(self, reason: str) -> None:
        result = self._take()
        if result is None:
            return
        log.info("badge preview: %s", reason)
        self.show_admitted(result)

    def _fix(self) -> None:
        if self.pending is None or self.pending.attendee is None:
            return
        attendee = self.store.attendee(self.pending.attendee.id) or self.pending.attendee
        self.fix.show_fields({name: str(getattr(attendee, name)) for name in self.allowed()})
        self.switch(Screen.FIX_BADGE, "fix my badge")

    def _save(self, typed: dict[str, str]) -> None:
        if self.pending is None or self.pending.attendee is None:
            return
        try:
            correct_badge(self.store, self.station, self.pending.attendee.id, typed, self.allowed())
        except badge_fix.FixRefused as refused:
            log.info(
                "badge fix refused (%s) for attendee %s", refused.kind, self.pending.attendee.id
            )
            self.fix.show_problem(refusal_sentence(refused.kind))
            return
        except StoreFault as fault:
            log.warning(
                "badge fix not saved for attendee %s: %s", self.pending.attendee.id, fault.kind
            )
            self.fix.show_problem(
                translate(
                    "FixBadge", "Your change could not be saved. Please ask at the help desk."
                )
            )
            return
        self._show_preview()
        self.switch(Screen.BADGE_PREVIEW, "badge fixed")


def refusal_sentence(kind: str) -> str:
    """What the fix screen says when a rule refuses a fix."""
    if kind == "empty_first_name":
        return translate("FixBadge", "Your first name cannot be empty.")
    if kind == "too_long":
        return translate("FixBadge", "That is longer than a badge can show.")
    return translate("FixBadge", "That cannot be changed here. Please ask at the help desk.")

"""What the console's buttons do: check in, reprint, and the actions that ask
first (replace a lost badge, undo, cancel, edit, transfer, walk-in) in a dialog.

Each action works on the person chosen in the console's list, goes through
the help desk (which logs it), and tells the console what happened in one
sentence (`ConsoleWidget.done`, or `failed` with the desk's own words).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog

from kiosk.desk import DeskError, DuplicateWalkIn
from kiosk.desk_programme import admit_anyway, check_in_to
from kiosk.domain.models import Result
from kiosk.domain.roles import Role, StaffAction, minimum_role
from kiosk.lost_badges import reissue
from kiosk.store.attendee_list import categories
from kiosk.ui.console.badge_file import where_it_goes
from kiosk.ui.console.dialogs import ConfirmDialog, PersonDialog, ReasonDialog
from kiosk.ui.console.duplicates import DuplicateDialog
from kiosk.ui.console.flag_dialog import FlagDialog

if TYPE_CHECKING:
    from kiosk.ui.console.console import ConsoleWidget

translate = QCoreApplication.translate

# What goes on a badge: an edit of any of these offers a reprint.
ON_BADGE = (
    "first_name",
    "last_name",
    "pronouns",
    "credentials",
    "organisation",
    "job_title",
    "category",
)


def refusal(action: StaffAction) -> str:
    """Who may do `action`, for a greyed button's tooltip and a refused shortcut."""
    texts = {
        Role.SCANNER: translate("Console", "Please sign in first."),
        Role.DESK: translate("Console", "Only a desk volunteer or a supervisor may do this."),
        Role.SUPERVISOR: translate("Console", "Only a supervisor may do this."),
    }
    return texts[minimum_role(action)]


def result_text(result: Result) -> str:
    """What a check-in at the desk came to, in one sentence."""
    texts = {
        Result.CHECKED_IN: translate("Console", "Checked in."),
        Result.ALREADY_CHECKED_IN: translate("Console", "Already checked in today."),
        Result.CANCELLED: translate("Console", "This registration is cancelled."),
        Result.NOT_VALID_NOW: translate("Console", "Not valid at this time."),
        Result.NOT_ELIGIBLE: translate(
            "Console", "Not admitted: this session is not open to them, or needs a booking."
        ),
        Result.SESSION_FULL: translate("Console", "Not admitted: this session is full."),
    }
    return texts.get(result, result.value)


def open_dialog(dialog: QDialog, accepted: Callable[[], None]) -> None:
    """Open `dialog` without blocking; `accepted` runs on OK, and it is freed when closed."""
    dialog.accepted.connect(accepted)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


class DeskActions(QObject):
    def __init__(self, console: ConsoleWidget) -> None:
        super().__init__(console)
        self.console = console
        self.desk = console.desk
        self.override_dialog: ReasonDialog | None = None  # open while it asks

    def allowed(self, action: StaffAction) -> bool:
        """Whether the volunteer's role may do `action`; if not, the console
        says who may (a shortcut still reaches a greyed button's action)."""
        if self.desk.may(action):
            return True
        self.console.say_problem(refusal(action))
        return False

    # -- at once -----------------------------------------------------------

    def check_in(self) -> None:
        """Check the chosen person in where the console's "Check in to" says;
        refused by a session's rules, a supervisor is offered Admit anyway."""
        attendee_id = self.console.current_id()
        if attendee_id is None or not self.allowed(StaffAction.CHECK_IN):
            return
        try:
            result, job = check_in_to(self.desk, attendee_id, self.console.target.session_id())
        except DeskError as error:
            self.console.failed(error)
            return
        text = self._with_badge(result_text(result.result), job, attendee_id)
        offer = None
        if result.result in (Result.NOT_ELIGIBLE, Result.SESSION_FULL):
            offer = (translate("Console", "Admit anyway…"), self.ask_override)
        self.console.done(text, attendee_id, offer)

    def ask_override(self) -> None:
        """A supervisor lets the chosen person in past the session's rules, giving a reason."""
        attendee_id = self.console.current_id()
        if attendee_id is None or not self.allowed(StaffAction.CAPACITY_OVERRIDE):
            return
        session_id = self.console.target.session_id()
        name = self.console.name_of(attendee_id)
        dialog = ReasonDialog(
            translate("Console", "Admit anyway: {name}").format(name=name),
            translate(
                "Console",
                "Why is {name} let in past the session's rules (not for them, not booked, or "
                "full)? The reason is logged with your name.",
            ).format(name=name),
            self.console,
        )
        self.override_dialog = dialog

        def accepted() -> None:
            self.override_dialog = None
            try:
                result, job = admit_anyway(self.desk, attendee_id, session_id, dialog.text())
            except DeskError as error:
                self.console.failed(error)
                return
            text = (
                translate("Console", "Admitted past the session's rules; the reason is logged.")
                if result.result is Result.CHECKED_IN
                else result_text(result.result)
            )
            self.console.done(self._with_badge(text, job, attendee_id), attendee_id)

        dialog.rejected.connect(lambda: setattr(self, "override_dialog", None))
        open_dialog(dialog, accepted)

    def _with_badge(self, text: str, job: int | None, attendee_id: int) -> str:
        """`text`, then where the badge made for it is going (the bar follows it)."""
        if job is None:
            return text
        self.console.badge_file.follow(job, attendee_id)
        return f"{text} {where_it_goes(self.desk.printer, job)}"

    def reprint(self) -> None:
        attendee_id = self.console.current_id()
        if attendee_id is None or not self.allowed(StaffAction.REPRINT):
            return
        try:
            job = self.desk.reprint(attendee_id)
        except DeskError as error:
            self.console.failed(error)
            return
        self.console.badge_file.follow(job, attendee_id)
        self.console.done(where_it_goes(self.desk.printer, job))

    # -- after a question --------------------------------------------------

    def confirm_check_in(self, attendee_id: int) -> None:
        """A row the search chose by itself: check in only after a question naming them."""
        attendee = self.desk.store.attendee(attendee_id)
        if attendee is None:
            return
        who = ", ".join(part for part in (attendee.full_name, attendee.organisation) if part)
        dialog = ConfirmDialog(
            translate("Console", "Check in"),
            translate("Console", "Check in {who}?").format(who=who),
            translate("Console", "Check in"),
            self.console,
        )

        def accepted() -> None:
            if self.console.current_id() == attendee_id:
                self.check_in()

        open_dialog(dialog, accepted)

    def ask_reissue(self) -> None:
        """A lost badge: a new code and its badge, after a question naming them."""
        attendee_id = self.console.current_id()
        if attendee_id is None or not self.allowed(StaffAction.REISSUE):
            return
        dialog = ConfirmDialog(
            translate("Console", "Replace lost badge"),
            translate(
                "Console",
                "Give {name} a new badge with a new code? Their lost badge will no longer "
                "admit anyone.",
            ).format(name=self.console.name_of(attendee_id)),
            translate("Console", "Replace badge"),
            self.console,
        )

        def accepted() -> None:
            if self.console.current_id() != attendee_id:
                return
            station = self.desk.station
            try:
                done = reissue(
                    self.desk.store,
                    attendee_id,
                    station=station.name,
                    operator=self.desk.operator,
                    at=station.clock(),
                    printer=self.desk.printer,
                )
            except DeskError as error:
                self.console.failed(error)
                return
            text = translate("Console", "Badge replaced: the lost one no longer admits.")
            self.console.done(self._with_badge(text, done.print_job, attendee_id), attendee_id)

        open_dialog(dialog, accepted)

    def ask_undo(self) -> None:
        if not self.allowed(StaffAction.UNDO):
            return
        name = self.console.name_of(self.console.current_id() or 0)
        self._ask_reason(
            translate("Console", "Undo check-in: {name}").format(name=name),
            translate("Console", "Why is the check-in of {name} being undone?").format(name=name),
            self.desk.undo,
            translate("Console", "Check-in undone."),
        )

    def ask_cancel(self) -> None:
        if not self.allowed(StaffAction.CANCEL):
            return
        name = self.console.name_of(self.console.current_id() or 0)
        self._ask_reason(
            translate("Console", "Cancel registration: {name}").format(name=name),
            translate("Console", "Why is the registration of {name} being cancelled?").format(
                name=name
            ),
            self.desk.cancel,
            translate("Console", "Registration cancelled."),
        )

    def _ask_reason(
        self, title: str, prompt: str, action: Callable[[int, str], object], done: str
    ) -> None:
        attendee_id = self.console.current_id()
        if attendee_id is None:
            return
        dialog = ReasonDialog(title, prompt, self.console)

        def accepted() -> None:
            try:
                action(attendee_id, dialog.text())
            except DeskError as error:
                self.console.failed(error)
                return
            self.console.done(done)

        open_dialog(dialog, accepted)

    def ask_edit(self) -> None:
        if not self.allowed(StaffAction.EDIT):
            return
        attendee_id = self.console.current_id()
        attendee = self.desk.store.attendee(attendee_id) if attendee_id else None
        if attendee is None:
            return
        dialog = PersonDialog(
            translate("Console", "Edit attendee"),
            categories(self.desk.store),
            attendee,
            parent=self.console,
        )

        def accepted() -> None:
            try:
                edited = self.desk.edit(attendee.id, dialog.values())
            except DeskError as error:
                self.console.failed(error)
                return
            renamed = any(getattr(edited, k) != getattr(attendee, k) for k in ON_BADGE)
            offer = (
                (translate("Console", "Reprint badge"), self.reprint)
                if renamed and self.desk.printer is not None
                else None
            )
            self.console.done(translate("Console", "Saved."), attendee.id, offer)

        open_dialog(dialog, accepted)

    def ask_flag(self) -> None:
        attendee_id = self.console.current_id()
        if attendee_id is None or not self.allowed(StaffAction.FLAG):
            return
        attendee = self.desk.store.attendee(attendee_id)
        if attendee is None:
            return
        dialog = FlagDialog(attendee, parent=self.console)

        def accepted() -> None:
            note, notify = dialog.values()
            try:
                self.desk.flag(attendee.id, note, notify)
            except DeskError as error:
                self.console.failed(error)
                return
            self.console.done(translate("Console", "Saved."), attendee.id)

        open_dialog(dialog, accepted)

    def ask_transfer(self) -> None:
        attendee_id = self.console.current_id()
        if attendee_id is None or not self.allowed(StaffAction.TRANSFER):
            return
        name = self.console.name_of(attendee_id)
        dialog = PersonDialog(
            translate("Console", "Transfer to another person"),
            [],
            with_category=False,
            with_notes=False,
            note=translate(
                "Console",
                "Give the registration of {name} to someone else, for example a colleague "
                "sent in their place. The ticket stays the same, so the code they carry still "
                "scans; {name} is kept in the audit log.",
            ).format(name=name),
            parent=self.console,
        )

        def accepted() -> None:
            try:
                self.desk.transfer(attendee_id, dialog.values(), "transferred at the desk")
            except DeskError as error:
                self.console.failed(error)
                return
            self.console.done(
                translate("Console", "Registration transferred; the ticket still scans."),
                attendee_id,
            )

        open_dialog(dialog, accepted)

    def ask_walk_in(self, typed: dict[str, str] | None = None) -> None:
        """The walk-in form (with `typed` filled in); someone like a person
        on the roster is offered that record first."""
        if not self.allowed(StaffAction.WALK_IN):
            return
        dialog = PersonDialog(
            translate("Console", "Walk-in registration"),
            categories(self.desk.store),
            parent=self.console,
        )
        for name, value in (typed or {}).items():
            dialog.edits[name].setText(value)
        open_dialog(dialog, lambda: self._register_walk_in(dialog.values()))

    def _register_walk_in(self, values: dict[str, str], reason: str = "") -> None:
        try:
            walk_in = self.desk.walk_in(values, duplicate_reason=reason)
        except DuplicateWalkIn as duplicate:
            self._ask_which(values, duplicate)
            return
        except DeskError as error:
            self.console.failed(error)
            return
        registered = translate("Console", "Walk-in registered and checked in.")
        self.console.done(
            self._with_badge(registered, walk_in.print_job, walk_in.attendee.id),
            walk_in.attendee.id,
        )

    def _ask_which(self, values: dict[str, str], duplicate: DuplicateWalkIn) -> None:
        dialog = DuplicateDialog(duplicate.matches, self.desk.station.event.zone, self.console)

        def accepted() -> None:
            if dialog.chosen is None:
                self._register_walk_in(values, dialog.reason())
                return
            # The volunteer chose them in the dialog: no second question.
            self.console.choose_by_hand(dialog.chosen)
            self.check_in()

        open_dialog(dialog, accepted)

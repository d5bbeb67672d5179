"""The details panel: everything about one attendee, for staff eyes only."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from kiosk.desk import HelpDesk
from kiosk.domain.models import Attendee, AttendeeStatus
from kiosk.self_correction import ACTION as SELF_CORRECTION
from kiosk.store.attended import scope_states
from kiosk.ui.console.dialogs import field_label
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate
HISTORY_SHOWN = 8  # the latest; the audit log and `kiosk export` hold the rest


class DetailsPanel(FollowsLanguage, QScrollArea):
    def __init__(self, desk: HelpDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWidget(self.text)
        self.setWidgetResizable(True)
        # Long emails and codes wrap anywhere rather than push the panel sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._shown: tuple[Attendee | None, int | None] = (None, None)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setAccessibleName(translate("Console", "Attendee details"))
        self.show_attendee(*self._shown)

    def show_attendee(self, attendee: Attendee | None, printed: int | None = None) -> None:
        self._shown = (attendee, printed)
        if attendee is None:
            self.text.setText(translate("Console", "Choose someone from the list."))
            return
        store = self.desk.store
        event = self.desk.station.event
        rows = [
            (translate("Console", "Pronouns"), attendee.pronouns),
            (translate("Console", "Post-nominals"), attendee.credentials),
            (translate("Console", "Organisation"), attendee.organisation),
            (translate("Console", "Job title"), attendee.job_title),
            (translate("Console", "Email"), _email(attendee)),
            (translate("Console", "Category"), attendee.category),
            (translate("Console", "Registration"), _status(attendee.status)),
            (translate("Console", "Code"), attendee.code),
        ]
        scopes = scope_states(store, attendee.id)
        admissions = [s.first for s in scopes if s.first.session_id is None]
        if admissions:
            first = admissions[0]
            when = moment_text(first.at, event.zone)
            rows.append((translate("Console", "Checked in"), f"{when} · {first.station}"))
        else:
            rows.append((translate("Console", "Checked in"), translate("Console", "not yet")))
        admitted = {s.first.session_id for s in scopes}
        sessions = [session.title for session in store.sessions() if session.id in admitted]
        if sessions:
            rows.append((translate("Console", "Sessions"), "; ".join(sessions)))
        if printed is not None:
            rows.append((translate("Console", "Badges made (printed or saved)"), str(printed)))
        html = [f"<h2>{escape(attendee.full_name)}</h2><table cellspacing='4'>"]
        html += [
            f"<tr><td><b>{escape(label)}</b></td><td>{_breakable(escape(value))}</td></tr>"
            for label, value in rows
            if value
        ]
        html.append("</table>")
        if attendee.notes:
            html.append(
                f"<p><b>{escape(translate('Console', 'Staff notes and access needs'))}</b><br>"
                f"{escape(attendee.notes)}</p>"
            )
        html += _badge_fixes(self.desk, attendee.id, event.zone)
        history = self.desk.history(attendee.id)[-HISTORY_SHOWN:]
        if history:
            titles = {session.id: session.title for session in store.sessions()}
            heading = translate("Console", "History")  # outside the f-string: lupdate finds it
            html.append(f"<p><b>{escape(heading)}</b><br>")
            for item in history:
                what = _action(item.action)
                if item.session_id is not None:
                    what = f"{what} ({titles.get(item.session_id, '')})"
                html.append(
                    f"{escape(moment_text(item.at, event.zone))} · {escape(what)} · "
                    f"{escape(item.operator or item.station)}<br>"
                )
            html.append("</p>")
        self.text.setText("".join(html))


def _email(attendee: Attendee) -> str:
    if not attendee.email_is_buyers:
        return attendee.email
    # Imported from the order: mail for this person reaches the buyer.
    return translate("Console", "{email} (buyer's)").format(email=attendee.email)


def _action(action: str) -> str:
    """What an entry of the check-in log or the audit log did, in words."""
    texts = {
        "entry": translate("Console", "checked in"),
        "exit": translate("Console", "left"),
        "undo": translate("Console", "check-in undone"),
        "walk_in": translate("Console", "registered at the desk"),
        "edit": translate("Console", "details changed"),
        "reprint": translate("Console", "badge reprinted"),
        "cancel": translate("Console", "registration cancelled"),
        "transfer": translate("Console", "registration transferred"),
        SELF_CORRECTION: translate("Console", "badge fixed by the attendee at the kiosk"),
    }
    return texts.get(action, action.replace("_", " "))


def _badge_fixes(desk: HelpDesk, attendee_id: int, zone: dt.tzinfo) -> list[str]:
    """Each fix the attendee made to their badge at the kiosk: field, before and after."""
    fixes = [e for e in desk.audit_entries(attendee_id) if e.action == SELF_CORRECTION]
    if not fixes:
        return []
    heading = translate("Console", "Fixed at the kiosk")
    html = [f"<p><b>{escape(heading)}</b><br>"]
    for fix in fixes:
        before, after = fix.details.get("before", {}), fix.details.get("after", {})
        changes = "; ".join(
            escape(f"{field_label(field)}: {before.get(field, '')} → {value}")
            for field, value in after.items()
        )
        html.append(f"{escape(moment_text(fix.at, zone))} · {escape(fix.station)} · {changes}<br>")
    html.append("</p>")
    return html


def _status(status: AttendeeStatus) -> str:
    if status is AttendeeStatus.CANCELLED:
        return translate("Console", "cancelled")
    return translate("Console", "active")


def moment_text(moment: dt.datetime, zone: dt.tzinfo) -> str:
    """Day and time at the venue, the month in the screen's language ("10 mars 09:00")."""
    local = moment.astimezone(zone)
    day = QLocale().toString(QDate(local.year, local.month, local.day), "d MMM")
    return f"{day} {local:%H:%M}"


def _breakable(text: str) -> str:
    """Let rich text wrap long unbroken values (emails, codes) at any point."""
    if " " in text or len(text) < 24:
        return text
    return "\u200b".join(text[i : i + 8] for i in range(0, len(text), 8))

"""Find me by name: the search, the choice and "Is this you?".

Behind the find-me and confirm screens (`kiosk.ui.views.findme`,
`kiosk.ui.views.confirm`): it looks names up, shows only what someone needs
to recognise themselves, and once they confirm, asks for the check-in
(`check_in` carries their ticket code, decided like a scan).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.domain.models import Attendee
from kiosk.domain.text import fold, search_words
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.ui.messages import unbroken
from kiosk.ui.screens import Screen, Switch
from kiosk.ui.views.confirm import ConfirmView
from kiosk.ui.views.findme import FindMeView


def last_initial(attendee: Attendee) -> str:
    """The last name's initial as shown after a first name: " B." ("" with none)."""
    last = attendee.last_name.strip()
    return f" {last[:1]}." if last else ""


def public_label(attendee: Attendee) -> str:
    """First name, last initial, organisation: enough to recognise yourself."""
    name = f"{attendee.first_name}{last_initial(attendee)}"
    return f"{name} — {attendee.organisation}" if attendee.organisation else name


def name_to_add(query: str, best: Attendee) -> str:
    """When too many match one typed word: "first" if it is the best match's
    whole surname (add your first name), "last" if their first name, else ""."""
    words = search_words(query)
    if len(words) != 1:
        return ""
    if words[0] in fold(best.last_name).split():
        return "first"
    if words[0] in fold(best.first_name).split():
        return "last"
    return ""


class FindMe(QObject):
    check_in = Signal(str)  # the confirmed attendee's ticket code

    def __init__(
        self,
        store: Store,
        settings: Settings,
        view: FindMeView,
        confirm: ConfirmView,
        switch: Switch,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings = store, settings
        self.view, self.confirm = view, confirm
        self.switch = switch
        self.chosen_id: int | None = None
        view.query_changed.connect(self._search)
        view.chosen.connect(self._chosen)
        view.back.connect(lambda: switch(Screen.WELCOME, "find-me back", same_person=True))
        confirm.confirmed.connect(self._confirmed)
        confirm.rejected.connect(lambda: switch(Screen.FIND_ME, "not me"))

    @property
    def enabled(self) -> bool:
        return bool(self.settings.get("kiosk.findme_enabled"))

    def start(self) -> None:
        """Someone asked to be found by name (from welcome or a result)."""
        if not self.enabled:
            return
        self.view.reset()
        self.switch(Screen.FIND_ME, "find me")

    def forget(self) -> None:
        """The next person: nothing typed or chosen stays."""
        self.chosen_id = None
        self.view.reset()

    def _search(self, query: str) -> None:
        limit = self.settings.get("kiosk.findme_limit")  # its range fits the screen's slots
        found = self.store.search(query, limit=limit + 1, names_only=True)
        more = len(found) > limit
        self.view.show_matches(
            [(a.id, public_label(a)) for a in found[:limit]],
            more=more,
            add=name_to_add(query, found[0]) if more else "",
        )

    def _chosen(self, attendee_id: int) -> None:
        attendee = self.store.attendee(attendee_id)
        if attendee is None:
            return
        self.chosen_id = attendee_id
        self.confirm.show_person(
            unbroken(attendee.first_name) + last_initial(attendee), attendee.organisation
        )
        self.switch(Screen.CONFIRM, f"chose attendee {attendee_id}")

    def _confirmed(self) -> None:
        attendee = self.store.attendee(self.chosen_id) if self.chosen_id else None
        if attendee is None:
            self.switch(Screen.WELCOME, "confirmed attendee vanished")
            return
        self.check_in.emit(attendee.code)

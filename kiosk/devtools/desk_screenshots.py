"""Screenshots of the help-desk window on the demo event, for the README.

Run under a real display (the script `scripts/desk-screenshots` starts Xvfb):
    python -m kiosk.devtools.desk_screenshots docs/screenshots [WIDTHxHEIGHT [LANGUAGE]]
With a size, the window is fitted to a screen of that size, as `kiosk desk`
fits it to the real one, and the files are named after the size and language.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from kiosk.checkin import Station
from kiosk.demo import create_demo_event
from kiosk.desk import HelpDesk
from kiosk.domain.models import AttendeeStatus
from kiosk.domain.pins import hash_pin
from kiosk.domain.roles import Role
from kiosk.printing import JobState, PrintQueue
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.alerts import set_flag
from kiosk.store.operators import add_operator
from kiosk.store.programme import booked_attendees
from kiosk.ui.console.window import desk_window, fit_to_screen
from kiosk.ui.i18n import Languages
from kiosk.ui.resources import load_fonts


def busy_morning(store: Store) -> None:
    """Three quarters of the demo attendees arrive between 08:30 and 10:00."""
    event = store.event()
    day = event.first_day or dt.date.today()
    start = dt.datetime.combine(day, dt.time(8, 30), event.zone)
    rng = random.Random(9)
    people = store.attendees(status=AttendeeStatus.ACTIVE)
    arrivals = sorted(rng.sample(people, k=len(people) * 3 // 4), key=lambda _: rng.random())
    for index, attendee in enumerate(arrivals):
        at = start + dt.timedelta(minutes=90 * (index / len(arrivals)) ** 0.7)
        Station(
            store, name=rng.choice(["kiosk-1", "kiosk-2", "help-desk"]), clock=lambda a=at: a
        ).scan(attendee.code)
    queue = PrintQueue(store)
    job = queue.enqueue(arrivals[0].id, "reprint")
    assert job is not None
    queue.transition(
        job, JobState.QUEUED, state=JobState.FAILED, error="The printer is out of paper."
    )


def certificates_sent(store: Store) -> None:
    """The Email tab after a run: the certificates of the morning's arrivals
    sent, one refused by the attendee's server, two waiting for a retry."""
    from kiosk.mail.plan import queue_planned
    from kiosk.store import outbox
    from kiosk.store.outbox import MailKind

    Settings(store).set("email.server", "smtp://events%40example.org@mail.example.org:587")
    queue_planned(store, MailKind.CERTIFICATE)
    queued = outbox.messages(store)
    for message in queued[:-3]:
        outbox.mark_sent(store, message.id, "250 2.0.0 OK queued")
    outbox.mark_failed(store, queued[-3].id, "550 5.1.1 The email account does not exist")
    for message in queued[-2:]:
        outbox.mark_retry(store, message.id, "451 4.7.1 Try again later", None)


def help_desk_alerts(store: Store) -> None:
    """At 10:02 a flagged speaker checks in at kiosk-2 and a watched guest at
    door-2: the console's banner shows both, open (nobody handled them yet)."""
    event = store.event()
    day = event.first_day or dt.date.today()
    at = dt.datetime.combine(day, dt.time(10, 2), event.zone)
    waiting = [
        a
        for a in store.attendees(status=AttendeeStatus.ACTIVE)
        if not store.entries_for(a.id, None)
    ]
    speaker, guest = waiting[:2]
    set_flag(store, speaker.id, note="Speaker: send to the green room", station="desk", operator="")
    set_flag(store, guest.id, notify=True, station="desk", operator="")
    for attendee, door in ((speaker, "kiosk-2"), (guest, "door-2")):
        Station(store, name=door, clock=lambda: at).scan(attendee.code)


def programme_shots(app: QApplication, window, tabs, folder: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """The session form saying what is wrong, and at the console a check-in
    to the Learning Lab (booking required) refused, then Admit anyway's reason."""

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(20):
            app.processEvents()
        widget.grab().save(str(folder / f"{name}{suffix}.png"))
        print(folder / f"{name}{suffix}.png")

    store = tabs.desk.store
    tabs.setCurrentWidget(tabs.sessions)
    tabs.sessions.table.setCurrentCell(2, 0)
    tabs.sessions.ask_edit()
    form = tabs.sessions.session_dialog
    form.capacity.setValue(0)
    form.end.setTime(form.start.time().addSecs(-900))
    save(form, "desk-session-form")
    form.reject()
    lab = next(s for s in store.sessions() if s.booking_required)
    booked = booked_attendees(store, lab.id)
    walk_in = next(a for a in store.attendees(status=AttendeeStatus.ACTIVE) if a.id not in booked)
    tabs.setCurrentWidget(tabs.console)
    console = tabs.console
    console.search.setText(walk_in.code)
    console.refresh()
    console.choose_by_hand(walk_in.id)
    console.target.choose(lab.id)
    console.desk_actions.check_in()
    save(window, "desk-refused")
    console.desk_actions.ask_override()
    dialog = console.desk_actions.override_dialog
    dialog.reason.setText("Invited by the lab's facilitator")
    save(dialog, "desk-override")
    dialog.reject()
    console.target.choose(None)


def volunteer_shots(app: QApplication, window, tabs, folder: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """With volunteer accounts: the sign-in the desk shows first, then the
    console of a volunteer in the scanner role (what they may not do greyed)."""
    store = tabs.desk.store
    add_operator(store, "Sam Okafor", Role.SCANNER, hash_pin("2468"))
    add_operator(store, "Ola Berg", Role.SUPERVISOR, hash_pin("8642"))
    tabs.lock("screenshot")
    tabs.sign_in.name.setText("Sam Okafor")
    for name in ("desk-sign-in", "desk-scanner"):
        if name == "desk-scanner":
            tabs.sign_in.pin.setText("2468")
            tabs.sign_in.submit()
            tabs.console.search.setText("siobhan")
            tabs.console.refresh()
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(folder / f"{name}{suffix}.png"))
        print(folder / f"{name}{suffix}.png")


def main(folder: Path, size: str = "", language: str = "en") -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    load_fonts()
    Languages(app).set_language(language)
    suffix = f"-{size}-{language}" if size else ""
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        # A relative event file, so no path of this machine shows; and the
        # demo morning yesterday, so the clock check sees no check-in ahead of it.
        os.chdir(temp)
        store = Store.open(Path("event.db"), create=True)
        create_demo_event(store, today=dt.date.today() - dt.timedelta(days=1))
        busy_morning(store)
        desk = HelpDesk(store, operator="volunteer", printer=PrintQueue(store))
        day = store.event().first_day or dt.date.today()
        desk.station.clock = lambda: dt.datetime.combine(day, dt.time(10, 5), store.event().zone)
        window, tabs = desk_window(desk)
        if size:
            width, height = (int(n) for n in size.split("x"))
            fit_to_screen(window, QRect(0, 0, width, height))
        else:  # the README's shot, as it always was
            tabs.console.back_button.show()
            window.resize(1280, 800)
        window.show()
        tabs.console.search.setText("siobhan")
        tabs.console.refresh()
        certificates_sent(store)
        pages = {
            "console": tabs.console,
            "overview": tabs.overview,
            "sessions": tabs.sessions,
            "health": tabs.health,
            "settings": tabs.settings,
            "email": tabs.email,
        }
        for name, page in pages.items():
            name = f"desk-{name}{suffix}"
            tabs.setCurrentWidget(page)
            for _ in range(20):
                app.processEvents()
            window.grab().save(str(folder / f"{name}.png"))
            print(folder / f"{name}.png")
        help_desk_alerts(store)
        tabs.setCurrentIndex(0)
        tabs.console.alerts.refresh()
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(folder / f"desk-alerts{suffix}.png"))
        print(folder / f"desk-alerts{suffix}.png")
        programme_shots(app, window, tabs, folder, suffix)
        volunteer_shots(app, window, tabs, folder, suffix)
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"), *sys.argv[2:4])

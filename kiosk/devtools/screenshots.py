"""Screenshots of every screen, for the docs and for looking at layouts.

`python -m kiosk.devtools.screenshots OUT_DIR` drives the real window through each
screen on a fresh demo event. Under a real display (Xvfb) it grabs the
window from the screen; offscreen it grabs the widget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.models import Attendee, AttendeeStatus, Result, ScanResult
from kiosk.lost_badges import reissue
from kiosk.operations import DamagedFile, damaged_event_file
from kiosk.scanning.camera_status import CameraStatus
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.backup import backup_database, rotate_backup
from kiosk.store.faults import Fault, fault
from kiosk.store.programme import rooms, sessions_in_room, update_session
from kiosk.store.timestamps import utc_text
from kiosk.sync import SyncStatus
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.flow import FlowController
from kiosk.ui.i18n import Languages
from kiosk.ui.pin import PinGate, hash_pin
from kiosk.ui.recovery import RecoveryController
from kiosk.ui.resources import load_fonts
from kiosk.ui.window import KioskWindow

SIZES = {"1024x600": (1024, 600), "1920x1080": (1920, 1080), "portrait": (1080, 1920)}


def settle(ms: int = 60) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def demo_store(folder: Path) -> Store:
    from kiosk.demo import create_demo_event

    store = Store.open(folder / "demo.db", create=True)
    create_demo_event(store)
    Settings(store).set("kiosk.pin_hash", hash_pin("2468"))
    Settings(store).set("kiosk.help_desk", "by the main entrance")
    return store


def scenes(kiosk: Kiosk, store: Store) -> Iterator[str]:
    """Drive the kiosk into each screen; yields the scene name when it is showing."""
    c: FlowController = kiosk.controller
    active = [a for a in store.attendees() if a.status is AttendeeStatus.ACTIVE]
    cancelled = next(a for a in store.attendees() if a.status is AttendeeStatus.CANCELLED)
    # A plain Latin name shows the layout; the demo's long names are tested elsewhere.
    person = next(a for a in active if a.first_name.isascii() and len(a.first_name) < 9)

    def finish() -> None:
        c._result_finished("screenshot")
        c.queue.clear()

    yield "welcome"
    c.looks.set_large_text(True)
    yield "welcome-large-text"
    c.looks.set_large_text(False)
    preview_frame = _camera_picture(person.code)
    if preview_frame is not None:
        # What a kiosk with a camera shows: the live picture and its framing guide.
        status = c.welcome.status_info["camera"]
        c.set_camera_status(CameraStatus.READY)
        c.welcome.preview.show_frame(preview_frame)
        yield "welcome-camera"
        c.set_camera_status(status)
    # A station joined to a hub while the hub is away: what its bottom line says.
    synced = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=3)
    c.set_sync_status(SyncStatus("hub", False, 12, utc_text(synced), 0))
    yield "welcome-hub-offline"
    c.set_sync_status(None)
    c.handle_scan(person.code)
    yield "result-checked-in"
    finish()
    # Badge self-correction, as a kiosk with a printer shows it: the badge
    # before it prints, then the fix screen with the accents page open.
    fixer = active[1]
    store.update_attendee(fixer.id, {"pronouns": "they/them", "credentials": "RN, MSc"})
    c.badge_check.start(ScanResult(fixer.code, Result.CHECKED_IN, store.attendee(fixer.id)))
    yield "badge-preview"
    c.badge_preview.fix_button.click()
    c.fix_badge.keyboard.show_page(True)
    yield "fix-badge"
    c.fix_badge.keyboard.show_page(False)
    c.fix_badge.back.emit()
    c.switch(c.current.WELCOME, "screenshot")
    c.handle_scan(person.code)
    yield "result-already-checked-in"
    finish()
    c.handle_scan("NO-SUCH-TICKET-42")
    yield "result-unknown-code"
    finish()
    c.handle_scan(cancelled.code)
    yield "result-cancelled"
    finish()
    # A lost badge, replaced at the desk: its old code is scanned.
    lost = active[-2]
    reissue(store, lost.id, station="desk", operator="", at=c.station.clock(), printer=None)
    c.handle_scan(lost.code)
    yield "result-replaced"
    finish()
    clock = c.station.clock
    c.station.clock = lambda: clock() + dt.timedelta(days=30)
    c.handle_scan(active[-1].code)
    c.station.clock = clock
    yield "result-not-valid-now"
    finish()
    c.handle_scan("\x1b[A")
    yield "result-invalid-input"
    finish()
    c.recover()  # what an unexpected error shows (the log has the traceback)
    yield "result-something-went-wrong"
    finish()
    # A scan that could not be saved (here: a full disk) closes the kiosk until
    # a real write works again; the probe of the healthy file reopens it.
    c.save_watch.report(fault(Fault.DISK_FULL, store.path or "event.db"))
    yield "unavailable"
    c.save_watch.try_again()
    c.find_me_requested()
    c.find_me.field.setText(person.first_name[:3])
    yield "find-me"
    c.find_me.field.setText("an")  # more names than slots, and time running out
    c.idle.start(7000)
    c.find_me.refresh_countdown()
    yield "find-me-many"
    c.find_me.field.setText(person.first_name[:3])
    c.idle.touched()
    c.find_me.matches[0].click()
    yield "find-me-confirm"
    c.switch(c.current.WELCOME, "screenshot")
    gate, c.pin_gate = c.pin_gate, PinGate("")  # a kiosk where nobody has set a PIN yet
    c.staff_requested()
    yield "set-pin"
    c.pin_gate = gate
    c.switch(c.current.WELCOME, "screenshot")
    if not c.pin_gate.has_pin:
        # The PIN screens need a PIN; a cheap hash is enough to show them.
        c.pin_gate = PinGate(hash_pin("2468", n=2**10))
    c.staff_requested()
    for _ in range(3):
        c.pin.submitted.emit("1111")
    yield "pin-locked"
    c.pin_gate.locked_until = 0
    c.pin_gate.failures = 0
    c.pin.reset()
    c.pin._digit("2")
    yield "pin"
    c.pin.submitted.emit("2468")
    yield "staff"
    assert c.staff.tabs is not None  # built when the PIN was accepted
    c.staff.tabs.console.search.setText(person.last_name)
    c.staff.tabs.console.refresh()
    yield "staff-search"
    c.staff.keyboard_button.click()
    yield "staff-keyboard"
    c.staff.keyboard_button.click()
    c.staff.ask_exit()
    yield "staff-exit"
    c.staff.stay_button.click()
    c.switch(c.current.WELCOME, "screenshot")
    yield from door_scenes(c, store, active, finish)


def door_scenes(
    c: FlowController, store: Store, active: list[Attendee], finish: Callable[[], None]
) -> Iterator[str]:
    """The kiosk made a room's door (`kiosk run --room`): seats left, full,
    the two refusals, no session now, the entry/exit switch and exit mode."""
    known = rooms(store)
    if not known:
        return
    room = next((r for r in known if r.casefold() == "room 1"), known[0])
    session = sessions_in_room(store, room)[0]
    before = (session.capacity, session.open_to)
    clock = c.station.clock
    c.station.room = room
    c.station.clock = lambda: session.starts_at + dt.timedelta(minutes=5)
    update_session(store, session.id, {"capacity": 40})
    c.follow_door()
    first, second = active[2], active[3]
    c.handle_scan(first.code)
    finish()
    yield "door-seats-left"
    update_session(store, session.id, {"capacity": 1})
    c.follow_door()
    yield "door-full"
    c.handle_scan(second.code)
    yield "result-session-full"
    finish()
    # For a group the second person is not in (the screen never says which).
    group = "Staff" if second.category.casefold() == "fellow" else "Fellow"
    update_session(store, session.id, {"capacity": 40, "open_to": (group,)})
    c.handle_scan(second.code)
    yield "result-not-eligible"
    finish()
    c.staff_requested()
    c.pin.submitted.emit("2468")
    c.staff.door_button.click()  # Door mode: Exit
    yield "staff-door-exit"
    c.staff.back.emit()
    yield "door-exit"
    c.handle_scan(first.code)
    yield "result-checked-out"
    finish()
    c.staff.door_button.click()  # back to entry
    c.station.clock = lambda: session.starts_at - dt.timedelta(hours=1)
    c.follow_door()
    yield "door-no-session"
    c.station.clock, c.station.room = clock, ""
    update_session(store, session.id, {"capacity": before[0], "open_to": before[1]})
    assert c.door is not None
    c.door.stop()
    c.welcome.set_door(None)


def _camera_picture(code: str) -> QImage | None:
    try:
        from kiosk.scanning.synthetic import phone_photo
    except ImportError:
        return None
    return phone_photo(code).scaledToWidth(640)


def damaged_copy(store: Store, folder: Path) -> DamagedFile:
    """A copy of the demo event with a page overwritten, a good backup beside it."""
    assert store.path is not None
    target = folder / "event.db"
    rotate_backup(store.path, folder / "backups")
    backup_database(store.path, target)
    data = bytearray(target.read_bytes())
    data[8192:16384] = b"\xee" * 8192
    target.write_bytes(bytes(data))
    damaged = damaged_event_file(target)
    assert damaged is not None, "the overwritten page went unnoticed"
    return damaged


def recovery_scenes(damaged: DamagedFile) -> Iterator[tuple[str, DamagedFile]]:
    """The damaged-file screen with its backup, and with none found."""
    yield "recovery", damaged
    yield "recovery-no-backup", replace(damaged, backup=None)


def grab(kiosk: Kiosk) -> QPixmap:
    return grab_window(kiosk.window)


def grab_window(window: QWidget) -> QPixmap:
    if QApplication.platformName() == "offscreen":
        return window.grab()
    screen = window.screen()
    return screen.grabWindow(window.winId())


def capture(
    out: Path,
    variants: list[tuple[str, str, bool, str]],
    only: Callable[[str, str], bool] = lambda size, scene: True,
) -> list[Path]:
    """variants: (file prefix, language, high contrast, size name)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    load_fonts()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    languages = Languages(app)
    with tempfile.TemporaryDirectory() as folder:
        for prefix, language, contrast, size in variants:
            store = demo_store(Path(folder) / prefix)
            kiosk = build_kiosk(store, locked=False, camera=False, languages=languages)
            kiosk.controller.set_camera_status(CameraStatus.NO_CAMERA)
            kiosk.window.resize(*SIZES[size])
            kiosk.window.show()
            for scene in scenes(kiosk, store):
                if not only(size, scene):
                    continue
                # Appearance resets after each attendee, as at a real kiosk.
                looks = kiosk.controller.looks
                looks.appearance.language = language
                looks.appearance.high_contrast = contrast
                looks.apply()
                settle()
                path = out / f"{prefix}-{scene}.png"
                grab(kiosk).save(str(path))
                written.append(path)
            kiosk.window.allow_close = True
            kiosk.window.close()
            # Every window over this store goes before the store closes: a
            # language change would reach a leftover console, which reads it.
            for widget in QApplication.topLevelWidgets():
                widget.close()
                widget.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            damaged = damaged_copy(store, Path(folder) / f"{prefix}-damaged")
            store.close()
            settle()
            for scene, shown in recovery_scenes(damaged):
                if not only(size, scene):
                    continue
                window = KioskWindow(locked=False)
                recovery = RecoveryController(window, shown, languages)
                recovery.set_appearance(language, contrast, False)
                window.resize(*SIZES[size])
                window.show()
                settle()
                path = out / f"{prefix}-{scene}.png"
                grab_window(window).save(str(path))
                written.append(path)
                recovery.watch.stop()
                window.close()
                window.deleteLater()
                settle()
    return written


DEFAULT_VARIANTS = [
    ("en", "en", False, "1024x600"),
    ("fr", "fr", False, "1024x600"),
    ("en-contrast", "en", True, "1024x600"),
    ("en-1920", "en", False, "1920x1080"),
    ("fr-portrait", "fr", False, "portrait"),
]
BIG_SCENES = {
    "welcome",
    "welcome-large-text",
    "result-unknown-code",
    "result-invalid-input",
    "find-me-many",
    "staff-keyboard",
    "staff-exit",
    "welcome-camera",
    "result-checked-in",
    "find-me",
    "pin",
    "set-pin",
    "unavailable",
    "recovery",
    "badge-preview",
    "fix-badge",
    "door-seats-left",
    "door-no-session",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    written = capture(
        args.out,
        DEFAULT_VARIANTS,
        only=lambda size, scene: size == "1024x600" or scene in BIG_SCENES,
    )
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

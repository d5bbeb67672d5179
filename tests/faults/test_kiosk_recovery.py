"""The kiosk on a damaged event file: check-in paused, the newest good backup
offered to staff behind the PIN stored in that backup (pytest-qt, real files
with bytes flipped)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import admitted_in_file, make_event
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from test_restore_and_damage import flip

from kiosk.domain.models import Result
from kiosk.operations import DamagedFile, damaged_event_file
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.backup import quick_check, rotate_backup
from kiosk.store.live import register as register_live
from kiosk.ui.app import build_kiosk
from kiosk.ui.flow import Screen
from kiosk.ui.pin import hash_pin, verify_pin
from kiosk.ui.recovery import RecoveryController, RecoveryScreen
from kiosk.ui.window import KioskWindow

pytestmark = pytest.mark.faults

PAGE = 4096


def damage(db: Path, where: str) -> None:
    """Bytes flipped in the schema page or a data page, or the file cut short."""
    if where == "schema":
        flip(db, 100 + 8, 600)
    elif where == "data":
        flip(db, PAGE * 8, PAGE)
    else:
        with open(db, "r+b") as handle:
            handle.truncate(PAGE * 3)


def event_with_backup(
    tmp_path: Path, *, pin: str | None = "2468", folder: str = "backups"
) -> tuple[Path, Path, list[str]]:
    """A demo event, its staff PIN set, backed up into `folder` beside it."""
    db = tmp_path / "event.db"
    codes = make_event(db)
    store = Store.open(db)
    if pin is not None:
        # A cheap hash keeps the test quick; its cost travels inside the string.
        Settings(store).set("kiosk.pin_hash", hash_pin(pin, n=2**10))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return db, rotate_backup(db, tmp_path / folder), codes


def personal_data(db: Path) -> list[str]:
    store = Store.open(db)
    try:
        return [
            text
            for a in store.attendees()
            for text in (a.first_name, a.last_name, a.email, a.code)
            if text
        ]
    finally:
        store.close()


def shown(controller: RecoveryController) -> str:
    view = controller.window.stack.currentWidget()
    texts = [
        w.text()
        for w in view.findChildren(QLabel) + view.findChildren(QAbstractButton)
        if w.isVisibleTo(view) and w.text()
    ]
    return "\n".join(texts)


@pytest.fixture
def screens(qtbot) -> Iterator[list[RecoveryController]]:  # type: ignore[no-untyped-def]
    built: list[RecoveryController] = []
    yield built
    for controller in built:
        controller.watch.stop()
        controller.window.allow_close = True


def recovery(qtbot, screens, damaged: DamagedFile) -> RecoveryController:  # type: ignore[no-untyped-def]
    window = KioskWindow(locked=False)
    qtbot.addWidget(window)
    controller = RecoveryController(window, damaged)
    window.resize(1024, 600)
    window.show()
    screens.append(controller)
    return controller


def enter(qtbot, controller: RecoveryController, pin: str, pad=None) -> None:  # type: ignore[no-untyped-def]
    pad = pad or controller.pin.pad
    for digit in pin:
        qtbot.mouseClick(pad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok, Qt.MouseButton.LeftButton)


@pytest.mark.expected_log("kiosk.store", "failed its integrity check", level="ERROR")
@pytest.mark.expected_log("kiosk.store", "damaged (DatabaseError", level="ERROR")
@pytest.mark.parametrize("where", ["schema", "data", "truncated"])
def test_damaged_file_pauses_check_in_and_offers_the_backup_by_its_time(
    qtbot, screens, tmp_path: Path, where: str
) -> None:  # type: ignore[no-untyped-def]
    db, good, _ = event_with_backup(tmp_path)
    people = personal_data(db)
    damage(db, where)
    damaged = damaged_event_file(db)
    assert damaged is not None and damaged.backup == good
    c = recovery(qtbot, screens, damaged)
    assert c.current is RecoveryScreen.NOTICE
    text = shown(c)
    assert "This event file is damaged. Check-in is paused." in text
    taken = dt.datetime.fromtimestamp(good.stat().st_mtime).strftime("%H:%M")
    assert f"Staff: restore the backup from {taken}." in text
    assert "Restore the backup" in text
    assert not [p for p in people if p in text]  # no attendee data on the screen
    assert quick_check(db) is not None  # nothing is changed until staff ask


def test_a_healthy_file_needs_no_recovery(tmp_path: Path) -> None:
    db, _, _ = event_with_backup(tmp_path)
    assert damaged_event_file(db) is None


@pytest.mark.expected_log("kiosk.store", "failed its integrity check", level="ERROR")
@pytest.mark.expected_log("kiosk.store", "damaged (DatabaseError", level="ERROR")
@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
def test_the_pin_in_the_backup_restores_it_and_the_kiosk_then_admits(
    qtbot, screens, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, _, codes = event_with_backup(tmp_path, pin="2468")
    store = Store.open(db)  # the PIN changed after the backup: the damaged file's is not asked
    Settings(store).set("kiosk.pin_hash", hash_pin("1111", n=2**10))
    store.close()
    damage(db, "schema")
    damaged = damaged_event_file(db)
    assert damaged is not None
    c = recovery(qtbot, screens, damaged)
    qtbot.mouseClick(c.notice.restore, Qt.MouseButton.LeftButton)
    assert c.current is RecoveryScreen.PIN
    enter(qtbot, c, "1111")
    assert c.pin.message.text() == "Wrong PIN. Try again."
    assert quick_check(db) is not None
    with qtbot.waitSignal(c.recovered, timeout=10000):
        enter(qtbot, c, "2468")
    assert quick_check(db) is None
    copies = list(tmp_path.glob("event-replaced-*.db"))
    assert len(copies) == 1 and quick_check(copies[0]) is not None  # the damaged file, kept
    # The kiosk starts on the restored file and the next scan is admitted.
    restored = Store.open(db)
    kiosk = build_kiosk(restored, station_name="kiosk-1", camera=False)
    qtbot.addWidget(kiosk.window)
    try:
        assert kiosk.controller.current is Screen.WELCOME
        kiosk.controller.handle_scan(codes[0])
        assert kiosk.controller.history[-1] == (Screen.RESULT, f"result {Result.CHECKED_IN}")
    finally:
        kiosk.window.allow_close = True
        QApplication.instance().removeEventFilter(kiosk.wedge)  # type: ignore[union-attr]
        restored.close()
    assert codes[0] in admitted_in_file(db)


@pytest.mark.expected_log("kiosk.store", "failed its integrity check", level="ERROR")
@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
def test_wrong_pins_lock_the_recovery_pad_and_restore_nothing(
    qtbot, screens, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = event_with_backup(tmp_path)
    damage(db, "data")
    damaged = damaged_event_file(db)
    assert damaged is not None
    c = recovery(qtbot, screens, damaged)
    c.staff_requested()
    for guess in ("1111", "1112", "1113"):
        enter(qtbot, c, guess)
    assert c.pin.message.text() == "Too many wrong PINs. Try again in 10 s."
    assert not c.pin.pad.buttons["2"].isEnabled()
    qtbot.mouseClick(c.pin.cancel, Qt.MouseButton.LeftButton)
    assert c.current is RecoveryScreen.NOTICE
    assert quick_check(db) is not None
    assert not list(tmp_path.glob("event-replaced-*.db"))


@pytest.mark.expected_log("kiosk.store", "failed its integrity check", level="ERROR")
@pytest.mark.expected_log("kiosk.store", "damaged (DatabaseError", level="ERROR")
def test_with_no_pin_in_the_backup_staff_set_one_which_the_restored_file_keeps(
    qtbot, screens, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = event_with_backup(tmp_path, pin=None)
    damage(db, "schema")
    damaged = damaged_event_file(db)
    assert damaged is not None
    c = recovery(qtbot, screens, damaged)
    c.staff_requested()
    assert c.current is RecoveryScreen.SET_PIN
    enter(qtbot, c, "2468", c.set_pin.pad)
    enter(qtbot, c, "1357", c.set_pin.pad)
    assert c.set_pin.message.text() == "The two PINs differ. Choose one again."
    assert quick_check(db) is not None
    enter(qtbot, c, "2468", c.set_pin.pad)
    with qtbot.waitSignal(c.recovered, timeout=10000):
        enter(qtbot, c, "2468", c.set_pin.pad)
    store = Store.open(db)
    try:
        assert verify_pin("2468", Settings(store).get("kiosk.pin_hash"))
    finally:
        store.close()


@pytest.mark.expected_log("kiosk.store", "failed its integrity check", level="ERROR")
@pytest.mark.expected_log("kiosk.store", "damaged (DatabaseError", level="ERROR")
@pytest.mark.expected_log("kiosk.ui", "the backup was not restored")
def test_a_refused_restore_is_said_on_the_screen(qtbot, screens, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = event_with_backup(tmp_path)
    damage(db, "truncated")
    damaged = damaged_event_file(db)
    assert damaged is not None
    other = register_live(db, "door-9", "kiosk scan")  # another station still has it open
    try:
        c = recovery(qtbot, screens, damaged)
        c.staff_requested()
        enter(qtbot, c, "2468")
        assert c.current is RecoveryScreen.NOTICE
        assert "The backup could not be restored:" in shown(c)
        assert "door-9" in shown(c)
        assert quick_check(db) is not None
    finally:
        assert other is not None
        other.close()


@pytest.mark.expected_log("kiosk.store", "failed its integrity check", level="ERROR")
@pytest.mark.expected_log("kiosk.store", "damaged (DatabaseError", level="ERROR")
def test_without_a_good_backup_it_says_what_to_do_and_starts_once_restored(
    qtbot, screens, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, kept_elsewhere, _ = event_with_backup(tmp_path, folder="usb-stick")
    damage(db, "schema")
    damaged = damaged_event_file(db)
    assert damaged is not None and damaged.backup is None
    c = recovery(qtbot, screens, damaged)
    text = shown(c)
    assert "No good backup was found." in text and "kiosk\u00a0restore" in text
    assert "Restore the backup" not in text
    c.staff_requested()
    assert c.current is RecoveryScreen.NOTICE  # nothing to restore here
    # Staff restore the backup from the stick in a terminal; the screen notices.
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "restore", str(kept_elsewhere), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    c.watch.setInterval(50)
    with qtbot.waitSignal(c.recovered, timeout=10000):
        pass

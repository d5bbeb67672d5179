"""The kiosk and lost badges: a replaced code sends the holder to the desk
(English and French, no name shown); `kiosk run --print-only` prints the
badge for a scan and admits nobody."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_ui_helpers import NOW, Roster, all_text

from kiosk.lost_badges import reissue
from kiosk.store import Store
from kiosk.ui.app import Kiosk, build_kiosk, make_print_service
from kiosk.ui.flow import Screen
from kiosk.ui.i18n import Languages


def test_a_replaced_badge_sends_its_holder_to_the_desk_without_a_name(
    kiosk: Kiosk, roster: Roster, store: Store, languages: Languages
) -> None:
    reissue(store, roster.zoe.id, station="desk", operator="", at=NOW, printer=None)
    kiosk.wedge.scanned.emit(roster.zoe.code)
    result = kiosk.controller.result
    assert kiosk.controller.history[-1] == (Screen.RESULT, "result replaced")
    assert result.headline.text() == "This badge was replaced"
    text = all_text(result)
    assert "Please see the help desk." in text
    assert "Zoë" not in text and "Brennan" not in text
    assert result.icon.kind == "stop"
    assert store.log_entries() == []
    kiosk.controller._result_finished("test")
    languages.set_language("fr")
    kiosk.wedge.scanned.emit(roster.zoe.code)
    assert result.headline.text() == "Ce badge a été remplacé"
    assert "Merci de vous adresser à l’accueil." in all_text(result)


@pytest.fixture
def file_store(db_path: Path) -> Iterator[Store]:
    store = Store.open(db_path)
    store.add_attendee({"code": "PRINT-ME-0001", "first_name": "Aiko", "last_name": "Tanaka"})
    store.add_attendee({"code": "GONE-0002", "first_name": "Ruth", "status": "cancelled"})
    yield store
    store.close()


@pytest.mark.expected_log("kiosk.ui", "no staff PIN set")
def test_print_only_prints_the_badge_and_admits_nobody(
    qtbot, file_store: Store, languages: Languages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "badges"
    folder.mkdir()
    file_store.set_setting("printer", f"folder:{folder}")
    service = make_print_service(file_store)
    assert service is not None
    try:
        kiosk = build_kiosk(
            file_store, languages=languages, locked=False, camera=False,
            print_service=service, print_only=True,
        )  # fmt: skip
        qtbot.addWidget(kiosk.window)
        kiosk.window.show()
        kiosk.wedge.scanned.emit("PRINT-ME-0001")
        result = kiosk.controller.result
        assert result.headline.text() == "Hello, Aiko!"
        qtbot.waitUntil(lambda: "Your badge is ready" in all_text(result), timeout=15000)
        assert len(list(folder.glob("*.pdf"))) == 1
        # A second scan: no second badge at a self-service station.
        result.done_button.click()
        kiosk.wedge.scanned.emit("PRINT-ME-0001")
        qtbot.waitUntil(lambda: "printed before" in all_text(result), timeout=5000)
        assert service.printed_count(1) == 1
        # A cancelled registration gets no badge.
        result.done_button.click()
        kiosk.wedge.scanned.emit("GONE-0002")
        assert result.headline.text() == "Registration cancelled"
        assert file_store.log_entries() == []
        assert len(service.jobs()) == 1
    finally:
        service.stop()


def test_kiosk_run_print_only_starts_as_a_badge_desk(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    kiosk = [sys.executable, "-m", "kiosk"]
    made = subprocess.run([*kiosk, "demo", "--db", str(db)], capture_output=True, env=env)
    assert made.returncode == 0
    run = [*kiosk, "-v", "run", "--db", str(db), "--smoke", "--print-only"]
    result = subprocess.run(run, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "print-only station: badges for scans, nobody admitted" in result.stderr
    assert "Traceback" not in result.stderr

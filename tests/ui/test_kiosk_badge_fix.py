"""Badge self-correction at the kiosk, driven with pytest-qt on a real kiosk
with a real print service (a hot folder): the preview after a check-in, a fix
typed on the name keyboard, the PDF that reaches the printer, the audit line,
the time-out that prints the badge unchanged, and the organiser's choice of
what may be fixed."""

from __future__ import annotations

import html
import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from kiosk_ui_helpers import NOW, all_text
from PySide6.QtCore import QCoreApplication, Qt

from kiosk.desk import HelpDesk
from kiosk.self_correction import ACTION
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.store.audit import audit_entries
from kiosk.ui.app import Kiosk, build_kiosk, make_print_service
from kiosk.ui.console.details import DetailsPanel
from kiosk.ui.flow import Screen
from kiosk.ui.views.fix_badge import FixBadgeView
from kiosk.ui.widgets.name_keyboard import NameKeyboard

CODE = "FIX-ME-0001"
pytestmark = pytest.mark.expected_log("kiosk.ui", "no staff PIN set")


@pytest.fixture
def event(db_path: Path) -> Iterator[Store]:
    store = Store.open(db_path)
    store.add_attendee(
        {"code": CODE, "first_name": "Zoe", "last_name": "Obrien", "organisation": "Imperial"}
    )
    yield store
    store.close()


@pytest.fixture
def badge_folder(event: Store, tmp_path: Path) -> Path:
    folder = tmp_path / "printer"
    folder.mkdir()
    event.set_setting("printer", f"folder:{folder}")
    return folder


@pytest.fixture
def printing_kiosk(qtbot, event: Store, badge_folder: Path, languages) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    pytest.importorskip("kiosk.printing.qt_service", reason="the printing package is not here")
    service = make_print_service(event)
    assert service is not None and not service.saves_only
    built = build_kiosk(
        event, languages=languages, locked=False, print_service=service, camera=False
    )
    built.controller.station.clock = lambda: NOW
    qtbot.addWidget(built.window)
    built.window.resize(1024, 600)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built
    service.stop()
    # The worker's last job_changed, queued for this thread, arrives while the
    # event file is still open.
    QCoreApplication.processEvents()


def _press(qtbot, keyboard: NameKeyboard, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` key by key, turning to the accents page and Shift as a person would."""
    for character in text:
        if character == " ":
            qtbot.mouseClick(keyboard.space, Qt.MouseButton.LeftButton)
            continue
        lower = character.lower()
        accented = lower not in "qwertyuiopasdfghjklzxcvbnm'-.,/"
        if accented != keyboard.accents_shown:
            qtbot.mouseClick(keyboard.page, Qt.MouseButton.LeftButton)
        if character.isalpha() and character.isupper() != keyboard.shift.isChecked():
            qtbot.mouseClick(keyboard.shift, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(keyboard.characters[lower], Qt.MouseButton.LeftButton)


def _clear(qtbot, view: FixBadgeView, field: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.fields[field], Qt.MouseButton.LeftButton)
    for _ in view.fields[field].text():
        qtbot.mouseClick(view.keyboard.delete, Qt.MouseButton.LeftButton)


def _printed_text(qtbot, folder: Path) -> str:  # type: ignore[no-untyped-def]
    """The text of the one badge PDF the printer's folder received."""
    qtbot.waitUntil(lambda: len(list(folder.glob("*.pdf"))) == 1, timeout=15000)
    (pdf,) = folder.glob("*.pdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_a_fix_typed_at_the_kiosk_is_printed_and_audited(
    qtbot, printing_kiosk: Kiosk, event: Store, badge_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    kiosk = printing_kiosk
    flow = kiosk.controller
    kiosk.wedge.scanned.emit(CODE)
    assert flow.current is Screen.BADGE_PREVIEW
    assert not flow.badge_preview.badge.image.isNull()  # the badge's own PDF, rasterised
    assert flow.badge_preview.headline.text() == "Welcome, Zoe!"
    assert not list(badge_folder.glob("*")), "nothing prints while the attendee looks"

    qtbot.mouseClick(flow.badge_preview.fix_button, Qt.MouseButton.LeftButton)
    assert flow.current is Screen.FIX_BADGE
    fix = flow.fix_badge
    assert fix.editable() == ["first_name", "last_name", "pronouns", "credentials"]
    assert fix.fields["last_name"].text() == "Obrien"

    _clear(qtbot, fix, "first_name")
    _press(qtbot, fix.keyboard, "Zoë")
    _clear(qtbot, fix, "last_name")
    _press(qtbot, fix.keyboard, "Ó Briain-O'Neill")
    qtbot.mouseClick(fix.fields["pronouns"], Qt.MouseButton.LeftButton)
    _press(qtbot, fix.keyboard, "she/her")
    qtbot.mouseClick(fix.fields["credentials"], Qt.MouseButton.LeftButton)
    _press(qtbot, fix.keyboard, "RN, MSc")
    assert fix.fields["first_name"].text() == "Zoë"
    assert fix.fields["last_name"].text() == "Ó Briain-O'Neill"
    qtbot.mouseClick(fix.save_button, Qt.MouseButton.LeftButton)

    # Back on the preview, now showing the fixed badge; Print sends it.
    assert flow.current is Screen.BADGE_PREVIEW
    assert flow.badge_preview.headline.text() == "Welcome, Zoë!"
    qtbot.mouseClick(flow.badge_preview.print_button, Qt.MouseButton.LeftButton)
    assert flow.current is Screen.RESULT
    assert flow.result.headline.text() == "Welcome, Zoë!"

    printed = _printed_text(qtbot, badge_folder)
    assert "Zoë" in printed and "Ó Briain-O'Neill, RN, MSc" in printed and "she/her" in printed
    assert "Obrien" not in printed

    (line,) = [e for e in audit_entries(event) if e.action == ACTION]
    assert line.details == {
        "before": {
            "first_name": "Zoe",
            "last_name": "Obrien",
            "pronouns": "",
            "credentials": "",
        },
        "after": {
            "first_name": "Zoë",
            "last_name": "Ó Briain-O'Neill",
            "pronouns": "she/her",
            "credentials": "RN, MSc",
        },
    }
    assert line.station == flow.station.name
    stored = event.attendee_by_code(CODE)
    assert stored is not None and stored.credentials == "RN, MSc"

    # The help desk sees the fix, before and after, in the attendee's details.
    panel = DetailsPanel(HelpDesk(event, "desk"))
    qtbot.addWidget(panel)
    panel.show_attendee(stored)
    details = html.unescape(panel.text.text())
    assert "Fixed at the kiosk" in details
    assert "Obrien → Ó Briain-O'Neill" in details and "she/her" in details


def test_left_alone_the_preview_prints_the_badge_unchanged(
    qtbot, printing_kiosk: Kiosk, event: Store, badge_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    kiosk = printing_kiosk
    Settings(event).set("kiosk.preview_seconds", 3)
    flow = kiosk.controller
    kiosk.wedge.scanned.emit(CODE)
    assert flow.current is Screen.BADGE_PREVIEW
    assert "3 s" in flow.badge_preview.countdown.text()
    qtbot.waitUntil(lambda: flow.current is Screen.RESULT, timeout=10000)
    assert "badge_preview" in [screen.value for screen, _ in flow.history]
    printed = _printed_text(qtbot, badge_folder)
    assert "Zoe" in printed and "Obrien" in printed
    assert not [e for e in audit_entries(event) if e.action == ACTION]


def test_walking_away_from_the_fix_screen_prints_the_badge_as_it_stands(
    qtbot, printing_kiosk: Kiosk, event: Store, badge_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    kiosk = printing_kiosk
    flow = kiosk.controller
    kiosk.wedge.scanned.emit(CODE)
    qtbot.mouseClick(flow.badge_preview.fix_button, Qt.MouseButton.LeftButton)
    _press(qtbot, flow.fix_badge.keyboard, "x")  # typed, never saved
    flow.idle.timeout.emit()  # the kiosk's idle time-out on a public screen
    assert flow.current is Screen.WELCOME
    printed = _printed_text(qtbot, badge_folder)
    assert "Obrien" in printed and "Zoex" not in printed
    assert not [e for e in audit_entries(event) if e.action == ACTION]


def test_only_the_fields_the_organiser_allows_are_offered(
    qtbot, printing_kiosk: Kiosk, event: Store
) -> None:  # type: ignore[no-untyped-def]
    kiosk = printing_kiosk
    Settings(event).set("kiosk.editable_badge_fields", "pronouns")
    flow = kiosk.controller
    kiosk.wedge.scanned.emit(CODE)
    qtbot.mouseClick(flow.badge_preview.fix_button, Qt.MouseButton.LeftButton)
    fix = flow.fix_badge
    assert fix.editable() == ["pronouns"]
    for name in ("first_name", "last_name", "credentials", "organisation", "job_title"):
        assert not fix.fields[name].isVisible() and not fix.fields[name].isEnabled(), name
    assert "Obrien" not in all_text(fix)
    # A save carries only what is offered.
    saved: list[dict[str, str]] = []
    fix.saved.connect(saved.append)
    _press(qtbot, fix.keyboard, "they/them")
    qtbot.mouseClick(fix.save_button, Qt.MouseButton.LeftButton)
    assert saved == [{"pronouns": "they/them"}]
    stored = event.attendee_by_code(CODE)
    assert stored is not None and (stored.first_name, stored.pronouns) == ("Zoe", "they/them")


def test_with_nothing_allowed_the_preview_offers_print_only(
    qtbot, printing_kiosk: Kiosk, event: Store
) -> None:  # type: ignore[no-untyped-def]
    kiosk = printing_kiosk
    Settings(event).set("kiosk.editable_badge_fields", "")
    kiosk.wedge.scanned.emit(CODE)
    preview = kiosk.controller.badge_preview
    assert kiosk.controller.current is Screen.BADGE_PREVIEW
    assert preview.print_button.isVisible() and not preview.fix_button.isVisible()


def test_with_printing_off_a_check_in_shows_the_result_as_before(controller, roster) -> None:  # type: ignore[no-untyped-def]
    assert controller.badges.service is None
    controller.handle_scan(roster.zoe.code)
    assert controller.current is Screen.RESULT
    assert Screen.BADGE_PREVIEW not in [screen for screen, _ in controller.history]


def test_the_name_keyboard_has_accents_capitals_hyphen_and_apostrophe(qtbot) -> None:  # type: ignore[no-untyped-def]
    keyboard = NameKeyboard()
    qtbot.addWidget(keyboard)
    typed: list[str] = []
    keyboard.typed.connect(typed.append)
    for character in "-'":
        assert character in keyboard.characters
    for character in "éèçñöøłßáíóú":
        assert character in keyboard.characters, character
    keyboard.show()
    _press(qtbot, keyboard, "Ó'Dé-Łu")
    assert "".join(typed) == "Ó'Dé-Łu"


@pytest.mark.expected_log("kiosk.ui", "badge preview could not be drawn", level="ERROR")
def test_a_badge_that_cannot_be_drawn_goes_to_the_result_and_the_print_queue(
    qtbot, printing_kiosk: Kiosk, event: Store, badge_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    Settings(event).set("badge.template", "no-such-template")
    flow = printing_kiosk.controller
    printing_kiosk.wedge.scanned.emit(CODE)
    # Admitted as always: the result screen, and the badge sent.
    assert flow.current is Screen.RESULT
    assert flow.result.headline.text() == "Welcome, Zoe!"
    assert Screen.BADGE_PREVIEW not in [screen for screen, _ in flow.history]
    assert "Zoe" in _printed_text(qtbot, badge_folder)

"""The setup wizard end to end: a new event from an Eventbrite export to a
test badge out of the CUPS-PDF printer, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from print_helpers import PDF_QUEUE
from private_cups import PrivateCups

from kiosk.settings import Settings
from kiosk.ui.pin import verify_pin
from kiosk.ui.wizard.wizard import SetupWizard

SAMPLES = Path(__file__).resolve().parents[1] / "io" / "data"


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> SetupWizard:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_new_event_from_eventbrite_to_a_printed_test_badge(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: SetupWizard,
    pdf_printer: PrivateCups,
    tmp_path: Path,
) -> None:
    event = wizard.event_page
    assert not event.isComplete()
    qtbot.keyClicks(event.name, "Spring Learning Event")
    qtbot.keyClicks(event.venue, "St Paul's Centre")
    wizard.next()
    assert wizard.currentPage() is wizard.roster_page
    assert wizard.db_path == tmp_path / "event.db"

    roster = wizard.roster_page
    assert not roster.isComplete()
    roster.path.setText(str(SAMPLES / "eventbrite-attendees.csv"))
    roster.check_file()
    assert "Will import: imported" in roster.report.toPlainText()
    assert wizard.store is not None and wizard.store.attendees() == [], "a dry run writes nothing"
    wizard.next()
    assert wizard.currentPage() is wizard.programme_page  # optional: no sessions
    wizard.next()
    assert wizard.currentPage() is wizard.badge_page
    imported = wizard.store.attendees()
    assert len(imported) > 10
    assert wizard.store.attendee_by_code("7412300000900000000001") is not None

    badge = wizard.badge_page
    assert badge.preview.pixmap() is not None and not badge.preview.pixmap().isNull()
    badge.template.setCurrentIndex(badge.template.findData("4x3in"))
    wizard.next()
    assert Settings(wizard.store).get("badge.template") == "4x3in"

    printer = wizard.printer_page
    queue = f"cups:{PDF_QUEUE}"
    assert printer.printer.findText(queue) >= 0, "the CUPS queue is offered"
    printer.printer.setCurrentIndex(printer.printer.findText(queue))
    printer.test.click()
    qtbot.waitUntil(
        lambda: "printed" in printer.status.text() or "has the" in printer.status.text(),
        timeout=60_000,
    )
    qtbot.waitUntil(lambda: bool(pdf_printer.outputs()), timeout=60_000)
    wizard.next()
    assert Settings(wizard.store).get("printer") == queue

    station = wizard.station_page
    station.name.setText("door-1")
    qtbot.keyClicks(station.pin, "2468")
    assert not station.isComplete(), "the PIN must be typed twice"
    qtbot.keyClicks(station.pin_again, "2468")
    assert station.isComplete()
    wizard.accept()
    settings = Settings(wizard.store)
    assert settings.get("kiosk.station_name") == "door-1"
    assert verify_pin("2468", settings.get("kiosk.pin_hash"))
    assert "2468" not in str(wizard.store.setting("kiosk.pin_hash"))


def test_unknown_columns_are_mapped_before_import(
    qtbot, wizard: SetupWizard, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    roster_file = tmp_path / "anmeldungen.csv"
    roster_file.write_text("Vorname;Nachname;Firma\nJürgen;Groß;Charité\nAyşe;Yılmaz;\n", "utf-8")
    qtbot.keyClicks(wizard.event_page.name, "Mapped")
    wizard.next()
    roster = wizard.roster_page
    roster.path.setText(str(roster_file))
    roster.check_file()
    assert roster.mapping.isVisible()
    assert not roster.isComplete()
    roster.set_field("Vorname", "first_name")
    roster.set_field("Nachname", "last_name")
    roster.set_field("Firma", "organisation")
    roster.check_file()
    assert roster.isComplete()
    wizard.next()
    assert wizard.store is not None
    names = {(a.first_name, a.last_name, a.organisation) for a in wizard.store.attendees()}
    assert names == {("Jürgen", "Groß", "Charité"), ("Ayşe", "Yılmaz", "")}


def test_bad_event_details_are_explained(qtbot, wizard: SetupWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = wizard.event_page
    qtbot.keyClicks(page.name, "X")
    page.zone.setCurrentText("Mars/Olympus")
    wizard.next()
    assert wizard.currentPage() is page
    assert "time zone" in page.problem.text()

"""The setup wizard's steps driven through its real widgets: what each says,
and that it ends in a running kiosk and help desk."""

from __future__ import annotations

import contextlib
import csv
import os
import signal
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kiosk.settings import Settings
from kiosk.store.live import live_stations
from kiosk.ui.wizard.wizard import SetupWizard

SAMPLES = Path(__file__).resolve().parents[1] / "io" / "data"
EVENTBRITE = SAMPLES / "eventbrite-attendees.csv"


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> SetupWizard:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def through_the_event(qtbot, wizard: SetupWizard, organiser: str = "") -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(wizard.event_page.name, "Spring Learning Event")
    if organiser:
        qtbot.keyClicks(wizard.event_page.organiser, organiser)
    wizard.next()
    assert wizard.currentPage() is wizard.roster_page


def through_the_roster(wizard: SetupWizard, roster: Path = EVENTBRITE) -> None:
    wizard.roster_page.path.setText(str(roster))
    wizard.roster_page.check_file()
    wizard.next()
    assert wizard.currentPage() is wizard.programme_page  # optional: no sessions
    wizard.next()
    assert wizard.currentPage() is wizard.badge_page


def to_the_summary(qtbot, wizard: SetupWizard) -> None:  # type: ignore[no-untyped-def]
    through_the_event(qtbot, wizard, organiser="Dr Ada Lovelace")
    through_the_roster(wizard)
    wizard.badge_page.template.setCurrentIndex(wizard.badge_page.template.findData("avery-5392"))
    wizard.next()
    printer = wizard.printer_page.printer
    printer.setCurrentIndex(printer.findText("none"))
    wizard.next()
    station = wizard.station_page
    station.name.setText("door-1")
    qtbot.keyClicks(station.pin, "2468")
    qtbot.keyClicks(station.pin_again, "2468")
    wizard.next()
    assert wizard.currentPage() is wizard.mail_page  # optional: left empty
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page


def test_mismatched_pins_say_so(qtbot, wizard: SetupWizard) -> None:  # type: ignore[no-untyped-def]
    station = wizard.station_page
    qtbot.keyClicks(station.pin, "2468")
    assert station.problem.text() == "", "nothing to say while the second PIN is not typed"
    qtbot.keyClicks(station.pin_again, "2469")
    assert station.problem.text() == "The two PINs are not the same."
    assert not station.isComplete()
    station.pin_again.setText("2468")
    assert station.problem.text() == "" and station.isComplete()
    station.pin.setText("24a")
    assert station.problem.text() == "The PIN is 4 to 8 digits."


@pytest.mark.parametrize("answer", ["keep", "remove", "stay"])
def test_cancel_asks_before_leaving_a_half_made_event_file(
    qtbot, wizard: SetupWizard, tmp_path: Path, answer: str
) -> None:  # type: ignore[no-untyped-def]
    through_the_event(qtbot, wizard)
    event_file = tmp_path / "event.db"
    assert event_file.exists()
    wizard.reject()  # what Cancel and Escape do
    assert wizard.leaving is not None and wizard.leaving.isVisible()
    assert "event.db" in wizard.leaving.text()
    assert wizard.isVisible(), "nothing happens before the answer"
    button = {
        "keep": wizard.keep_button,
        "remove": wizard.remove_button,
        "stay": wizard.stay_button,
    }[answer]
    button.click()
    assert event_file.exists() is (answer != "remove")
    assert not (tmp_path / "event.db-wal").exists() or answer != "remove"
    assert wizard.isVisible() is (answer == "stay")


def test_cancel_on_an_event_opened_again_leaves_at_once(
    qtbot, wizard: SetupWizard, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    through_the_event(qtbot, wizard)
    wizard.store.close()  # type: ignore[union-attr]
    again = SetupWizard(tmp_path)
    qtbot.addWidget(again)
    again.show()
    again.event_page.open_existing.setChecked(True)
    again.next()
    assert again.currentPage() is again.roster_page
    again.reject()
    assert again.leaving is None and not again.isVisible()
    assert (tmp_path / "event.db").exists()


def test_the_roster_step_names_the_format_the_statuses_and_shows_rows(
    qtbot, wizard: SetupWizard
) -> None:  # type: ignore[no-untyped-def]
    through_the_event(qtbot, wizard)
    roster = wizard.roster_page
    roster.path.setText(str(EVENTBRITE))
    roster.check_file()
    report = roster.report.toPlainText()
    assert "Recognised as an Eventbrite attendee report" in report
    assert "3 rows will be cancelled: Refunded, Not Attending, Transferred." in report
    assert roster.samples.isVisibleTo(roster) and roster.samples.rowCount() == 3
    assert roster.samples.item(0, 0).text() == "Amara"
    assert not roster.codes_warning.isVisibleTo(roster), "the file has its ticket codes"


def test_an_eventbrite_report_without_barcodes_warns_the_tickets_will_not_scan(
    qtbot, wizard: SetupWizard, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with EVENTBRITE.open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    dropped = rows[0].index("Barcode #")
    no_codes = tmp_path / "attendees-no-barcodes.csv"
    with no_codes.open("w", encoding="utf-8", newline="") as target:
        csv.writer(target).writerows([c for i, c in enumerate(row) if i != dropped] for row in rows)
    through_the_event(qtbot, wizard)
    roster = wizard.roster_page
    roster.path.setText(str(no_codes))
    roster.check_file()
    warning = roster.codes_warning.text()
    assert roster.codes_warning.isVisibleTo(roster)
    assert "no “Barcode #” column" in warning
    assert f"New codes will be made for {len(rows) - 1} attendees." in warning
    assert "will NOT scan" in warning and "kiosk codes" in warning
    wizard.next()
    assert f"New codes were made for {len(rows) - 1} attendees." in roster.codes_warning.text()


def test_a_long_import_shows_progress_and_keeps_the_window_alive(
    qtbot, wizard: SetupWizard, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target)
        writer.writerow(["first_name", "last_name", "code"])
        writer.writerows([f"Person{n}", f"Family{n}", f"CODE-{n:06d}"] for n in range(5000))
    through_the_event(qtbot, wizard)
    roster = wizard.roster_page
    roster.path.setText(str(big))
    roster.check_file()
    seen: list[tuple[bool, bool, str]] = []
    # A zero timer runs at the first event the application handles: during the import.
    QTimer.singleShot(
        0,
        lambda: seen.append(
            (
                roster.progress.isVisible(),
                wizard.button(wizard.WizardButton.NextButton).isEnabled(),
                roster.report.toPlainText(),
            )
        ),
    )
    wizard.next()
    assert seen == [(True, False, "Importing 5,000 rows…")]
    assert wizard.currentPage() is wizard.programme_page
    assert len(wizard.store.attendees()) == 5000  # type: ignore[union-attr]
    assert not roster.progress.isVisible()


def test_sheet_stocks_are_named_by_their_label_and_previews_keep_real_proportions(
    qtbot, wizard: SetupWizard
) -> None:  # type: ignore[no-untyped-def]
    through_the_event(qtbot, wizard)
    through_the_roster(wizard)
    page = wizard.badge_page
    combo = page.template
    sheet = combo.itemText(combo.findData("avery-5392"))
    assert "101.6 × 76.2 mm labels, 6 per sheet" in sheet and "215.9" not in sheet
    sizes = {}
    for name in ("4x3in", "cr80", "a6-portrait", "avery-5392"):
        combo.setCurrentIndex(combo.findData(name))
        pixmap = page.preview.pixmap()
        info = page.infos[name]
        sizes[name] = pixmap.width(), pixmap.height()
        assert pixmap.width() / pixmap.height() == pytest.approx(
            info.label_width_mm / info.label_height_mm, rel=0.02
        ), name
    # Both fit at real size: the card is drawn smaller than the 4 x 3 in badge.
    assert sizes["cr80"][0] < sizes["4x3in"][0]
    assert sizes["cr80"][0] / 85.6 == pytest.approx(sizes["4x3in"][0] / 101.6, rel=0.02)
    assert sizes["avery-5392"] == sizes["4x3in"], "a sheet's label, not the sheet"
    combo.setCurrentIndex(combo.findData("a6-portrait"))
    assert page.scale_note.text().startswith("Shown at ")
    assert page.scale_note.text().endswith("% of its real size.")


def test_the_test_badge_with_printer_none_is_the_previewed_badge_saved_not_printed(
    qtbot, wizard: SetupWizard
) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2

    through_the_event(qtbot, wizard)
    through_the_roster(wizard)
    person = wizard.badge_page.person
    assert person is not None
    wizard.next()
    printer = wizard.printer_page
    printer.printer.setCurrentIndex(printer.printer.findText("none"))
    printer.test.click()
    qtbot.waitUntil(lambda: "Nothing was printed" in printer.status.text(), timeout=30_000)
    assert "printed." not in printer.status.text()
    saved = Path(printer.status.text().split("PDF file, ", 1)[1])
    document = pypdfium2.PdfDocument(saved.read_bytes())
    text = document[0].get_textpage().get_text_range()
    document.close()
    assert person.first_name in text, "the badge that was previewed, not a blank frame"
    assert printer.service is not None
    assert printer.service.printed_count(person.id) == 0, "a test is not their badge"


def test_the_summary_says_what_was_set_up(qtbot, wizard: SetupWizard) -> None:  # type: ignore[no-untyped-def]
    to_the_summary(qtbot, wizard)
    rows = {key: label.text() for key, label in wizard.summary_page.rows.items()}
    assert rows["event"].startswith("Spring Learning Event")
    assert rows["file"].endswith("event.db")
    assert rows["roster"] == "12 attendees, 3 cancelled"
    assert "101.6 × 76.2 mm labels, 6 per sheet" in rows["badge"]
    assert rows["printer"].startswith("none: nothing is printed")
    assert rows["pin"] == "set"
    assert rows["station"] == "door-1, on its own"
    assert rows["organiser"] == "Dr Ada Lovelace"
    assert Settings(wizard.store).get("organiser_name") == "Dr Ada Lovelace"
    cancel = wizard.button(wizard.WizardButton.CancelButton)
    assert not cancel.isVisible(), "finished: nothing half made to cancel"


def test_the_summary_buttons_start_the_help_desk_and_the_kiosk(
    qtbot, wizard: SetupWizard, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    to_the_summary(qtbot, wizard)
    page = wizard.summary_page
    event_file = tmp_path / "event.db"
    try:
        page.open_desk.click()
        assert page.started, page.status.text()
        qtbot.waitUntil(
            lambda: any("kiosk desk" in s for s in live_stations(event_file)), timeout=60_000
        )
        assert "help desk is opening" in page.status.text()
        page.start_kiosk.click()
        assert len(page.started) == 2
        qtbot.waitUntil(
            lambda: any("kiosk run" in s for s in live_stations(event_file)), timeout=60_000
        )
        assert "The kiosk is starting" in page.status.text()
    finally:
        for pid in page.started:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)


def test_the_mail_step_stores_the_server_and_refuses_a_password_in_it(
    qtbot, wizard: SetupWizard
) -> None:  # type: ignore[no-untyped-def]
    to_the_summary(qtbot, wizard)
    wizard.back()
    page = wizard.mail_page
    qtbot.keyClicks(page.server, "smtp://events:secret@mail.example.org")
    qtbot.keyClicks(page.sender, "events@example.org")
    wizard.next()
    assert wizard.currentPage() is page
    assert "KIOSK_SMTP_PASSWORD" in page.problem.text()
    page.server.setText("smtp://events@mail.example.org:587")
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.store.setting("email.server") == "smtp://events@mail.example.org:587"
    assert wizard.store.setting("email.from") == "events@example.org"

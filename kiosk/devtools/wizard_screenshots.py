"""Screenshots of every step of the setup wizard, for the README (run under Xvfb):
python -m kiosk.devtools.wizard_screenshots docs/screenshots ROSTER.csv
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from kiosk.paths import resource_dir
from kiosk.ui.resources import load_fonts
from kiosk.ui.wizard.wizard import SetupWizard


def programme_shot(wizard: SetupWizard, shot: Callable[[str], None]) -> None:
    """The programme step: the sample agenda checked and imported, and a
    session being added whose times say what is wrong with it."""
    page = wizard.programme_page
    page.path.setText(str(Path(shutil.copy(resource_dir() / "samples" / "agenda.csv", "."))))
    page.check_file()
    page.import_file()
    page.add_row()
    row = page.table.rowCount() - 1
    page.table.setCurrentCell(row, 4)  # out of the title's editor
    page.table.item(row, 0).setText("Poster walk")
    page.table.item(row, 3).setText("08:30")
    page.table.scrollToBottom()
    shot("programme")
    page.table.removeRow(row)
    page.check_rows()


def main(folder: Path, roster: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    load_fonts()
    folder, roster = folder.resolve(), roster.resolve()
    with tempfile.TemporaryDirectory() as temp:
        # Relative paths, so the pictures show "Events/event.db" and the
        # roster's own name, and no path of the machine that took them.
        os.chdir(temp)
        roster = Path(shutil.copy(roster, roster.name))
        wizard = SetupWizard(Path("Events"))
        wizard.show()
        wizard.event_page.name.setText("Collaborative Learning Event — Spring")
        wizard.event_page.venue.setText("St Paul's Centre, Hammersmith")
        # The day of the sample agenda (resources/samples/agenda.csv).
        for edit in (wizard.event_page.first_day, wizard.event_page.last_day):
            edit.setDate(QDate(2026, 3, 10))

        def shot(name: str) -> None:
            for _ in range(10):
                app.processEvents()
            wizard.grab().save(str(folder / f"wizard-{name}.png"))
            print(folder / f"wizard-{name}.png")

        real_path = wizard.event_page.path.text()
        wizard.event_page.path.setText("~/Documents/Events/spring-learning-event.db")
        wizard.event_page.organiser.setText("Dr Ada Lovelace")
        shot("event")
        wizard.event_page.path.setText(real_path)
        wizard.next()
        wizard.roster_page.path.setText(str(roster))
        wizard.roster_page.check_file()
        shot("roster")
        wizard.next()
        programme_shot(wizard, shot)
        wizard.next()
        shot("badge")
        wizard.badge_page.template.setCurrentIndex(
            wizard.badge_page.template.findData("avery-5392")
        )
        shot("badge-sheet")
        wizard.next()
        printer = wizard.printer_page.printer
        printer.setCurrentIndex(max(0, printer.findText("none")))
        shot("printer")
        wizard.next()
        station = wizard.station_page
        station.name.setText("door-1")
        station.pin.setText("2468")
        station.pin_again.setText("2469")
        shot("station-pins-differ")
        station.pin_again.setText("2468")
        wizard.next()
        shot("mail")
        wizard.next()
        shot("summary")
        wizard.back()
        wizard.back()
        wizard.reject()  # a half-made event file: Cancel asks first
        for _ in range(10):
            app.processEvents()
        if wizard.leaving is not None:
            wizard.leaving.grab().save(str(folder / "wizard-cancel.png"))
            print(folder / "wizard-cancel.png")
            wizard.stay_button.click()
        wizard.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

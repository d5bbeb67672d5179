"""Screenshots of every step of the setup wizard, for the README (run under Xvfb):
python -m kiosk.devtools.wizard_screenshots docs/screenshots ROSTER.csv
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.ui.resources import load_fonts
from kiosk.ui.wizard.wizard import SetupWizard


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

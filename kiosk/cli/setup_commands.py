"""`kiosk setup`: the first-run wizard, for organisers who never open a terminal again."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.paths import data_dir


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    setup = subparsers.add_parser(
        "setup", help="the setup wizard: event, roster, badge, printer, PIN and station"
    )
    setup.add_argument(
        "--folder", type=Path, default=None, metavar="PATH", help="where new event files go"
    )
    setup.set_defaults(handler=run_setup)


def run_setup(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui import diagnostics
    from kiosk.ui.collector import MainThreadCollector
    from kiosk.ui.resources import load_fonts
    from kiosk.ui.wizard.wizard import SetupWizard

    app = QApplication.instance() or QApplication([])
    diagnostics.install_qt_message_handler()
    MainThreadCollector(app)
    load_fonts()
    wizard = SetupWizard(args.folder or data_dir())
    wizard.show()
    app.exec()
    if wizard.result() and wizard.db_path is not None:
        print(f"Ready: kiosk run --db {wizard.db_path}")
        return 0
    return 1

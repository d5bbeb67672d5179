"""Acting on the print jobs the overview lists under "Needs attention".

A failed badge, or the badges still waiting, can be sent again, cancelled
or moved to another printer: the same queue operations as `kiosk queue
--retry/--cancel/--move`, on the jobs of the chosen line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.printing.jobs import PrintQueue
from kiosk.printing.service import PrintService
from kiosk.ui.i18n import FollowsLanguage

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")


def printer_choices(current: str) -> list[str]:
    """The printers this station can reach, "none" last; asked when the
    dialog opens, never per refresh (a CUPS query takes a moment)."""
    try:
        from kiosk.printing.backends import list_printers

        names = [info.name for info in list_printers(with_media=False)]
    except Exception:  # a broken spooler must not break the desk
        log.exception("cannot list printers")
        names = []
    if "none" not in names:
        names.append("none")
    if current and current not in names:
        names.insert(0, current)
    return names


class MoveDialog(QDialog):
    """Which printer the chosen badges go to instead."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Console", "Move to another printer"))
        self.printer = QComboBox(self)
        self.printer.setEditable(True)  # folder:PATH, or a queue not listed yet
        self.printer.addItems(printer_choices(current))
        self.printer.setCurrentText(current)
        self.printer.setAccessibleName(translate("Console", "Printer"))
        note = QLabel(
            translate(
                "Console",
                'Choose a printer, or type folder:PATH; "none" saves the badges as PDF '
                "files for the help desk.",
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.printer)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return self.printer.currentText().strip()


class JobActions(FollowsLanguage, QWidget):
    """Retry, cancel or move the jobs of the chosen "Needs attention" line."""

    def __init__(
        self,
        printer: PrintService | PrintQueue,
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.printer = printer  # either has retry, cancel and move
        self.changed = changed
        # Whether whoever is working may change print jobs (the desk's tabs say).
        self.allowed: Callable[[], bool] = lambda: True
        self.jobs: list[int] = []
        self.retry_button = QPushButton(self)
        self.retry_button.clicked.connect(self.retry)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.move_button = QPushButton(self)
        self.move_button.clicked.connect(self.ask_move)
        # What the last action did, on the buttons' row: a short screen has
        # no room for another line, so a long sentence is cut here and whole
        # in its tooltip.
        self.result = QLabel(self)
        self.result.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.retry_button, self.cancel_button, self.move_button):
            row.addWidget(button)
        row.addWidget(self.result, 1)
        self.retranslate()
        self.set_jobs([])

    def retranslate(self) -> None:
        self.retry_button.setText(translate("Console", "Try again"))
        self.cancel_button.setText(translate("Console", "Cancel badge"))
        self.move_button.setText(translate("Console", "Move to printer…"))

    def set_jobs(self, jobs: list[int]) -> None:
        """The jobs of the chosen line ([] for a line that is not about printing)."""
        self.jobs = list(jobs)
        for button in (self.retry_button, self.cancel_button, self.move_button):
            button.setEnabled(bool(self.jobs))

    def _each(self, action: Callable[[int], object]) -> tuple[int, str]:
        """Apply `action` to every chosen job: (how many it worked for, the
        first refusal's sentence)."""
        from kiosk.printing import QueueError
        from kiosk.printing.backends import PrintError, UnknownPrinter

        done, refusal = 0, ""
        if not self.allowed():
            return 0, translate("Console", "Only a desk volunteer or a supervisor may do this.")
        for job in self.jobs:
            try:
                action(job)
            except (QueueError, UnknownPrinter, PrintError) as error:
                refusal = refusal or str(error)
                log.info("print job %s not changed: %s", job, error)
            else:
                done += 1
        return done, refusal

    def _report(self, text: str, refusal: str) -> None:
        said = f"{text} {refusal}".strip()
        self.result.setText(said)
        self.result.setToolTip(said)
        self.result.setAccessibleDescription(said)
        self.changed()

    def retry(self) -> None:
        done, refusal = self._each(self.printer.retry)
        self._report(translate("Console", "Sent again: {n}.").format(n=done), refusal)

    def cancel(self) -> None:
        done, refusal = self._each(self.printer.cancel)
        self._report(translate("Console", "Cancelled: {n}.").format(n=done), refusal)

    def ask_move(self) -> None:
        current = getattr(self.printer, "printer", "") or ""
        dialog = MoveDialog(current, self)

        def accepted() -> None:
            target = dialog.chosen()
            if not target:
                return
            done, refusal = self._each(lambda job: self.printer.move(job, target))
            self._report(
                translate("Console", "Moved to {printer}: {n}.").format(printer=target, n=done),
                refusal,
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

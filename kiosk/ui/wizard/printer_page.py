"""Step 5: the printer, and a test badge printed through it: the badge the
previous step previewed, which does not count as that attendee's badge."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWizardPage

from kiosk.printing.backends import list_printers
from kiosk.printing.jobs import JobKind, JobState
from kiosk.printing.qt_service import PrintService

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")


class PrinterPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "The printer"))
        self.setSubTitle(
            translate("Wizard", "Choose where badges print, and print a test badge to be sure.")
        )
        self.printer = QComboBox(self)
        self.printer.setEditable(True)
        self.printer.setAccessibleName(translate("Wizard", "Printer"))
        self.test = QPushButton(translate("Wizard", "Print a test badge"), self)
        self.test.clicked.connect(self.print_test)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("Wizard", "Test badge status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.printer)
        layout.addWidget(self.test)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.service: PrintService | None = None
        self.test_job: int | None = None

    def initializePage(self) -> None:
        self.printer.clear()
        try:
            printers = list_printers(with_media=False)
        except Exception:  # a broken spooler must not stop the setup
            log.exception("listing printers failed")
            printers = []
        for info in printers:
            self.printer.addItem(info.name)
        if self.printer.findText("none") < 0:
            self.printer.addItem("none")

    def _service(self) -> PrintService:
        if self.service is None:
            self.service = PrintService(self.wizard().store, parent=self)  # type: ignore[attr-defined]
            self.service.job_changed.connect(self._job_changed)
        return self.service

    def print_test(self) -> None:
        service = self._service()
        try:
            service.set_printer(self.printer.currentText().strip())
        except ValueError as error:
            self.status.setText(str(error))
            return
        service.stop()  # the worker picks up the new printer when it starts again
        person = self.wizard().badge_page.person  # type: ignore[attr-defined]
        # The previewed badge; a plain test page when there is no roster yet.
        self.test_job = service.queue.enqueue(person.id if person else None, JobKind.TEST)
        service.start()
        self.status.setText(translate("Wizard", "Sending a test badge…"))

    def _job_changed(self, job_id: int, state: JobState, error: str) -> None:
        if job_id != self.test_job:
            return
        printer = self.printer.currentText().strip()
        saved = self._service().saved_file(job_id) if state is JobState.DONE else None
        if saved is not None:
            done = translate(
                "Wizard", "Nothing was printed: the test badge was saved as a PDF file, {file}"
            ).format(file=saved)
        elif printer.startswith("cups:"):
            done = translate(
                "Wizard", "The test badge has printed. Check it looks like the preview."
            )
        else:
            done = translate(
                "Wizard",
                "The test badge went to the printer. Check it comes out like the preview.",
            )
        texts = {
            JobState.SENT: translate("Wizard", "The printer has the test badge."),
            JobState.DONE: done,
            JobState.FAILED: translate("Wizard", "The test badge did not print: {error}").format(
                error=error
            ),
            JobState.QUEUED: translate("Wizard", "Waiting for the printer: {error}").format(
                error=error
            ),
        }
        self.status.setText(texts.get(state, state))

    def validatePage(self) -> bool:
        try:
            self._service().set_printer(self.printer.currentText().strip())
        except ValueError as error:
            self.status.setText(str(error))
            return False
        return True

    def cleanupPage(self) -> None:
        if self.service is not None:
            self.service.stop()

"""Step 2: import the roster, with a column-mapping step for unknown files
and the validation report before anything is written: the layout found, a
few rows as they will be read, how statuses map, and a loud warning when
the file has no ticket codes (the tickets people hold would not scan)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from kiosk.io import FIELDS, ImportReport, RosterError, import_roster
from kiosk.io.reading import read_table
from kiosk.ui.wizard.roster_preview import RosterPreview, preview_roster

translate = QCoreApplication.translate
IGNORE = ""
# Rows from which the import runs beside a progress bar, the wizard kept alive.
LONG_IMPORT_ROWS = 2_000
SAMPLE_FIELDS = ("first_name", "last_name", "organisation", "email", "category", "status")


class RosterPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "The roster"))
        self.setSubTitle(
            translate(
                "Wizard",
                "Choose the attendee list exported from Eventbrite, pretix or a spreadsheet. "
                "Nothing is imported until you press Next.",
            )
        )
        self.path = QLineEdit(self)
        self.path.setAccessibleName(translate("Wizard", "Roster file"))
        browse = QPushButton(translate("Wizard", "Browse…"), self)
        browse.clicked.connect(self._browse)
        self.check = QPushButton(translate("Wizard", "Check the file"), self)
        self.check.clicked.connect(self.check_file)
        self.mapping_note = QLabel(
            translate("Wizard", "Which field is in each column? Leave a column empty to skip it."),
            self,
        )
        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setHorizontalHeaderLabels(
            [translate("Wizard", "Column"), translate("Wizard", "Field")]
        )
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(translate("Wizard", "What the import will do"))
        self.samples = QTableWidget(0, len(SAMPLE_FIELDS), self)
        self.samples.setHorizontalHeaderLabels(
            [
                translate("Wizard", "First name"),
                translate("Wizard", "Last name"),
                translate("Wizard", "Organisation"),
                translate("Wizard", "Email"),
                translate("Wizard", "Category"),
                translate("Wizard", "Registration"),
            ]
        )
        self.samples.setAccessibleName(translate("Wizard", "The first rows, as they will be read"))
        self.samples.verticalHeader().hide()
        self.samples.horizontalHeader().setStretchLastSection(True)
        self.samples.setMaximumHeight(120)
        self.codes_warning = QLabel(self)
        self.codes_warning.setWordWrap(True)
        self.codes_warning.setProperty("role", "error")
        self.codes_warning.setStyleSheet("font-weight: bold; color: #a40000;")
        self.codes_warning.setAccessibleName(translate("Wizard", "Ticket codes"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the import does not say how far it is
        self.progress.setAccessibleName(translate("Wizard", "Importing"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.mapping)
        layout.addWidget(self.codes_warning)
        layout.addWidget(self.samples)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.progress)
        self.headers: list[str] = []
        self.preview: ImportReport | None = None
        self.read_as: RosterPreview | None = None
        self.imported: ImportReport | None = None
        self._show_mapping(False)
        self._show_preview(None)
        self.progress.hide()
        self.path.textChanged.connect(self._forget)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("Wizard", "Roster file"), "", "Roster (*.csv *.txt *.tsv *.xlsx)"
        )
        if name:
            self.path.setText(name)
            self.check_file()

    def _forget(self) -> None:
        self.preview = None
        self.headers = []
        self._show_mapping(False)
        self._show_preview(None)
        self.report.clear()
        self.completeChanged.emit()

    def _show_preview(
        self, preview: RosterPreview | None, report: ImportReport | None = None
    ) -> None:
        """The sample rows and the ticket-code warning (hidden with nothing to show)."""
        self.read_as = preview
        self.samples.setVisible(bool(preview and preview.samples))
        rows = preview.samples if preview else []
        self.samples.setRowCount(len(rows))
        for row, fields in enumerate(rows):
            for column, name in enumerate(SAMPLE_FIELDS):
                self.samples.setItem(row, column, QTableWidgetItem(fields.get(name, "")))
        warning = codes_warning(preview, report) if preview and report else ""
        self.codes_warning.setText(warning)
        self.codes_warning.setVisible(bool(warning))

    def _show_mapping(self, visible: bool) -> None:
        self.mapping_note.setVisible(visible)
        self.mapping.setVisible(visible)

    def mapping_arguments(self) -> list[str]:
        if not self.mapping.isVisible():
            return []
        pairs = []
        for row, header in enumerate(self.headers):
            combo = self.mapping.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            if combo.currentData():
                pairs.append(f"{header}={combo.currentData()}")
        return pairs

    def set_field(self, header: str, field: str) -> None:
        """Choose the field of one column (what a person does with the combo)."""
        combo = self.mapping.cellWidget(self.headers.index(header), 1)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(field))

    def check_file(self) -> None:
        """A dry run: the validation report, or the mapping step when needed."""
        store = self.wizard().store  # type: ignore[attr-defined]
        path = Path(self.path.text().strip())
        try:
            self.preview = import_roster(
                store, path, mapping=self.mapping_arguments(), dry_run=True
            )
            read_as = preview_roster(path, self.mapping_arguments())
        except RosterError as error:
            self.preview = None
            self._show_preview(None)
            self.report.setPlainText(str(error))
            if not self.mapping.isVisible():
                self._offer_mapping(path)
            self.completeChanged.emit()
            return
        self._show_preview(read_as, self.preview)
        self.report.setPlainText(describe(self.preview, read_as))
        self.completeChanged.emit()

    def _offer_mapping(self, path: Path) -> None:
        try:
            self.headers = [h for h in read_table(path).headers if h.strip()]
        except RosterError:
            return
        self.mapping.setRowCount(len(self.headers))
        for row, header in enumerate(self.headers):
            self.mapping.setItem(row, 0, _item(header))
            combo = QComboBox(self.mapping)
            combo.addItem(translate("Wizard", "(skip)"), IGNORE)
            for field in FIELDS:
                combo.addItem(field, field)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping.setCellWidget(row, 1, combo)
        self._show_mapping(True)

    def _mapping_changed(self) -> None:
        self.preview = None
        self.completeChanged.emit()

    def _keep_roster(self) -> bool:
        """An event opened again may keep the roster it has."""
        store = self.wizard().store if self.wizard() else None  # type: ignore[attr-defined]
        return not self.path.text().strip() and store is not None and store.attendee_count() > 0

    def initializePage(self) -> None:
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.preview is not None or self._keep_roster()

    def validatePage(self) -> bool:
        if self._keep_roster():
            return True
        try:
            report = self._import()
        except RosterError as error:
            self.report.setPlainText(str(error))
            return False
        self.imported = report
        self._show_preview(self.read_as, report)
        self.report.setPlainText(describe(report, self.read_as))
        return True

    def _import(self) -> ImportReport:
        """The import; a long one runs beside a progress bar, the wizard's
        buttons off, so the window keeps drawing and says what it is doing."""
        store = self.wizard().store  # type: ignore[attr-defined]
        path, mapping = Path(self.path.text().strip()), self.mapping_arguments()
        rows = self.read_as.rows if self.read_as else 0
        if rows < LONG_IMPORT_ROWS:
            return import_roster(store, path, mapping=mapping)
        outcome: dict[str, object] = {}

        def work() -> None:
            try:
                outcome["report"] = import_roster(store, path, mapping=mapping)
            except Exception as error:  # handed back to the GUI thread below
                outcome["error"] = error

        wizard = self.wizard()
        buttons = [wizard.button(which) for which in _BUTTONS]
        for button in buttons:
            button.setEnabled(False)
        self.progress.show()
        self.report.setPlainText(translate("Wizard", "Importing {n} rows…").format(n=f"{rows:,}"))
        thread = threading.Thread(target=work, name="roster-import", daemon=True)
        loop = QEventLoop(self)
        timer = QTimer(self, interval=50)
        timer.timeout.connect(lambda: loop.quit() if not thread.is_alive() else None)
        thread.start()
        timer.start()
        loop.exec()
        timer.stop()
        self.progress.hide()
        for button in buttons:
            button.setEnabled(True)
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        report = outcome["report"]
        assert isinstance(report, ImportReport)
        return report


_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CancelButton,
)


def codes_warning(preview: RosterPreview, report: ImportReport) -> str:
    """Said loudly: people whose codes were made here cannot scan the tickets they hold."""
    if not report.codes_made:
        return ""
    # The import's own result names the column, as `kiosk import` does.
    if report.code_column is None:
        why = translate(
            "Wizard", "This file has no “{column}” column, so it carries no ticket codes."
        ).format(column=report.expected_code_column)
    else:
        why = translate("Wizard", "Some rows have an empty “{column}”.").format(
            column=report.code_column
        )
    made = (
        translate("Wizard", "New codes will be made for {n} attendees.")
        if report.dry_run
        else translate("Wizard", "New codes were made for {n} attendees.")
    ).format(n=report.codes_made)
    return " ".join(
        [
            why,
            made,
            translate(
                "Wizard",
                "The tickets they already hold will NOT scan at the door. Send them the new "
                "codes before the event: kiosk codes --db EVENT-FILE -o FOLDER writes each "
                "QR code and a mail-merge list.",
            ),
        ]
    )


def describe(report: ImportReport, preview: RosterPreview | None = None) -> str:
    verb = translate("Wizard", "Will import") if report.dry_run else translate("Wizard", "Imported")
    lines = [f"{verb}: {report.summary()}"]
    if preview is not None:
        lines.append(
            translate("Wizard", "Recognised as {format} ({how}).").format(
                format=preview.format_name, how=report.description
            )
        )
        cancelled = preview.cancelled_text()
        if cancelled:
            lines.append(cancelled + ".")
        elif preview.statuses:
            lines.append(translate("Wizard", "No row is marked cancelled."))
        else:
            lines.append(translate("Wizard", "The file has no status column: everyone is active."))
    else:
        lines.append(translate("Wizard", "Read as: {what}").format(what=report.description))
    if report.missing:
        lines.append(
            translate("Wizard", "{n} attendees already here are not in this file (kept).").format(
                n=report.missing
            )
        )
    for skipped in report.skipped[:50]:
        lines.append(
            translate("Wizard", "Row {row} skipped: {reason}").format(
                row=skipped.row, reason=skipped.reason
            )
        )
    if len(report.skipped) > 50:
        lines.append(translate("Wizard", "… and {n} more").format(n=len(report.skipped) - 50))
    return "\n".join(lines)


def _item(text: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTableWidgetItem

    return QTableWidgetItem(text)

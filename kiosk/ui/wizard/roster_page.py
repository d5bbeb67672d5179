"""Step 2: import the roster, with a column-mapping step for unknown files
and the validation report before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWizardPage,
)

from kiosk.io import FIELDS, ImportReport, RosterError, import_roster
from kiosk.io.reading import read_table

translate = QCoreApplication.translate
IGNORE = ""


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
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.mapping)
        layout.addWidget(self.report, 1)
        self.headers: list[str] = []
        self.preview: ImportReport | None = None
        self._show_mapping(False)
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
        self.report.clear()
        self.completeChanged.emit()

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
        except RosterError as error:
            self.preview = None
            self.report.setPlainText(str(error))
            if not self.mapping.isVisible():
                self._offer_mapping(path)
            self.completeChanged.emit()
            return
        self.report.setPlainText(describe(self.preview))
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
        return (
            not self.path.text().strip()
            and store is not None
            and bool(store.conn.execute("SELECT 1 FROM attendees LIMIT 1").fetchone())
        )

    def initializePage(self) -> None:
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.preview is not None or self._keep_roster()

    def validatePage(self) -> bool:
        store = self.wizard().store  # type: ignore[attr-defined]
        if self._keep_roster():
            return True
        try:
            report = import_roster(
                store, Path(self.path.text().strip()), mapping=self.mapping_arguments()
            )
        except RosterError as error:
            self.report.setPlainText(str(error))
            return False
        self.report.setPlainText(describe(report))
        return True


def describe(report: ImportReport) -> str:
    verb = translate("Wizard", "Will import") if report.dry_run else translate("Wizard", "Imported")
    lines = [
        f"{verb}: {report.summary()}",
        translate("Wizard", "Read as: {what}").format(what=report.description),
    ]
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

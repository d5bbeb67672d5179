"""What an agenda import will do, shown before it is done: the counts, as
`kiosk sessions import` prints them, and a line for each skipped row."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.programme.agenda import AgendaReport

translate = QCoreApplication.translate


def counts_line(report: AgendaReport) -> str:
    return translate(
        "Console",
        "imported {imported}, updated {updated}, unchanged {unchanged}, skipped {skipped}",
    ).format(
        imported=report.imported,
        updated=report.updated,
        unchanged=report.unchanged,
        skipped=report.skipped,
    )


class AgendaDialog(QDialog):
    def __init__(self, file_name: str, report: AgendaReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Console", "Import agenda"))
        self.summary = QLabel(
            translate("Console", "{file} will give: {counts}.").format(
                file=file_name, counts=counts_line(report)
            ),
            self,
        )
        self.summary.setWordWrap(True)
        self.lines = QPlainTextEdit("\n".join(report.lines), self)
        self.lines.setReadOnly(True)
        self.lines.setAccessibleName(translate("Console", "Rows that will be skipped"))
        self.lines.setVisible(bool(report.lines))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm = self.buttons.addButton(
            translate("Console", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 320 if report.lines else 140)

"""Step 3: the badge template, with a live preview of a real attendee's badge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWizardPage

from kiosk.badges import list_templates, render_badge_png
from kiosk.settings import Settings

translate = QCoreApplication.translate


class BadgePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "The badge"))
        self.setSubTitle(
            translate("Wizard", "Choose the badge stock; the preview is a real badge.")
        )
        self.template = QComboBox(self)
        self.template.setAccessibleName(translate("Wizard", "Badge template"))
        for info in list_templates():
            self.template.addItem(
                f"{info.name} — {info.width_mm:g} × {info.height_mm:g} mm", info.name
            )
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(260)
        self.preview.setAccessibleName(translate("Wizard", "Badge preview"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.template)
        layout.addWidget(self.preview, 1)
        self.template.currentIndexChanged.connect(self.update_preview)

    def initializePage(self) -> None:
        current = Settings(self.wizard().store).get("badge.template")  # type: ignore[attr-defined]
        index = self.template.findData(current) if current else 0
        self.template.setCurrentIndex(max(index, 0))
        self.update_preview()

    def chosen(self) -> str:
        return str(self.template.currentData())

    def update_preview(self) -> None:
        store = self.wizard().store if self.wizard() else None  # type: ignore[attr-defined]
        if store is None:
            return
        people = store.attendees("status = 'active'")
        if not people:
            self.preview.setText(translate("Wizard", "Import a roster to see a badge."))
            return
        # The longest name shows best whether the stock is big enough.
        person = max(people[:500], key=lambda a: len(a.full_name))
        image = QPixmap()
        image.loadFromData(render_badge_png(person, store.event(), self.chosen(), dpi=110))
        self.preview.setPixmap(
            image.scaled(
                560,
                360,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def validatePage(self) -> bool:
        Settings(self.wizard().store).set("badge.template", self.chosen())  # type: ignore[attr-defined]
        return True

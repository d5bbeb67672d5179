"""Step 4: the badge template, with a live preview of a real attendee's badge.

Each stock is named by the size of one badge (a sheet's label, not the
sheet), and the preview is drawn at the badge's real size on this screen,
or scaled down by a stated amount when it does not fit, so a credit card
looks smaller than an A6 badge.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget, QWizardPage

from kiosk.badges import list_templates, render_badge_png
from kiosk.badges.templates import TemplateInfo
from kiosk.domain.models import Attendee, AttendeeStatus
from kiosk.settings import Settings

translate = QCoreApplication.translate
MM_PER_INCH = 25.4
# Room the preview may take, in pixels (the wizard is at least 760 x 560).
PREVIEW_ROOM = QSize(560, 300)
# A screen reporting an implausible physical size (virtual displays) is
# taken as a usual 96 dpi desktop monitor.
USUAL_DPI = 96.0


def stock_text(info: TemplateInfo) -> str:
    size = translate("Wizard", "{w:g} × {h:g} mm").format(
        w=round(info.label_width_mm, 1), h=round(info.label_height_mm, 1)
    )
    if info.per_page > 1:
        return translate("Wizard", "{name} — {size} labels, {n} per sheet").format(
            name=info.name, size=size, n=info.per_page
        )
    return translate("Wizard", "{name} — {size}").format(name=info.name, size=size)


def preview_scale(widget: QWidget, info: TemplateInfo) -> tuple[float, float]:
    """Pixels per mm to draw `info`'s badge at, and the fraction of its real
    size that is (1.0 when it fits the preview room)."""
    screen = widget.screen()
    dpi = screen.physicalDotsPerInch() if screen is not None else USUAL_DPI
    if not 72 <= dpi <= 400:
        dpi = USUAL_DPI
    real = dpi / MM_PER_INCH
    fits = min(
        PREVIEW_ROOM.width() / info.label_width_mm, PREVIEW_ROOM.height() / info.label_height_mm
    )
    return min(real, fits), min(1.0, fits / real)


class BadgePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "The badge"))
        self.setSubTitle(
            translate("Wizard", "Choose the badge stock; the preview is a real badge.")
        )
        self.template = QComboBox(self)
        self.template.setAccessibleName(translate("Wizard", "Badge template"))
        self.infos = {info.name: info for info in list_templates()}
        for info in self.infos.values():
            self.template.addItem(stock_text(info), info.name)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(PREVIEW_ROOM.height())
        self.preview.setAccessibleName(translate("Wizard", "Badge preview"))
        self.scale_note = QLabel(self)
        self.scale_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scale_note.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.template)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.scale_note)
        self.template.currentIndexChanged.connect(self.update_preview)
        self.person: Attendee | None = None

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
        people = store.attendees(status=AttendeeStatus.ACTIVE)
        if not people:
            self.person = None
            self.preview.setText(translate("Wizard", "Import a roster to see a badge."))
            self.scale_note.clear()
            return
        # The longest name shows best whether the stock is big enough.
        self.person = max(people[:500], key=lambda a: len(a.full_name))
        info = self.infos[self.chosen()]
        per_mm, fraction = preview_scale(self, info)
        image = QPixmap()
        dpi = max(1, round(per_mm * MM_PER_INCH))
        image.loadFromData(render_badge_png(self.person, store.event(), self.chosen(), dpi=dpi))
        # Exactly the badge's proportions at that scale (rendering rounds to whole pixels).
        size = QSize(round(info.label_width_mm * per_mm), round(info.label_height_mm * per_mm))
        self.preview.setPixmap(
            image.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        if fraction >= 1.0:
            self.scale_note.setText(translate("Wizard", "Shown at its real size."))
        else:
            self.scale_note.setText(
                translate("Wizard", "Shown at {percent}% of its real size.").format(
                    percent=round(fraction * 100)
                )
            )

    def validatePage(self) -> bool:
        Settings(self.wizard().store).set("badge.template", self.chosen())  # type: ignore[attr-defined]
        return True

"""Fix my badge: the fields the organiser allows, typed with the name keyboard.

One line per field, filled with what the badge shows now; a touch on a line
sends the keyboard's letters there. Save asks the flow to store the fix
(`saved` with every field shown); Back keeps the badge as it was. A fix
the rules refuse comes back as one sentence (`show_problem`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.badge_fix import MAX_LENGTH
from kiosk.ui.theme import Metrics, Theme
from kiosk.ui.views.base import ScreenView, button, label, set_text
from kiosk.ui.widgets.name_keyboard import NameKeyboard

translate = QCoreApplication.translate

# Every field an organiser may allow, in the order shown (kiosk.domain.badge_fix.FIXABLE).
LABELS = {
    "first_name": lambda: translate("FixBadge", "First name"),
    "last_name": lambda: translate("FixBadge", "Last name"),
    "pronouns": lambda: translate("FixBadge", "Pronouns"),
    "credentials": lambda: translate("FixBadge", "Post-nominals"),
    "organisation": lambda: translate("FixBadge", "Organisation"),
    "job_title": lambda: translate("FixBadge", "Job title"),
}


# What an empty line of these looks like filled (the same in every language).
EXAMPLES = {"pronouns": "she/her · they/them · he/him", "credentials": "RN, MSc"}


class FixBadgeView(ScreenView):
    saved = Signal(dict)  # field -> text, every field shown
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("event", self)  # wraps: the buttons beside it keep their words
        self.problem = label("muted", self)
        self.problem.hide()
        self.keyboard = NameKeyboard(self)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.form = QGridLayout()
        for name in LABELS:
            caption = label("body", self, wrap=False)
            field = QLineEdit(self)
            field.setMaxLength(MAX_LENGTH)
            if name in EXAMPLES:
                field.setPlaceholderText(EXAMPLES[name])
            field.installEventFilter(self)
            field.textEdited.connect(lambda text: self.keyboard.follow_text(text))
            self.labels[name], self.fields[name] = caption, field
        self._landscape: bool | None = None
        self._place_form(landscape=True)
        self._active = "first_name"
        self.keyboard.typed.connect(lambda text: self.fields[self._active].insert(text))
        self.keyboard.backspace.connect(lambda: self.fields[self._active].backspace())
        self.save_button = button("primary", self)
        self.save_button.clicked.connect(self._save)
        self.back_button = button("", self)
        self.back_button.clicked.connect(self.back)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)
        top.addWidget(self.save_button)
        self.top = top
        self.root = QVBoxLayout(self)
        self.root.addLayout(top)
        self.root.addWidget(self.problem)
        self.root.addLayout(self.form)
        self.root.addStretch(1)
        self.root.addWidget(self.keyboard)
        # Never a reason for the window to grow: at a narrow size (the window
        # before it is shown full screen) the keys take seven rows, and a
        # window grown to fit them would stay too tall for the kiosk's screen.
        self.root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.retranslate()

    def show_fields(self, values: dict[str, str]) -> None:
        """Offer exactly these fields (the allowed ones), filled with their values."""
        for name, field in self.fields.items():
            shown = name in values
            field.setText(values.get(name, ""))
            field.setVisible(shown)
            field.setEnabled(shown)
            self.labels[name].setVisible(shown)
        landscape, self._landscape = self._landscape, None
        self._place_form(bool(landscape))  # the fields shown first, without gaps
        self.problem.hide()
        self._active = next(iter(values), "first_name")
        self._focus(self._active)

    def minimumSizeHint(self) -> QSize:
        """Nothing: see the size constraint set in __init__."""
        return QSize(0, 0)

    def _place_form(self, landscape: bool) -> None:
        """Each caption before its line (no height to spare above the keys):
        two fields a row in landscape, one in portrait."""
        if landscape == self._landscape:
            return
        self._landscape = landscape
        shown = [name for name in LABELS if self.fields[name].isEnabled()]
        for widget in (*self.labels.values(), *self.fields.values()):
            self.form.removeWidget(widget)
        hidden = [name for name in LABELS if name not in shown]
        for index, name in enumerate(shown + hidden):
            row, pair = divmod(index, 2) if landscape else (index, 0)
            self.form.addWidget(self.labels[name], row, 2 * pair)
            self.form.addWidget(self.fields[name], row, 2 * pair + 1)
        for column in range(4):
            self.form.setColumnStretch(column, int(column == 1 or (landscape and column == 3)))

    def editable(self) -> list[str]:
        """The fields offered now."""
        return [name for name, field in self.fields.items() if field.isEnabled()]

    def show_problem(self, sentence: str) -> None:
        set_text(self.problem, sentence)
        self.problem.show()

    def _focus(self, name: str) -> None:
        self._active = name
        field = self.fields[name]
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.end(False)
        self.keyboard.follow_text(field.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonRelease):
            for name, field in self.fields.items():
                if field is watched:
                    self._active = name
                    # A finger cannot aim between two letters: the keys add
                    # and delete at the end of the line touched.
                    field.end(False)
                    self.keyboard.follow_text(field.text())
        return super().eventFilter(watched, event)

    def _save(self) -> None:
        self.saved.emit({name: self.fields[name].text() for name in self.editable()})

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        margin = metrics.px(16)
        self.root.setContentsMargins(margin, metrics.px(10), margin, metrics.px(10))
        self.root.setSpacing(metrics.spacing)
        self.form.setSpacing(metrics.spacing)
        self._place_form(metrics.landscape)
        for widget in (self.save_button, self.back_button):
            widget.setMinimumWidth(metrics.px(140))
        for field in self.fields.values():
            field.setMinimumHeight(metrics.px(48))
        self.keyboard.grid.setSpacing(metrics.spacing)
        self.keyboard.fit_width(metrics.width - 2 * margin, metrics.touch + metrics.spacing)
        rows = self.keyboard.rows()
        self.keyboard.setFixedHeight(rows * metrics.touch + (rows - 1) * metrics.spacing)

    def retranslate(self) -> None:
        set_text(self.title, translate("FixBadge", "Fix your badge"))
        for name, caption in self.labels.items():
            set_text(caption, LABELS[name]())
            self.fields[name].setAccessibleName(LABELS[name]())
        set_text(self.save_button, translate("FixBadge", "Save"))
        set_text(self.back_button, translate("FixBadge", "Back"))
        self.keyboard.retranslate()

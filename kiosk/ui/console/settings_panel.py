"""The settings screen: one row per declared setting, generated from `kiosk.settings`.

Nothing here names a setting: add one to `SETTINGS` and it appears under its
label with a field for its type (a list for settings with choices, the
printers found for the printer, a range for numbers) and its description;
a value outside its constraints is refused in one sentence. Labels and
descriptions are shown in the console's language (context "Setting"), and a
setting the running kiosk cannot pick up says it applies from the next start.
Saving stores only values that differ from the default (a field put back to
its default clears the stored value); the kiosk hears of each change through
`Settings.changed` (kiosk.ui.live_settings). The staff PIN is changed with
`kiosk set-pin` or the setup wizard, never typed into a plain field; the hub's
connection string is shown as dots.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.settings import (
    HIDDEN_SETTINGS,
    PASSWORD_SETTINGS,
    PRINTERS,
    SETTINGS,
    SPECS,
    SettingError,
    Settings,
)
from kiosk.settings import SettingSpec as Spec
from kiosk.store import Store
from kiosk.ui.i18n import LANGUAGES, FollowsLanguage

translate = QCoreApplication.translate
log = logging.getLogger("kiosk.ui")

INT_MAXIMUM = 1_000_000
FIELD_WIDTH = 320


class SettingsPanel(FollowsLanguage, QWidget):
    saved = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = Settings(store)
        # Whether whoever is working may change settings (the desk's tabs say).
        self.allowed: Callable[[], bool] = lambda: True
        self.fields: dict[str, QWidget] = {}
        # Per setting: its label and description, set again on a language change.
        self._words: dict[str, tuple[QLabel, QLabel]] = {}
        form_host = QWidget(self)
        # Name | field | what it does: descriptions get the room that is left.
        grid = QGridLayout(form_host)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(16)
        row = 0
        for spec in SETTINGS:
            if spec.name in HIDDEN_SETTINGS:
                continue
            field = self._field_for(spec)
            field.setObjectName(spec.name)
            self.fields[spec.name] = field
            description = QLabel(form_host)
            description.setWordWrap(True)
            label = QLabel(form_host)
            label.setToolTip(spec.name)  # the name `kiosk config` takes
            self._words[spec.name] = (label, description)
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(description, row, 2)
            row += 1
        grid.setRowStretch(row, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton(self)
        self.reload_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        """The panel's words, and each setting's label and description, in the current language."""
        restart = translate("Console", "Applies from the kiosk's next start.")
        for name, (label, description) in self._words.items():
            spec = SPECS[name]
            label.setText(setting_label(spec))
            words = translate("Setting", spec.description)
            description.setText(f"{words} {restart}" if spec.needs_restart else words)
            field = self.fields[name]
            field.setAccessibleName(label.text())
            field.setAccessibleDescription(description.text())
            field.setToolTip(description.text())
        self.save_button.setText(translate("Console", "Save settings"))
        self.reload_button.setText(translate("Console", "Undo changes"))
        names = {
            "standard": translate("Console", "Standard"),
            "high_contrast": translate("Console", "High contrast"),
            **LANGUAGES,  # each language in its own words
        }
        for field in self.fields.values():
            if isinstance(field, QComboBox) and not field.isEditable():
                for index in range(field.count()):
                    value = field.itemData(index)
                    field.setItemText(index, names.get(value, value))

    def _field_for(self, spec: Spec) -> QWidget:
        if spec.type is bool:
            return QCheckBox(self)
        if spec.type is int:
            spin = QSpinBox(self)
            low = spec.minimum if spec.minimum is not None else 0
            spin.setRange(low, spec.maximum if spec.maximum is not None else INT_MAXIMUM)
            spin.setMinimumWidth(FIELD_WIDTH // 2)
            return spin
        if spec.type is float:
            share = QDoubleSpinBox(self)
            share.setDecimals(2)
            share.setSingleStep(0.05)
            share.setRange(spec.minimum or 0, spec.maximum if spec.maximum is not None else 1)
            share.setMinimumWidth(FIELD_WIDTH // 2)
            return share
        if spec.choices:
            combo = QComboBox(self)
            for value in spec.choices:
                combo.addItem(value, value)  # named in retranslate()
            combo.setMinimumWidth(FIELD_WIDTH // 2)
            return combo
        if spec.values_from == PRINTERS:
            return self._printer_field()
        line = QLineEdit(self)
        line.setMinimumWidth(FIELD_WIDTH)
        if spec.name in PASSWORD_SETTINGS:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        if spec.default:
            line.setPlaceholderText(str(spec.default))
        return line

    def _printer_field(self) -> QComboBox:
        """The printers this station can reach; another name may be typed."""
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setMinimumWidth(FIELD_WIDTH)
        try:
            from kiosk.printing.backends import list_printers

            names = [info.name for info in list_printers(with_media=False)]
        except Exception:  # a broken spooler must not stop the settings screen
            log.exception("listing printers failed")
            names = []
        for name in names or ["none"]:
            combo.addItem(name)
        return combo

    def value_of(self, name: str) -> Any:
        field = self.fields[name]
        if isinstance(field, QCheckBox):
            return field.isChecked()
        if isinstance(field, QSpinBox | QDoubleSpinBox):
            return field.value()
        if isinstance(field, QComboBox):
            if field.isEditable():
                return field.currentText().strip()
            return field.currentData()
        assert isinstance(field, QLineEdit)
        return field.text().strip()

    def load(self) -> None:
        """Show the stored values (or defaults), dropping unsaved edits."""
        for name, field in self.fields.items():
            value = self.settings.get(name)
            if isinstance(field, QCheckBox):
                field.setChecked(bool(value))
            elif isinstance(field, QSpinBox):
                field.setValue(int(value))
            elif isinstance(field, QDoubleSpinBox):
                field.setValue(float(value))
            elif isinstance(field, QComboBox) and field.isEditable():
                field.setCurrentText(str(value))
            elif isinstance(field, QComboBox):
                field.setCurrentIndex(max(0, field.findData(value)))
            elif isinstance(field, QLineEdit):
                field.setText(str(value))
        self.message.setText("")

    def save(self) -> bool:
        if not self.allowed():
            self.message.setText(translate("Console", "Only a supervisor may do this."))
            return False
        changed: list[str] = []
        try:
            for name in self.fields:
                value = self.value_of(name)
                if value != self.settings.get(name):
                    self.settings.set(name, value)
                    changed.append(name)
        except SettingError as error:
            self.message.setText(f"{setting_label(SPECS[name])}: {error}")
            self.fields[name].setFocus()
            return False
        # Names of settings only: values may be personal or secret.
        log.info("settings changed on screen: %s", ", ".join(changed) or "none")
        self.message.setText(saved_message([SPECS[name] for name in changed]))
        self.message.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.saved.emit()
        return True


def setting_label(spec: Spec) -> str:
    return translate("Setting", spec.label) if spec.label else spec.name


def saved_message(changed: list[Spec]) -> str:
    """What saving did, in one sentence: when it applies is part of the answer."""
    if not changed:
        return translate("Console", "Nothing to save.")
    later = [setting_label(spec) for spec in changed if spec.needs_restart]
    if not later:
        return translate("Console", "Saved. The kiosk uses the new settings now.")
    return translate("Console", "Saved. From the kiosk's next start: {settings}.").format(
        settings=", ".join(later)
    )

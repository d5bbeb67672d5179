"""Settings saved on the staff screen reach the running kiosk without a restart,
and the settings screen speaks the console's language."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kiosk_ui_helpers import Roster, open_staff
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QSpinBox

from kiosk.settings import SETTINGS, SPECS
from kiosk.store import Store
from kiosk.ui.app import Kiosk
from kiosk.ui.console.settings_panel import SettingsPanel
from kiosk.ui.flow import FlowController, Screen
from kiosk.ui.i18n import Languages, ts_file

SAVED_NOW = "Saved. The kiosk uses the new settings now."


def staff_settings(qtbot, controller: FlowController) -> SettingsPanel:  # type: ignore[no-untyped-def]
    open_staff(qtbot, controller)
    assert controller.staff.tabs is not None
    return controller.staff.tabs.settings


def back_to_check_in(qtbot, controller: FlowController) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(controller.staff.back_button, Qt.MouseButton.LeftButton)
    assert controller.current is Screen.WELCOME


def test_a_new_result_time_counts_from_the_next_result(
    qtbot, kiosk: Kiosk, controller: FlowController, roster: Roster
) -> None:  # type: ignore[no-untyped-def]
    panel = staff_settings(qtbot, controller)
    field = panel.fields["kiosk.result_seconds"]
    assert isinstance(field, QSpinBox)
    field.setValue(3)
    assert panel.save() and panel.message.text() == SAVED_NOW
    back_to_check_in(qtbot, controller)
    kiosk.wedge.scanned.emit(roster.omar.code)
    assert controller.current is Screen.RESULT
    assert controller.result.countdown.text() == "Back to the start in 3 s"


def test_help_desk_find_me_and_scanner_apply_to_the_running_kiosk(
    qtbot, kiosk: Kiosk, controller: FlowController
) -> None:  # type: ignore[no-untyped-def]
    assert controller.welcome.find_me.isVisibleTo(controller.welcome)
    panel = staff_settings(qtbot, controller)
    help_desk, find_me = panel.fields["kiosk.help_desk"], panel.fields["kiosk.findme_enabled"]
    shortest = panel.fields["kiosk.scanner_min_length"]
    assert isinstance(help_desk, QLineEdit) and isinstance(find_me, QCheckBox)
    assert isinstance(shortest, QSpinBox)
    help_desk.setText("by the lifts")
    find_me.setChecked(False)
    shortest.setValue(9)
    assert panel.save() and panel.message.text() == SAVED_NOW
    assert controller.result.help_desk == "by the lifts"
    assert not controller.welcome.find_me.isVisibleTo(controller.welcome)
    assert not controller.result.find_me_enabled
    assert kiosk.wedge.thresholds.min_length == 9


def test_default_language_changed_on_the_staff_screen_greets_the_next_person(
    qtbot, controller: FlowController
) -> None:  # type: ignore[no-untyped-def]
    panel = staff_settings(qtbot, controller)
    language = panel.fields["kiosk.language"]
    language.setCurrentIndex(language.findData("fr"))  # type: ignore[attr-defined]
    assert panel.save()
    back_to_check_in(qtbot, controller)
    assert controller.looks.appearance.language == "fr"


def test_a_setting_read_at_start_says_it_waits_for_the_next_start(
    qtbot, controller: FlowController
) -> None:  # type: ignore[no-untyped-def]
    panel = staff_settings(qtbot, controller)
    keep = panel.fields["backup.keep"]
    assert isinstance(keep, QSpinBox)
    keep.setValue(20)
    assert panel.save()
    assert panel.message.text() == "Saved. From the kiosk's next start: Backups kept."


def french(context: str) -> dict[str, str]:
    tree = ET.parse(ts_file("fr"))
    return {
        message.findtext("source") or "": message.findtext("translation") or ""
        for found in tree.iter("context")
        if found.findtext("name") == context
        for message in found.iter("message")
    }


def test_labels_and_descriptions_follow_the_console_into_french(
    qtbot, store: Store, languages: Languages
) -> None:  # type: ignore[no-untyped-def]
    panel = SettingsPanel(store)
    qtbot.addWidget(panel)
    english = {label.text() for label in panel.findChildren(QLabel)}
    assert "Backups kept" in english
    assert languages.set_language("fr")
    QApplication.processEvents()  # LanguageChange events arrive through the loop
    words, console = french("Setting"), french("Console")
    texts = {label.text() for label in panel.findChildren(QLabel)}
    restart = console["Applies from the kiosk's next start."]
    for spec in SETTINGS:
        if spec.name not in panel.fields:
            continue
        assert words[spec.label] in texts, spec.name
        described = words[spec.description] + (f" {restart}" if spec.needs_restart else "")
        assert described in texts, spec.name
        assert panel.fields[spec.name].toolTip() == described
    assert "Sauvegardes conservées" in texts and "Backups kept" not in texts
    keep = panel.fields["backup.keep"]
    assert isinstance(keep, QSpinBox)
    keep.setValue(SPECS["backup.keep"].default + 1)
    assert panel.save()
    assert panel.message.text() == (
        "Réglages enregistrés. Au prochain démarrage de la borne\u00a0: Sauvegardes conservées."
    )
    assert languages.set_language("en")
    QApplication.processEvents()
    assert "Backups kept" in {label.text() for label in panel.findChildren(QLabel)}


def test_find_me_limit_range_is_the_screens_places_for_names() -> None:
    """The setting's range replaces the clamp the flow once applied by hand."""
    from kiosk.ui.views.findme import MATCH_SLOTS

    spec = SPECS["kiosk.findme_limit"]
    assert (spec.minimum, spec.maximum) == (1, MATCH_SLOTS)

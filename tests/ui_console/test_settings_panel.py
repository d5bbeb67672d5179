"""The settings screen is generated from the declared list and stores only differences."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from kiosk.settings import HIDDEN_SETTINGS, PRINTERS, SETTINGS, SPECS, Settings
from kiosk.store import Store
from kiosk.ui.console.settings_panel import SettingsPanel


def stored(store: Store) -> dict[str, str]:
    return dict(store.conn.execute("SELECT key, value FROM settings").fetchall())


def panel_for(qtbot, store: Store) -> SettingsPanel:  # type: ignore[no-untyped-def]
    panel = SettingsPanel(store)
    qtbot.addWidget(panel)
    return panel


def test_every_declared_setting_has_a_field_of_its_type(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    panel = panel_for(qtbot, store)
    shown = set(panel.fields)
    assert shown == {spec.name for spec in SETTINGS} - HIDDEN_SETTINGS
    kinds = {bool: QCheckBox, int: QSpinBox, float: QDoubleSpinBox, str: QLineEdit}
    for name, field in panel.fields.items():
        spec = SPECS[name]
        kind = QComboBox if spec.choices or spec.values_from == PRINTERS else kinds[spec.type]
        assert isinstance(field, kind), name
    texts = {label.text() for label in panel.findChildren(QLabel)}
    assert SPECS["kiosk.help_desk"].description in texts
    # Read once at start: its row says when a change counts.
    assert SPECS["backup.keep"].description + " Applies from the kiosk's next start." in texts
    assert "Backups kept" in texts and "backup.keep" not in texts  # labels, not keys


def test_saving_stores_only_what_differs_from_the_default(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    before = stored(store)
    panel = panel_for(qtbot, store)
    assert panel.save()  # nothing edited: nothing written
    assert stored(store) == before
    panel.fields["backup.keep"].setValue(30)  # type: ignore[attr-defined]
    panel.fields["kiosk.sounds"].setChecked(True)  # type: ignore[attr-defined]
    panel.fields["kiosk.help_desk"].setText("  by the lifts ")  # type: ignore[attr-defined]
    assert panel.save()
    settings = Settings(store)
    assert (settings.get("backup.keep"), settings.get("kiosk.sounds")) == (30, True)
    assert settings.get("kiosk.help_desk") == "by the lifts"
    added = set(stored(store)) - set(before)
    assert added == {"backup.keep", "kiosk.sounds", "kiosk.help_desk"}
    # Back to the default: the stored value goes away.
    panel.fields["backup.keep"].setValue(SPECS["backup.keep"].default)  # type: ignore[attr-defined]
    assert panel.save()
    assert "backup.keep" not in stored(store)


def test_undo_changes_drops_unsaved_edits(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    panel = panel_for(qtbot, store)
    panel.fields["kiosk.result_seconds"].setValue(99)  # type: ignore[attr-defined]
    panel.reload_button.click()
    assert panel.value_of("kiosk.result_seconds") == SPECS["kiosk.result_seconds"].default
    assert "kiosk.result_seconds" not in stored(store)


def test_secrets_are_never_shown_in_clear(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    Settings(store).set("sync.server", "postgresql://kiosk:s3cret@hub/event")
    Settings(store).set("kiosk.pin_hash", "scrypt$not-a-real-hash")
    panel = panel_for(qtbot, store)
    assert "kiosk.pin_hash" not in panel.fields
    server = panel.fields["sync.server"]
    assert isinstance(server, QLineEdit)
    assert server.echoMode() is QLineEdit.EchoMode.Password
    texts = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert "s3cret" not in texts and "not-a-real-hash" not in texts


def test_choices_ranges_and_printers_leave_no_room_for_a_bad_value(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    panel = panel_for(qtbot, store)
    language = panel.fields["kiosk.language"]
    assert isinstance(language, QComboBox) and not language.isEditable()
    assert [language.itemText(i) for i in range(language.count())] == ["English", "Français"]
    theme = panel.fields["kiosk.theme"]
    assert isinstance(theme, QComboBox)
    assert [theme.itemText(i) for i in range(theme.count())] == ["Standard", "High contrast"]
    limit = panel.fields["kiosk.findme_limit"]
    assert isinstance(limit, QSpinBox) and (limit.minimum(), limit.maximum()) == (1, 6)
    printer = panel.fields["printer"]
    assert isinstance(printer, QComboBox) and printer.findText("none") >= 0

    language.setCurrentIndex(language.findData("fr"))
    theme.setCurrentIndex(theme.findData("high_contrast"))
    assert panel.save()
    assert Settings(store).get("kiosk.language") == "fr"
    assert stored(store)["kiosk.theme"] == "high_contrast"

    printer.setCurrentText("my printer")
    assert not panel.save()
    assert panel.message.text().startswith("Printer: ")
    assert "not a printer name" in panel.message.text()
    assert Settings(store).get("printer") == "none"
    printer.setCurrentText("folder:badges")
    assert panel.save()
    assert Settings(store).get("printer") == "folder:badges"


def test_a_share_is_edited_as_a_decimal_within_its_range(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    panel = panel_for(qtbot, store)
    share = panel.fields["cpd.minimum_share"]
    assert isinstance(share, QDoubleSpinBox)
    assert (share.minimum(), share.maximum(), share.value()) == (0.0, 1.0, 0.75)
    share.setValue(0.5)
    assert panel.save()
    assert Settings(store).get("cpd.minimum_share") == 0.5
    assert stored(store)["cpd.minimum_share"] == "0.5"

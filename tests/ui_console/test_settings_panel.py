"""The settings screen is generated from the declared list and stores only differences."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QSpinBox

from kiosk.settings import HIDDEN_SETTINGS, SETTINGS, SPECS, Settings
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
    kinds = {bool: QCheckBox, int: QSpinBox, str: QLineEdit}
    for name, field in panel.fields.items():
        assert isinstance(field, kinds[SPECS[name].type]), name
    descriptions = {label.text() for label in panel.findChildren(QLabel)}
    assert SPECS["backup.keep"].description in descriptions


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

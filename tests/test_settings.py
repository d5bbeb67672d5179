"""The declared settings: typed access, only differences stored, docs in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.settings import SETTINGS, SettingError, Settings, settings_markdown
from kiosk.store import Store

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_defaults_are_not_stored(store: Store) -> None:
    settings = Settings(store)
    assert settings.get("kiosk.result_seconds") == 6
    settings.set("kiosk.result_seconds", "9")
    assert store.setting("kiosk.result_seconds") == "9"
    settings.set("kiosk.result_seconds", 6)
    assert store.setting("kiosk.result_seconds") is None
    assert store.conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_types_are_checked(store: Store) -> None:
    settings = Settings(store)
    settings.set("kiosk.large_text", "yes")
    assert settings.get("kiosk.large_text") is True
    with pytest.raises(SettingError, match="yes or no"):
        settings.set("kiosk.large_text", "perhaps")
    with pytest.raises(SettingError, match="int"):
        settings.set("backup.keep", "many")
    with pytest.raises(SettingError, match="no setting"):
        settings.get("kiosk.nonsense")
    store.set_setting("backup.keep", "garbage")  # edited by hand
    assert settings.get("backup.keep") == 12


def test_the_docs_are_generated_from_the_list() -> None:
    assert DOCS.read_text(encoding="utf-8") == settings_markdown(), (
        "docs/settings.md is stale: run kiosk config list --markdown > docs/settings.md"
    )
    names = [spec.name for spec in SETTINGS]
    assert len(names) == len(set(names))


def test_config_command(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "set", "printer", "folder:/tmp/badges", "--db", str(db_path)]) == 0
    assert main(["config", "get", "printer", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "folder:/tmp/badges"
    assert main(["config", "set", "kiosk.pin_hash", "x", "--db", str(db_path)]) == 2
    assert "set-pin" in capsys.readouterr().err
    assert main(["config", "list", "--db", str(db_path)]) == 0
    listing = capsys.readouterr().out
    assert "* printer" in listing and "  kiosk.language" in listing


def test_values_outside_the_declared_constraints_are_refused(store: Store) -> None:
    settings = Settings(store)
    with pytest.raises(SettingError, match="en or fr, not 'de'"):
        settings.set("kiosk.language", "de")
    with pytest.raises(SettingError, match="standard or high_contrast"):
        settings.set("kiosk.theme", "dark")
    with pytest.raises(SettingError, match="1 to 20"):
        settings.set("kiosk.findme_limit", "0")
    with pytest.raises(SettingError, match="not a printer name"):
        settings.set("printer", "my printer")
    settings.set("kiosk.language", "fr")
    settings.set("printer", "folder:badges")
    assert (settings.get("kiosk.language"), settings.get("printer")) == ("fr", "folder:badges")
    store.set_setting("kiosk.language", "de")  # edited by hand: the station keeps working
    assert settings.get("kiosk.language") == "en"


def test_config_set_refuses_a_language_the_kiosk_does_not_have(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "set", "kiosk.language", "de", "--db", str(db_path)]) == 2
    assert "kiosk.language takes en or fr, not 'de'." in capsys.readouterr().err
    assert main(["config", "get", "kiosk.language", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.strip() == "en"


def test_every_setting_has_a_label_and_the_choices_follow_the_screens() -> None:
    from kiosk.ui.i18n import LANGUAGES
    from kiosk.ui.theme import ThemeName

    assert all(spec.label for spec in SETTINGS)
    specs = {spec.name: spec for spec in SETTINGS}
    assert set(specs["kiosk.language"].choices) == set(LANGUAGES)
    assert set(specs["kiosk.theme"].choices) == {theme.value for theme in ThemeName}
    for spec in SETTINGS:
        if spec.choices:
            assert spec.default in spec.choices, spec.name
        if spec.minimum is not None and spec.maximum is not None:
            assert spec.minimum <= spec.default <= spec.maximum, spec.name

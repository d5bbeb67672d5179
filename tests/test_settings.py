"""The declared settings: typed access, only differences stored, docs in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.settings import SETTINGS, SPECS, SettingError, Settings, check, settings_markdown
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


@pytest.mark.expected_log("kiosk.settings", "backup.keep holds a value it does not take")
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


@pytest.mark.expected_log("kiosk.settings", "kiosk.language holds a value it does not take")
def test_values_outside_the_declared_constraints_are_refused(store: Store) -> None:
    settings = Settings(store)
    with pytest.raises(SettingError, match="en or fr, not 'de'"):
        settings.set("kiosk.language", "de")
    with pytest.raises(SettingError, match="standard or high_contrast"):
        settings.set("kiosk.theme", "dark")
    with pytest.raises(SettingError, match="1 to 6"):
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


def test_every_default_passes_its_own_constraints() -> None:
    for spec in SETTINGS:
        assert isinstance(spec.default, spec.type), spec.name
        if spec.values_from == "":
            check(spec, spec.default)  # raises SettingError if the declaration contradicts itself


@pytest.mark.parametrize(
    ("name", "stored", "why"),
    [
        ("kiosk.result_seconds", "-7", "1 to 120"),
        ("kiosk.result_seconds", "soon", "1 to 120"),
        ("kiosk.theme", "dark", "one of standard, high_contrast"),
        ("kiosk.sounds", "loud", "a bool"),
    ],
)
def test_a_bad_stored_value_falls_back_to_the_default_with_one_log_line(
    store: Store, caplog: pytest.LogCaptureFixture, expected_log, name: str, stored: str, why: str
) -> None:  # type: ignore[no-untyped-def]
    expected_log.allow("kiosk.settings", f"{name} holds a value it does not take")
    store.set_setting(name, stored)  # typed into the file by hand, or from an older version
    settings = Settings(store)
    with caplog.at_level("WARNING", logger="kiosk.settings"):
        assert settings.get(name) == SPECS[name].default
        assert settings.get(name) == SPECS[name].default  # asked again: not logged again
    lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.settings"]
    assert lines == [f"setting {name} holds a value it does not take ({why}); using the default"]
    assert stored not in lines[0]  # the value stays out of the log: it may be personal


def test_changed_tells_every_settings_over_the_same_store(store: Store) -> None:
    heard: list[tuple[str, object]] = []
    Settings(store).changed.connect(lambda name, value: heard.append((name, value)))
    writer = Settings(store)  # the staff screen's own
    writer.set("kiosk.result_seconds", "9")
    writer.set("kiosk.result_seconds", 9)  # the same value again: nothing changed
    writer.set("kiosk.help_desk", "by the lifts")
    writer.set("kiosk.result_seconds", 6)  # back to the default (stored value cleared)
    assert heard == [
        ("kiosk.result_seconds", 9),
        ("kiosk.help_desk", "by the lifts"),
        ("kiosk.result_seconds", 6),
    ]
    other = Store.open(":memory:")
    Settings(other).set("kiosk.result_seconds", 12)
    assert len(heard) == 3  # another event file's settings are not this one's


def test_a_refused_value_tells_nobody(store: Store) -> None:
    heard: list[str] = []
    Settings(store).changed.connect(lambda name, value: heard.append(name))
    with pytest.raises(SettingError):
        Settings(store).set("kiosk.idle_seconds", 0)
    assert heard == [] and store.setting("kiosk.idle_seconds") is None


@pytest.mark.expected_log("kiosk.settings", "applying the new value of kiosk.sounds", "ERROR")
def test_a_listener_that_fails_is_logged_and_the_others_still_hear(store: Store) -> None:
    heard: list[str] = []

    def broken(name: str, value: object) -> None:
        raise RuntimeError("a screen's bug")

    settings = Settings(store)
    settings.changed.connect(broken)
    settings.changed.connect(lambda name, value: heard.append(name))
    settings.set("kiosk.sounds", True)
    assert heard == ["kiosk.sounds"] and settings.get("kiosk.sounds") is True


def test_settings_read_once_at_start_say_so_in_the_docs() -> None:
    restart = [spec for spec in SETTINGS if spec.needs_restart]
    assert {spec.name for spec in restart} >= {"kiosk.station_name", "sync.server"}
    for spec in restart:
        row = next(line for line in settings_markdown().splitlines() if f"`{spec.name}`" in line)
        assert "Applies from the next start." in row

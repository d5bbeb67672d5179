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

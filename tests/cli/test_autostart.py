"""`kiosk install-autostart`: an XDG autostart entry that really starts the kiosk."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
from pathlib import Path

import pytest

from kiosk import autostart
from kiosk.cli import main


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(os.name != "posix" or os.uname().sysname != "Linux", reason="XDG is Linux's")
def test_the_entry_starts_the_kiosk_on_the_event_file(
    db_path: Path, config_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = db_path.parent / "event folder with spaces"
    folder.mkdir()
    moved = db_path.rename(folder / "event.db")
    assert main(["install-autostart", "--db", str(moved), "--station", "Door 1"]) == 0
    assert "start full screen at login" in capsys.readouterr().out
    entry = read_entry(config_home / "autostart" / "event-kiosk.desktop")
    assert entry["Type"] == "Application"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    command = shlex.split(entry["Exec"])
    assert command[-5:] == ["run", "--db", str(moved.resolve()), "--station", "Door 1"]
    # The very command a desktop session would run, painted once and closed.
    result = subprocess.run(
        [*command, "--smoke"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_remove_deletes_the_entry_and_says_so_when_there_was_none(
    db_path: Path, config_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-autostart", "--db", str(db_path)]) == 0
    path = config_home / "autostart" / "event-kiosk.desktop"
    assert path.exists()
    assert main(["install-autostart", "--remove"]) == 0
    assert not path.exists()
    assert main(["install-autostart", "--remove"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_a_missing_event_file_is_one_sentence(
    tmp_path: Path, config_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-autostart", "--db", str(tmp_path / "nope.db")]) == 2
    assert "There is no event database" in capsys.readouterr().err
    assert not (config_home / "autostart").exists()


@pytest.mark.parametrize(("platform", "where"), [("win32", "shell:startup"), ("darwin", "Login")])
def test_windows_and_macos_are_told_what_to_do(
    db_path: Path, config_home: Path, platform: str, where: str
) -> None:
    outcome = autostart.install(db_path, "Door 1", platform=platform)
    assert outcome.path is None
    assert where in outcome.message
    assert str(db_path.resolve()) in outcome.message
    assert not (config_home / "autostart").exists()


def test_exec_quoting_follows_the_desktop_entry_rules() -> None:
    line = autostart.desktop_entry(["/opt/k/kiosk", "run", "--db", '/a b/"x"$1%.db'])
    exec_line = next(x for x in line.splitlines() if x.startswith("Exec="))
    assert exec_line == 'Exec=/opt/k/kiosk run --db "/a b/\\"x\\"\\$1%%.db"'

"""The wheel carries every file the product reads at run time."""

from __future__ import annotations

from pathlib import Path

from packaging_helpers import ROOT

RESOURCES = ROOT / "resources"


def shipped_sources() -> list[Path]:
    """Every file under resources/ but caches, the locally built .qm and dot files
    (a .gitignore is not for users)."""
    return sorted(
        path
        for path in RESOURCES.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix != ".qm"
        and not path.name.startswith(".")
    )


def test_every_resource_file_is_in_the_wheel(wheel_names: set[str]) -> None:
    sources = shipped_sources()
    assert len(sources) > 30  # fonts, licences, templates, stock, translations, sounds
    missing = [
        str(path.relative_to(RESOURCES))
        for path in sources
        if f"kiosk/resources/{path.relative_to(RESOURCES).as_posix()}" not in wheel_names
    ]
    assert missing == []


def test_translations_are_compiled_into_the_wheel(wheel_names: set[str]) -> None:
    languages = [path.stem for path in (RESOURCES / "i18n").glob("*.ts")]
    assert languages
    for language in languages:
        assert f"kiosk/resources/i18n/{language}.qm" in wheel_names


def test_developer_tools_stay_out_of_the_wheel(wheel_names: set[str]) -> None:
    assert not any(name.startswith(("tests/", "benchmarks/", "scripts/")) for name in wheel_names)
    assert not any(name.startswith("kiosk/devtools/") for name in wheel_names)
    assert "kiosk/cli/__init__.py" in wheel_names

"""The wheel and the sdist carry every file the product reads at run time."""

from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path

from packaging_helpers import ROOT, build_wheel

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


def test_the_sdist_carries_the_sources_of_every_resource(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert "setup.py" in names  # the build steps that map resources/ and compile .qm
    missing = [
        path.relative_to(ROOT).as_posix()
        for path in shipped_sources()
        if path.relative_to(ROOT).as_posix() not in names
    ]
    assert missing == []


def test_a_wheel_built_from_the_sdist_is_complete(sdist: Path, tmp_path: Path) -> None:
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (unpacked,) = tmp_path.glob("event_kiosk-*")
    wheel = build_wheel(tmp_path / "wheel", unpacked)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for path in shipped_sources():
        assert f"kiosk/resources/{path.relative_to(RESOURCES).as_posix()}" in names
    assert {n for n in names if n.endswith(".qm")}

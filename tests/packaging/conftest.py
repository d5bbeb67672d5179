"""The product as a user gets it: a wheel built from this tree, installed elsewhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging_helpers import ROOT, Installed, build_wheel


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.fixture(scope="session")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sdist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "-o", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (archive,) = out.glob("event_kiosk-*.tar.gz")
    return archive


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    folder = tmp_path_factory.mktemp("installed")
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    # The dependencies come from the package index (pip's cache after the first
    # run); the product itself only from the wheel, without the test extra.
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"installing the wheel failed:\n{result.stderr[-3000:]}")
    home = folder / "elsewhere"
    home.mkdir()
    yield Installed(venv, home)

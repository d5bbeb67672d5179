"""The standalone bundle (scripts/package): runs with no Python anywhere on PATH."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_helpers import ROOT
from pypdf import PdfReader

from kiosk import __version__

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="scripts/package needs bash"),
]

BUNDLE = ROOT / "dist" / "event-kiosk"


@pytest.fixture(scope="module")
def bundle() -> Path:
    result = subprocess.run(
        [str(ROOT / "scripts" / "package")],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return BUNDLE


def run_bundled(bundle: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    empty = folder / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = {
        "PATH": str(empty),  # no python, no pip, nothing of the build machine
        "HOME": str(folder),
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_LOG_DIR": str(folder / "logs"),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [str(bundle / "kiosk"), *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_version_demo_and_a_badge_with_no_python(bundle: Path, tmp_path: Path) -> None:
    version = run_bundled(bundle, tmp_path, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"kiosk {__version__}"

    demo = run_bundled(bundle, tmp_path, "demo", "--db", "event.db")
    assert demo.returncode == 0, demo.stderr
    with sqlite3.connect(tmp_path / "event.db") as conn:
        code, first = conn.execute(
            "SELECT code, first_name FROM attendees WHERE status = 'active' ORDER BY id LIMIT 1"
        ).fetchone()

    badge = run_bundled(bundle, tmp_path, "badge", code, "--db", "event.db", "-o", "one.pdf")
    assert badge.returncode == 0, badge.stderr
    text = "".join(page.extract_text() or "" for page in PdfReader(tmp_path / "one.pdf").pages)
    assert "".join(first.split()) in "".join(text.split())

    window = run_bundled(bundle, tmp_path, "run", "--db", "event.db", "--smoke")
    assert window.returncode == 0, window.stderr
    assert "Traceback" not in window.stderr


def test_only_the_qt_modules_the_product_uses(bundle: Path) -> None:
    bundled = {path.name.split(".")[0] for path in (bundle / "_internal" / "PySide6").glob("Qt*")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtMultimedia", "QtCharts"} <= bundled
    for unused in ("QtWebEngineCore", "Qt3DCore", "QtQuick3D", "QtWebView", "QtDesigner"):
        assert unused not in bundled


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .desktop file is Linux's")
def test_linux_bundle_has_a_desktop_file_and_icon(bundle: Path) -> None:
    entry = (bundle / "event-kiosk.desktop").read_text(encoding="utf-8")
    assert "Type=Application" in entry and "Icon=kiosk" in entry
    assert (bundle / "kiosk.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

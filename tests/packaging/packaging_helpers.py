"""What the packaging tests share: the checkout's root and an installed copy."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_wheel(out: Path, source: Path = ROOT) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("event_kiosk-*.whl")
    return wheel


@dataclass
class Installed:
    """A fresh virtual environment holding only the wheel and its dependencies."""

    venv: Path
    home: Path  # a folder outside the checkout, where every command runs

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if sys.platform == "win32" else "bin")

    def env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"PYTHONPATH", "VIRTUAL_ENV", "KIOSK_DB", "PYTHONHOME"}
        }
        env["PATH"] = os.pathsep.join([str(self.bin), "/usr/bin", "/bin"])
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["HOME"] = str(self.home)
        env["XDG_DATA_HOME"] = str(self.home / "data")
        env["XDG_CONFIG_HOME"] = str(self.home / "config")
        env["KIOSK_LOG_DIR"] = str(self.home / "logs")
        return env

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bin / "kiosk"), *args],
            cwd=self.home,
            env=self.env(),
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bin / "python"), "-c", code],
            cwd=self.home,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
        )

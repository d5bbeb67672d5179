"""Where the badge engine finds its shipped files (fonts, templates, stock)."""

from __future__ import annotations

import importlib.resources
from pathlib import Path


def resources_dir() -> Path:
    """The project's `resources/` folder, found next to the `kiosk` package."""
    package = Path(str(importlib.resources.files("kiosk")))
    return package.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def badges_dir() -> Path:
    return resources_dir() / "badges"

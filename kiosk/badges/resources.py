"""Where the badge engine finds its shipped files (fonts, templates, stock)."""

from __future__ import annotations

from pathlib import Path

from kiosk.paths import resource_dir


def fonts_dir() -> Path:
    return resource_dir() / "fonts"


def badges_dir() -> Path:
    return resource_dir() / "badges"

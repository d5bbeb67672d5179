"""Where the product keeps its files on each operating system."""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

APP_NAME = "event-kiosk"


def resource_dir() -> Path:
    """The files the product ships (fonts, templates, translations, sounds, icons).

    They are the package `kiosk.resources`: `resources/` in the source tree,
    mapped into the package when it is built, so a wheel, an editable checkout
    and the standalone bundle all find them here.
    """
    return Path(str(importlib.resources.files("kiosk.resources")))


def data_dir() -> Path:
    """The user's data folder for this product (databases, logs)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def config_dir() -> Path:
    """The user's config folder (organisers' own badge templates live here)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / APP_NAME

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


def config_home() -> Path:
    """The folder where programs keep their settings on this system."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def config_dir() -> Path:
    """The user's config folder (organisers' own badge templates live here)."""
    return config_home() / APP_NAME

"""Where the shipped files (fonts, translations, sounds) live."""

from __future__ import annotations

import logging

from kiosk.paths import resource_dir

log = logging.getLogger("kiosk.ui")

RESOURCES = resource_dir()
I18N_DIR = RESOURCES / "i18n"
FONTS_DIR = RESOURCES / "fonts"
SOUNDS_DIR = RESOURCES / "ui" / "sounds"


def load_fonts() -> int:
    """Register every shipped font with Qt, so names in any script draw.

    Without this Qt draws empty boxes for Chinese or Korean names on a
    machine that has no such system fonts.
    """
    from PySide6.QtGui import QFontDatabase

    count = 0
    for path in sorted(FONTS_DIR.rglob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) >= 0:
            count += 1
        else:
            log.warning("font not loaded: %s", path.name)
    return count

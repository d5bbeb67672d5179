"""Optional sounds: a rising chime for success, a low tone for "see the help desk"."""

from __future__ import annotations

import logging
from typing import Any

from kiosk.ui.resources import SOUNDS_DIR

log = logging.getLogger("kiosk.ui")


class Sounds:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._effects: dict[str, Any] = {}
        self.played: list[str] = []
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            log.warning("sounds are on but Qt Multimedia is missing")
            self.enabled = False
            return
        for name in ("success", "help"):
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(SOUNDS_DIR / f"{name}.wav")))
            self._effects[name] = effect

    def play(self, name: str) -> None:
        if not self.enabled:
            return
        self.played.append(name)
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()

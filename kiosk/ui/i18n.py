"""Languages: Qt translators from compiled `.qm` files, built from the committed `.ts`.

English is the source language. The `.qm` files are compiled when the package
is built (setup.py), or by `scripts/build-translations` in a checkout; the
product never compiles anything in the user's folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.ui.resources import I18N_DIR

log = logging.getLogger("kiosk.ui")

SOURCE_LANGUAGE = "en"
# Code -> the language's own name (the switch shows the name to people who read it).
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
RIGHT_TO_LEFT: set[str] = set()


class FollowsLanguage:
    """Mixin for a Qt widget class: its `retranslate()` runs again whenever the
    application's language changes. Put it before the Qt base class."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text again (called at start and on a language change)."""


def ts_file(language: str) -> Path:
    return I18N_DIR / f"kiosk_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N_DIR / f"kiosk_{language}.qm"


class Languages:
    """Installs one translator at a time on the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.current = SOURCE_LANGUAGE

    def set_language(self, language: str) -> bool:
        """Switch; every widget then gets a LanguageChange event and retranslates."""
        if language not in LANGUAGES:
            return False
        if language == self.current:
            return True
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        if language != SOURCE_LANGUAGE:
            translator = QTranslator(self._app)
            if not translator.load(str(qm_file(language))):
                log.warning("no compiled translation for %s", language)
                # Keep English on screen rather than a half-switched state.
                self.current = SOURCE_LANGUAGE
                self._set_direction(SOURCE_LANGUAGE)
                return False
            self._app.installTranslator(translator)
            self._translator = translator
        self.current = language
        self._set_direction(language)
        QLocale.setDefault(QLocale(language))
        log.info("language %s", language)
        return True

    def _set_direction(self, language: str) -> None:
        if isinstance(self._app, QApplication):
            direction = (
                Qt.LayoutDirection.RightToLeft
                if language in RIGHT_TO_LEFT
                else Qt.LayoutDirection.LeftToRight
            )
            self._app.setLayoutDirection(direction)

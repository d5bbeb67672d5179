"""An attendee's display choices: language, larger text, high contrast.

The station's settings give the defaults. A choice lasts while the same
person uses the kiosk (Back to welcome keeps it) and ends when the next
person comes (`reset`), or when the kiosk idles.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from kiosk.settings import Settings
from kiosk.ui.i18n import SOURCE_LANGUAGE, Languages
from kiosk.ui.theme import ThemeName, theme_for
from kiosk.ui.views.welcome import WelcomeView
from kiosk.ui.window import KioskWindow


@dataclass
class Appearance:
    language: str
    high_contrast: bool
    large_text: bool


class AppearanceChoices(QObject):
    chosen = Signal()  # someone changed a choice: they are still there

    def __init__(
        self,
        settings: Settings,
        window: KioskWindow,
        welcome: WelcomeView,
        languages: Languages | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings, self.window, self.welcome = settings, window, welcome
        self.languages = languages
        self.defaults = Appearance(
            settings.get("kiosk.language"),
            settings.get("kiosk.theme") == ThemeName.HIGH_CONTRAST,
            settings.get("kiosk.large_text"),
        )
        self.appearance = Appearance(**vars(self.defaults))
        welcome.language_requested.connect(self.set_language)
        welcome.large_text_toggled.connect(self.set_large_text)
        welcome.contrast_toggled.connect(self.set_high_contrast)

    @property
    def personal(self) -> bool:
        """Someone chose differently from the station's defaults."""
        return self.appearance != self.defaults

    def set_language(self, language: str) -> None:
        self.appearance.language = language
        self.apply()
        self.chosen.emit()

    def set_large_text(self, on: bool) -> None:
        self.appearance.large_text = on
        self.apply()
        self.chosen.emit()

    def set_high_contrast(self, on: bool) -> None:
        self.appearance.high_contrast = on
        self.apply()
        self.chosen.emit()

    def reset(self) -> None:
        """The next person starts from the station's defaults."""
        if self.personal:
            self.appearance = Appearance(**vars(self.defaults))
            self.apply()

    def apply(self) -> None:
        a = self.appearance
        if self.languages is not None and not self.languages.set_language(a.language):
            a.language = self.languages.current
        elif self.languages is None:
            a.language = SOURCE_LANGUAGE
        name = ThemeName.HIGH_CONTRAST if a.high_contrast else ThemeName.STANDARD
        self.window.set_appearance(
            theme_for(name, self.settings.get("event.primary_color")), a.large_text
        )
        self.welcome.set_state(a.language, a.large_text, a.high_contrast)

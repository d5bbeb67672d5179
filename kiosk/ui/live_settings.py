"""A setting changed on the staff screen reaches the running kiosk at once.

The kiosk reads most settings each time it needs them (the result and idle
time-outs, the find-me limit, the printer, the badge template), so a new
value counts from its next use. The ones a screen takes once, when it is
built, are applied here when `Settings.changed` says so. Those only a restart
can apply are marked `needs_restart` in `kiosk.settings`, and the settings
screen says so.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.ui.sounds import Sounds
from kiosk.ui.theme import ThemeName

if TYPE_CHECKING:
    from kiosk.ui.app import Kiosk

log = logging.getLogger("kiosk.ui")


def follow_settings(kiosk: Kiosk) -> None:
    """Apply each changed setting to this kiosk's screens and scanner."""
    controller, wedge = kiosk.controller, kiosk.wedge

    def find_me(enabled: bool) -> None:
        controller.welcome.set_find_me_enabled(enabled)
        controller.result.find_me_enabled = enabled

    def sounds(enabled: bool) -> None:
        controller.sounds = Sounds(enabled=enabled)

    def defaults(_: Any) -> None:
        # The next person starts with these (the one at the kiosk keeps theirs).
        settings, looks = controller.settings, controller.looks
        looks.defaults = dataclasses.replace(
            looks.defaults,
            language=settings.get("kiosk.language"),
            high_contrast=settings.get("kiosk.theme") == ThemeName.HIGH_CONTRAST,
            large_text=settings.get("kiosk.large_text"),
        )

    def scanner(field: str) -> Callable[[int], None]:
        def apply(value: int) -> None:
            wedge.thresholds = dataclasses.replace(wedge.thresholds, **{field: value})

        return apply

    appliers: dict[str, Callable[[Any], None]] = {
        "kiosk.help_desk": lambda where: setattr(controller.result, "help_desk", where),
        "kiosk.findme_enabled": find_me,
        "kiosk.sounds": sounds,
        "event.logo": controller.welcome.set_logo,
        "event.primary_color": lambda _: controller.looks.apply(),
        "kiosk.language": defaults,
        "kiosk.theme": defaults,
        "kiosk.large_text": defaults,
        "kiosk.scanner_max_gap_ms": scanner("max_gap_ms"),
        "kiosk.scanner_min_length": scanner("min_length"),
        "kiosk.scanner_pause_ms": scanner("pause_ms"),
    }

    def changed(name: str, value: Any) -> None:
        apply = appliers.get(name)
        if apply is not None:
            apply(value)
            log.info("setting %s applied to the running kiosk", name)

    controller.settings.changed.connect(changed)

"""The second language: complete, current with the source, and on every screen."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from kiosk_ui_helpers import visible_texts
from PySide6.QtWidgets import QApplication

from kiosk.devtools.screenshots import scenes
from kiosk.ui.app import Kiosk
from kiosk.ui.i18n import LANGUAGES, SOURCE_LANGUAGE, qm_file, ts_file

# The kiosk's screens and the help-desk console its staff screen embeds, and the
# settings' labels and descriptions; the setup wizard is not translated yet.
KIOSK = Path(__file__).parents[2] / "kiosk"
UI_SOURCES = sorted(
    [str(p) for p in (KIOSK / "ui").rglob("*.py") if "wizard" not in p.parts]
    + [str(KIOSK / "settings.py")]
)
SECOND = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) -> message: one source may need two translations."""
    tree = ET.parse(ts)
    return {
        (
            context.findtext("name") or "",
            message.findtext("source") or "",
            message.findtext("comment") or "",
        ): message
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_there_is_a_second_language_with_a_compiled_file():
    assert SECOND
    for language in SECOND:
        assert ts_file(language).exists()
        assert qm_file(language).exists()  # built by the session fixture


def test_every_message_has_a_finished_translation_keeping_its_placeholders():
    for language in SECOND:
        for (context, source, _), message in messages(ts_file(language)).items():
            translation = message.find("translation")
            assert translation is not None
            assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), source
            assert (translation.text or "").strip(), f"{context}: {source!r} is not translated"
            placeholders = sorted(re.findall(r"\{\w*\}", source))
            assert placeholders == sorted(re.findall(r"\{\w*\}", translation.text)), source


def test_the_help_desk_console_is_in_the_catalogue():
    for language in SECOND:
        found = messages(ts_file(language))
        assert ("Console", "Reprint badge", "") in found
        assert ("Console", "Help desk", "") in found


def test_committed_ts_holds_exactly_the_strings_in_the_code(tmp_path: Path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), "-locations", "none", *UI_SOURCES, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    for language in SECOND:
        assert set(messages(fresh)) == set(messages(ts_file(language)))


@pytest.mark.expected_log("kiosk.ui", "wrong staff PIN")
@pytest.mark.expected_log("kiosk.ui", "check-ins cannot be saved: disk_full")
def test_every_visible_string_is_translated_on_every_screen(kiosk: Kiosk, roster):  # type: ignore[no-untyped-def]
    english = {source for _, source, _ in messages(ts_file(SECOND[0]))}
    identical = {
        source
        for (_, source, _), message in messages(ts_file(SECOND[0])).items()
        if message.findtext("translation") == source
    }
    untranslated: list[str] = []
    seen: set[str] = set()
    c = kiosk.controller
    for scene in scenes(kiosk, c.store):
        c.looks.appearance.language = SECOND[0]
        c.looks.apply()
        QApplication.processEvents()  # LanguageChange events arrive through the loop
        for text in visible_texts(kiosk.window.stack.currentWidget()):
            if text in english and text not in identical:
                untranslated.append(f"{scene}: {text}")
            # Sentences built from pieces must not carry English pieces either.
            for source in english - identical:
                if len(source) > 12 and source in text:
                    untranslated.append(f"{scene}: {text}")
        seen.update(visible_texts(kiosk.window.stack.currentWidget()))
    assert untranslated == []
    assert "Retour" in seen and "Réservé au personnel" in seen  # French really was on screen
    assert "Réimprimer le badge" in seen  # the staff screen's console too


def test_the_damaged_file_screen_is_translated(languages):  # type: ignore[no-untyped-def]
    """The recovery screen stands alone (no kiosk behind it): checked on its own."""
    from kiosk.ui.views.recovery import RecoveryView

    english = {source for _, source, _ in messages(ts_file(SECOND[0]))}
    assert languages.set_language(SECOND[0])
    for view in (RecoveryView("10:42"), RecoveryView(None)):
        view.show_failed("(the reason, as the store says it)")
        texts = visible_texts(view)
        assert len(texts) >= 4
        left = [t for t in texts for source in english if len(source) > 12 and source in t]
        assert left == [] and not english & set(texts)
    assert "Restaurer la sauvegarde" in visible_texts(RecoveryView("10:42"))

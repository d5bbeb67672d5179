"""Text fitting: shrink, wrap, initials, ellipsis; NFC first; the last resorts are logged."""

from __future__ import annotations

import logging
import unicodedata

import pytest
from badge_helpers import EVENT, person

from kiosk.badges import render_badges_pdf
from kiosk.badges.fonts import chain_for
from kiosk.badges.textfit import ELLIPSIS, fit_text, normalise, shorten_middle

BOLD = chain_for("bold")
WIDTH, HEIGHT = 260.0, 60.0  # points


def test_a_short_name_is_set_at_the_largest_size() -> None:
    fitted = fit_text("Zoë", BOLD, WIDTH, HEIGHT, 36, 12)
    assert fitted.size == 36 and len(fitted.lines) == 1 and fitted.steps == ()


def test_a_longer_name_shrinks_before_it_wraps() -> None:
    fitted = fit_text("Maximiliana Esperanza", BOLD, WIDTH, HEIGHT, 36, 12)
    assert len(fitted.lines) == 1 and 12 <= fitted.size < 36
    assert fitted.steps == ("shrunk",)
    assert fitted.width <= WIDTH + 1e-6


def test_a_name_too_long_for_one_line_wraps_after_a_hyphen() -> None:
    fitted = fit_text("Montgomery-Wolstenholme-Featherstonehaugh", BOLD, WIDTH, HEIGHT, 36, 16)
    assert [line.text for line in fitted.lines] == [
        "Montgomery-Wolstenholme-",
        "Featherstonehaugh",
    ]
    assert fitted.steps == ("wrapped",) and fitted.size >= 16
    assert fitted.height <= HEIGHT + 1e-6


def test_middle_names_become_initials_when_wrapping_is_not_enough() -> None:
    fitted = fit_text(
        "Bartholomew Alexander Maximilian",
        BOLD,
        WIDTH,
        30,
        36,
        18,
        max_lines=1,
        initials="first-name",
    )
    assert [line.text for line in fitted.lines] == ["Bartholomew A. M."]
    assert "initials" in fitted.steps


def test_initials_keep_the_first_and_last_word_of_a_full_name() -> None:
    assert shorten_middle("Anna Maria Theresia Müller", keep_last=True) == "Anna M. T. Müller"
    assert shorten_middle("Anna Maria", keep_last=False) == "Anna M."
    assert shorten_middle("李 秀英", keep_last=False) is None


def test_the_last_resort_is_an_ellipsis() -> None:
    text = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    fitted = fit_text(text, BOLD, WIDTH, HEIGHT, 36, 14)
    assert fitted.steps == ("truncated",)
    assert fitted.lines[-1].text.endswith(ELLIPSIS)
    assert fitted.width <= WIDTH + 1e-6 and fitted.height <= HEIGHT + 1e-6


def test_a_box_too_short_for_the_smallest_size_goes_below_it_and_says_so() -> None:
    fitted = fit_text("Ada Lovelace", BOLD, WIDTH, 8, 36, 14)
    assert fitted.steps == ("truncated", "below-minimum")
    assert fitted.size < 14 and fitted.height <= 8 + 1e-6


@pytest.mark.expected_log("kiosk.badges", "text cut with an ellipsis")
def test_cutting_text_is_logged_with_the_attendee_id_only(caplog: pytest.LogCaptureFixture) -> None:
    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    attendee = person("Ada", long_word, id=7)
    with caplog.at_level(logging.INFO, logger="kiosk.badges"):
        render_badges_pdf([attendee], EVENT)
    assert "attendee 7" in caplog.text and "ellipsis" in caplog.text
    assert "Pneumono" not in caplog.text and attendee.code not in caplog.text


def test_text_is_normalised_to_nfc_first() -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë Ó Briain")
    assert decomposed != "Zoë Ó Briain"
    fitted = fit_text(decomposed, BOLD, WIDTH, HEIGHT, 36, 12)
    assert fitted.lines[0].text == "Zoë Ó Briain"
    assert normalise(" Anna \t\n Lee ") == "Anna Lee"


def test_characters_no_font_has_are_left_out_not_boxed() -> None:
    fitted = fit_text("Ada 🦄\u200f", BOLD, WIDTH, HEIGHT, 36, 12)
    assert fitted.lines[0].text == "Ada 🦄\u200f"
    assert fitted.dropped == "🦄\u200f"
    assert all(run.source.strip() == "Ada" for run in fitted.lines[0].runs)


def test_empty_text_draws_nothing() -> None:
    assert fit_text("   ", BOLD, WIDTH, HEIGHT, 36, 12).lines == ()


def test_chinese_without_spaces_wraps_between_characters() -> None:
    text = "北京大学人民医院心血管内科研究中心"
    fitted = fit_text(text, BOLD, 150, HEIGHT, 24, 16)
    assert fitted.steps == ("wrapped",)
    assert "".join(line.text for line in fitted.lines) == text

"""Names in every script: real glyphs from the font used, the right text, inside the box."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from badge_helpers import EVENT, ink_outside, person, rasterise

from kiosk.badges import load_template, render_badges_pdf
from kiosk.badges.pdf import Recorder
from kiosk.badges.textfit import FittedText

NAMES = {
    "latin-diacritics": ("Zoë Siobhán", "Ó Briain-Łukasiewicz"),
    "vietnamese": ("Nguyễn", "Thị Minh Khai"),
    "combining-marks": ("Ngozi", "Adébáyọ̀"),
    "greek": ("Γιώργος", "Παπαδόπουλος"),
    "cyrillic": ("Наталья", "Воронцова-Дашкова"),
    "arabic": ("محمد", "العلي"),
    "hebrew": ("שרה", "לוי"),
    "devanagari": ("प्रिया", "शर्मा"),
    "chinese": ("秀英", "李"),
    "japanese": ("さくら", "山田"),
    "korean": ("민준", "김"),
    "mixed-latin-chinese": ("Wei", "张"),
    "mixed-latin-hebrew": ("Sarah", "כהן"),
}
# Text extraction is reliable where no shaping rearranges glyphs.
EXTRACTABLE = {
    "latin-diacritics",
    "vietnamese",
    "greek",
    "cyrillic",
    "chinese",
    "japanese",
    "korean",
    "mixed-latin-chinese",
}
BOX = (6.0, 14.0, 89.6, 30.0)  # mm from the top-left of a 4 × 3 in badge
TEMPLATE = f"""
stock = "4x3in"

[[elements]]
type = "text"
box = [{BOX[0]}, {BOX[1]}, {BOX[2]}, {BOX[3]}]
text = "{{first_name}} {{last_name}}"
font = "bold"
max_size = 60
min_size = 20
"""


@pytest.fixture(scope="module")
def name_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = Path(tmp_path_factory.mktemp("templates")) / "name-only.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    return str(path)


def render(name_template: str, first: str, last: str) -> tuple[bytes, FittedText]:
    recorder = Recorder()
    pdf = render_badges_pdf([person(first, last)], EVENT, name_template, recorder=recorder)
    (item,) = recorder.badges[0]
    assert item.text is not None
    return pdf, item.text


@pytest.mark.parametrize("script", NAMES)
def test_every_character_has_a_glyph_in_the_font_that_draws_it(
    name_template: str, script: str
) -> None:
    first, last = NAMES[script]
    _, fitted = render(name_template, first, last)
    assert fitted.dropped == ""
    drawn = "".join(line.text for line in fitted.lines)
    assert drawn.replace(" ", "") == (first + last).replace(" ", "")
    for line in fitted.lines:
        for run in line.runs:
            missing = [c for c in run.source if ord(c) not in run.font.cmap]
            assert not missing, (script, run.font.name, missing)


@pytest.mark.parametrize("script", sorted(EXTRACTABLE))
def test_the_pdf_text_is_the_name(name_template: str, script: str) -> None:
    first, last = NAMES[script]
    pdf, _ = render(name_template, first, last)
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    # pdfium reports a hyphen that ends a line as U+FFFE.
    assert "".join(text.replace("\ufffe", "-").split()) == (first + last).replace(" ", "")


@pytest.mark.parametrize("script", NAMES)
def test_nothing_is_drawn_outside_the_box(name_template: str, script: str) -> None:
    first, last = NAMES[script]
    pdf, _ = render(name_template, first, last)
    (page,) = rasterise(pdf, 300)
    assert page.getextrema()[0] < 100, "the name was not drawn at all"
    assert ink_outside(page, BOX, 300) is None


def test_arabic_and_devanagari_are_shaped(name_template: str) -> None:
    for first, last in (NAMES["arabic"], NAMES["devanagari"]):
        _, fitted = render(name_template, first, last)
        for line in fitted.lines:
            for run in line.runs:
                # Joined Arabic forms and Devanagari conjuncts are other glyphs
                # than the letters typed, in another order.
                assert str(run.drawn) not in (run.source, run.source[::-1])


def test_hebrew_is_drawn_right_to_left(name_template: str) -> None:
    _, fitted = render(name_template, "שרה", "")
    (line,) = fitted.lines
    (run,) = line.runs
    assert str(run.drawn) == "הרש"


def test_a_latin_first_name_stays_left_of_a_hebrew_last_name(name_template: str) -> None:
    _, fitted = render(name_template, "Sarah", "כהן")
    runs = [run.source for line in fitted.lines for run in line.runs]
    assert runs[0].startswith("Sarah") and runs[-1] == "כהן"


def test_an_arabic_line_puts_the_first_word_on_the_right() -> None:
    from kiosk.badges.fonts import chain_for
    from kiosk.badges.textfit import measure

    line = measure("Ali علي", chain_for("bold"))
    assert [run.source for run in line.runs] == ["Ali ", "علي"]
    line = measure("علي Ali", chain_for("bold"))
    assert [run.source.strip() for run in line.runs] == ["Ali", "علي"]


def test_default_template_shows_mixed_script_names(name_template: str) -> None:
    template = load_template(None)
    pdf = render_badges_pdf([person("Wei", "张")], EVENT, template.name)
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "Wei" in text and "张" in text


def test_arabic_names_are_not_turned_into_discretionary_ligatures() -> None:
    """With 'dlig', Noto Sans Arabic draws محمد as the honorific ligature U+FDF4,
    which adds vowel marks the name does not have."""
    from kiosk.badges.fonts import builtin_font, shape_run

    drawn = str(shape_run(builtin_font("NotoSansArabic", "bold"), "محمد").drawn)
    assert "\ufdf4" not in drawn
    assert drawn == "\ufeaa\ufee4\ufea4\ufee3"  # final dal, medial meem, medial hah, initial meem

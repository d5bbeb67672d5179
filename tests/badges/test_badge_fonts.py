"""Shipped fonts: TrueType, licensed, small enough, registered once, lazily."""

from __future__ import annotations

import io

import pytest
from badge_helpers import EVENT, person
from PIL import Image

from kiosk.badges import render_badge_png
from kiosk.badges.fonts import builtin_font, chain_for, load_font
from kiosk.badges.resources import fonts_dir

FONTS = sorted(fonts_dir().glob("*.ttf"))


def test_every_shipped_font_is_truetype_and_named_in_the_licence_list() -> None:
    readme = (fonts_dir() / "README.md").read_text(encoding="utf-8")
    assert FONTS
    for path in FONTS:
        # 0x00010000 marks TrueType outlines; 'OTTO' (CFF) would not embed.
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00", path.name
        assert path.name in readme
    for licence in ("OFL-Noto.txt", "OFL-Nanum.txt", "Apache-2.0-Droid.txt"):
        assert (fonts_dir() / licence).stat().st_size > 1000


def test_font_files_lists_every_shipped_font() -> None:
    from kiosk.badges.fonts import font_files

    assert font_files() == FONTS


def test_the_fonts_stay_under_25_mb() -> None:
    assert sum(path.stat().st_size for path in FONTS) < 25 * 1024 * 1024


def test_a_font_is_registered_once_per_process() -> None:
    path = fonts_dir() / "NotoSans-Regular.ttf"
    assert load_font(path) is load_font(path)
    assert chain_for("bold") is chain_for("bold")


@pytest.mark.parametrize(
    ("family", "sample"),
    [
        ("NotoSans", "ẞŒЖΩễ"),
        ("NotoSansArabic", "محمد"),
        ("NotoSansHebrew", "שלום"),
        ("NotoSansDevanagari", "प्रिया"),
        ("DroidSansFallback", "王秀英さくらカタカナ"),
        ("NanumSquare", "김민준한글"),
    ],
)
def test_each_script_font_covers_its_script(family: str, sample: str) -> None:
    for role in ("regular", "bold"):
        font = builtin_font(family, role)
        assert all(font.has(char) for char in sample), (family, role)


def test_preview_png_has_the_badge_size_at_the_asked_resolution() -> None:
    image = Image.open(io.BytesIO(render_badge_png(person("Ada", "Lovelace"), EVENT, dpi=150)))
    assert image.format == "PNG"
    assert image.size == (pytest.approx(4 * 150, abs=1), pytest.approx(3 * 150, abs=1))
    # Sheet templates preview one badge, not the sheet.
    sheet = Image.open(io.BytesIO(render_badge_png(person("Ada"), EVENT, "avery-5395", dpi=72)))
    assert sheet.size == (pytest.approx(4 * 72, abs=1), pytest.approx(3 * 72, abs=1))

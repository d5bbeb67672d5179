"""Templates as data: validation messages, the organiser's own folder, parse-once caching."""

from __future__ import annotations

from pathlib import Path

import pytest
from badge_helpers import EVENT, person

from kiosk.badges import (
    TemplateError,
    list_templates,
    load_template,
    page_size_mm,
    render_badges_pdf,
)
from kiosk.badges.resources import badges_dir

BUILT_IN = {
    "4x3in",
    "4x6in",
    "a6-landscape",
    "a6-portrait",
    "a7-landscape",
    "cr80",
    "54x90mm",
    "brother-62mm",
    "dymo-30856",
    "avery-5392",
    "avery-5395",
    "a4-4xa6",
    "a4-8xa7",
}

GOOD = """
stock = "4x3in"

[[elements]]
type = "text"
box = [5, 5, 90, 20]
text = "{first_name}"
font = "bold"
max_size = 40
min_size = 12
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_built_in_template_is_listed_with_its_page_size() -> None:
    infos = {info.name: info for info in list_templates()}
    assert set(infos) >= BUILT_IN
    assert (infos["avery-5395"].width_mm, infos["avery-5395"].height_mm) == pytest.approx(
        (215.9, 279.4)
    )
    assert infos["avery-5395"].per_page == 8
    assert all(info.source == "built-in" for name, info in infos.items() if name in BUILT_IN)


def test_default_template_is_the_4x3in_design() -> None:
    assert load_template(None).name == "4x3in"
    assert page_size_mm(None) == pytest.approx((101.6, 76.2))


def test_a_template_is_parsed_once() -> None:
    assert load_template("4x3in") is load_template("4x3in")


def test_the_organisers_template_is_listed_and_used(user_templates: Path) -> None:
    write(user_templates, "welcome.toml", GOOD)
    infos = {info.name: info for info in list_templates()}
    assert infos["welcome"].source.endswith("welcome.toml")
    pdf = render_badges_pdf([person("Ada")], EVENT, "welcome")
    assert pdf.startswith(b"%PDF")


@pytest.mark.expected_log("kiosk.badges", "badge template skipped")
def test_a_broken_user_template_does_not_hide_the_others(user_templates: Path) -> None:
    write(user_templates, "broken.toml", "stock = ")
    names = {info.name for info in list_templates()}
    assert "broken" not in names and names >= BUILT_IN


def test_json_templates_work_too(user_templates: Path) -> None:
    write(
        user_templates,
        "plain.json",
        '{"stock": "cr80", "elements": [{"type": "qr", "box": [30, 5, 25, 25]}]}',
    )
    assert load_template("plain").stock.name == "cr80"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace('type = "text"', 'type = "sparkles"'),
            r"element 1 has unknown type 'sparkles'",
        ),
        (
            GOOD.replace("[5, 5, 90, 20]", "[50, 5, 90, 20]"),
            r"element 1 \(text\): box .* reaches outside the 101.6 × 76.2 mm badge",
        ),
        (
            GOOD.replace('font = "bold"', 'font = "fancy"'),
            r"element 1 \(text\): font 'fancy' is not defined",
        ),
        (
            GOOD + '\n[fonts]\nfancy = "NoSuchFont.ttf"\n',
            r"font 'fancy': file 'NoSuchFont.ttf' not found",
        ),
        (GOOD.replace("stock = ", "stock = = "), r"bad.toml: not valid TOML"),
        (
            GOOD.replace("{first_name}", "{first_name.__class__}"),
            r"element 1 \(text\): unknown field",
        ),
        (GOOD.replace("min_size = 12", "min_size = 50"), r"min_size is larger than max_size"),
        (
            GOOD.replace('"4x3in"', '"Nowhere 9"'),
            r"bad.toml: There is no badge stock called 'Nowhere 9'",
        ),
        (GOOD + 'colour = "red"\n', r"colour must be a colour like"),
        (GOOD.replace('text = "{first_name}"', 'txet = "{first_name}"'), r"unknown setting 'txet'"),
    ],
    ids=[
        "unknown-element",
        "box-outside",
        "unknown-font-role",
        "missing-font-file",
        "malformed",
        "attribute-access",
        "sizes",
        "unknown-stock",
        "bad-colour",
        "typo",
    ],
)
def test_bad_templates_fail_naming_file_element_and_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, "bad.toml", text)
    with pytest.raises(TemplateError, match=message) as caught:
        load_template(str(path))
    assert "bad.toml" in str(caught.value)


def test_a_font_file_that_is_no_font_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "fake.ttf", "this is not a font")
    path = write(tmp_path, "bad.toml", GOOD + '\n[fonts]\nbold = "fake.ttf"\n')
    with pytest.raises(TemplateError, match=r"bad.toml: font 'bold': fake.ttf cannot be used"):
        load_template(str(path))


def test_malformed_json_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '{"stock": "cr80", ')
    with pytest.raises(TemplateError, match=r"bad\.json: not valid JSON"):
        load_template(str(path))


def test_unknown_template_name_is_one_sentence() -> None:
    with pytest.raises(TemplateError, match="no badge template called 'nope'"):
        load_template("nope")


def test_a_template_with_its_own_font_draws_with_it(tmp_path: Path) -> None:
    font = badges_dir().parent / "fonts" / "NotoSansHebrew-Regular.ttf"
    (tmp_path / "own.ttf").write_bytes(font.read_bytes())
    path = write(
        tmp_path, "own.toml", GOOD.replace('"bold"', '"display"') + '[fonts]\ndisplay = "own.ttf"\n'
    )
    template = load_template(str(path))
    assert template.font_path("display") == tmp_path / "own.ttf"
    assert render_badges_pdf([person("שרה")], EVENT, str(path)).startswith(b"%PDF")


def test_image_and_band_elements_are_drawn(tmp_path: Path) -> None:
    from badge_helpers import rasterise
    from PIL import Image

    Image.new("RGB", (40, 20), (0, 0, 255)).save(tmp_path / "logo.png")
    path = write(
        tmp_path,
        "logo.toml",
        """
stock = "4x3in"

[[elements]]
type = "image"
box = [5, 30, 40, 20]
path = "logo.png"

[[elements]]
type = "band"
box = [0, 0, 101.6, 12]
max_size = 14
colours = { "Speaker" = "#ff0000" }
""",
    )
    (page,) = rasterise(
        render_badges_pdf([person("Ada", category="Speaker")], EVENT, str(path)), 72, colour=True
    )
    dots = 72 / 25.4
    assert page.getpixel((int(25 * dots), int(40 * dots))) == (0, 0, 255)
    assert page.getpixel((int(3 * dots), int(6 * dots))) == (255, 0, 0)


def test_a_missing_image_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.toml",
        'stock = "cr80"\n[[elements]]\ntype = "image"\nbox = [1, 1, 10, 10]\npath = "gone.png"\n',
    )
    with pytest.raises(
        TemplateError, match=r"bad.toml: element 1 \(image\): image file 'gone.png'"
    ):
        load_template(str(path))


def test_templates_extending_each_other_in_a_loop_are_refused(user_templates: Path) -> None:
    write(user_templates, "first.toml", 'extends = "second"\n')
    write(user_templates, "second.toml", 'extends = "first"\n')
    with pytest.raises(TemplateError, match="leads back to"):
        load_template("first")

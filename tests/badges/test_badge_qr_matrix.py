"""The faster QR matrix is qrcode's own, and every built-in template's code scans."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
import zxingcpp
from badge_helpers import EVENT, person, rasterise

from kiosk.badges import list_templates, render_badges_pdf
from kiosk.badges.qr import _LEVELS, qr_matrix
from kiosk.badges.qrmatrix import make_matrix
from kiosk.domain.codes import new_code

# Printable ASCII, Latin-1, and a CJK letter: byte, alphanumeric and numeric
# segments all occur in random payloads of these.
_ALPHABET = string.digits * 3 + string.ascii_uppercase + string.printable[:95] + "éßø张"


def reference_matrix(payload: str, error_correction: int) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=error_correction, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


@pytest.mark.parametrize("level", sorted(_LEVELS))
def test_matrix_is_the_one_qrcode_makes_for_random_payloads(level: str) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    lengths = [1, 7, 20, 28, 41, 80, 150, 300, 600]
    checked = set()
    for trial in range(60):
        length = lengths[trial % len(lengths)] + rng.randrange(5)
        payload = "".join(rng.choice(_ALPHABET) for _ in range(length))
        expected = reference_matrix(payload, _LEVELS[level])
        assert make_matrix(payload, _LEVELS[level]) == expected, (seed, payload)
        checked.add(len(expected))
    # Many versions were compared, the ones with version information (>= 7) among them.
    assert len(checked) >= 6 and max(checked) >= 45, checked


def test_generated_codes_get_the_same_matrix_and_mask_as_qrcode() -> None:
    for _ in range(100):
        code = new_code()
        assert qr_matrix(code) == reference_matrix(code, _LEVELS["H"]), code


def decoded(image: object) -> list[str]:
    return [
        result.text
        for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    ]


BUILT_IN = [info.name for info in list_templates() if info.source == "built-in"]


def test_every_shipped_template_is_checked() -> None:
    assert len(BUILT_IN) >= 13


@pytest.mark.parametrize("template", BUILT_IN)
def test_every_built_in_template_decodes_random_codes_at_203_dpi(template: str) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    # Generated codes and codes from ticketing systems of other lengths and letters.
    codes = [new_code() for _ in range(4)]
    codes += [
        "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(n))
        for n in (rng.randrange(4, 12), rng.randrange(12, 40))
    ]
    people = [
        person("Ada", "Lovelace", id=index + 1, code=code) for index, code in enumerate(codes)
    ]
    pages = rasterise(render_badges_pdf(people, EVENT, template), 203, printer=True)
    found = [code for page in pages for code in decoded(page)]
    assert sorted(found) == sorted(codes), (template, seed)

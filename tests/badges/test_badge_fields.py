"""The badge field registry is the one list of fields, and drawing dispatches by element kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from badge_helpers import EVENT, person

from kiosk.badges import TemplateError, load_template, render_badges_pdf
from kiosk.badges.drawing import BadgePainter
from kiosk.badges.elements import (
    ELEMENT_PARSERS,
    BandElement,
    ImageElement,
    LineElement,
    QrElement,
    TextElement,
)
from kiosk.badges.fields import FIELD_NAMES, FIELDS, field_values
from kiosk.badges.pdf import Recorder
from kiosk.badges.samples import EVENT as SAMPLE_EVENT
from kiosk.badges.samples import SAMPLES


def _text_template(folder: Path, text: str) -> str:
    (folder / "fields.toml").write_text(
        'stock = "4x3in"\n\n[[elements]]\ntype = "text"\nbox = [5, 5, 90, 30]\n'
        f'text = "{text}"\nmax_size = 12\nmin_size = 6\nmax_lines = 2\n',
        encoding="utf-8",
    )
    return "fields"


def test_every_field_has_a_name_a_label_and_a_sample() -> None:
    assert len(set(FIELD_NAMES)) == len(FIELDS)
    for field in FIELDS:
        assert field.name.isidentifier(), field.name
        assert field.label.strip() and field.sample.strip(), field.name


def test_the_samples_are_what_each_field_takes_from_the_sample_attendee() -> None:
    # The documentation's sample badge is built from the registry's samples,
    # so each field's value rule, applied to it, gives that field's sample back.
    values = field_values(SAMPLES["short-latin-name"], SAMPLE_EVENT)
    assert values == {field.name: field.sample for field in FIELDS}


def test_each_field_takes_its_own_value_from_the_attendee_or_event() -> None:
    attendee = person(
        "Ada",
        "Lovelace",
        organisation="Org",
        job_title="Title",
        category="Staff",
        code="C0DE",
        pronouns="she/her",
        credentials="FRS",
    )
    values = field_values(attendee, EVENT)
    # Every value differs: no field reads another's attribute.
    assert len(set(values.values())) == len(values)
    assert values["full_name"] == "Ada Lovelace" and values["event_venue"] == EVENT.venue


def test_a_template_may_use_every_registered_field_and_draws_its_value(
    user_templates: Path,
) -> None:
    text = " ".join(f"{{{name}}}" for name in FIELD_NAMES if name != "code")
    name = _text_template(user_templates, text)
    recorder = Recorder()
    attendee = person("Ada", "Lovelace", organisation="Org", category="Staff")
    render_badges_pdf([attendee], EVENT, name, recorder=recorder)
    [drawn] = recorder.badges
    assert drawn[0].text is not None
    shown = " ".join(line.text for line in drawn[0].text.lines)
    assert shown.split() == text.format(**field_values(attendee, EVENT)).split()


def test_a_field_missing_from_the_registry_is_refused_with_the_known_ones(
    user_templates: Path,
) -> None:
    name = _text_template(user_templates, "{shoe_size}")
    with pytest.raises(TemplateError, match=r"unknown field \{shoe_size\}") as raised:
        load_template(name)
    assert all(field in str(raised.value) for field in FIELD_NAMES)


def test_every_element_kind_is_parsed_and_drawn_by_its_own_method() -> None:
    kinds = [cls.kind for cls in (TextElement, QrElement, ImageElement, BandElement, LineElement)]
    assert sorted(kinds) == sorted(ELEMENT_PARSERS)
    for kind in kinds:
        assert callable(getattr(BadgePainter, f"_draw_{kind}")), kind


def test_drawing_goes_through_the_method_of_each_elements_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    template = load_template("4x3in")
    called: list[str] = []
    for kind in ELEMENT_PARSERS:
        method = getattr(BadgePainter, f"_draw_{kind}")

        def spy(self: BadgePainter, *args: object, _kind: str = kind, _m: Any = method) -> Any:
            called.append(_kind)
            return _m(self, *args)

        monkeypatch.setattr(BadgePainter, f"_draw_{kind}", spy)
    render_badges_pdf([person("Ada")], EVENT, "4x3in", recorder=Recorder())
    assert called == [element.kind for element in template.elements]


def test_kiosk_templates_lists_every_field_with_its_label_and_sample(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kiosk.cli import main

    assert main(["templates"]) == 0
    listed = capsys.readouterr().out
    for field in FIELDS:
        assert f"{field.name:<16} {field.label:<16} e.g. {field.sample}" in listed

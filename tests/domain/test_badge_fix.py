"""What an attendee may fix on their badge, and what a fix changes (no Qt, no database)."""

from __future__ import annotations

import pytest

from kiosk.domain import badge_fix
from kiosk.domain.badge_fix import FixRefused, changes, editable_fields, listed


def test_the_default_choice_is_the_name_as_printed_pronouns_and_post_nominals() -> None:
    assert editable_fields(badge_fix.DEFAULT_FIXABLE) == (
        "first_name",
        "last_name",
        "pronouns",
        "credentials",
    )


def test_a_setting_value_is_read_as_a_list_in_order_each_once() -> None:
    assert listed(" Pronouns, name,,pronouns ") == ("pronouns", "name")
    assert listed("") == ()
    assert badge_fix.unknown(["name", "email", "code"]) == ["email", "code"]


def test_only_allowed_fields_may_change() -> None:
    allowed = editable_fields(["pronouns"])
    with pytest.raises(FixRefused) as refused:
        changes({"pronouns": ""}, {"pronouns": "she/her", "first_name": "Eve"}, allowed)
    assert refused.value.kind == "not_allowed"
    with pytest.raises(FixRefused):
        changes({}, {"email": "x@example.org"}, editable_fields(badge_fix.FIXABLE))


def test_a_fix_is_cleaned_and_only_real_changes_are_kept() -> None:
    current = {"first_name": "Zoe", "last_name": "Obrien", "pronouns": "", "credentials": ""}
    typed = {
        "first_name": "  Zoe\u0308 ",  # e + combining diaeresis: NFC makes it one letter
        "last_name": "Obrien",
        "pronouns": "she/her\x07",
        "credentials": "RN,   MSc",
    }
    assert changes(current, typed, current) == {
        "first_name": "Zoë",
        "pronouns": "she/her",
        "credentials": "RN, MSc",
    }


def test_an_empty_first_name_and_an_overlong_line_are_refused() -> None:
    allowed = editable_fields(badge_fix.DEFAULT_FIXABLE)
    with pytest.raises(FixRefused) as empty:
        changes({"first_name": "Zoë"}, {"first_name": "   "}, allowed)
    assert empty.value.kind == "empty_first_name"
    with pytest.raises(FixRefused) as long:
        changes({}, {"credentials": "X" * (badge_fix.MAX_LENGTH + 1)}, allowed)
    assert long.value.kind == "too_long"

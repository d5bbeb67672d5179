"""Property-based: whatever a scanner sends, the station never fails and
never admits anyone for a code that is not theirs."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.checkin import Station
from kiosk.domain.codes import CODE_ALPHABET, GENERATED_CODE_LENGTH, clean_scan, new_code
from kiosk.domain.models import Event, Result
from kiosk.store import Store
from kiosk.store.attended import attended_ids

CODES = ["AB12", "ab12", "7412300000900000000001", "m9epxbc5udnvb8tg", "Zoë-ticket", "x y"]
NOW = dt.datetime(2026, 3, 10, 9, tzinfo=ZoneInfo("Europe/London"))


def make_station() -> Station:
    store = Store.open(":memory:")
    store.save_event(Event("P", first_day=NOW.date(), last_day=NOW.date()))
    for index, code in enumerate(CODES):
        store.add_attendee({"code": code, "first_name": f"Person {index}"})
    return Station(store, clock=lambda: NOW)


# Scanner noise: arbitrary text, and near-misses built from real codes.
scanner_input = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300).map(lambda b: b.decode("utf-8", errors="replace")),
    st.builds(
        lambda code, prefix, suffix: prefix + code + suffix,
        st.sampled_from(CODES),
        st.text(max_size=3),
        st.text(max_size=3),
    ),
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(inputs=st.lists(scanner_input, min_size=1, max_size=8))
def test_any_input_never_raises_and_admits_only_the_owner(inputs: list[str]) -> None:
    station = make_station()
    for raw in inputs:
        result = station.scan(raw)
        assert isinstance(result.result, Result)
        if result.result in (Result.CHECKED_IN, Result.ALREADY_CHECKED_IN):
            assert result.attendee is not None
            # The admitted attendee's code is exactly the input minus the
            # surrounding whitespace a scanner adds.
            assert result.attendee.code == raw.strip()
        if result.result is Result.INVALID_INPUT:
            assert clean_scan(raw) is None
    admitted = attended_ids(station.store)
    admitted_codes = {station.store.attendee(i).code for i in admitted}  # type: ignore[union-attr]
    assert admitted_codes <= {raw.strip() for raw in inputs}


@given(st.text(max_size=300))
def test_clean_scan_is_idempotent_and_bounded(raw: str) -> None:
    cleaned = clean_scan(raw)
    if cleaned is not None:
        assert cleaned == cleaned.strip() and 0 < len(cleaned) <= 256
        assert clean_scan(cleaned) == cleaned


def test_generated_codes_are_long_random_and_unambiguous() -> None:
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert len(code) == GENERATED_CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
    # No look-alikes: 0/O, 1/I/L, 2/Z, 5/S, 8/B are excluded.
    assert not set("0O1IL2Z5S8B") & set(CODE_ALPHABET)
    import math

    assert GENERATED_CODE_LENGTH * math.log2(len(CODE_ALPHABET)) >= 128

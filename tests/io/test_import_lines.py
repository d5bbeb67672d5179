"""The roster reader splits lines exactly as io.StringIO(newline="") does, without its copy."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.io.reading import lines

# Line ends of every kind, and the characters str.splitlines would also break at.
TEXT = st.text(
    alphabet=st.sampled_from('ab,"\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029 é'), max_size=40
)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_lines_are_the_lines_stringio_gives(text: str) -> None:
    assert list(lines(text)) == list(io.StringIO(text, newline=""))


@settings(max_examples=500, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=8))
def test_lines_cut_into_small_blocks_are_the_same_lines(text: str, block: int) -> None:
    assert list(lines(text, block)) == list(io.StringIO(text, newline=""))


def test_lines_keep_their_endings() -> None:
    assert list(lines("a,b\r\nc\rd\ne")) == ["a,b\r\n", "c\r", "d\n", "e"]
    assert list(lines("")) == []

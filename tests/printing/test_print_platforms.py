"""Printers on each operating system: what cannot work there is said, with what does."""

from __future__ import annotations

import pytest

from kiosk.printing.backends import CupsBackend, QtBackend, UnknownPrinter, open_backend


def test_cups_on_windows_is_one_sentence_naming_what_works() -> None:
    with pytest.raises(UnknownPrinter) as refused:
        open_backend("cups:Badges", platform="win32")
    message = str(refused.value)
    assert "Windows has no CUPS printers" in message
    assert "qt:PRINTER NAME" in message
    assert message.count(".") == 1  # one sentence


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_cups_where_it_exists(platform: str) -> None:
    assert isinstance(open_backend("cups:Badges", platform=platform), CupsBackend)


def test_qt_printers_everywhere() -> None:
    assert isinstance(open_backend("qt:Office Printer", platform="win32"), QtBackend)

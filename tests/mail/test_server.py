"""The mail server's address: what `email.server` takes and refuses."""

from __future__ import annotations

import pytest

from kiosk.mail.server import MailServer, MailServerError, parse_server
from kiosk.settings import SPECS, SettingError, check


def test_an_smtp_address_gives_host_port_and_user() -> None:
    assert parse_server("smtp://events%40example.org@mail.example.org:2525") == MailServer(
        "smtp", "mail.example.org", 2525, "events@example.org"
    )


def test_the_port_defaults_to_submission_or_implicit_tls() -> None:
    assert parse_server("smtp://mail.example.org").port == 587
    assert parse_server("smtps://mail.example.org").port == 465


@pytest.mark.parametrize(
    "text",
    [
        "mail.example.org",
        "http://mail.example.org",
        "smtp://",
        "smtp://host:notaport",
        "smtp://h/x",
    ],
)
def test_an_address_of_another_form_is_refused_in_one_sentence(text: str) -> None:
    with pytest.raises(MailServerError, match="mail server"):
        parse_server(text)


def test_a_password_in_the_address_is_refused_so_it_is_never_stored() -> None:
    with pytest.raises(MailServerError, match="KIOSK_SMTP_PASSWORD"):
        parse_server("smtp://user:secret@mail.example.org")
    with pytest.raises(SettingError, match="KIOSK_SMTP_PASSWORD"):
        check(SPECS["email.server"], "smtp://user:secret@mail.example.org")


def test_the_setting_takes_an_empty_value_and_a_valid_address() -> None:
    check(SPECS["email.server"], "")
    check(SPECS["email.server"], "smtps://user@mail.example.org")

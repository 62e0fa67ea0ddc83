"""What the fifty-second round taught, with counter-examples.

Section 1 was drawn from the development messages before ``fresh-60`` was read. The messages
written here are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from tests.message.helpers import check_rules, read_dev_strong, sources

# --- 1. a short text in another language with a lure and a request ------------------------------
# In English the lure and the request are signs of their own kinds beside the family's; in
# other languages only the families read them, so the request family now counts as the request
# it is ("asks for codes or details"), and the lure and the request make two kinds, as in English.


@pytest.mark.parametrize(
    "text",
    [
        "Akun Anda telah diblokir. Silakan konfirmasi data Anda.",
        "Votre compte a été suspendu. Veuillez confirmer vos informations.",
        "Ihr Konto wurde gesperrt. Bitte bestätigen Sie Ihre Daten.",
        "Twoja paczka została wstrzymana. Zaktualizuj adres dostawy.",
    ],
)
def test_a_lure_and_a_request_in_another_language_are_strong_by_the_rules(text: str) -> None:
    result = check_rules(text)
    assert "family:text-lure-request" in sources(result)
    assert {flag.kind for flag in result.flags} >= {"asks-for-details", "unexpected-contact"}
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # The lure alone is still only "some warning signs".
        "Akun Anda telah diblokir.",
        "Votre compte a été suspendu.",
        "Twoja paczka została wstrzymana z tytułu niedopłaty 0,50 zł.",
    ],
)
def test_a_lure_alone_in_another_language_stays_some(text: str) -> None:
    assert check_rules(text).verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        "Ihr Paket wurde heute zugestellt. Vielen Dank für Ihren Einkauf.",
        "Votre rendez-vous est confirmé pour mardi à 10h. Merci de venir 10 minutes avant.",
        "Pesanan Anda sudah dikirim dan akan tiba besok.",
        "Twoja paczka została dostarczona. Dziękujemy.",
    ],
)
def test_ordinary_texts_in_other_languages_read_nothing(text: str) -> None:
    assert check_rules(text).verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize("message_id", ["rm-347938e61d6e", "rm-50aaa577e2a1", "rm-82677663acfb"])
def test_development_texts_that_stopped_at_some_are_strong(message_id: str) -> None:
    read_dev_strong(message_id, "family:text-lure-request")

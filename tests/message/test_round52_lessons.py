"""What the fifty-second round taught, with counter-examples.

Section 1 was drawn from the development messages before ``fresh-60`` was read. The messages
written here are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from tests.message.helpers import check_rules, cue_fires, read_dev_strong, sources

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


# --- 2. a complaint, case or warrant "filed against you"; a legal threat with a request ----------


@pytest.mark.parametrize(
    "text",
    [
        "A complaint has been filed against you.",
        "A criminal complaint was lodged against you today.",
        "An FIR has been registered against you at Andheri police station.",
        "A warrant was issued against you this morning.",
    ],
)
def test_something_filed_against_you_is_legal_trouble(text: str) -> None:
    assert cue_fires("legal-trouble", text)
    assert check_rules(text).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your complaint has been registered and we will reply within 5 days.",
        "The case against your landlord has been opened; we will write to you.",
        "Your case has been opened, reference 12345.",
    ],
)
def test_your_own_complaint_or_case_is_not(text: str) -> None:
    assert not cue_fires("legal-trouble", text)


@pytest.mark.parametrize(
    "text",
    [
        "Se ha presentado una denuncia contra usted. Llámenos hoy al 910 000 000.",
        "A complaint has been filed against you. Call us back today on 0203 000 0000.",
    ],
)
def test_a_legal_threat_with_a_request_is_the_legal_threat_family(text: str) -> None:
    assert "family:legal-threat-text" in sources(check_rules(text))


def test_a_legal_threat_without_a_request_is_only_the_accusation() -> None:
    found = sources(check_rules("Se ha presentado una denuncia contra usted."))
    assert "family:legal-accusation" in found
    assert "family:legal-threat-text" not in found

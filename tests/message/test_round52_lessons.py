"""What the fifty-second round taught, with counter-examples.

Section 1 was drawn from the development messages before ``fresh-60`` was read. The messages
written here are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
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


# --- 3. German banks' TAN procedures; an access that "expires" with a link elsewhere ------------


@pytest.mark.parametrize(
    "text",
    [
        "Ihr photoTAN-Verfahren läuft am 30.06. ab. Bitte jetzt erneuern: https://tan-erneuern.example.top/de",
        "Ihr Zugang läuft bald ab. Verlängern Sie ihn hier: https://zugang-konto.example.top",
        "Uw betaalpas verloopt binnenkort. Vernieuw hem via https://pas-vernieuwen.example.top",
    ],
)
def test_an_access_that_expires_with_a_link_elsewhere_is_a_lure(text: str) -> None:
    assert check_rules(text).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Ihre Karte läuft Ende des Monats ab. Die neue Karte ist bereits unterwegs.",
        "Ihr photoTAN-Verfahren läuft am 30.06. ab. Sie können es in der comdirect App erneuern.",
        "Ihr photoTAN-Verfahren läuft am 30.06. ab. Mehr dazu auf https://www.comdirect.de/hilfe",
    ],
)
def test_an_expiry_notice_without_a_link_elsewhere_is_not_strong(text: str) -> None:
    assert check_rules(text).verdict is not Verdict.SCAM


def test_a_german_bank_name_on_another_site_is_borrowed() -> None:
    result = check_rules(
        "DKB: Ihr Zugang wird eingeschränkt. Details: https://dkb.konto-hilfe.example.top"
    )
    assert "link:org-name-in-domain" in sources(result)
    assert result.verdict is Verdict.SCAM
    own = check_rules("DKB: Ihr neuer Kontoauszug ist da. Ansehen unter https://www.dkb.de/banking")
    assert not any(source.startswith("link:") for source in sources(own))
    assert own.verdict is not Verdict.SCAM


@pytest.mark.parametrize("message_id", ["rm-fde0b6b2ca08", "rm-f2cdacb9ba50"])
def test_fresh_60s_german_bank_texts_are_strong(message_id: str) -> None:
    read_dev_strong(message_id, "link:org-name-in-domain")


# --- 4. premium-rate numbers of France, Germany and Spain; short codes in other languages --------


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour, merci de nous rappeler au plus vite le 08 99 12 34 56.",
        "Sie haben gewonnen! Rufen Sie sofort +49 137 737134978 an.",
        "Llame al 806 123 456 cuanto antes para recoger su premio.",
    ],
)
def test_a_callback_to_a_foreign_premium_number_is_premium_rate(text: str) -> None:
    found = sources(check_rules(text))
    assert {"premium-number-europe", "family:premium-rate-call"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Rufen Sie uns unter 030 1234567 an.",
        "Appelez le 01 23 45 67 89 pour prendre rendez-vous.",
        "Your Weixin code is 897582. Don't forward the code!",
        "Call us on 01372 123456 or 01904 612345.",
        "Payment of 09252002 received.",
        "Dear Customer contact customer care 8927307655",
    ],
)
def test_ordinary_numbers_are_not_premium(text: str) -> None:
    assert "premium-number-europe" not in sources(check_rules(text))


def test_a_uk_premium_number_is_counted_once() -> None:
    found = sources(check_rules("Call 09011234567 now to claim"))
    assert "premium-number" in found
    assert "premium-number-europe" not in found


@pytest.mark.parametrize(
    "text",
    [
        # (with a request beside it, as the family asks in English)
        "Pour confirmer, envoyez par SMS OUI au 81032 ou appelez-nous.",
        "Envía GANAR al 27777 o llame ahora a nuestro equipo.",
        "Sende JA an 44844 oder rufen Sie uns sofort an.",
    ],
)
def test_a_short_code_to_text_in_another_language_is_premium(text: str) -> None:
    assert "family:premium-rate-call" in sources(check_rules(text))


@pytest.mark.parametrize(
    "text",
    [
        "Pour ne plus recevoir de SMS envoyez STOP au 36180 ou appelez-nous.",
        "Envoyez votre dossier complet à 75008 Paris ou appelez-nous.",
        "Envíe su solicitud al 28001 Madrid o llame ahora a nuestro equipo.",
    ],
)
def test_an_opt_out_or_a_postcode_is_not(text: str) -> None:
    assert "family:premium-rate-call" not in sources(check_rules(text))


def test_french_call_back_words_ask_without_reminding() -> None:
    assert cue_fires("asks-to-call-or-link-other-languages", "merci de rappeler au 01 23 45 67 89")
    assert not cue_fires(
        "asks-to-call-or-link-other-languages", "Nous tenons à vous rappeler le rendez-vous."
    )


# --- 5. like-farming giveaways in other languages ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wir verschenken 50 Kaffeemaschinen als Geschenk! Einfach teilen und kommentieren.",
        "Pour fêter nos 50 ans, un cadeau pour tous ceux qui partagent et commentent 'MERCI' !",
        "Regalamos 100 bicicletas: comparte y comenta LISTO para participar en el sorteo.",
        "Om ons jubileum te vieren: een cadeau voor iedereen die deelt en typt 'klaar'.",
    ],
)
def test_a_gift_for_sharing_is_like_farming(text: str) -> None:
    assert "family:like-and-share-other-languages" in sources(check_rules(text))


@pytest.mark.parametrize(
    "text",
    [
        "Deel je mening met ons via het formulier.",
        "Wir teilen Ihnen mit, dass Ihr Geschenkgutschein angekommen ist.",
        "Partagez votre avis sur notre site et merci pour votre commande.",
    ],
)
def test_sharing_an_opinion_is_not(text: str) -> None:
    assert "family:like-and-share-other-languages" not in sources(check_rules(text))


# --- 6. an identity "in misuse" ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "This is Europol. Your identity card number is in misuse. Press one for an officer.",
        "Your social security number has been used in criminal activities. Press 1 now.",
    ],
)
def test_an_identity_in_misuse_with_press_one_is_a_threat_call(text: str) -> None:
    result = check_rules(text, Channel.CALL)
    assert "legal-trouble" not in sources(result)  # (a cue, not a sign of its own)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Your identity card number is on the back of the card.",
        "Your passport has been renewed and will arrive within a week.",
    ],
)
def test_an_identity_document_named_is_not(text: str) -> None:
    assert not cue_fires("legal-trouble", text)


@pytest.mark.parametrize("message_id", ["rm-26c299f29602", "rm-32fab65d6a7b", "rm-650226304fd9"])
def test_fresh_60s_calls_and_giveaway_are_strong(message_id: str) -> None:
    read_dev_strong(message_id)

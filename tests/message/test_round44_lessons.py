"""Lessons of the forty-fourth round.

A short text in another language that only says what went wrong ("Twoja przesyłka została
wstrzymana z powodu niedopłaty", your parcel is held for an underpayment) read nothing, while
its English twin reads "some warning signs": in English a held parcel, a refund owed or a
suspended account counts on its own (delivery-problem, refund-due, account-suspended); in the
other languages the lure counted only beside a request or a link. It now counts on its own
(the lure-alone-other-languages family), and the everyday notice that shares its words (a parcel
waiting at a pick-up point with a code, a card blocked as the customer asked) does not.

Words a new development file of real German, Polish, Dutch, Italian and Czech messages
(`extra-world15.jsonl`) used and no cue read: an unpaid parcel, a top-up, a return to the
sender and a power cut in Polish, with "settle the amount due"; a security procedure
restricted or running out and "we ask you to renew or restore it" in German; a card
"limited" and "reactivate it by confirming here" in Italian; a traffic offence and "more info
here" in Czech; "a different number for now" and a phone that "broke" in Dutch. Examples
written for these tests.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, families, sources

_LURES_ALONE = [
    "Ihre Sendung wurde vom Zoll angehalten, da die Einfuhrabgaben von 2,49 € nicht bezahlt "
    "wurden.",
    "Twoja przesyłka została wstrzymana z powodu niedopłaty 1,20 zł.",
    "Trafik cezası: 1.250 TL ödenmemiş cezanız bulunmaktadır.",
]


@pytest.mark.parametrize("text", _LURES_ALONE)
def test_a_lure_in_another_language_counts_on_its_own(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "lure-alone-other-languages" in families(result)
    assert result.verdict is Verdict.SUSPICIOUS


def test_a_lure_alone_is_some_warning_signs_as_in_english_never_more() -> None:
    english = check("Your parcel has been held due to an underpayment of 1.20.", Channel.SMS)
    polish = check(_LURES_ALONE[1], Channel.SMS)
    assert english.verdict is polish.verdict is Verdict.SUSPICIOUS


_ORDINARY_NOTICES = [
    "PostNord: Ditt paket väntar på dig hos ombudet ICA Kvantum till 12 maj.",
    "Posti: Pakettisi odottaa noutoa Postin automaatissa. Noutokoodi 123456.",
    "Die Sendung konnte nicht zugestellt werden und liegt in Ihrer Filiale zur Abholung bereit.",
    "Ihre Karte wurde gesperrt, wie von Ihnen am Telefon gewünscht.",
    "Votre colis est en attente au point relais Tabac du Centre jusqu'au 12/05.",
    "Il tuo pacco è in giacenza presso l'ufficio postale di via Roma per 10 giorni.",
    "Twoja paczka czeka w Paczkomacie WAW01M. Kod odbioru: 123456.",
]


@pytest.mark.parametrize("text", _ORDINARY_NOTICES)
def test_a_parcel_to_collect_or_a_card_blocked_on_request_is_no_lure_alone(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "lure-alone-other-languages" not in families(result)
    assert result.verdict is not Verdict.SCAM


def test_a_warning_about_such_texts_is_no_lure() -> None:
    result = check(
        "Uwaga na oszustów! Piszą, że Twoja przesyłka została wstrzymana z powodu niedopłaty.",
        Channel.SMS,
    )
    assert "lure-alone-other-languages" not in families(result)


@pytest.mark.parametrize(
    "text",
    [
        "Masz niezapłaconą przesyłkę. Prosimy o uregulowanie należności.",
        "Uwaga: na dzień 12.05 zaplanowano odłączenie prądu. Prosimy uregulować należność.",
        "Ihr Sicherheitsverfahren läuft am 30.06. aus. Wir bitten Sie, es rechtzeitig zu erneuern.",
        "Gentile cliente, la sua carta è stata limitata per motivi di sicurezza. Riattivala "
        "confermando qui.",
        "Dobrý den, máte nezaplacenou pokutu za dopravní přestupek, více info zde.",
    ],
)
def test_what_went_wrong_and_what_to_do_in_the_new_words(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "text-lure-request" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_restricted_tan_procedure_to_restore_by_link_is_strong() -> None:
    result = check(
        "Sparkasse: Ihr pushTAN-Verfahren wurde eingeschränkt. Wir bitten Sie, Ihren Zugang über "
        "den folgenden Link wiederherzustellen.",
        Channel.SMS,
    )
    assert result.verdict is Verdict.SCAM


def test_a_dutch_hi_mum_with_a_different_number_for_now() -> None:
    result = check(
        "Hoi mam, ik heb tijdelijk een ander nummer, mijn telefoon is stukgegaan. Kun je me appen?",
        Channel.WHATSAPP,
    )
    assert "hi-mum" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Klicka INTE på länken om ditt paket kan inte levereras, radera meddelandet.",
        "Klicken Sie nicht auf den Link, wenn Ihr Paket angeblich vom Zoll angehalten wurde.",
        "Nie klikaj w link, jeśli SMS mówi, że Twoja przesyłka została wstrzymana.",
        "Klik niet op de link als uw pakket zogenaamd niet kan worden bezorgd.",
    ],
)
def test_do_not_click_the_link_is_a_warning_in_other_languages_too(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is Verdict.NONE_FOUND, result.flags


_LONG_TEXT = (
    "Slovenská pošta: Vašu zásielku SK4820119 nebolo možné doručiť z dôvodu neúplnej adresy. "
    "Náš kuriér sa pokúsil o doručenie dnes dopoludnia, no na uvedenej adrese nenašiel vaše meno "
    "ani číslo domu. Zásielka je uložená v našom sklade a bude vrátená odosielateľovi, ak "
    "do 48 hodín nepotvrdíte správne údaje. Aby sme mohli doručenie dokončiť, potvrďte prosím "
    "svoju adresu cez tento odkaz: https://posta-sk-dorucenie.example.top/a a zvoľte nový termín."
)


def test_a_long_text_message_is_still_read_as_a_text() -> None:
    # 446 characters: over the 400 a message of unknown kind is read as a text up to, but a
    # text or WhatsApp message is read as one up to 800 (several joined SMS parts).
    assert 400 < len(_LONG_TEXT) <= 800
    as_text = check(_LONG_TEXT, Channel.SMS)
    assert "lure-request-link-other-languages" in families(as_text)
    assert as_text.verdict is Verdict.SCAM
    as_email = check(_LONG_TEXT, Channel.EMAIL)
    assert not families(as_email) & {
        "lure-request-link-other-languages",
        "lure-alone-other-languages",
    }


@pytest.mark.parametrize(
    "text",
    [
        # Lithuanian: the genitive "mokesčio" and "unpaid" (neapmokėta), "please pay at once"
        "Primename apie neapmokėtą parkavimo mokestį. Prašome nedelsiant sumokėti 12,50 EUR.",
        # Finnish: "you will get a refund"
        "Verohallinto: saat hyvityksen 240 euroa.",
    ],
)
def test_more_lures_in_lithuanian_and_finnish(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "lure-alone-other-languages" in families(result)


_FOOTNOTED = """Hallo,

Neue Anmeldung von einem anderen Gerät. Wenn Sie das nicht waren, besuchen Sie bitte:
https://www.sparkasse.de/login [1] sofort.

Links:
------
[1] https://www.example-verify.top/x"""


def test_a_text_mode_copy_s_footnoted_link_is_judged_where_it_goes() -> None:
    # A plain-text copy of an HTML email shows an address, then the number of the footnote
    # that holds where the link really goes (html2text and mail clients write links so).
    result = check(_FOOTNOTED, Channel.EMAIL)
    assert "link:text-differs" in sources(result)
    assert "example-verify.top" in " ".join(flag.evidence for flag in result.flags)


def test_a_footnote_to_the_address_shown_is_no_sign() -> None:
    text = (
        "Your statement is ready: https://www.barclays.co.uk/statements [1]\n\n"
        "Links:\n------\n[1] https://www.barclays.co.uk/statements"
    )
    result = check(text, Channel.EMAIL)
    assert "link:text-differs" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_reference_number_without_its_footnote_is_no_pair() -> None:
    text = "See https://www.barclays.co.uk/help [1] and the notes in [2]."
    assert "link:text-differs" not in sources(check(text, Channel.EMAIL))


def test_a_toll_free_number_written_with_a_misplaced_plus_is_a_number() -> None:
    from sochelp.message.analyse import _PHONE

    assert [m.group(0) for m in _PHONE.finditer("call 1+833-319-6690 now")] == ["1+833-319-6690"]


def test_a_renewal_advert_with_its_number_three_times_is_a_fake_helpline() -> None:
    text = (
        "To cancel your Norton subscription, calling 1+833-555-0199 is the fastest way. When "
        "you dial 1+833-555-0199, specialists turn off the auto-renewal. Many users rely on "
        "1+833-555-0199 to stop future charges."
    )
    result = check(text)
    assert "thrice-number-renewal-advert" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # Norwegian: "we could not deliver it", "update your address information"
        (
            "Pakken din kom til terminalen, men vi klarte ikke å levere den. Oppdater "
            "adresseinformasjonen din, ellers blir pakken returnert.",
            "text-lure-request",
        ),
        # Portuguese: "a payment in debt", "you have 3 days to make the payment"
        (
            "Tem um pagamento em divida de 12,40 EUR. Tem 3 dias para efetuar o pagamento.",
            "text-lure-request",
        ),
        # German: "a refund through your health insurer"
        (
            "Sie erhalten eine Erstattung durch Ihre Krankenkasse. Wir benötigen bitte Ihre "
            "IBAN, damit wir überweisen können.",
            "text-lure-request",
        ),
        # German: a new login from another device, "if this was not the case"
        (
            "Neue Anmeldung von einem anderen Gerät. Wenn dies nicht der Fall war, besuchen Sie "
            "bitte unsere Seite.",
            "lure-alone-other-languages",
        ),
        # Latvian: "Hi mum! My phone broke, this is my new number"
        ("Čau, mammu! Man salūza telefons, šis ir mans jaunais numurs.", "hi-mum"),
    ],
)
def test_fresh_52_s_words_in_other_languages(text: str, family: str) -> None:
    result = check(text, Channel.SMS)
    assert family in families(result), result.flags
    assert result.verdict is not Verdict.NONE_FOUND


def test_turning_one_sum_into_a_far_bigger_one_is_an_investment_pitch() -> None:
    result = check("Turned $500 into $25K in the last 30 days, join this chat: https://t.me/x")
    assert "investment-pitch" in sources(result)
    calm = check("We turned the £500 grant into a new roof for the village hall.")
    assert "investment-pitch" not in sources(calm)

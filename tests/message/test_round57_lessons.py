"""What the fifty-seventh round taught, with counter-examples.

Every section was written after ``fresh-65`` was read once and moved to development, from its
misses and the English rules they showed to be thinner in other languages; none was drawn from a
message of the sealed ``fresh-66``. The messages written here are a regression set, never a
figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, prepare_text
from sochelp.message.model import Channel
from tests.message.helpers import (
    check,
    check_rules,
    cue_fires,
    families,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. "I lost, broke, dropped or drowned my phone", said verb first ---------------------------
# English read "dropped / smashed / lost my phone" from the start; the other languages read only
# "my phone is broken" and "my phone fell", so fresh-65's Polish "Hej mamo, utopiłam dzisiaj
# telefon" (I drowned my phone today) read as one weak greeting. English "drowned" was missing too.

NEW_PHONE = "new-phone-other-languages"


@pytest.mark.parametrize(
    "text",
    [
        "Hej mamo, utopiłam dzisiaj telefon bo mi wypadł",
        "Cześć tato, zgubiłem telefon, piszę z nowego",
        "Olá mãe, perdi o meu telemóvel, este é o número novo",
        "Hola mamá, se me cayó el móvil al agua",
        "Ciao mamma, ho perso il telefono, scrivimi qui",
        "Salut maman, j'ai cassé mon téléphone",
        "Hallo Mama, ich hab mein Handy verloren",
        "Hoi mam, ik ben mijn telefoon kwijt",
    ],
)
def test_a_lost_or_dropped_phone_after_hi_mum_is_the_hi_mum_opening(text: str) -> None:
    assert cue_fires(NEW_PHONE, prepare_text(text))
    result = check_rules(text)
    assert "hi-mum" in families(result)
    assert result.verdict is Verdict.SCAM


def test_drowned_is_read_in_english_too() -> None:
    assert cue_fires("new-phone", "Hi mum I drowned my phone today")
    assert "hi-mum" in families(check_rules("Hi mum I drowned my phone today"))


@pytest.mark.parametrize(
    "text",
    [
        "Hej mamo, zgubiłam klucze, wrócę później",
        "Ciao mamma, ho perso il treno, arrivo tardi",
        "Olá mãe, perdi o autocarro, chego às oito",
        "Salut maman, j'ai perdu mon chat, tu l'as vu ?",
        "Hallo Mama, ich habe mein Handy-Ladekabel vergessen",
    ],
)
def test_losing_something_else_is_no_new_phone(text: str) -> None:
    assert not cue_fires(NEW_PHONE, prepare_text(text))
    assert "hi-mum" not in families(check_rules(text))


def test_the_polish_drowned_phone_text_in_development_is_read() -> None:
    # fresh-65's (development since the fifty-seventh round): a greeting and nothing else before.
    read_dev_strong("rm-bd7a42fa6f71", "family:hi-mum")


# --- 2. A parent named at a sentence's end -----------------------------------------------------
# "Hi mum, …" was the only place a parent's name opened the family; fresh-65's Polish "Hejka! Mam
# nowy numer, mamo.." names her after the news, and English "I have a new number, mum.." read only
# as a new number. It counts beside a new phone only (the hi-mum family), not as a greeting: a
# child asking "can you send me £20, mum!" from their own number is no sign.

PARENT_AT_END = "parent-named-at-end"


@pytest.mark.parametrize(
    "text",
    [
        "Hejka!Mam nowy numer, mamo.. Wszystko ci wyjaśnię na whatsapp.",
        "Hi! I have a new number, mum.. I will explain everything on whatsapp.",
        "Ciao, questo è il mio nuovo numero, mamma!",
        "Hola, tengo un número nuevo, mamá. Guárdalo",
    ],
)
def test_a_new_number_told_to_a_parent_named_after_it_is_hi_mum(text: str) -> None:
    result = check_rules(text)
    assert "hi-mum" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the lift, mum! See you later",
        "Grazie per la cena, mamma! A domenica",
        "Jutro jadę do mamy, mamo, tato i babcia też",
        "Love you, mum.",
    ],
)
def test_a_parent_named_without_a_new_number_is_no_scam(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "hi-mum" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_parent_named_at_the_end_is_no_greeting_for_a_money_request() -> None:
    text = "Can you send me £20 for the bus, mum!"
    assert cue_fires(PARENT_AT_END, prepare_text(text))
    result = check_rules(text, Channel.SMS)
    assert not {"hi-mum", "family-money-ask"} & families(result)
    assert result.verdict is not Verdict.SCAM


def test_the_polish_new_number_text_in_development_is_strong() -> None:
    read_dev_strong("rm-fdfcb718f4d7", "family:hi-mum")


# --- 3. Czech premium-rate numbers and charges by the minute in other currencies ----------------
# The UK's 09 numbers and "50p/min" make a premium-rate prize text "strong"; fresh-65's Czech
# prize text with "(50czk/min)" and "Zavolejte … 906500006" read as nothing. Czech 905, 906, 908
# and 909 numbers (and +420 900) are premium lines, and seven-digit 90x numbers premium SMS;
# 902 (towns' tickets and parking) and Spain's free 900 numbers are not.

CZECH_CALL = "premium-number-czech"
CZECH_SMS = "premium-sms-czech"


@pytest.mark.parametrize(
    "text",
    [
        "Gratulujeme, jste 1 z 5 šťastných zákazníků. Zavolejte a potvrďte nyní 906500006.",
        "Vyhrál jste! Volejte na číslo 909 12 34 56",
        "Zavolejte na linku 908 123 456 a vyzvedněte cenu",
        "Výhra čeká, volejte +420 900 123 456",
    ],
)
def test_a_czech_premium_line_to_call_is_read(text: str) -> None:
    result = check_rules(text, Channel.SMS)
    assert CZECH_CALL in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Llame al teléfono gratuito 900 123 456 para cualquier consulta.",
        "Volejte na číslo 603 123 456, jsem doma.",
        "Volajte na číslo +421 905 123 456",
        "Vaše objednávka číslo 906123456789 byla odeslána.",
        "Číslo objednávky 906123456 je připraveno k vyzvednutí.",
    ],
)
def test_spanish_free_numbers_mobiles_and_order_numbers_are_no_czech_premium_line(
    text: str,
) -> None:
    assert CZECH_CALL not in sources(check_rules(text))


def test_a_czech_premium_sms_number_is_read_but_not_a_town_ticket() -> None:
    assert CZECH_SMS in sources(check_rules("Pošlete SMS ve tvaru WEB na číslo 9000 999,"))
    assert CZECH_SMS not in sources(check_rules("Jízdenku koupíte: pošlete SMS DPT24 na 90206"))
    assert CZECH_SMS not in sources(check_rules("Pošlete SMS na číslo 902 06 24 pro parkování"))


@pytest.mark.parametrize(
    "text", ["(50czk/min)", "cena 99 Kč/min", "1,99 €/min", "2,50 zł za minutę", "€1.50 per minute"]
)
def test_a_charge_by_the_minute_in_other_currencies_is_a_premium_cost(text: str) -> None:
    assert cue_fires("premium-cost", prepare_text(text))


@pytest.mark.parametrize(
    "text", ["Preis: 12 EUR pro Monat", "only 5 € per month", "50 Kč za hodinu", "a 30 min call"]
)
def test_a_monthly_price_is_no_premium_cost(text: str) -> None:
    assert not cue_fires("premium-cost", prepare_text(text))


def test_the_czech_texts_in_development_are_read() -> None:
    # fresh-65's prize text, and fresh-61's "send WEB to 9000 999" (both read as nothing).
    read_dev_strong("rm-d200116a1473", CZECH_CALL, "family:premium-rate-call")
    read_dev_warned("rm-cf565004c748", CZECH_SMS)


# --- 4. A text ending "here:" where its link was ------------------------------------------------
# English "view the ticket here:" at a text's end points to a link the quote left out; fresh-65's
# Lithuanian parking text ends "peržiūrėkite bilietą čia:" and read only as a lure.

POINTER = "link-pointer-other-languages"


@pytest.mark.parametrize(
    "text",
    [
        "gavote Unipark pranešimą apie nesumokėtą baudą, peržiūrėkite bilietą čia:",
        "A sua encomenda aguarda pagamento. Pague aqui:",
        "Ihr Paket konnte nicht zugestellt werden. Klicken Sie hier:",
        "Vaše zásilka čeká na doplatek. Zaplaťte zde:",
    ],
)
def test_a_text_ending_here_colon_points_to_a_missing_link(text: str) -> None:
    assert cue_fires(POINTER, prepare_text(text))
    result = check_rules(text, Channel.SMS)
    assert "link" in result.requests
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Die Details finden Sie hier:\n- Termin: Montag, 10 Uhr",
        "Zaplaťte zde: https://www.example.cz",
        "Devine qui",
        "On se retrouve ici",
    ],
)
def test_here_mid_text_or_before_a_link_or_without_a_colon_is_no_pointer(text: str) -> None:
    assert not cue_fires(POINTER, prepare_text(text))


def test_the_lithuanian_parking_text_in_development_is_strong() -> None:
    read_dev_strong("rm-1f936ac7eab6", "family:lure-request-link-other-languages")


# --- 5. "send the request" in Italian, Spanish, Portuguese and French ---------------------------
# English "please send the refund request" is a request; fresh-65's Italian refund email "si
# prega di inviare la richiesta di rimborso" was read only as a lure.


@pytest.mark.parametrize(
    "text",
    [
        "Rimborso di 195€ a vostro favore. Si prega di inviare la richiesta di rimborso.",
        "Su devolución de impuestos de 120€ está lista. Envíe la solicitud hoy.",
        "Reembolso de IRS de 210€ disponível. Envie o pedido para o receber.",
        "Vous avez un remboursement de 310 € en attente. Envoyez votre demande aujourd'hui.",
    ],
)
def test_a_refund_with_send_the_request_is_a_lure_with_a_request(text: str) -> None:
    result = check_rules(text, Channel.EMAIL)
    assert "text-lure-request" in families(result)


@pytest.mark.parametrize(
    "text",
    [
        "Per informazioni sul servizio può inviare la richiesta all'ufficio anagrafe.",
        "Para renovar el DNI, envíe la solicitud en la oficina más cercana.",
    ],
)
def test_send_the_request_without_a_lure_is_no_scam(text: str) -> None:
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


def test_the_italian_refund_email_in_development_is_strong() -> None:
    read_dev_strong("rm-69e7a7ee9cd7", "family:text-lure-request")

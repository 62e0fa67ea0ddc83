"""What the fifty-fifth round taught, with counter-examples.

Section 1 was written before ``fresh-63`` was read, from a general gap (English had read
"guaranteed returns" from the start; no other language had), not from a message of any sealed
batch. The messages written here are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from tests.message.helpers import check_rules, read_dev_warned, sources

# --- 1. guaranteed gains in other languages ---------------------------------------------------
# "Guaranteed profits" was read in English only; the same promise in Spanish, Portuguese, French,
# Italian, German, Dutch, Polish, Indonesian, Russian, Chinese or Korean read as ordinary words.

GUARANTEED = "guaranteed-gains-other-languages"


@pytest.mark.parametrize(
    "text",
    [
        "Únete a nuestro grupo: ganancias garantizadas desde el primer día.",
        "Invista hoje com lucro garantido todos os dias.",
        "Rejoignez notre plateforme : gains garantis chaque semaine.",
        "Guadagni garantiti con il nostro sistema di trading automatico.",
        "Wir garantieren Ihnen Gewinne von 500 Euro am Tag.",
        "Gegarandeerd rendement van 10% per maand met onze bitcoin robot.",
        "Gwarantowany zysk bez wysiłku, napisz do mnie.",
        "Investasi aman, keuntungan dijamin setiap hari!",
        "Гарантированный доход каждый день, пишите в телеграм.",
        "投资我们的平台，稳赚不赔，保证收益。",
        "고수익 보장! 지금 바로 연락주세요.",
    ],
)
def test_guaranteed_gains_in_another_language_are_too_good_to_be_true(text: str) -> None:
    result = check_rules(text)
    assert GUARANTEED in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        # a guaranteed rate, capital or delivery is an ordinary product's wording
        "Conto deposito con tasso garantito del 3% per 12 mesi.",
        "Capitale garantito a scadenza.",
        "Garantierte Lieferung innerhalb von 24 Stunden.",
        "Plazo fijo con interés garantizado.",
        # a warning about the promise
        "Los estafadores prometen ganancias garantizadas: no les envíe dinero.",
        "Attenzione: i truffatori promettono guadagni garantiti.",
        "Мошенники обещают гарантированный доход.",
        "Nunca invierta con quien le asegura ganancias garantizadas.",
        # a bank's record of a transfer in roubles
        "Ваш перевод 5000 рублей зачислен.",
    ],
)
def test_a_guaranteed_rate_a_warning_or_a_transfer_is_no_promise_of_gains(text: str) -> None:
    assert GUARANTEED not in sources(check_rules(text))


def test_the_roubles_promised_guaranteed_in_development_are_read() -> None:
    # fresh-62's Russian post (development since the fifty-fourth round): a link and a sum of
    # roubles "guaranteed".
    read_dev_warned("rm-0bc1da0721d0", GUARANTEED)

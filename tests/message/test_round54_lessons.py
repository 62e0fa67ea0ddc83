"""What the fifty-fourth round taught, with counter-examples.

Section 1 was written before ``fresh-62`` was read, from a general gap (premium-rate ranges of
countries sochelp did not list), not from a message of any batch. The messages written here
are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from tests.message.helpers import check_rules, sources

# --- 1. premium-rate ranges of Italy, Austria, Switzerland, the Netherlands and Belgium -----------
# Italy's 892-899 "numerazioni a sovrapprezzo", Austria's 0901/0930/0931/0939, Switzerland's
# 0901/0906, the Netherlands' 0906/0909 and Belgium's 090x were not read as premium-rate, so a
# "call back urgently" text with one of them read as an ordinary number. Office hours written
# "0900-1700" read as a German 0900 number before this: a surgery's opening hours beside its
# landline number read "strong".

EUROPEAN_PREMIUM = "premium-number-europe"
PREMIUM_CALL = "family:premium-rate-call"


@pytest.mark.parametrize(
    "text",
    [
        "La preghiamo di chiamare al numero 89312345 per una comunicazione urgente.",
        "Hai un messaggio in segreteria: per ascoltarlo chiama da fisso il 899 123 456.",
        "Gentile cliente, contattare i nostri uffici al numero 8951234567 entro oggi.",
        "Ihr Paket wartet. Rufen Sie uns unter 0930 123 456 an.",
        "Sie haben gewonnen! Rufen Sie sofort 0901 123456 an.",
        "Gefeliciteerd! Bel direct 0909-123456 om uw prijs te claimen.",
        "Vous avez gagné, appelez le 0905 12 34 56 pour recevoir votre lot.",
    ],
)
def test_a_call_to_another_countrys_premium_number_is_a_premium_rate_call(text: str) -> None:
    result = check_rules(text)
    assert {EUROPEAN_PREMIUM, PREMIUM_CALL} <= sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        # office hours are times
        "The surgery is open 0900-1700 Monday to Friday, call 0131 496 0000 to book.",
        "Our lines are open 0930 - 1730; ring 020 7946 0000.",
        "Die Praxis ist von 0900 bis 1800 geöffnet, Telefon 030 1234567.",
        # an Indian mobile number, an order number, a price and a street number
        "Call our customer care 8927307655 for help with your order.",
        "Ordine n. 893 del 2024: la consegna è prevista domani.",
        "Il prezzo è 899,00 EUR, IVA inclusa.",
        "Ci vediamo al civico 89 di via Roma.",
        "Your reference is 89345678.",
    ],
)
def test_times_and_other_numbers_are_not_premium_numbers(text: str) -> None:
    result = check_rules(text)
    assert EUROPEAN_PREMIUM not in sources(result)
    assert PREMIUM_CALL not in sources(result)


def test_an_italian_warning_about_premium_numbers_stays_calm() -> None:
    text = (
        "Polizia di Stato: se ricevi un SMS che chiede di richiamare un numero che inizia con "
        "893, non chiamare il numero e cancella il messaggio."
    )
    assert check_rules(text).verdict is Verdict.NONE_FOUND

"""Lessons of the forty-third round.

Before the reading: a bank's genuine payment or card text in another language that sends the
reader to the number on the back of their card, or to their bank's own app ("Falls Sie diese
Zahlung nicht getätigt haben, rufen Sie uns unter der Nummer auf Ihrer Karte an"), vouches for
itself as its English twin does ("call us on the number on the back of your card"): the German
one read "strong signs of a scam", the French and Polish ones "some". A scam that adds the
sentence as cover beside a link or number of its own loses it, as in English. Examples written
for these tests.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check

_GENUINE_CARD_TEXTS = [
    "Commerzbank: Zahlung über 249,00 EUR an Amazon wurde autorisiert. Falls Sie diese Zahlung "
    "nicht getätigt haben, rufen Sie uns unter der Nummer auf der Rückseite Ihrer Karte an.",
    "BBVA: Se ha realizado un cargo de 320,00 EUR con su tarjeta. Si no lo reconoce, llame al "
    "número que aparece en el reverso de su tarjeta.",
    "Société Générale : un paiement de 189 EUR a été refusé. Si vous n'êtes pas à l'origine de "
    "cette opération, appelez le numéro au dos de votre carte.",
    "ING: Betaling van 450 EUR geweigerd. Niet door u gedaan? Bel het nummer op de achterkant "
    "van uw bankpas.",
    "mBank: Transakcja 900 PLN została zablokowana. Jeśli to nie Ty, zadzwoń pod numer na "
    "odwrocie karty.",
    "Intesa: pagamento di 75,00 EUR non riconosciuto? Chiami il numero sul retro della sua carta.",
    "Millennium: compra de 60,00 EUR recusada. Se não foi você, ligue para o número no verso do "
    "seu cartão.",
    "Sparkasse: Ihre Karte wurde vorsorglich gesperrt. Bitte prüfen Sie die Umsätze in Ihrer "
    "Banking-App.",
]


@pytest.mark.parametrize("text", _GENUINE_CARD_TEXTS)
def test_a_bank_text_sending_you_to_your_card_or_app_stays_calm(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is Verdict.NONE_FOUND, result.flags


@pytest.mark.parametrize(
    "text",
    [
        # the sentence as cover beside a link of the message's own
        "Commerzbank: Ihre Karte wurde gesperrt. Rufen Sie die Nummer auf der Rückseite Ihrer "
        "Karte an oder entsperren Sie hier: https://commerz-sicher.example.top/x",
        "BBVA: su tarjeta ha sido bloqueada. Llame al número en el reverso de su tarjeta o "
        "desbloquéela en este enlace: https://bbva-seguridad.example.top",
    ],
)
def test_the_same_sentence_beside_a_link_of_its_own_vouches_for_nothing(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is Verdict.SCAM, result.flags

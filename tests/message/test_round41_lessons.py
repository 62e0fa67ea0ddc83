"""Lessons of the forty-first round.

Before the reading: a short text in another language with the whole shape of a scam text —
what went wrong (a parcel held, a fee, fine or debt unpaid, an account blocked), what to do about
it, and a link on no official site to do it through — reads "strong", as its English twin does
through the English families. Before, the other languages had only one broad family and such a
text stopped at "some". A text with only two of the three parts, or with the organisation's own
site, stays where it was. Examples written for these tests.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, families

_SHAPE = "lure-request-link-other-languages"


@pytest.mark.parametrize(
    "text",
    [
        "Ihr Paket konnte nicht zugestellt werden. Bitte bestätigen Sie Ihre Adresse: "
        "https://paket-info.example.top/de",
        "Votre colis est bloqué en douane. Réglez les frais de dédouanement ici : "
        "https://colis-douane.example.info",
        "Su cuenta ha sido bloqueada. Haga clic aquí para verificar: https://banca-seguro.example.xyz",
        "A sua encomenda foi retida. Pague a taxa de alfandega em https://ctt-taxa.example.top",
        "Il suo pacco è in giacenza. Clicca qui per pagare la spedizione: https://pacco.example.top",
        "Twoja przesyłka została wstrzymana. Kliknij w link, aby dopłacić: https://inpost-pl.example.top",
        "Uw zending kan niet worden bezorgd. Betaal de verzendkosten via https://pakket.example.top",
    ],
)
def test_a_whole_scam_text_in_another_language_reads_strong(text: str) -> None:
    result = check(text, Channel.SMS)
    assert _SHAPE in families(result), (text, result.flags)
    assert result.verdict is Verdict.SCAM, (text, result.flags)


@pytest.mark.parametrize(
    "text",
    [
        # the organisation's own site
        "Uw pakket kan niet worden bezorgd. Plan een nieuw moment: https://www.postnl.nl/ontvangen",
        # no link: a number to call
        "Uw zending kan niet worden bezorgd. Bel ons op 088 123 4567.",
        # a link, no lure
        "Ihr Paket ist unterwegs. Verfolgen Sie es hier: https://paket-info.example.top/de",
        # a lure and a link, but no request
        "Votre colis est en attente au point relais: https://relais.example.fr",
        # talks about scams
        "Attention: des SMS disent « votre colis est bloqué, payez ici » avec un lien "
        "https://faux.example.top — c'est une arnaque.",
    ],
)
def test_part_of_the_shape_is_not_the_whole(text: str) -> None:
    assert _SHAPE not in families(check(text, Channel.SMS)), text


def test_a_long_email_in_another_language_is_not_read_as_a_text() -> None:
    body = "Sehr geehrte Damen und Herren, " + "wir informieren Sie über unser Angebot. " * 30
    text = (
        body + "Ihr Paket konnte nicht zugestellt werden. Klicken Sie hier: https://x.example.top"
    )
    assert _SHAPE not in families(check(text, Channel.EMAIL))

"""Lessons of the forty-first round.

Before the reading: a short text in another language with the whole shape of a scam text —
what went wrong (a parcel held, a fee, fine or debt unpaid, an account blocked), what to do about
it, and a link on no official site to do it through — reads "strong", as its English twin does
through the English families. Before, the other languages had only one broad family and such a
text stopped at "some". A text with only two of the three parts, or with the organisation's own
site, stays where it was.

After `fresh-49` moved, from it as development data: Czech and Slovak parcel-payment texts
(which no cue read), the informal Spanish requests ("actualiza tu dirección", "paga
puntualmente"), an incomplete address, a parcel to be returned and a fine to pay (Spanish); the
"Hi Mum" greeting in other languages counts as the greeting sign as it does in English, so a
full "Ciao mamma … nuovo numero" text reads "strong"; and a genuine email that asks you to log in
to a service by name ("log in to TheyWorkForYou") with a link to that name's own site is the
service sending to its own site, as a sign-off naming it already was. Words in other languages
that end a text pointing to a link that is not there ("Consulte en el siguiente enlace") offer a
link, as "please visit:" does in English. Examples written for these tests.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, families, sources

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
        # from the lessons after fresh-49: Czech, Slovak, informal Spanish
        "Vážený zákazníku, Vaše zásilka čeká na doručení. Stav zásilky: čeká na platbu. "
        "Potvrďte platbu 49 CZK pomocí tohoto odkazu https://zasilka-cz.example.top",
        "Vaša zásielka bola zadržaná. Kliknite sem a zaplaťte poplatok: https://posta-sk.example.top",
        "Tu paquete no llegó al almacén debido a una dirección incompleta. Actualiza tu dirección. "
        "En caso contrario será devuelto. https://s.example.top/abc",
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


@pytest.mark.parametrize(
    "text",
    [
        "Vaše zásilka byla doručena. Děkujeme, že používáte naše služby.",
        "Zásielka je na ceste, doručíme ju zajtra.",
        "Tu pedido ha sido enviado. Actualiza tu perfil en la app cuando quieras.",
        "Gracias por tu visita. Tu dirección de entrega es correcta.",
    ],
)
def test_ordinary_czech_slovak_and_spanish_texts_stay_calm(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND, text


def test_a_spanish_fine_to_pay_through_a_missing_link_is_a_warning() -> None:
    text = "DGT: dispone de 24 horas restantes para pagar su multa. Consulte en el siguiente enlace"
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Ciao mamma, il mio cellulare è rotto: questo è il mio nuovo numero!",
        "Hallo Mama, mein Handy ist kaputt. Das ist meine neue Nummer, du kannst sie speichern.",
        "Olá mãe, o meu telemóvel caiu. Este é o meu número novo.",
    ],
)
def test_a_hi_mum_text_in_another_language_reads_strong(text: str) -> None:
    result = check(text, Channel.WHATSAPP)
    assert "family-greeting-other-languages" in sources(result), result.flags
    assert result.verdict is Verdict.SCAM, (text, result.flags)


@pytest.mark.parametrize(
    "text",
    [
        "Ciao mamma, stasera ceno da Luca.",
        "Hallo Frau Müller, Ihre neue Kundennummer ist 1234.",
        "Il nuovo numero verde è attivo dalle 9 alle 18.",
    ],
)
def test_a_greeting_or_a_new_number_alone_is_not_hi_mum(text: str) -> None:
    assert check(text, Channel.WHATSAPP).verdict is not Verdict.SCAM, text


_FAILED_PAYMENT = (
    "Hi, when we tried to take payment for your subscription, it failed. We'll try again in "
    "three days, but please could you log in to {name} and check that your payment details are "
    "up to date: {link}  Yours, the team"
)


@pytest.mark.parametrize(
    "text",
    [
        _FAILED_PAYMENT.format(
            name="TheyWorkForYou", link="https://www.theyworkforyou.com/api/key"
        ),
        _FAILED_PAYMENT.replace("log in to {name}", "log back into [{name}]({link})").format(
            name="TheyWorkForYou", link="https://www.theyworkforyou.com/api/key"
        ),
    ],
)
def test_a_link_to_the_site_of_the_service_it_asks_you_to_log_in_to_is_its_own(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "text-with-link-lure" not in families(result), result.flags
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    ("name", "link"),
    [
        ("TheyWorkForYou", "https://theyworkforyou-billing.example.top/login"),
        ("Netflix", "https://netflix.example.top/login"),
        # a generic name is no one's site, whatever domain repeats it
        ("Your Account", "https://youraccount.top/verify"),
        ("Online Banking", "https://onlinebanking.top/verify"),
    ],
)
def test_a_link_elsewhere_still_counts_against_it(name: str, link: str) -> None:
    result = check(_FAILED_PAYMENT.format(name=name, link=link), Channel.EMAIL)
    assert result.verdict is not Verdict.NONE_FOUND, result.flags


@pytest.mark.parametrize(
    "text",
    [
        "DGT: dispone de 24 horas restantes para pagar su multa. Consulte en el siguiente enlace",
        "Vaše zásilka čeká na doručení. Potvrďte platbu 99 CZK pomocí následujícího odkazu",
        "Votre colis est bloqué en douane. Réglez les frais sur ce lien :",
    ],
)
def test_a_whole_scam_text_whose_link_was_cut_reads_strong(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "link" in result.requests, result
    assert _SHAPE in families(result), (text, result.flags)
    assert result.verdict is Verdict.SCAM, (text, result.flags)


@pytest.mark.parametrize(
    "text",
    [
        # the link is there, on the organisation's own site
        "Uw pakket kan niet worden bezorgd. Plan een nieuw moment via de onderstaande link: "
        "https://www.postnl.nl/ontvangen",
        # the pointer is not at the end
        "Más información en el siguiente enlace y en nuestras oficinas.",
        # a friend's photos: a pointer, but nothing wrong and nothing to pay
        "Hola Ana, te paso las fotos del viaje en el siguiente enlace",
    ],
)
def test_a_pointer_alone_or_mid_text_is_no_scam(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.SCAM, text

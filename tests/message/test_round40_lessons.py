"""Lessons of the fortieth round.

Before the reading: an offer to earn money working from home ("earn $50 to $500 a day working
from home") is a job offer even when it names no job, so with its too-easy pay it reads as a task
scam. Five organisations abroad that other-language scam texts borrow (PostNL, Correos, Spain's
tax agency and Social Security, France's health insurance) are known with their own sites: a
text that claims one and sends the reader elsewhere is impersonation, and a genuine text with
the real site stays calm. Names that are ordinary words too ("correos" is Spanish for emails)
count only when they start with a capital.

After `fresh-48` moved: money landing in your account to send on ("let a payment land in your
account, then send it on … keep £500 for yourself") is a money-mule offer; the retrained wording
sign had been all that read the team's own example "strong". From `fresh-48` as development
data: the "Hi Mum, new number" family in seven other languages (German, Spanish, Portuguese,
Italian, French, Dutch, Polish); and more wordings of the short texts the other-language families
read: a seizure to avoid or an address not found (Dutch), customs clearance suspended (Portuguese),
a parcel not left in the letterbox and a slot to select (French), a push-TAN registration that
runs out on a date and "renew" (German). Each sign has scam and genuine examples, written for
these tests.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sochelp.message.analyse import Verdict, prepare_text
from sochelp.message.content import Organisation
from sochelp.message.model import Channel
from tests.message.helpers import check, cue_fires, families, sources

_WARNED = (Verdict.SUSPICIOUS, Verdict.SCAM)


@pytest.mark.parametrize(
    "text",
    [
        "earn $50 to $500 a day working from home, flexible hours, message me for details",
        "Make £200 a day working online from your phone. Text me to start today.",
        "Earn an excellent income from home, paid daily, no experience needed. Reply YES.",
    ],
)
def test_money_to_earn_working_from_home_reads_as_a_job_scam(text: str) -> None:
    result = check(text, Channel.WHATSAPP)
    assert "job-offer" in families(result), (text, result.flags)
    assert result.verdict in _WARNED, (text, result.flags)


def test_the_issue_s_whatsapp_job_offer_reads_strong() -> None:
    text = "earn $50 to $500 a day working from home, flexible hours, message me for details"
    assert check(text, Channel.WHATSAPP).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "I earn less since I started working from home, so no holiday this year.",
        "Make sure you lock your screen when working remotely.",
        "We made £300 at the bake sale! Working from home tomorrow, call me.",
    ],
)
def test_talk_of_working_from_home_is_not_a_job_offer(text: str) -> None:
    assert not cue_fires("job-offer", text)
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "CORREOS: Su paquete no ha podido ser entregado. Pague 1,99€ en "
        "https://envios-pendientes.example.top",
        "AGENCIA TRIBUTARIA: Tiene un reembolso de 190€. Rellene el formulario: "
        "https://reembolso-renta.example.top",
        "PostNL: uw pakket staat klaar. Betaal de verzendkosten van 1,95 via "
        "https://pakket-volgen.example.top",
        "Seguridad Social: su tarjeta sanitaria caduca hoy. Actualice sus datos en "
        "https://tarjeta-sanitaria.example.top",
        "Assurance Maladie : votre carte Vitale expire, mettez-la à jour sur "
        "https://carte-vitale.example.top",
    ],
)
def test_a_text_claiming_an_organisation_abroad_with_another_site_is_impersonation(
    text: str,
) -> None:
    result = check(text, Channel.SMS)
    assert "combination" in sources(result), (text, result.flags)
    assert result.verdict in _WARNED, (text, result.flags)


@pytest.mark.parametrize(
    "text",
    [
        "PostNL: uw pakket wordt morgen tussen 10:00 en 12:00 bezorgd. Volg het op "
        "https://www.postnl.nl/tracktrace",
        "Correos: su envío llegará mañana. Consulte el estado en https://www.correos.es",
        "Assurance Maladie : votre remboursement est disponible sur votre compte "
        "https://www.ameli.fr",
    ],
)
def test_a_genuine_text_with_the_organisation_s_own_site_stays_calm(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is Verdict.NONE_FOUND, (text, result.flags)


@pytest.mark.parametrize(
    "text",
    [
        "Hola, te he enviado los correos con las fotos, míralos en https://fotos.example.com/album",
        "Votre assurance maladie rembourse 70 %, le détail est sur https://mutuelle.example.com",
    ],
)
def test_an_ordinary_word_that_is_also_a_name_is_not_a_mention(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "combination" not in sources(result), (text, result.flags)
    assert result.verdict is Verdict.NONE_FOUND, (text, result.flags)


def test_capitalised_aliases_must_be_aliases_starting_with_a_capital() -> None:
    base = {"id": "x-post", "name": "X Post", "kind": "delivery", "domains": ["xpost.example"]}
    with pytest.raises(ValidationError, match="not in 'aliases'"):
        Organisation(**base, aliases=["X Post"], capitalised_aliases=["Xpost"])
    with pytest.raises(ValidationError, match="start with a capital"):
        Organisation(**base, aliases=["xpost"], capitalised_aliases=["xpost"])
    fine = Organisation(**base, aliases=["Xpost"], capitalised_aliases=["Xpost"])
    assert fine.capitalised_aliases == ["Xpost"]


@pytest.mark.parametrize(
    "text",
    [
        "Want easy money? Just let a payment land in your account and send it on to my mate.",
        "All you do is have some cash come into your account, then pass it on. Keep £300 for "
        "yourself.",
        "Let the funds be paid into your account and transfer them to my cousin, keep £200 as "
        "your cut.",
    ],
)
def test_money_landing_in_your_account_to_send_on_is_a_mule_offer(text: str) -> None:
    result = check(text, Channel.WHATSAPP)
    assert "money-mule" in sources(result), (text, result.flags)


@pytest.mark.parametrize(
    "text",
    [
        "Your wages will land in your account on Friday.",
        "Keep £5 for the bus and give the rest back to Dad.",
        "The refund should arrive in your account within five working days.",
    ],
)
def test_ordinary_money_arriving_is_not_a_mule_offer(text: str) -> None:
    assert "money-mule" not in sources(check(text, Channel.SMS))


@pytest.mark.parametrize(
    "text",
    [
        "Hallo Mama, mein Handy ist kaputt. Das ist meine neue Nummer, du kannst die alte löschen.",
        "Hola mamá, se me ha roto el móvil, este es mi número nuevo.",
        "Olá mãe, o meu telemóvel caiu. Guarda este número.",
        "Ciao mamma, il telefono è caduto, salva questo numero.",
        "Salut maman, mon portable est cassé, enregistre ce numéro.",
        "Hoi mam, mijn telefoon is stuk. Sla dit nummer op.",
        "Cześć mamo, mój telefon się zepsuł, zapisz ten numer.",
    ],
)
def test_hi_mum_with_a_new_number_reads_in_other_languages(text: str) -> None:
    result = check(text, Channel.WHATSAPP)
    assert "hi-mum" in families(result), (text, result.flags)
    assert result.verdict in _WARNED


@pytest.mark.parametrize(
    "text",
    [
        "Hallo Mama, ich komme um sechs nach Hause.",
        "Hola mamá, ¿qué hay de cena?",
        "Ciao mamma, ti chiamo stasera.",
        "Unser Kundenservice hat eine neue Nummer: 030 1234567.",
        "Nuestro nuevo número de atención al cliente es el 900 100 200.",
    ],
)
def test_a_greeting_or_a_new_number_alone_is_not_hi_mum(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "hi-mum" not in families(result), (text, result.flags)


@pytest.mark.parametrize(
    ("cue", "text"),
    [
        ("lure-dutch", "Betaal vandaag om beslag te voorkomen"),
        ("lure-dutch", "Uw adres kan niet worden gevonden"),
        ("lure-dutch", "Uw telefoonnummer verloopt binnenkort"),
        ("asks-to-act-dutch", "Gelieve het adres bij te werken"),
        ("asks-to-act-dutch", "Betaal via de website"),
        ("lure-fees-refunds-other-languages", "o desalfandegamento da encomenda"),
        ("lure-fees-refunds-other-languages", "a sua encomenda foi retida"),
        ("lure-fees-refunds-other-languages", "je n'ai pas réussi à déposer votre colis"),
        ("alert-other-languages", "Ihre Push-TAN Registrierung läuft am 3. Juni aus"),
        ("asks-to-act-other-languages", "Bitte verlängern Sie Ihren Zugang"),
        ("asks-to-act-other-languages", "merci de sélectionner un créneau"),
    ],
)
def test_more_other_language_wordings_are_read(cue: str, text: str) -> None:
    assert cue_fires(cue, prepare_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "Uw pakket is bezorgd. Fijne dag!",
        "A sua encomenda foi entregue hoje.",
        "Votre colis a été déposé dans votre boîte aux lettres.",
        "Ihr Vertrag läuft am 3. Juni aus, wir melden uns rechtzeitig.",
    ],
)
def test_ordinary_delivery_and_contract_texts_stay_calm(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND

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
sign had been all that read the team's own example "strong". Each sign has scam and genuine
examples, written for these tests.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sochelp.message.analyse import Verdict
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

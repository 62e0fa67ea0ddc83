"""Lessons of the thirty-ninth round, from fresh-47 once it moved to development.

Most of fresh-47's scams were short texts in languages other than English. The text families now
read, in the six other languages they already knew: customs duty or VAT on a parcel, a parcel
that could not be delivered, a tax refund waiting, a traffic fine, a bank alert ("if it wasn't
you", a transfer awaiting approval, a card or TAN procedure expired), and being asked to call,
to pay online or to use "this link"; and Dutch, which they did not read at all. Job offers paid
by the day are read in those languages too. And in English, a member of staff asking payroll to
send their pay to a new account (payroll diversion) is a sign of its own. Each sign has scam and
genuine examples, written for these tests.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, prepare_text
from sochelp.message.model import Channel
from tests.message.helpers import check, check_rules, cue_fires, families, sources

_WARNED = (Verdict.SUSPICIOUS, Verdict.SCAM)


@pytest.mark.parametrize(
    "text",
    [
        # Dutch: a debt with a bailiff and a link; a parcel held for customs duty.
        "Uw openstaande schuld is nog niet voldaan. De deurwaarder legt morgen beslag. "
        "Betaal nu via https://incasso-dossier.example.top/nl",
        "Uw pakket kan niet worden afgeleverd vanwege onbetaalde douanerechten. "
        "Betaal uw verzendkosten: https://postpakket-nl.example.xyz",
        "Er is vanavond ingelogd vanuit Rotterdam op een nieuw apparaat. Herken je dit niet? "
        "Bel direct 020 555 0101",
        # Spanish, French, Italian, German, Portuguese: fees, refunds, fines, alerts.
        "Su paquete no se ha podido entregar porque no se han pagado las tasas de aduana (2€). "
        "Siga las instrucciones en este enlace.",
        "Vous devez payer 2,10€ de frais de dédouanement pour votre colis, payer en ligne avant "
        "demain.",
        "Multa por exceso de velocidad (20 km/h) 60 € https://multas-dgt.example.top Paga hoy",
        "Il trasferimento di 750,00 euro è in fase di approvazione. Se non sei stato tu chiama "
        "il servizio clienti al 392 000 0000",
        "Ihr TAN-Verfahren ist abgelaufen! Bitte aktualisieren Sie es direkt unter: "
        "https://tan-erneuern.example.top",
        "Reembolso de impuestos de 180€. Encuentre su formulario en el enlace: "
        "https://devolucion.example.top",
    ],
)
def test_short_scam_texts_in_other_languages_get_a_warning(text: str) -> None:
    result = check_rules(text, Channel.SMS)
    assert result.verdict in _WARNED, (text, result.flags)


@pytest.mark.parametrize(
    "text",
    [
        "Uw pakket wordt vandaag bezorgd tussen 10:00 en 12:00. Volg het op postnl.nl",
        "Bedankt voor uw bestelling! We sturen u een bericht zodra het pakket onderweg is.",
        "Hoi, ik bel je morgen even over het etentje. Groetjes, Anna",
        "Votre colis sera livré demain entre 9h et 13h.",
        "Frais de livraison offerts ce week-end sur toute la boutique.",
        "Ihre Bestellung wurde verschickt und kommt morgen an.",
        "Il rimborso spese della trasferta è allegato alla mail.",
        "Trabajo desde casa los viernes, llámame al móvil.",
    ],
)
def test_ordinary_texts_in_those_languages_stay_calm(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is Verdict.NONE_FOUND, (text, result.flags)


@pytest.mark.parametrize(
    ("cue", "text"),
    [
        ("lure-dutch", "Uw bankpas verloopt binnenkort"),
        ("lure-dutch", "het opgegeven adres is geen woonadres"),
        ("asks-to-act-dutch", "Klik hier om uw gegevens te bevestigen"),
        ("lure-fees-refunds-other-languages", "Zollgebühren in Höhe von 2,99 €"),
        ("lure-fees-refunds-other-languages", "costo dell'Iva"),
        ("alert-other-languages", "Si ce n'est pas vous, contactez-nous"),
        ("alert-other-languages", "expiration de votre carte vitale"),
        ("asks-to-call-or-link-other-languages", "Rufen Sie uns sofort an"),
        ("job-offer-other-languages", "travail à domicile"),
        ("easy-pay-other-languages", "ganar de 200 a 500 euros al día"),
    ],
)
def test_each_new_cue_reads_its_words(cue: str, text: str) -> None:
    assert cue_fires(cue, prepare_text(text))


@pytest.mark.parametrize(
    ("cue", "text"),
    [
        ("asks-to-call-or-link-other-languages", "Click a link in the email"),
        ("asks-to-call-or-link-other-languages", "Read more via the link below"),
        ("asks-to-act-dutch", "Betaald met dank"),
        ("alert-other-languages", "Die App ist jetzt verfügbar"),
        ("easy-pay-other-languages", "Der Parkplatz kostet 5 bis 8 Euro am Tag"),
        ("lure-fees-refunds-other-languages", "Your tax refund will be paid automatically"),
    ],
)
def test_the_new_cues_leave_english_and_ordinary_words_alone(cue: str, text: str) -> None:
    assert not cue_fires(cue, prepare_text(text))


def test_a_job_paid_by_the_day_in_german_is_a_job_offer() -> None:
    result = check(
        "Wir bieten flexible Teil- und Vollzeitjobs (60 Min. pro Tag) mit einem Grundgehalt "
        "von 200 bis 600 Euro täglich. Schreiben Sie uns auf WhatsApp.",
        Channel.WHATSAPP,
    )
    assert "job-offer" in families(result)
    assert result.verdict in _WARNED


@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        # With the changed bank details beside it, the request is a second kind of sign: "strong".
        (
            "Hi Sarah, I have changed my bank. Can you update my direct deposit details before "
            "Friday's payroll run? The old account will be closed.",
            (Verdict.SCAM,),
        ),
        (
            "Please have my salary paid into my new account from this month, details below.",
            _WARNED,
        ),
    ],
)
def test_a_payroll_diversion_request_is_a_sign(text: str, verdicts: tuple[Verdict, ...]) -> None:
    result = check_rules(text, Channel.EMAIL)
    assert "payroll-diversion-request" in sources(result)
    assert result.verdict in verdicts, result.flags


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: to change the bank account your salary is paid into, log in to the HR portal "
        "yourself and use Pay > Bank details. Payroll will never ask for them by email.",
        "Payroll runs on the 25th. Please submit your timesheets by the 20th.",
    ],
)
def test_payroll_notices_are_not_diversion(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "payroll-diversion-request" not in sources(result)
    assert result.verdict is not Verdict.SCAM


def test_giffgaffs_own_site_is_an_official_link() -> None:
    # A network's automatic reply about a failed top-up, with its real site, read "strong"
    # when giffgaff.com was not known as giffgaff's.
    calm = check(
        "Check your auto top-up settings: giffgaff.com/profile/payment-details. If a payment "
        "failed you'll need to top up again.",
        Channel.SMS,
    )
    assert calm.verdict is Verdict.NONE_FOUND, calm.flags
    fake = check(
        "giffgaff: your payment failed and your SIM will be suspended today. Update your card "
        "at https://giffgaff-billing.example.top/update",
        Channel.SMS,
    )
    assert fake.verdict is Verdict.SCAM, fake.flags

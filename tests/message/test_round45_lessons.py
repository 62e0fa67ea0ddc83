"""Lessons of the forty-fifth round.

A fresh-52 phishing email said "we're concerned that someone is using your account without your
knowledge"; no cue read that as an account under attack, so with a request it made no
account-locked family. The suspicious-activity cue now reads it, but not where a genuine notice
names it as one possible reason ("when somebody else is accessing your account").

An ordinary carrier's notice (a parcel ready to collect at a named shop, locker or post office,
a collection code, another try tomorrow) got the "out of the blue" sign, in English and in the
other languages alike, and with the wording sign that made "some warning signs". It is a notice,
not an alert: both collection-notice cues now keep the sign out.

The "worded like known scam texts" sign, measured out of fold on the development messages, fired
(weakly or more) on 46% of the genuine messages in other languages and 62% of the scams: in a
short text it gets a handful of words, mostly ones that tell the language rather than the scam.
In a short text read as another language it now adds to other signs but cannot raise a warning
on its own (out of fold on short texts it had raised 3 genuine messages and no scam). The same
holds for a letter: out of fold the sign alone raised 11 of 210 genuine letters (a bank's
locked-access letter, a debt collector's, a council's) and none of 32 scam letters, while it
lifted 14 scam letters from "some" to "strong" beside other signs. Examples written for these
tests, and real development letters.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, prepare_text
from sochelp.message.model import Channel
from sochelp.message.wording import score
from tests.message.helpers import (
    bundled,
    check,
    cue_fires,
    families,
    read_dev_message,
    sources,
)


@pytest.mark.parametrize(
    "text",
    [
        "We're concerned that someone is using your account without your knowledge.",
        "Somebody may be trying to access your account.",
        "Recent activity from your account seems to have occurred in a suspicious way.",
    ],
)
def test_someone_using_your_account_is_suspicious_activity(text: str) -> None:
    assert cue_fires("suspicious-activity", text)


@pytest.mark.parametrize(
    "text",
    [
        "This can happen when you sign in on a new phone, or when somebody else is accessing "
        "your account.",
        "If someone is using your account, change your password in the app.",
    ],
)
def test_a_possible_reason_is_no_claim_of_activity(text: str) -> None:
    assert not cue_fires("suspicious-activity", text)


def test_someone_using_your_account_with_a_request_is_the_account_locked_lure() -> None:
    result = check(
        "We're concerned that someone is using your account without your knowledge. Please log "
        "in to review your recent activity.",
        Channel.EMAIL,
    )
    assert "account-locked" in families(result)
    assert result.verdict is Verdict.SCAM


_COLLECTION_NOTICES = [
    "Evri: Your parcel is ready to collect from the ParcelShop at Co-op, High St. Collection "
    "code 4821.",
    "DPD: Your parcel is waiting at the Pickup Shop Tesco Express until 12 May. Show code 123456.",
    "PostNord: Ditt paket väntar på dig hos ombudet ICA Kvantum till 12 maj. Ta med legitimation.",
    "Die Sendung konnte nicht zugestellt werden und liegt in Ihrer Filiale zur Abholung bereit.",
    "Votre colis est en attente au point relais Tabac du Centre jusqu'au 12/05.",
]


@pytest.mark.parametrize("text", _COLLECTION_NOTICES)
def test_a_parcel_to_collect_is_not_an_alert_out_of_the_blue(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "alert-out-of-the-blue" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND, result.flags


@pytest.mark.parametrize(
    "text",
    [
        "Royal Mail: your parcel is held at our depot. A fee of £1.99 is due before we can "
        "deliver it: https://royalmail-fee.example.top",
        "Your parcel could not be delivered. Pay the redelivery fee here: https://rm.example.top",
    ],
)
def test_a_held_parcel_with_a_fee_is_still_an_alert(text: str) -> None:
    assert not cue_fires("collection-notice", text)
    assert check(text, Channel.SMS).verdict is Verdict.SCAM


_ALERT_TEST = (
    "NL-Alert 12-03-2025 12:00: TESTBERICHT. De overheid waarschuwt je bij noodsituaties via "
    "NL-Alert. Kijk op www.nl-alert.nl. *** TEST MESSAGE, no action required."
)


def test_in_a_short_text_in_another_language_the_wording_cannot_warn_alone() -> None:
    model = bundled().wording
    assert model is not None
    assert score(model, prepare_text(_ALERT_TEST)) > model.weak_threshold  # it would fire
    result = check(_ALERT_TEST, Channel.SMS)
    assert result.language == "other"
    assert "model:wording" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND, result.flags


def test_in_another_language_the_wording_still_adds_to_other_signs() -> None:
    result = check("Twoja paczka została wstrzymana z powodu niedopłaty 1,20 zł.", Channel.SMS)
    assert "model:wording" in sources(result)
    assert "lure-alone-other-languages" in families(result)


def test_in_english_the_wording_still_counts_alone() -> None:
    result = check("We have detected unusual activity on your account.", Channel.SMS)
    assert result.language == "english"
    assert "model:wording" in sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        "All SASSA recipients: you have to re-register for SASSA payments before 1 June.",
        "Many people yesterday received R700 [from] SASSA. Check your next payment date here.",
        "Your DWP payment is waiting",
    ],
)
def test_money_from_a_named_benefit_agency_is_government_money(text: str) -> None:
    assert cue_fires("government-money", text)


def test_a_benefit_agency_named_without_money_is_no_lure() -> None:
    assert not cue_fires("government-money", "SASSA offices are closed on Monday.")


@pytest.mark.parametrize(
    "message_id",
    [
        "rm-2e6c8e4e7c23",  # a bank's letter: access deactivated after failed PIN attempts
        "rm-c59c2089bab8",  # a debt collection agency's letter: "you owe $445.71"
        "rm-e18b2a779825",  # a council's letter: the bin lost in the collection vehicle
    ],
)
def test_a_genuine_letter_is_not_warned_by_its_wording_alone(message_id: str) -> None:
    result = read_dev_message(message_id, label="genuine")
    assert "model:wording" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND, result.flags


def test_in_a_scam_letter_the_wording_still_adds_to_other_signs() -> None:
    # a "don't tell anyone" letter
    result = read_dev_message("rm-a69bdb369df1")
    assert "model:wording" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "If payment is not received your child's place cannot be guaranteed.",
        "Unless your payment is received by Friday, the booking will be released.",
    ],
)
def test_a_condition_on_a_payment_is_no_failed_payment(text: str) -> None:
    # (what happens if it is not paid is a deadline, read as one; not a claim that it failed)
    assert not cue_fires("billing-problem", text)


def test_a_payment_that_failed_is_still_a_billing_problem() -> None:
    assert cue_fires("billing-problem", "Your payment was not received. Please update your card.")


def test_a_school_trip_letter_asking_for_the_last_payment_is_calm() -> None:
    result = check(
        "Dear Parent/Carer, the final payment of £120 for the Year 6 residential trip is now "
        "due. Please pay via ParentPay by Friday 12 May. If payment is not received your "
        "child's place cannot be guaranteed. Yours faithfully, Mrs Smith, Head Teacher",
        Channel.LETTER,
    )
    assert result.verdict is Verdict.NONE_FOUND, result.flags


@pytest.mark.parametrize(
    "text",
    [
        "Kindly arrange payment to the account on the attached invoice, which differs from "
        "previous invoices as we now bank with a different provider.",
        "Please note we now bank with a new bank, so use the details below.",
        "The sort code on this invoice is different from the previous one.",
    ],
)
def test_an_account_that_differs_from_before_is_changed_bank_details(text: str) -> None:
    assert "changed-bank-details" in {flag.source for flag in check(text, Channel.EMAIL).flags}


def test_a_bank_that_is_different_from_the_shop_is_no_change() -> None:
    result = check("Our bank is different from the one next door; it opens at 9.", Channel.EMAIL)
    assert "changed-bank-details" not in {flag.source for flag in result.flags}


# Lessons from fresh-53, after it moved to development (examples written for these tests).


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Please ring this number now: 00247 551 0292", Channel.SMS),
        ("Ring meg nå, det haster: +247 5510292", Channel.SMS),
        ("Call our agent on +882 1600 1234 today.", Channel.EMAIL),
    ],
)
def test_a_number_on_a_satellite_network_or_tiny_island_is_premium_rate(
    text: str, channel: Channel
) -> None:
    result = check(text, channel)
    assert "international-premium-number" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    ["Call us on +44 20 7946 0000.", "Ring 0800 123 4567.", "Order 24705 was dispatched today."],
)
def test_an_ordinary_number_is_not_international_premium(text: str) -> None:
    assert "international-premium-number" not in sources(check(text, Channel.SMS))


@pytest.mark.parametrize(
    "text",
    [
        # Turkish: your parcel was returned to the centre because of the address; update it
        "Kargonuz adres nedeniyle dağıtım merkezine iade edilmiştir, lütfen adresinizi "
        "güncelleyin.",
        # Indonesian: your number gets a prize; please verify your PIN at the site
        "Selamat! Nomor Anda m-dpt hadiah 1 unit motor. Silahkan verifikasi PIN anda di "
        "www.hadiah-undian.jimdo.com",
        # Portuguese: your order awaits customs clearance; for details go to:
        "Correios: Seu pedido está aguardando liberação alfandegária. Para mais detalhes, "
        "acesse: https://correios-taxa.example.top",
        # Danish: your MitID is suspended; please confirm your details
        "Dit MitID er suspenderet. For at genåbne det bedes du bekræfte dine oplysninger.",
    ],
)
def test_the_words_fresh_53_used(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is not Verdict.NONE_FOUND, result.flags
    assert "lure-alone-other-languages" in families(result)


def test_a_page_on_jimdo_is_free_hosting() -> None:
    result = check("See www.example-shop.jimdo.com", Channel.SMS)
    assert "link:free-host" in sources(result)

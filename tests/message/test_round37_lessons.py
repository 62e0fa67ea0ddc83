"""What the thirty-seventh round's work taught, with the scams that must still be caught.

The scam wordings are the shapes the same signs exist for; the ordinary messages are what a
customer or a reader really receives. All are written (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from sochelp.message.normalise import clean
from tests.message.helpers import check, cue_fires, read_dev_strong, read_dev_warned, sources

# --- 1. Someone paying for your account, log-in or keys ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hi, I will pay you £300 for your bank account details, you keep it for a week and get "
        "it back.",
        "Quick money!! We buy old GitHub accounts, $20 per account, DM me",
        "I'll give you 500 pounds to use your bank account for a few payments",
        "Student? We pay £150 for your Monzo or Revolut account, no questions",
        "Sell me your PayPal account, I pay 100 dollars",
    ],
)
def test_an_offer_to_buy_your_account_is_a_money_mule_or_takeover_sign(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "buys-your-account" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your plan: you will pay £10 for your account each month from 1 May.",
        "Refer a friend: we'll give you £50 for every friend who opens an account.",
        "Trade in today: we pay £5 for your old mobile phone.",
        "Switch to us and we'll give you £175 for switching your current account.",
        "Never sell your bank account details to anyone: it is money laundering.",
        "I will pay £20 for your ticket if you can't go on Saturday.",
    ],
)
def test_fees_referrals_and_trade_ins_are_no_account_purchase(text: str) -> None:
    assert "buys-your-account" not in sources(check(text, Channel.SMS))


def test_the_deprecated_ssh_key_buyer_is_warned() -> None:
    read_dev_warned("rm-385ddde69df3", "buys-your-account")


# --- 2. The copyright "photographer" who threatens to sue -------------------------------------


def test_the_photographer_threatening_to_sue_is_warned_without_a_download() -> None:
    read_dev_warned("rm-4d0e2a845b53", "copyright-claim-download")


@pytest.mark.parametrize(
    "text",
    [
        "Copyright law protects images: you could be sued if you copy them, so use our free "
        "picture library instead.",
        "Thanks for using my photos on your website with credit, as we agreed. No legal action "
        "needed, of course!",
    ],
)
def test_copyright_advice_and_agreed_use_are_no_threat(text: str) -> None:
    assert "copyright-claim-download" not in sources(check(text, Channel.EMAIL))


# --- 3. A discount for paying by bank transfer --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Holiday apartment in Tenerife, last minute availability, 40% off if you pay by bank "
        "transfer today, message me",
        "Brand new sofa, still boxed. Big discount if you pay via bank transfer, I can deliver.",
    ],
)
def test_a_discount_for_paying_by_transfer_is_a_sign(text: str) -> None:
    assert "transfer-stranger" in sources(check(text, Channel.WEB))


@pytest.mark.parametrize(
    "text",
    [
        "Save 10% when you pay by Direct Debit.",
        "Members get 10% off at the café. You can pay by card or cash.",
    ],
)
def test_ordinary_payment_discounts_are_no_sign(text: str) -> None:
    assert "transfer-stranger" not in sources(check(text, Channel.WEB))


# --- 4. A bill payment is no government payment -------------------------------------------------


def test_a_declined_bill_payment_is_not_called_a_government_payment() -> None:
    result = check(
        "Your O2 bill payment was declined. Please update your billing info to avoid service "
        "interruption: o2-billing-update.com",
        Channel.SMS,
    )
    assert "family:government-payment" not in sources(result)
    assert "family:failed-billing" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_an_energy_bill_rebate_is_still_government_money() -> None:
    result = check(
        "GOV.UK: You are eligible for an energy bill rebate of £400. Apply now: "
        "https://energy-rebate-claim.top/uk",
        Channel.SMS,
    )
    assert "family:government-payment" in sources(result)


# --- 5. An order you did not place, with a number to call ----------------------------------------


def test_a_fake_order_with_a_number_to_cancel_is_strong() -> None:
    result = check(
        "Your Amazon order #203-4456 of iPhone 15 Pro (£1,149.00) has been dispatched. If you "
        "did not place this order, call 0800 098 4211 to cancel.",
        Channel.EMAIL,
    )
    assert result.verdict is Verdict.SCAM, sources(result)
    assert "family:bank-call-back" in sources(result)


def test_a_dispatch_note_with_no_number_to_call_stays_calm() -> None:
    result = check(
        "Your order #203-4456 of a kettle (£24.99) has been dispatched and should arrive on "
        "Friday. Track it in Your Orders.",
        Channel.EMAIL,
    )
    assert result.verdict is Verdict.NONE_FOUND, sources(result)


# --- 6. Compensation you are said to be owed ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We tried to contact you about your car accident claim. You could be entitled to £3,500 "
        "compensation. Reply CLAIM.",
        "You may be owed up to £5,000 in compensation for mis-sold car finance. Reply YES for a "
        "free check.",
    ],
)
def test_compensation_you_are_owed_by_text_is_claims_farming(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "family:claims-farming" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Our car finance deals start at 4.9% APR. Visit the showroom to find out more.",
        "The court awarded the family £20,000 in damages, the paper reported.",
    ],
)
def test_finance_adverts_and_news_are_no_claims_farming(text: str) -> None:
    assert "family:claims-farming" not in sources(check(text, Channel.SMS))


# --- 7. Lessons from fresh-45 as development data ---------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "sign"),
    [
        # German and Spanish texts: a parcel held back, a card disabled, a link to follow
        ("rm-7a820ec669d0", "family:text-with-link-lure"),
        ("rm-6fb8d724ebf5", "family:text-with-link-lure"),
        # a hacker's "testimonial" with a webmail address
        ("rm-6d58484bfa12", "family:spy-hacker"),
        # "a powerful spritual man", misspelt
        ("rm-e8cc39fa28f0", "spell-caster"),
        # "$3000 Per Day Easy" with a link
        ("rm-7bad946979c5", "family:easy-money-link"),
    ],
)
def test_fresh45_scams_read_strong(message_id: str, sign: str) -> None:
    read_dev_strong(message_id, sign)


@pytest.mark.parametrize(
    ("message_id", "sign"),
    [
        # a French traffic-fine text: "en attente de règlement … régulariser la situation"
        ("rm-4561cc9cdd83", "family:text-lure-request"),
        ("rm-2e711a1bc0e7", "investment-pitch"),
        ("rm-675ddf82a1c5", "paid-to-comment"),
    ],
)
def test_fresh45_scams_are_warned(message_id: str, sign: str) -> None:
    read_dev_warned(message_id, sign)


@pytest.mark.parametrize(
    "text",
    [
        "Fehlgeschlagene Zustellung. Bitte überprüfen Sie Folgendes: https://cpoad.example/at",
        "Mettez à jour votre adresse : https://colis-livraison.example/fr",
        "Su tarjeta ha sido bloqueada. Confirme sus datos: https://banco-seguro.example/es",
    ],
)
def test_a_request_a_colon_and_a_link_in_other_languages_asks_for_the_link(text: str) -> None:
    # (the patterns read the text as the analysis cleans it, with its accents removed)
    assert cue_fires("request-link-other-languages", clean(text).text)
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Weitere Informationen: https://www.example.de/info",
        "Please complete the staff survey by Friday: https://forms.office.com/r/a1",
        "Horaires d'ouverture : https://www.example-mairie.fr",
    ],
)
def test_a_heading_before_a_link_in_any_language_is_no_request(text: str) -> None:
    assert not cue_fires("request-link-other-languages", clean(text).text)


@pytest.mark.parametrize(
    "text",
    [
        "Scammers hacked my husband's phone via WhatsApp last week, so we called the bank.",
        "Binary options are banned from sale to consumers in the UK.",
        "Prove me wrong and I'll buy you a coffee!",
        "Make extra money this Christmas: seasonal staff wanted, £12.50 an hour. Apply at "
        "https://www.royalmail.com/jobs",
    ],
)
def test_victims_warnings_and_ordinary_offers_stay_calm(text: str) -> None:
    result = check(text, Channel.WEB)
    assert result.verdict is not Verdict.SCAM, sources(result)
    assert not {"family:spy-hacker", "investment-pitch", "paid-to-comment"} & sources(result)


# --- 8. "I need help" and "really stressed out" as distress -----------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        "rm-dfd853d6bd55",  # "mum, I've dropped my phone in the toilet. I need help…"
        "rm-ae6be19a1a99",  # "Hey Mum … I'm on Jodie's phone … I'm just really stressed out."
    ],
)
def test_a_hi_mum_text_in_distress_reads_strong(message_id: str) -> None:
    read_dev_strong(message_id, "distress")


@pytest.mark.parametrize(
    "text",
    [
        "Mum I need help with my maths homework tonight, are you home by 7?",
        "Hi Sam, I'm in a meeting until 3 and I need your help with the board pack. Could you "
        "print 10 copies and leave them in room 2? Thanks, Priya",
        "I'm really stressed out about the deadline, could we meet tomorrow to go through it?",
    ],
)
def test_asking_for_help_with_something_named_stays_calm(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- 9. A one-time code "to approve a payment" asks for no payment -------------------------------


def test_a_bank_one_time_code_text_stays_calm() -> None:
    result = check(
        "Santander: Your one time passcode is 739204 to approve a payment of £64.99 to CURRYS. "
        "Don't share this code with anyone.",
        Channel.SMS,
    )
    assert result.verdict is Verdict.NONE_FOUND, sources(result)
    assert "pay" not in result.requests


def test_a_code_text_with_a_number_to_call_is_still_strong() -> None:
    result = check(
        "Lloyds: use the code 483920 to approve a payment of £950 to J SMITH. If this wasn't "
        "you call 0203 123 4567",
        Channel.SMS,
    )
    assert result.verdict is Verdict.SCAM, sources(result)


def test_a_price_alone_is_no_reason_to_call_a_network_an_impersonator() -> None:
    result = check(
        "EE: Welcome to France. You're using your UK allowance here for £2.49 a day, only "
        "charged on days you use your phone. Have a great trip!",
        Channel.SMS,
    )
    assert "combination" not in sources(result)
    assert result.verdict is not Verdict.SCAM


def test_a_network_asking_a_fee_by_its_own_text_still_reads_as_one() -> None:
    result = check(
        "EE: your account is overdue. Pay the £4.99 late fee today to avoid disconnection.",
        Channel.SMS,
    )
    assert "combination" in sources(result)

"""What the thirteenth round's reading of the development sets taught, each with counter-examples.

The real messages come from ``fresh-13``, held out in the twelfth round and development data
since the thirteenth; the ordinary ones are written here as counter-examples (a regression set,
never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, read_dev_message, read_dev_strong, sources

# --- parcels ----------------------------------------------------------------------------------


def test_a_delivery_stopped_at_the_depot_with_a_removed_link_is_strong() -> None:
    # "your delivery has been stopped at our depot. Trk#: … please resolve the issue here:"
    read_dev_strong("rm-7729eb282823", "family:text-with-link-lure")


def test_a_courier_that_could_not_make_the_delivery_is_a_warning_sign() -> None:
    # "Courier service couldn't make the delivery of your parcel. Status deny: …"
    result = read_dev_message("rm-bbb3f2e8e519")
    assert "family:alert-out-of-the-blue" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel was delivered to your safe place at 14:02. Thanks for shopping with us.",
        "The bus stopped at our depot for ten minutes, so I'll be a bit late.",
        "Sorry we couldn't make the delivery of the sofa today, we'll ring you to rearrange.",
    ],
)
def test_ordinary_delivery_news_is_not_strong(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.SCAM


# --- refunds and tolls ------------------------------------------------------------------------


def test_a_refund_held_up_for_want_of_your_details_is_strong() -> None:
    # "you have overpaid your fine and Revenue NSW does not have the details to process a refund"
    read_dev_strong("rm-e41f799682eb", "family:government-payment")


@pytest.mark.parametrize(
    "text",
    [
        "We have your details and will process your refund within 5 working days.",
        "Your refund has been processed and should reach your account in 3 days.",
        "I don't have the details of the trip yet, I'll send them tonight.",
    ],
)
def test_refund_news_that_asks_for_nothing_is_no_request(text: str) -> None:
    # (the wording sign alone may still give "some" to a short refund note: it asks nothing,
    # so no request and no family)
    result = check(text, Channel.SMS)
    assert "family:government-payment" not in sources(result)
    assert not result.requests
    assert result.verdict is not Verdict.SCAM


def test_an_unpaid_toll_with_a_penalty_threat_is_strong() -> None:
    # "LINKT: You have a toll trip on … was not charged promptly. Please settle up payment, or
    #  you will receive a penalty notice"
    read_dev_strong("rm-392cfb875b36", "family:road-charge")


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, your toll account is settled up and nothing is owed.",
        "If you come to the match you will receive a free programme.",
        "Your toll payment of £2.50 was taken on 3 March. No action needed.",
    ],
)
def test_settled_tolls_and_promises_are_not_road_charge_scams(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "family:road-charge" not in sources(result)
    assert result.verdict is not Verdict.SCAM


# --- advance-fee fraud ------------------------------------------------------------------------


def test_a_dying_widow_asking_a_stranger_for_help_is_a_warning_sign() -> None:
    # "I grew up as an orphan and now a widow, … I was recently diagnosed cancer and I have only
    #  two months to live"
    result = read_dev_message("rm-3be01914349b")
    assert "dying-stranger" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "As a widow, I found the bereavement service very helpful.",
        "My mum was diagnosed with cancer last year and the nurses have been wonderful.",
        "We moved house and now a widower lives next door; he is lovely.",
    ],
)
def test_ordinary_talk_of_illness_and_loss_is_no_dying_stranger(text: str) -> None:
    assert "dying-stranger" not in sources(check(text, Channel.EMAIL))


def test_scam_victim_compensation_funds_are_bait_not_talk_about_scams() -> None:
    # "claim your WORLD BANK/IMF assisted scam victim compensation funds of $9.5millon"
    result = read_dev_message("rm-3c7ff527aa92")
    assert "model:wording" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_warning_about_compensation_offers_still_reads_as_a_warning() -> None:
    text = (
        "Beware of emails offering scam victim compensation funds from the IMF. They are fake: "
        "report them to report@phishing.gov.uk."
    )
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


# --- accounts named by their state ------------------------------------------------------------


def test_a_blocked_account_headline_with_a_link_is_strong() -> None:
    # "Wells Blocked Account http://fraudulentaccountsuspended 3482owur….xyz /fh46hdfss/login"
    read_dev_strong("rm-350d23dab946", "family:account-locked")


@pytest.mark.parametrize(
    "text",
    [
        "Limited Account: your PayPal access is restricted. Restore it at paypal-restore.xyz",
        "Suspended debit card. Reactivate now: https://card-help.top/login",
    ],
)
def test_account_states_in_headline_style_are_account_problems(text: str) -> None:
    assert "family:account-locked" in sources(check(text, Channel.SMS))


@pytest.mark.parametrize(
    "text",
    [
        "We bought a limited edition card for Gran's birthday.",
        "The blocked drain outside number 4 has been cleared.",
        "Thanks for ordering a replacement debit card. It will arrive in 5 days.",
    ],
)
def test_ordinary_cards_and_blockages_are_no_account_problem(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "family:account-locked" not in sources(result)
    assert result.verdict is not Verdict.SCAM

"""What the fourth fresh batch taught: readings that its scams needed.

The fourth fresh batch (benchmarks/data/real-messages/fresh-4.jsonl) was held out for one
measurement and moved to development in the fifth round; its scams are read here by id. Each
reading also has genuine counter-examples, so that it stays general.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import MessageResult, Verdict
from sochelp.message.model import Channel
from tests.message.helpers import (
    check,
    check_rules,
    families,
    read_batch_message,
    sources,
)


def _scam(message_id: str) -> MessageResult:
    """A scam of the batch, analysed with the channel it came by."""
    return read_batch_message("fresh-4", message_id)


# --- tech-support calls -------------------------------------------------------------------------


def test_a_caller_wanting_you_at_your_computer_about_malicious_files() -> None:
    result = _scam("rm-0b33c06e3362")  # "malicious files … sat in front of her computer"
    assert "computer-call" in families(result)
    assert "computer-problem-call" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_connection_cut_off_tomorrow_unless_fixed_is_a_threat() -> None:
    result = _scam("rm-fa01c1c36d8e")  # "It will be cut off tomorrow unless the fault is fixed."
    assert "cut-off-threat" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_cold_caller_asking_for_the_homeowner() -> None:
    result = _scam("rm-74ba5531aae5")  # "Hello, is this the homeowner? I am calling from …"
    assert "homeowner-cold-call" in families(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        "Hi, it's the repair shop, your computer is ready to collect.",
        "The homeowner is responsible for the hedge, the council said.",
        "Hello, it's the garage, am I speaking to the owner of the blue Astra?",
    ],
)
def test_ordinary_calls_about_computers_and_owners_are_not_these_families(text: str) -> None:
    found = families(check(text, Channel.CALL))
    assert not found & {"computer-call", "homeowner-cold-call"}


def test_an_engineer_visit_or_planned_work_is_not_a_cut_off_threat() -> None:
    for text in (
        "Planned work: your broadband will be switched off on Tuesday from 1am to 5am.",
        "Your line will be cut off tomorrow as you asked when you closed your account.",
    ):
        assert "cut-off-threat" not in sources(check(text, Channel.SMS)), text


# --- emails ---------------------------------------------------------------------------------------


def test_are_you_on_campus_alone_in_an_email_is_a_boss_scam_opener() -> None:
    result = _scam("rm-0320e1c3f7fc")
    assert "availability-opener" in families(result)
    assert result.verdict is Verdict.SUSPICIOUS


def test_a_longer_email_asking_if_you_are_free_is_not_the_opener() -> None:
    result = check(
        "Are you free on Thursday for the planning meeting? I've booked room 2 from 10 to 11 "
        "and will bring the budget figures we talked about last week.",
        Channel.EMAIL,
    )
    assert "availability-opener" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_deal_that_must_be_top_secret_is_secrecy() -> None:
    result = _scam("rm-e22296f71de9")  # "must be utterly confidential and top secret"
    assert "dont-tell" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_an_email_disclaimer_saying_confidential_is_not_secrecy() -> None:
    result = check(
        "Minutes attached.\n\nThis email and any attachments are confidential and intended "
        "solely for the addressee. If you received it in error, please delete it.",
        Channel.EMAIL,
    )
    assert "dont-tell" not in sources(result)


def test_a_tax_refund_with_a_placeholder_amount_and_a_condition() -> None:
    result = _scam("rm-e399aab92c88")  # "a tax return of £[sum]. In order to receive your tax …"
    assert "government-payment" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_failed_delivery_fixed_by_a_small_fee_in_a_long_email() -> None:
    result = _scam("rm-d3fc94e31449")
    assert "delivery-small-fee" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_missed_delivery_without_a_fee_is_not_the_fee_family() -> None:
    text = (
        "We had an unsuccessful delivery to your address today. We'll try again tomorrow, or "
        "you can collect it from the depot with photo ID."
    )
    result = check(text, Channel.EMAIL)
    assert "delivery-small-fee" not in families(result)
    assert result.verdict is not Verdict.SCAM
    # The rules alone find nothing more than the weak "unsuccessful delivery" sign. (The weak
    # wording sign, at 2% of ham since the fourteenth round, gives it "some warning signs": a
    # trade measured out of fold, see train_wording_model.py.)
    assert check_rules(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


def test_a_profile_update_here_with_the_link_removed_is_a_link_request() -> None:
    result = _scam("rm-07b26800e154")  # "Please complet your profile update here."
    assert "link" in result.requests
    assert result.verdict is not Verdict.NONE_FOUND


def test_threats_to_go_to_your_employer_or_stop_benefits() -> None:
    result = _scam("rm-37cf68f085f4")
    assert "employer-benefits-threat" in sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


def test_a_genuine_benefits_reminder_is_not_a_threat() -> None:
    result = check(
        "Tell us about changes in your circumstances, or your payments may be wrong. You can do "
        "this in your Universal Credit journal.",
        Channel.SMS,
    )
    assert "employer-benefits-threat" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_proposal_to_get_this_money_legally_together_is_a_windfall() -> None:
    result = _scam("rm-be1215e9301b")  # "We work together and get this money … done legally"
    assert "windfall" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_working_together_on_something_else_is_no_windfall() -> None:
    result = check("We work together and get this report done by Friday.", Channel.EMAIL)
    assert "windfall" not in sources(result)


# --- bank emails with the link taken out ---------------------------------------------------------


def test_reviewing_your_online_profile_to_avoid_suspension_is_a_details_request() -> None:
    result = check(
        "Dear Lloyds Bank Customer,\n\nThere is a pending E-Payment into your account. You are "
        "strongly advised to rectify this by reviewing your online profile with us using the "
        "secure reference below to avoid service suspension.",
        Channel.EMAIL,
    )
    assert "details" in result.requests
    assert "account-locked" in families(result)
    assert result.verdict is Verdict.SCAM


def test_being_logged_out_and_asked_to_update_your_account_is_an_account_alert() -> None:
    result = check(
        "We are sorry you have been logged out of the Internet Banking service.\n"
        "Secure and update your account now.\nPlease click OK to log back onto Internet Banking",
        Channel.EMAIL,
    )
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "We've reviewed your account and your new overdraft limit is £500, as you asked.",
        "Please review the details of your booking below and bring photo ID on the day.",
        "You were logged out of the app after 10 minutes without use; this keeps your money safe.",
    ],
)
def test_reviews_and_log_outs_the_reader_asked_for_are_not_alerts(text: str) -> None:
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Hello <CFO's first name>, Can you please email me the details you will need to help me "
        "process an outgoing wire transfer? I can't take calls right now due to meetings.",
        "Are you available to prepare a payment of £1,600 today?",
    ],
)
def test_a_short_email_from_a_boss_who_cannot_talk_opens_like_ceo_fraud(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "availability-opener" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_defanged_sender_address_is_judged_like_a_plain_one() -> None:
    body = "\nSubject: Your account\n\nDear customer, your account is limited. Log in here."
    defanged = check("From: PayPal Service <service[@]paypa1-security[.]com>" + body)
    plain = check("From: PayPal Service <service@paypa1-security.com>" + body)
    assert "sender:org-name-in-domain" in sources(defanged)
    assert sources(defanged) == sources(plain)

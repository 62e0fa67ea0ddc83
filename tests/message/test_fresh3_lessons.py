"""What the third fresh batch taught: readings that its scams needed.

The third fresh batch (benchmarks/data/real-messages/fresh-3.jsonl) was held out for one
measurement and moved to development in the fourth round; its scams are read here by id. Each
reading also has genuine counter-examples, so that it stays general.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import MessageResult, Verdict
from sochelp.message.model import Channel
from tests.message.helpers import (
    batch_records,
    check,
    families,
    read_batch_message,
    sources,
)


def _scam(message_id: str) -> MessageResult:
    """A scam of the batch, analysed with the channel it came by."""
    return read_batch_message("fresh-3", message_id)


# --- a new number, without "Hi Mum" -----------------------------------------------------------


def test_a_new_number_asking_for_money_is_family_impersonation_without_a_greeting() -> None:
    result = _scam("rm-694eed2ef844")  # "locked out of bank account due to the new number…"
    assert "new-number-money" in families(result)
    assert result.verdict is Verdict.SCAM


def test_dad_i_have_changed_my_number_opens_the_family_scam() -> None:
    result = _scam("rm-416a118dc94d")  # "Dad I've changed my mobile number today."
    assert "hi-mum" in families(result)
    # "some warning signs" from the family alone; the wording sign (weak threshold at 2% of
    # ham since the fourteenth round) takes it to "strong".
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "I've changed my number, save this one. Can you pick up milk on the way home?",
        "Can you lend me the book you mentioned? I'll give it back next week.",
    ],
)
def test_a_new_number_without_a_money_ask_is_not_the_money_family(text: str) -> None:
    assert "new-number-money" not in families(check(text, Channel.WHATSAPP))


# --- calls about your computer or internet ----------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        "rm-b7525bbe3bbe",  # "Alex from Talk Talk … calling about your internet connection"
        "rm-1f880fea4de6",  # "calling from BT … someone is connected to your computer"
        "rm-a9d80501cb70",  # "error messages from your computer … trying to hack into it"
    ],
)
def test_a_call_about_your_computer_or_connection_has_strong_signs(message_id: str) -> None:
    result = _scam(message_id)
    assert "computer-problem-call" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Hello, it's Sam from BT, I'm calling about your broadband order, the router comes Monday.",
        "Hi, this is Openreach, your engineer will arrive between 8 and 1 tomorrow to fix a fault.",
        "Hello, I'm calling from TalkTalk about renewing your contract, call us back when you can.",
    ],
)
def test_an_ordinary_call_from_a_broadband_company_is_not_a_computer_problem(text: str) -> None:
    result = check(text, Channel.CALL)
    assert "computer-problem-call" not in families(result)
    assert result.verdict is not Verdict.SCAM


def test_talktalk_is_a_known_telecom_company() -> None:
    result = check("Hello, my name is Alex from Talk Talk", Channel.CALL)
    assert result.claimed_sender is not None
    assert result.claimed_sender.organisation == "TalkTalk"


# --- a 'boss' asking for a payment --------------------------------------------------------------


def test_are_you_available_to_prepare_a_payment_is_a_boss_payment_request() -> None:
    result = _scam("rm-d8ee2625f8ee")  # "Are you available to prepare a payment of £1,600 today?"
    assert "boss-payment" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_boss_in_a_meeting_wanting_gift_cards_has_strong_signs() -> None:
    result = _scam("rm-6be0fd6eaa68")  # "I am in a conference meeting right now … gift cards"
    assert sources(result) >= {"gift-cards", "ceo-request"}
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # (a bare "Are you free at the moment?" is how the batch's gift-card email opened:
        # availability-opener; with what it is about, it is ordinary)
        "Are you free at the moment to look at the jammed printer on floor 2?",
        "Hi Sam, are you available to prepare the minutes for Tuesday?",
        "Please find attached invoice 2231 for the hall hire. Payment can be made to sort code "
        "12-34-56, account 12345678. Let me know when it's paid so I can send a receipt.",
        "I'm in a meeting until 3 but will call you after about the rota.",
    ],
)
def test_ordinary_work_messages_are_not_boss_payment_requests(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "boss-payment" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


# --- callers: security questions, official pressure, free devices -----------------------------


def test_a_caller_taking_you_through_security_questions_after_an_alert() -> None:
    result = _scam("rm-823085720cc8")  # "… compromised … go through some security questions"
    assert "call-asks-details" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_caller_from_hmrc_who_must_speak_to_you_urgently() -> None:
    result = _scam("rm-c7c9af882200")
    assert "official-call-pressure" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_cold_call_offering_a_device_someone_else_pays_for() -> None:
    result = _scam("rm-f41a8e6462a8")
    assert "free-offer-call" in families(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for calling the practice. Before I book you in, can you confirm your birth date?",
        "Hello, this is Dave from Barclays. We've been trying to contact you about your mortgage "
        "appointment, please call your branch.",
        "This is the surgery, your prescription is ready to collect.",
    ],
)
def test_ordinary_calls_do_not_get_the_new_call_families(text: str) -> None:
    found = families(check(text, Channel.CALL))
    assert not found & {"call-asks-details", "official-call-pressure", "free-offer-call"}


# --- texts and letters ----------------------------------------------------------------------


def test_a_jury_summons_to_confirm_by_link_has_strong_signs() -> None:
    result = _scam("rm-95c0a2674cdf")
    assert "jury-link" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "The jury found him guilty on all charges.",
        "Your jury service letter explains how to reply.",
    ],
)
def test_jury_words_without_a_link_request_are_not_a_scam(text: str) -> None:
    assert "jury-link" not in families(check(text, Channel.SMS))


def test_the_classic_advance_fee_letter_wording() -> None:
    result = _scam("rm-eb3eabdbf314")  # "I must solicit your confidence in this transaction"
    assert "windfall" in sources(result)


def test_free_school_meals_asking_for_bank_details() -> None:
    result = _scam("rm-ba1a986fb3b7")
    assert "government-payment" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "If your child is entitled to free school meals, please apply on the council website "
        "www.edinburgh.gov.uk/freeschoolmeals",
        "Dear Parents, families entitled to free school meals will receive supermarket vouchers by "
        "email from the council. You do not need to do anything.",
    ],
)
def test_genuine_free_school_meals_notices_are_not_flagged(text: str) -> None:
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


# --- a warning's first words are not a sender's tag -------------------------------------------


def test_a_warning_opening_with_scammers_naming_a_brand_does_not_claim_the_brand() -> None:
    record = batch_records("fresh-3")[
        "rm-942ff89c1d1f"
    ]  # "Scammers are imitating a Royal Mail webpage – …"
    assert record["label"] == "genuine"
    result = check(record["text"])
    assert result.claimed_sender is None
    assert result.verdict is Verdict.NONE_FOUND


def test_an_opening_tag_still_claims_the_brand() -> None:
    result = check(
        "Royal Mail - your parcel is waiting, pay the £1.99 fee at http://rm-fee.example"
    )
    assert result.claimed_sender is not None
    assert result.claimed_sender.organisation == "Royal Mail"

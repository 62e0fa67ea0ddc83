"""What the tenth round's reading of the development sets taught, each with counter-examples.

The real messages come from ``fresh-10``, held out in the ninth round and development data since
the tenth; the ordinary ones are written here as counter-examples (a regression set, never a
figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel, first_matches
from tests.message.helpers import bundled, check, read_dev_message, read_dev_warned, sources

# --- a bank promising to watch is not a bank raising an alarm ---------------------------------


def test_a_bank_promising_to_watch_your_card_is_not_flagged() -> None:
    # British Airways: "There is no action you need to take – we will contact you immediately if
    # there's any unusual activity with your Account. In the meantime you can continue to use
    # your Card as normal."  (was "strong signs": a money-mule sign and an 'unusual activity' one)
    result = read_dev_message("rm-5ac42026f1d7", "genuine")
    assert "money-mule" not in sources(result)
    assert "unexpected-contact-claim" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "In the meantime you can continue to use your Card as normal.",
        "Once verified you will be able to use your account as usual.",
        "Did you use your card for £103.00?",
    ],
)
def test_the_reader_using_their_own_card_is_no_money_mule(text: str) -> None:
    assert "money-mule" not in sources(check(text, Channel.SMS))


@pytest.mark.parametrize(
    "text",
    [
        "Can we use your bank account to receive payments for our company?",
        "We would like to use your account for incoming transfers, you keep 10%.",
        "Rent your bank account to us for £200 a week.",
    ],
)
def test_someone_else_using_your_account_is_still_a_money_mule(text: str) -> None:
    assert "money-mule" in sources(check(text, Channel.SMS))


@pytest.mark.parametrize(
    "text",
    [
        "Please contact us if there's any unusual activity on your account.",
        "If you notice any suspicious transactions, call the number on your card.",
    ],
)
def test_a_promise_or_advice_about_unusual_activity_claims_none(text: str) -> None:
    assert "unexpected-contact-claim" not in sources(check(text, Channel.SMS))


def test_unusual_activity_said_to_be_found_is_still_a_claim() -> None:
    result = check("We have detected unusual activity on your account.", Channel.SMS)
    assert "unexpected-contact-claim" in sources(result)


# --- advice to call your bank is not a threat not to ------------------------------------------


def test_a_breach_notice_advising_you_to_call_your_bank_has_no_secrecy_sign() -> None:
    # "… We recommend that you contact your bank or credit card provider immediately and follow
    #  their advice" was read as the threat "you contact your bank, or …"
    result = read_dev_message("rm-bbd300d801c5", "genuine")
    assert "dont-tell" not in sources(result)
    assert result.verdict is not Verdict.SCAM
    # The rules alone find no more than the weak "fraudulent transactions" sign. (The wording
    # sign, retrained on all development data in the fourteenth round, gives it "some warning
    # signs": a trade measured out of fold, see train_wording_model.py.)
    rules = read_dev_message("rm-bbd300d801c5", "genuine", rules_only=True)
    assert rules.verdict is Verdict.NONE_FOUND


def test_the_kidnap_threat_not_to_call_anybody_is_still_secrecy() -> None:
    text = "I've got your daughter. You call the police, you call anybody, I'm going to hurt her."
    assert "dont-tell" in sources(check(text, Channel.CALL))


# --- "the steps below" point at no link -------------------------------------------------------


def test_a_delivery_update_ending_in_the_steps_below_is_not_flagged() -> None:
    # Tesco: "… You can do this by following the steps below:" (the quote ends there)
    result = read_dev_message("rm-721fa550c695", "genuine")
    assert result.requests == ()
    assert result.verdict is Verdict.NONE_FOUND


def test_confirming_details_below_still_points_at_a_link() -> None:
    result = check("Your parcel is on hold. Please confirm your details below:", Channel.SMS)
    assert "link" in result.requests


# --- a web address with no real host is a removed link ----------------------------------------


def test_an_unpaid_toll_text_with_a_placeholder_address_is_strong() -> None:
    # "It has been verified that your toll has not been paid. In order to avoid being
    #  blacklisted, please deal with it as soon as possible. https://scam-link-address"
    result = read_dev_message("rm-490f95fff749")
    assert "will-suspend" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Pay your road charge at https://www.gov.uk/pay-dartford-crossing-charge today.",
        "Our router's page is http://192.168.0.1 on your home network.",
    ],
)
def test_a_real_address_is_no_placeholder(text: str) -> None:
    placeholder = bundled().cue("link-placeholder")
    assert placeholder is not None
    assert not first_matches(placeholder, text, 1)


@pytest.mark.parametrize(
    "text", ["please pay now: https://scam-link-address", "Visit http://fake-website/ today"]
)
def test_a_scheme_before_no_real_host_is_a_placeholder(text: str) -> None:
    placeholder = bundled().cue("link-placeholder")
    assert placeholder is not None
    assert first_matches(placeholder, text, 1)


# --- parcels "owed to you" ---------------------------------------------------------------------


def test_a_parcel_owed_to_you_to_claim_here_is_strong() -> None:
    # "We came across a parcel from July owed to you. Please claim ownership and schedule for
    #  delivery here"
    assert read_dev_message("rm-52abee6afd8c").verdict is Verdict.SCAM


def test_an_ordinary_delivery_slot_text_is_not_flagged() -> None:
    text = "Your parcel from Argos will be delivered tomorrow between 10:00 and 11:00."
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- new scam families: overpayment buyers, domain-name conflicts, dying strangers ------------


def test_an_art_buyer_sending_a_cheque_and_his_own_mover_is_flagged() -> None:
    result = read_dev_message("rm-69406207c52d")
    assert "buyer-own-collection" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Our courier will collect your parcel between 9am and 5pm tomorrow.",
        "My husband will collect the sofa on Saturday and pay cash then.",
        "Thanks for the order. Our driver can pick it up from your depot on Monday.",
    ],
)
def test_ordinary_collections_are_no_overpayment_sign(text: str) -> None:
    assert "buyer-own-collection" not in sources(check(text, Channel.EMAIL))


@pytest.mark.parametrize("message_id", ["rm-73077ec38726", "rm-05700a37181b"])
def test_a_domain_name_conflict_email_is_flagged(message_id: str) -> None:
    read_dev_warned(message_id, "domain-name-conflict")


@pytest.mark.parametrize(
    "text",
    [
        "Your domain name example.co.uk is due for renewal on 12 March. Log in to renew it.",
        "Before you register a domain name, check that it does not conflict with a trade mark.",
    ],
)
def test_ordinary_domain_emails_are_no_conflict_sign(text: str) -> None:
    assert "domain-name-conflict" not in sources(check(text, Channel.EMAIL))


def test_a_dying_widow_asking_a_stranger_to_text_is_flagged() -> None:
    # Gardaí in Limerick: "I'm a widow, I'm very ill and going to die in the next few days,
    # please text me"
    result = read_dev_message("rm-427c010720eb")
    assert "dying-stranger" in sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        "My mum was diagnosed with cancer last year and the nurses have been wonderful.",
        "As a widow, I found the bereavement service very helpful.",
        "I'm a widow and very glad of the winter fuel payment this year.",
    ],
)
def test_talk_of_illness_or_loss_is_no_dying_stranger_sign(text: str) -> None:
    assert "dying-stranger" not in sources(check(text, Channel.EMAIL))


# --- more organisations people are impersonated as -------------------------------------------


def test_an_eflow_toll_text_with_a_look_alike_site_is_strong() -> None:
    # "eFlow: You have been recorded using the motorway without paying the appropriate
    #  charge(s) of 6.40. Visit https://eflowsecure-online.com or an additional fine …"
    result = read_dev_message("rm-567d5cb21c5b")
    assert "combination" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_an_aib_card_alert_names_aib() -> None:
    result = read_dev_message("rm-a3616a61fc0b")
    assert result.claimed_sender is not None
    assert result.claimed_sender.organisation == "AIB"


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel from An Post is on its way: track it at https://www.anpost.com/track",
        "NZ Post here. We expect to deliver your parcel today. Track parcel nzp.st/Ab12",
        "Bank of Ireland: your new card has been sent. Activate it in the Bank of Ireland app.",
    ],
)
def test_the_new_organisations_own_sites_are_official(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "combination" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_short_bank_name_inside_a_university_address_is_no_borrowing() -> None:
    text = "See http://www.citi.umich.edu/projects/linux-scalability/ for the numbers."
    assert "link:org-name-in-domain" not in sources(check(text, Channel.EMAIL))


def test_a_bank_alert_that_sends_you_to_online_banking_has_no_combination_sign() -> None:
    # First Trust Bank (now AIB): "… Please lodge cleared funds into this account before 2pm
    # today to avoid charges. You can log into Online Banking to view your account."
    result = read_dev_message("rm-57845e115fcf", "genuine")
    assert "combination" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


# --- a tax calculation letter ---------------------------------------------------------------


def test_a_tax_calculation_letter_telling_you_to_claim_a_refund_is_not_flagged() -> None:
    # (team-written, after HMRC's P800; it ends with a safety line, which since this round no
    # longer switches the scam families off)
    text = (
        "Tax calculation P800\nOur records show you paid £214.60 more tax than you needed to.\n"
        "You can claim your refund online using your personal tax account at "
        "www.gov.uk/tax-overpayments-and-underpayments.\n"
        "We will never ask you for bank details by email or text message."
    )
    result = check(text, Channel.LETTER)
    assert "family:government-payment" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_the_same_refund_claim_by_email_with_a_look_alike_link_is_still_flagged() -> None:
    text = (
        "HMRC: Our records show you paid £214.60 more tax than you needed to. You can claim "
        "your refund online at http://hmrc-refund-claim.info/p800 within 48 hours."
    )
    result = check(text, Channel.EMAIL)
    assert "family:government-payment" in sources(result)

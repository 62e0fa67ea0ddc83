"""A broader vocabulary for the account-alert and request cues (issue 11, round 13).

New held-out scams keep bringing new wordings of families check-message already knows: a
synonym, an inflection, a misspelling or a headline word order the cue's word list lacked. These
tests pin down the broader word lists of ``content/message_cues/alerts.toml``,
``requests.toml`` and their phrases (``phrases_alerts.toml``): ordinary scam wordings, written
here, make the cue (or the family) fire, and ordinary genuine messages that share the words do
not, nor are they read as strong signs of a scam.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, cue_fires, families

# --- account-problem --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ACCOUNT SUSPENSION NOTICE: action required",
        "Your card has been put on hold for your protection",
        "Your account was suspened due to a billing error",
        "You have been locked out of your online banking account",
        "Access to your online account has been revoked",
        "Please update your details to avoid account termination",
        "Your account will be terminated within 24 hours",
        "we will close your account unless you act today",
        "We have had to suspend your card",
        "your mailbox account will be shut down tonight",
        "We will proceed with the suspension of your online banking account",
    ],
)
def test_more_ways_to_say_an_account_is_out_of_use(text: str) -> None:
    assert cue_fires("account-problem", text)


@pytest.mark.parametrize(
    "text",
    [
        "The shop will close at 5 today.",
        "We will close the office on Friday for the bank holiday.",
        "Access to your account is protected by two-step verification.",
        "The service was paused for a minute while the driver changed.",
        "The bank account was revoked from the list of approved suppliers years ago.",
    ],
)
def test_ordinary_closing_and_access_words_are_no_account_problem(text: str) -> None:
    assert not cue_fires("account-problem", text)


@pytest.mark.parametrize(
    "text",
    [
        "Your account has been put on hold. Please verify your details at https://acct-recheck-portal.com",
        "Chase: your debit card has been temporarily disabled; to reinstate it, go over all of "
        "your personal info carefully at https://chase-reinstate-info.com",
        "You have been locked out of your online banking account. Log in through the secure "
        "portal to restore access: https://unlock-banking-secure.net",
    ],
)
def test_an_account_out_of_use_with_a_request_is_an_account_lock_scam(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "account-locked" in families(result)
    assert result.verdict is Verdict.SCAM


# --- device, sign-in and suspicious-activity alerts -------------------------------------------


@pytest.mark.parametrize(
    ("cue_id", "text"),
    [
        ("suspicious-activity", "Unusual sign in activity on your account"),
        ("suspicious-activity", "We've detected an unrecognised login on your account"),
        ("suspicious-activity", "Our system has detected suspicious activity"),
        ("suspicious-activity", "There were multiple failed login attempts"),
        ("suspicious-activity", "because of an unusual number of invalid login attempts"),
        ("suspicious-activity", "a suspicous transaction on your card"),
        ("device-change", "New sign in to your Microsoft account"),
        ("device-change", "A login from an unknown Android phone"),
        ("device-change", "Someone tried to access your account"),
        ("device-change", "You added a new device to your Apple ID"),
        ("device-change", "A device was connected to your account"),
    ],
)
def test_more_ways_to_say_someone_got_in(cue_id: str, text: str) -> None:
    assert cue_fires(cue_id, text)


@pytest.mark.parametrize(
    ("cue_id", "text"),
    [
        ("suspicious-activity", "His unexpected withdrawal from the squad opened the door."),
        ("suspicious-activity", "Let us know if you see any unusual sign in activity."),
        ("device-change", "I got a new phone for my birthday!"),
        ("device-change", "Someone tried to call you while you were out."),
    ],
)
def test_ordinary_words_are_no_sign_in_alert(cue_id: str, text: str) -> None:
    assert not cue_fires(cue_id, text)


# --- transactions and "if this wasn't you" ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Your account has been debited with $300.00",
        "Did you recently request a transfer of £950?",
        "New Successful Payment to AMAZON MARKETPLACE",
        "A charge attempt of $659.38 through Apple Pay",
        "A payment of £1,250.00 to J SMITH was set up today",
        "A withdrawal of $800 was initiated from your account",
    ],
)
def test_more_ways_to_report_a_payment(text: str) -> None:
    assert cue_fires("transaction-alert", text)


@pytest.mark.parametrize(
    "text",
    [
        "If this transaction wasn't made by you, call us",
        "If you did not approve this, tap below",
        "If unrecognised, call us now",
        "Was it you?",
        "Didn't make this purchase? Let us know",
        "If the payment was not authorised by you, reply NO",
    ],
)
def test_more_ways_to_say_if_this_was_not_you(text: str) -> None:
    assert cue_fires("not-you", text)


@pytest.mark.parametrize(
    "text",
    [
        "If the weather is not good we'll stay in.",
        "Was it your turn to cook tonight?",
        "If you did not get my last email, here it is again.",
    ],
)
def test_ordinary_ifs_are_not_not_you(text: str) -> None:
    assert not cue_fires("not-you", text)


@pytest.mark.parametrize(
    "text",
    [
        "NatWest: A payment of £849.00 to J SMITH was initiated. If this transaction wasn't made "
        "by you, visit https://natwest-payee-cancel.com",
        "Did you recently request a transfer of £950 from your account? If unrecognised, please "
        "visit https://secure-transfer-review.com",
    ],
)
def test_a_payment_alert_with_not_you_and_a_link_is_a_bank_alert_scam(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "bank-activity-alert" in families(result)
    assert result.verdict is Verdict.SCAM


# --- requests ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue_id", "text"),
    [
        ("request-link", "Confirm by clicking the link"),
        ("request-link", "Confirm via (link) to credit your account"),
        ("request-link", "Log in through the secure portal"),
        ("request-link", "Please resolve the issue here"),
        ("request-link", "use the link in this message"),
        ("request-link", "copy and paste this link into your browser"),
        ("request-log-in", "Log into your Online Banking now"),
        ("request-log-in", "sign back in to keep your account"),
        ("request-log-in", "log in through the link"),
        ("request-log-in", "please re-login to continue"),
        ("request-details", "go over all of your personal info carefully"),
        ("request-details", "Kindly use our website below to verify your profile"),
        ("request-details", "complete the verification process"),
        ("request-details", "re-enter your credentials"),
        ("request-details", "kindly provide your details"),
        ("request-pay", "Please settle your arrears today"),
        ("request-pay", "kindly remit the payment"),
        ("request-pay", "The balance must be paid within 48 hours"),
        ("request-pay", "pay now to avoid late fees"),
        ("request-pay", "pay off the balance"),
        ("request-call", "reach us on 0800 123 4567"),
        ("request-call", "kindly call us back"),
        ("request-call", "call us immediately"),
        ("request-call", "please return our call"),
        ("request-call", "press 3 now to speak to an agent"),
        ("request-reply", "Kindly reply to this message"),
        ("request-reply", "please revert to me"),
        ("request-reply", "respond immediately"),
        ("request-reply", "reply 1 to confirm"),
        ("request-reply", "reply to confirm your delivery"),
    ],
)
def test_more_ways_to_ask(cue_id: str, text: str) -> None:
    assert cue_fires(cue_id, text)


@pytest.mark.parametrize(
    ("cue_id", "text"),
    [
        ("request-link", "We fixed the issue yesterday, thanks for your patience."),
        ("request-log-in", "You can log into Online Banking to view your account."),
        ("request-details", "Let's go over the plan on Monday."),
        ("request-details", "Your profile looks great!"),
        ("request-pay", "Thanks, your payment has been received."),
        ("request-call", "I'll call you later."),
        ("request-reply", "No need to reply."),
    ],
)
def test_ordinary_words_are_no_request(cue_id: str, text: str) -> None:
    assert not cue_fires(cue_id, text)


# --- ordinary messages with the new words stay short of "strong" ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hello, your company is now rolling out Duo Security, a friendly and secure way for you "
        "to log into your organization's applications. Your manager has invited you to set up.",
        "Our offices will close at 3pm on Christmas Eve and we will close the phone lines too.",
        "Hi Sam, I got locked out of the house again, can you bring the spare key?",
        "Your Tesco order has been dispatched and will arrive tomorrow between 9 and 10.",
        "Reminder: please settle your bar tab with Jo before Friday, thanks!",
        "Could you reply to confirm you can make Thursday's meeting?",
        "Your statement is ready to view in the app. Log into your account to see it.",
    ],
)
def test_ordinary_messages_with_the_new_words_are_not_strong(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.SCAM


# --- second batch: payees, charges, changed details, supplies cut off, numbers to call --------


@pytest.mark.parametrize(
    ("cue_id", "text"),
    [
        ("payee-change", "A new beneficiary request was received on your account"),
        ("payee-change", "You added a new payee today"),
        ("payee-change", "A recipient has been added to your Zelle profile"),
        ("transaction-alert", "Shipped: Your card charged $552.67 for a camera"),
        ("device-change", "Your password has been changed"),
        ("device-change", "Your registered mobile number has been updated"),
        ("suspicious-activity", "FreeMsg: Verify Wells Fargo activity. $195.76 @ OldNavy"),
        ("suspicious-activity", "Please confirm recent card transactions"),
        ("account-problem", "Your account is at risk"),
        ("account-problem", "Dear customer your electricity power will be disconnected to night"),
        ("account-problem", "your power will get disconnected in 30 minutes"),
        ("request-call", "To stop this, call the number below"),
        ("request-call", "Please contact us on the number provided"),
        ("request-details", "Your account requires immediate verification"),
    ],
)
def test_more_alert_and_request_wordings(cue_id: str, text: str) -> None:
    assert cue_fires(cue_id, text)


@pytest.mark.parametrize(
    ("cue_id", "text"),
    [
        ("payee-change", "The recipient of the award was announced on Friday."),
        ("transaction-alert", "I charged my phone overnight."),
        ("device-change", "The meeting time has been changed to 3pm."),
        ("suspicious-activity", "Can you review the charges on the team's expense sheet?"),
        ("suspicious-activity", "Could you confirm the charges with Sam before Friday?"),
        ("account-problem", "The power went off in the storm last night."),
        ("account-problem", "Children at risk of falling behind get extra tutoring."),
        ("request-call", "The number below is our table booking."),
    ],
)
def test_ordinary_texts_share_the_words_but_not_the_cue(cue_id: str, text: str) -> None:
    assert not cue_fires(cue_id, text)


@pytest.mark.parametrize(
    "text",
    [
        "FreeMsg: Verify Wells Fargo activity. $412.20 @ Walmart On 02/03 @ 10:41 AM. "
        "Reply Y if recognized. Help: 833-770-5907",
        "Dear customer your electricity power will be disconnected tonight at 9.30 pm because "
        "your last bill was not updated. Please call the electricity officer on 7325942121",
    ],
)
def test_new_wordings_of_known_families_are_strong(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Planned maintenance: the water will be turned off on Elm Street from 9am to noon on "
        "Tuesday. Thank you for your patience.",
        "Your password has been changed. If you made this change, you don't need to do anything.",
        "Thanks for your purchase! Your card was charged £12.99 for your monthly subscription.",
    ],
)
def test_ordinary_notices_with_the_new_words_are_not_strong(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.SCAM

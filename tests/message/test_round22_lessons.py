"""What the twenty-second round's reading of ``fresh-23`` taught, each with counter-examples.

The real messages come from ``fresh-23`` (held out in the twenty-first round, development data
since the twenty-second) and from earlier development batches with the same shape; the ordinary
ones are written here as counter-examples (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import (
    bundled,
    check,
    cue_fires,
    families,
    read_dev_message,
    read_dev_strong,
    sources,
)

# --- 1. banks' transaction texts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "Sent Rs.50.00 From HDFC Bank A/C *2222 To … Not You? Call 18002586161/SMS BLOCK UPI
        #  to 7308080808" (was "some": the wording sign alone)
        "rm-b6ec47b854fa",
        # "Fidelity® Credit Card: A debit of $14.70 has been posted to your account ending in
        #  #### on 04/27/2026. Msg&Data rates may apply. Reply STOP to cancel." (was "some")
        "rm-047cce414be3",
    ],
)
def test_a_banks_record_of_a_payment_on_a_masked_account_is_no_warning(message_id: str) -> None:
    result = read_dev_message(message_id, "genuine")
    assert "model:wording" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "INR 49.00 is paid from HSBC account XXXXXX1234 to Airtel Recharge on 14-Aug-25",
        "Your A/c XX1234 is debited with INR 500.00 on 02-Dec-26.",
        "A purchase of $25.00 was made on your card ending 4421.",
    ],
)
def test_ways_a_bank_writes_a_payment_record(text: str) -> None:
    assert cue_fires("transaction-record", text)


@pytest.mark.parametrize(
    "text",
    [
        "Your account has been suspended, verify your details now",
        "Please send the payment to account 12345678, sort code 20-00-00",
        "Send me the code on your card",
    ],
)
def test_requests_naming_an_account_are_no_payment_record(text: str) -> None:
    assert not cue_fires("transaction-record", text)


def test_a_payment_record_with_a_link_keeps_the_wording_sign_and_its_families() -> None:
    # The imitation needs a way in: with a link of its own, the record excuses nothing.
    text = (
        "HSBC: A payment of £950.00 was debited from your account ending 4821. If this was not "
        "you, visit https://hsbc-payee-cancel.com to cancel it."
    )
    result = check(text, Channel.SMS)
    assert "family:bank-activity-alert" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_a_scam_invoice_without_a_masked_account_keeps_the_wording_sign() -> None:
    # "Your Payment of $399. 99 to TREND MICRO®️ LLC appears to have been unauthorized. If you
    #  did not make this transaction contact us @ (888)-[555-0005]" (a scam: still "some")
    result = read_dev_message("rm-08ce15bbf820")
    assert "model:wording" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_mobile_money_receipt_is_no_bosss_urgent_request() -> None:
    # "… New M-PESA balance is Ksh123.12. … Save frequent Tills for quick payment on M-PESA app
    #  https://bit.ly/mpesalnk" (was "strong"; its shortened link still makes it "some")
    result = read_dev_message("rm-b3fec563479c", "genuine")
    assert "ceo-request" not in sources(result)
    assert "link:shortener" in sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text", ["I'm in a meeting and can't talk, quick favour", "I need a quick payment made today"]
)
def test_a_quick_favour_or_payment_asked_for_is_still_a_bosss_request(text: str) -> None:
    assert "ceo-request" in sources(check(text, Channel.EMAIL))


# --- 2. fake support in public threads ----------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "Dear user … get the support you need … by using our live chat option. Support :
        #  [ Live Support](https://dapps-exploreonsite.web.app)" (was "some")
        "rm-ec32c05e0780",
        # "Visit the live support page to initiate a chat with an agent … via [Electrum live
        #  chat](https://generalwebfixes.web.app)" (fresh-17, was "some")
        "rm-1b142936c7aa",
    ],
)
def test_a_support_chat_on_free_hosting_is_fake_support(message_id: str) -> None:
    read_dev_strong(message_id, "family:support-chat-link")


def test_a_support_ticket_is_no_parking_ticket() -> None:
    # "… our team will review your ticket and follow up with you" (was read as a road charge)
    result = read_dev_message("rm-d8d68ceff211")
    assert "family:road-charge" not in sources(result)
    assert "family:support-chat-link" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text", ["You have an unpaid parking ticket. Pay the fine today at https://pcn-pay.com"]
)
def test_a_parking_ticket_is_still_a_road_charge(text: str) -> None:
    assert "family:road-charge" in sources(check(text, Channel.SMS))


@pytest.mark.parametrize(
    "text",
    [
        "Need help? Start a live chat in the app or at https://www.bt.com/help",
        "Our live chat is open from 9am to 5pm on weekdays.",
        "Our support team is on live chat at https://help.smallshop.co.uk if you need us.",
    ],
)
def test_ordinary_live_chat_offers_are_no_fake_support(text: str) -> None:
    assert "support-chat-link" not in families(check(text, Channel.EMAIL))


# --- 3. advance fees and malware ----------------------------------------------------------------


def test_a_dying_benefactor_with_a_serious_illness_is_found() -> None:
    # "I suffer from a serious illness which condemns me to certain death, it is throat cancer,
    #  and I have a sum of 700,000 euros … I donate these funds for free" (was "none")
    result = read_dev_message("rm-f9e1432b7d92")
    assert "family:dying-benefactor" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "The walk raises money for people living with lung cancer.",
        "Jim, who was diagnosed with breast cancer in May, thanks everyone for the cards.",
        "My aunt is suffering from a serious illness, so the shop is closed this week.",
    ],
)
def test_illness_in_ordinary_news_is_no_benefactors_plight(text: str) -> None:
    assert "dying-benefactor" not in families(check(text, Channel.EMAIL))


def test_an_attachment_to_confirm_your_details_is_malware_bait() -> None:
    # "Shipping update for your Amazon.com order 341-9575-9744 / Please check the attachment
    #  and confirm your shipping details." (was "none")
    result = read_dev_message("rm-10a301cc05d6")
    assert "family:attachment-details" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your receipt is attached for your records.",
        "Please check the attached agenda before Thursday's meeting.",
        "Please see the attached timetable and confirm you can make the Saturday session.",
    ],
)
def test_ordinary_attachments_are_no_attachment_details(text: str) -> None:
    assert "attachment-details" not in families(check(text, Channel.EMAIL))


@pytest.mark.parametrize(
    "message_id",
    [
        # "We are a domain name registration service company in Asia … these domain names … are
        #  same as your domain name and trademark" (was "some")
        "rm-1fe0732273b1",
        # "… these Domain Names’ keyword is identical with your Trade Mark" (was "some")
        "rm-ac07d6902372",
    ],
)
def test_more_wordings_of_the_asian_domain_name_letter(message_id: str) -> None:
    read_dev_strong(message_id, "domain-name-conflict")


@pytest.mark.parametrize(
    "text",
    [
        "Your domain name example.co.uk is due for renewal on 12 March.",
        "Pick a domain name that is easy to spell and to say aloud.",
    ],
)
def test_ordinary_domain_emails_are_no_domain_conflict(text: str) -> None:
    assert "domain-name-conflict" not in sources(check(text, Channel.EMAIL))


def test_a_transfer_held_until_a_tax_is_secured_is_an_advance_fee() -> None:
    # "your transfer was cancelled due to unable to secure the Official Revenue tax fee of $120
    #  only. However, … once the Official Revenue tax is secured, your fund will be transfer to
    #  you" (was "some")
    read_dev_strong("rm-a81461a0ebaf", "advance-fee")


@pytest.mark.parametrize(
    "text",
    [
        "Once the deposit is paid, your booking is confirmed.",
        "Once your tax return has been received, any refund will be paid into your bank account.",
        "Your payment was delayed due to the bank holiday.",
    ],
)
def test_ordinary_payments_and_delays_are_no_advance_fee(text: str) -> None:
    assert "advance-fee" not in sources(check(text, Channel.EMAIL))


def test_the_new_cues_and_families_are_in_the_bundled_content() -> None:
    content = bundled()
    assert content.cue("transaction-record") is not None
    assert content.cue("live-chat-support") is not None
    assert {"support-chat-link", "attachment-details"} <= {f.id for f in content.families}

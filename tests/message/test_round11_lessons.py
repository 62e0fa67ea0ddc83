"""What the eleventh round's reading of the development sets taught, each with counter-examples.

The real messages come from ``fresh-11``, held out in the tenth round and development data since
the eleventh; the ordinary ones are written here as counter-examples (a regression set, never a
figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, read_dev_message, read_dev_warned, sources

# --- phone numbers in North American form ------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "CARD number starting with xxxx has been DEACTIVATED. Please call 913-553-5359"
        "rm-8c0118885c8c",
        # "(Natco) CREDIT UNION ALERT: Your ATM/CheckCard is locked. | Please call our call
        #  center toll-free (801) 930-8060."
        "rm-6f0d9a951ae2",
    ],
)
def test_a_card_blocked_text_with_a_number_to_call_is_strong(message_id: str) -> None:
    result = read_dev_message(message_id)
    assert "call" in result.requests
    assert "family:account-locked" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Please call 913-553-5359",
        "Please call our call center toll-free (801) 930-8060.",
        "If you did not request this, please call: +1 (213) 408-7029.",
        "Call 1-800-555-0199 now.",
        "Call 913.553.5359 today",
        "Tel: (801) 930-8060",
        "Helpline: 0800 123 4567",
        "Please call us on 0800 123 4567.",
    ],
)
def test_a_number_to_call_is_a_call_request_however_it_is_written(text: str) -> None:
    assert "call" in check(text, Channel.SMS).requests


@pytest.mark.parametrize(
    "text",
    [
        "We will call you on 12-03-2026 to confirm.",
        "Call us from 2026-12-03.",
        "Call us after 10.30 or 11.45.",
        "Our router is at 192.168.0.1, call us if it stops.",
    ],
)
def test_dates_times_and_addresses_are_no_number_to_call(text: str) -> None:
    assert "call" not in check(text, Channel.SMS).requests


@pytest.mark.parametrize(
    "text",
    [
        "Your card has been blocked. Please call the number on the back of your card.",
        "Your new card is on its way. Call us on the number on your statement if it hasn't "
        "arrived in 7 days.",
    ],
)
def test_a_card_notice_that_sends_you_to_your_own_card_is_not_strong(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.SCAM


# --- debt-relief robocalls ---------------------------------------------------------------------


def test_a_robocall_to_lower_your_interest_rates_is_strong() -> None:
    # "final notice. Please press 9 on your phone to speak with a live operator and lower your
    #  interest rates"
    result = read_dev_message("rm-dd52050a73f8")
    assert "family:press-key-call" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "You are pre-qualified for a lower interest rate on your credit cards. Press 1 now.",
        "This is the credit card relief department. To reduce your credit card debt, "
        "call 0800 123 4567.",
    ],
)
def test_debt_relief_offers_to_act_on_by_phone_are_flagged(text: str) -> None:
    assert check(text, Channel.CALL).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your interest rate will change on 1 May. You don't need to do anything.",
        "Paying a little more each month can reduce the interest you pay over the loan.",
        "To hear your balance, press 1. To report a lost card, press 2.",
    ],
)
def test_ordinary_talk_of_interest_is_no_debt_relief_sign(text: str) -> None:
    result = check(text, Channel.CALL)
    assert "family:press-key-call" not in sources(result)
    assert "family:debt-writeoff-text" not in sources(result)


# --- arrest threats worded as custody and allegations ------------------------------------------


def test_a_call_threatening_custody_over_allegations_is_strong() -> None:
    # "You will be taken under custody by the local cops, as there are four serious allegations
    #  pressed on your name at this moment"
    result = read_dev_message("rm-b6212cc57a20")
    assert "arrest-legal" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "The man was taken into custody, police said. No other details were available.",
        "The account in your name has been opened. Welcome to the bank.",
        "There are charges on your account for this month's bill.",
    ],
)
def test_news_of_an_arrest_and_an_account_in_your_name_are_no_threat(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "arrest-legal" not in sources(result)
    assert "family:legal-accusation" not in sources(result)


# --- unpaid tolls and fines written as a clause ------------------------------------------------


def test_a_toll_text_saying_the_toll_has_not_been_paid_is_flagged() -> None:
    # "NZTA - A vehicle registered in your name recently travelled on a toll road and the toll
    #  has not been paid."
    result = read_dev_message("rm-0b8aef1bd367")
    assert "fine-penalty" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Thank you, your parking fine has been paid.",
        "Your toll has been paid automatically from your account.",
    ],
)
def test_a_paid_fine_is_no_unpaid_fine(text: str) -> None:
    assert "fine-penalty" not in sources(check(text, Channel.SMS))


# --- buying gift cards as an errand ------------------------------------------------------------


def test_a_pastor_asking_you_to_get_gift_cards_for_patients_is_strong() -> None:
    # "I need you to get an iTunes gift card for soma patients going through cancer in the
    #  hospital and I promised each patient but I can't do this right now"
    result = read_dev_message("rm-1076b26a99c2")
    assert "family:boss-payment" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for your order. Your gift card will arrive by email within the hour.",
        "I need you to get the minutes of the meeting to me by Friday.",
    ],
)
def test_a_gift_card_order_or_an_ordinary_task_is_no_boss_payment(text: str) -> None:
    assert "family:boss-payment" not in sources(check(text, Channel.EMAIL))


def test_a_reference_number_is_no_number_to_call() -> None:
    text = "Tax online using the 16-digit reference number: 1234 5678 9012, or at a Post Office."
    assert "call" not in check(text, Channel.LETTER).requests


# --- money said to be sent to you by a tax office, scheme or utility ---------------------------


def test_a_tax_office_sending_you_an_e_transfer_is_flagged() -> None:
    # "INTERAC e-Transfer received: CANADA REVENUE AGENCY has sent you an INTERAC e-transfer"
    result = read_dev_message("rm-71d150323140")
    assert "family:unexpected-money" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "You have received $89.95 from Manitoba Hydro",
        "E-Transfer. Toronto Hydro sent you money,",
        "DWP: we have sent you a payment of £150 for the winter.",
        "We're compensating everyone affected with a $50.00 CAD indemnity.",
    ],
)
def test_money_out_of_the_blue_from_a_body_is_flagged(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "family:unexpected-money" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Interac e-Transfer: John Smith sent you money.",
        "Octopus Energy: we have sent you a refund of £45.20 to your bank account.",
        "HMRC: £299 Cost of Living Payment to be paid automatically between 16-22 February to "
        "eligible tax credits customers. Search 'Cost of Living Payments' on GOV UK.",
        "Your council tax refund of £32.10 will be taken off your next bill.",
    ],
)
def test_a_friend_paying_you_or_a_refund_to_your_own_account_is_not(text: str) -> None:
    assert "family:unexpected-money" not in sources(check(text, Channel.SMS))


# --- health-cover cold calls --------------------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    ["rm-7a75b141cb20", "rm-942eefb9406a", "rm-1c81ad5bfc0c", "rm-a189e1662275"],
)
def test_medicare_cold_calls_are_flagged(message_id: str) -> None:
    # e.g. "Hi, this is Casey. I'm a Medicare advisor calling on a recorded line."
    read_dev_warned(message_id, "family:health-cover-call")


@pytest.mark.parametrize(
    "text",
    [
        "This call may be recorded for training purposes. How can I help?",
        "Medicare is the US federal health insurance programme for people over 65.",
    ],
)
def test_a_recorded_call_or_talk_of_medicare_is_no_cold_call(text: str) -> None:
    assert "family:health-cover-call" not in sources(check(text, Channel.CALL))


def test_medicare_in_an_email_is_no_cold_call() -> None:
    text = "Your Medicare card is enclosed. Keep it safe."
    assert "family:health-cover-call" not in sources(check(text, Channel.EMAIL))


# --- shortened links the lists do not know -------------------------------------------------------


def _link_codes(text: str) -> set[str]:
    return {flag.code for report in check(text, Channel.SMS).links for flag in report.flags}


@pytest.mark.parametrize(
    "text",
    [
        "Wells-Account(s)[13103467851]Attention(203)Required:https://bre.is/YGavQsYU",
        "Your parcel is waiting: https://kn8.site/n/FHaFb",
        "Verify now https://vt7.site/e/QyWyu",
        "See https://qx.li/3xK9mQ2",
    ],
)
def test_a_tiny_site_with_a_random_code_is_a_shortened_link(text: str) -> None:
    assert "shortener" in _link_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Read our guidance https://t.co/P0vrbxm57N",  # X wraps every link in t.co
        "Chat to us on WhatsApp: https://wa.me/447700900123",
        "Join the channel https://t.me/CityNewsUK",
        "Follow us at https://x.com/ActionFraudUK",
        "Details at https://www.abc.net/news",
        "Menu at https://cafe.uk/Menu",
        "Book at https://kwik-fit.co.uk/BookNow?src=sms",
    ],
)
def test_platform_links_and_ordinary_paths_are_no_shortened_link(text: str) -> None:
    assert "shortener" not in _link_codes(text)

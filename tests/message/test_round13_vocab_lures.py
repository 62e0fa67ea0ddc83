"""The lure cues' broadened vocabulary (issue 11): synonyms, inflections, regional variants and
common misspellings of the parcel, refund, toll, deadline, prize, fortune and job cues.

Every scam wording below is written here as an ordinary example of its kind (not copied from a
held-out message), each with ordinary genuine counter-texts; the development messages named are
the ones the broadening moved up a level.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import MessageResult, Verdict
from sochelp.message.model import Channel
from tests.message.helpers import (
    check,
    cue_fires,
    families,
    read_dev_message,
    read_dev_strong,
    read_dev_warned,
    sources,
)


def _not_strong(text: str, channel: Channel = Channel.SMS) -> MessageResult:
    result = check(text, channel)
    assert result.verdict is not Verdict.SCAM
    return result


# --- delivery-issue and parcel -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Your package has been detained at our sorting facility.",
        "Your parcel was intercepted and is now on hold.",
        "We're sorry, your pakage could not be delivered today.",
        "Your shipment has been postponed due to an invalid zip code.",
        "The courier found that your house number is missing.",
        "Your parcel cannot be delivered because the shipping address is incomplete.",
        "Status: an error in postal code.",
        "We were unable to locate your address.",
        "Your item is held due to unpaid customs duties.",
        "The redelivery fee has not been paid.",
        "Please verify your delivery address to receive your parcel.",
        "Request a redelivery using the link below.",
        "This is the final delivery attempt for your parcel.",
        "Don't miss out on your parcel from Australia Post.",
        "Your parcel will be disposed of if not claimed.",
    ],
)
def test_broadened_delivery_wordings_are_a_delivery_issue(text: str) -> None:
    assert cue_fires("delivery-issue", text)


@pytest.mark.parametrize(
    "text",
    [
        "USPS: Your package has been detained at our facility due to an incomplete zip code. "
        "Update your address here: https://usps-redeliver.example-track.com",
        "Evri: your parcel delivery was halted because the house number is missing. Please "
        "confirm your delivery address: https://evri-help.example.top",
        "DHL: Your shipment is pending customs clearance. Unpaid import duties of £2.99 must be "
        "paid within 24 hours: https://dhl-customs.example.xyz",
    ],
)
def test_broadened_parcel_scams_are_strong(text: str) -> None:
    result = check(text, Channel.SMS)
    assert families(result) & {"parcel-redelivery", "parcel-fee", "text-with-link-lure"}
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    ["Your pakage is on hold", "An Post: your item", "Canada Post: we tried", "your delivary"],
)
def test_carriers_and_misspellings_are_parcels(text: str) -> None:
    assert cue_fires("parcel", text)


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel was delivered to your safe place at 14:02.",
        "The bus stopped at our depot for ten minutes, so I'll be late.",
        "Please check your phone number is correct on the form.",
        "Your Tesco delivery is booked for Sat 10:00-11:00. Update your delivery address or "
        "slot at https://www.tesco.com/groceries",
        "Hi Sarah, the parcel you sent arrived today, thanks! The postage was £3.20.",
    ],
)
def test_ordinary_delivery_news_is_not_strong(text: str) -> None:
    result = _not_strong(text)
    assert "family:parcel-redelivery" not in sources(result)


def test_a_package_that_will_be_sent_back_is_a_redelivery_lure() -> None:
    read_dev_strong("rm-276ed5eba614", "family:parcel-redelivery")


def test_a_package_suspended_for_a_missing_home_number_is_warned() -> None:
    # ("strong" until the wording sign was retrained with fresh-38 in the thirtieth round, which
    # made its wording the weak sign)
    read_dev_warned("rm-6de7a803ae7e", "delivery-problem")


# --- government-money and eligible ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You have overpaid your council tax this year.",
        "There is an unclaimed tax refund in your name.",
        "Your rebate is pending.",
        "You are owed a refund.",
        "a one-time cost-of-living payment",
        "a COVID-19 relief payment",
        "a Centrelink payment",
        "You received a bill adjustment refund",
        "We are unable to process your refund.",
        "Revenue does not have the details to process a refund.",
    ],
)
def test_broadened_refund_wordings_are_government_money(text: str) -> None:
    assert cue_fires("government-money", text)


@pytest.mark.parametrize(
    "text",
    [
        "you qualify for a £400 discount",
        "Your household qualifies for a £600 grant",
        "you have been awarded a grant",
        "the money owed to you",
        "is ready to be claimed",
    ],
)
def test_broadened_wordings_are_eligible(text: str) -> None:
    assert cue_fires("eligible", text)


@pytest.mark.parametrize(
    "text",
    [
        "HMRC: You have overpaid your tax this year and are owed a refund of £312.40. Claim it "
        "here: https://hmrc-refund.example.top",
        "Centrelink: you qualify for a one-time cost-of-living payment of $750. Apply before "
        "midnight: https://mygov-claim.example.top",
    ],
)
def test_broadened_refund_scams_are_a_government_payment(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "government-payment" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_bill_adjustment_refund_to_confirm_by_link_is_strong() -> None:
    read_dev_strong("rm-c076a58922d0", "family:government-payment")


@pytest.mark.parametrize(
    "text",
    [
        "Your refund is pending and will reach your card in 3-5 days. View order: "
        "https://shop.example.co.uk/orders/123",
        "Hi, a reminder your annual leave entitlement resets in April. Book via "
        "https://hr.example.com",
        "Your council tax refund of £45 has been paid into your bank account. No action needed.",
        "Dear Ms Lee, your application has been approved for the summer internship. Please "
        "accept the offer by 15 May: https://careers.example.com/accept",
    ],
)
def test_ordinary_refund_and_approval_news_is_not_strong(text: str) -> None:
    result = _not_strong(text)
    assert "family:government-payment" not in sources(result)


# --- road-charge and fee-words -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "E-ZPass: you have an unpaid balance",
        "SunPass notice",
        "Illinois Tollway Services",
        "your toll invoice",
        "Linkt: your account",
        "an unpaid traffic citation",
        "Pennsylvania Turnpike",
        "an infringement notice",
        "Suspension of driving privileges",
    ],
)
def test_toll_operators_and_fine_wordings_are_a_road_charge(text: str) -> None:
    assert cue_fires("road-charge", text)


@pytest.mark.parametrize(
    "text", ["your invoice is overdue", "a penalty has been added", "pay the parking fine"]
)
def test_fines_invoices_and_penalties_are_fee_words(text: str) -> None:
    assert cue_fires("fee-words", text)


def test_fine_as_in_all_right_is_no_fee_word() -> None:
    assert not cue_fires("fee-words", "Thanks, the packages installed fine.")


@pytest.mark.parametrize(
    "text",
    [
        "E-ZPass: You have an unpaid toll balance of $6.99. Pay by midnight to avoid a late fee: "
        "https://ezpass-pay.example.top",
        "Pennsylvania Turnpike: your toll invoice is overdue. Settle it now or you will be "
        "charged additional penalties. https://paturnpike-pay.example.cc",
    ],
)
def test_broadened_toll_scams_are_a_road_charge(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "road-charge" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_dmv_threat_to_suspend_registration_is_strong() -> None:
    read_dev_strong("rm-4a2231895634", "family:road-charge")


@pytest.mark.parametrize(
    "text",
    [
        "DMV: Your appointment is confirmed for 3 June at 10:30. Reschedule at "
        "https://dmv.example.gov/appt",
        "Your new E-ZPass tag has been posted and should arrive within 5 days.",
        "Thanks, the packages installed fine. See http://example.org/notes",
    ],
)
def test_ordinary_road_news_is_not_strong(text: str) -> None:
    result = _not_strong(text)
    assert "family:road-charge" not in sources(result)


# --- deadline-threat -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Please settle the balance, otherwise you will be fined.",
        "Pay today or your account will be suspended.",
        "failing which your parcel will be returned",
        "if not paid by Friday",
        "Pay before midnight.",
        "no later than 5 March",
        "within twenty-four hours",
        "A late fee will be added.",
        "to avoid additional penalties",
        "Non-payment will result in suspension.",
        "Second notice",
    ],
)
def test_broadened_consequences_and_deadlines_are_a_deadline_threat(text: str) -> None:
    assert cue_fires("deadline-threat", text)


@pytest.mark.parametrize(
    "text",
    [
        "Please arrive ten minutes before your appointment.",
        "Or you could come on Friday instead.",
        "Your order will be delivered tomorrow.",
    ],
)
def test_ordinary_times_are_no_deadline_threat(text: str) -> None:
    assert not cue_fires("deadline-threat", text)


# --- prize ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Reference C152 has won a price in our promotion",
        "your membership is drawn to receive a complimentary stay",
        "your code came in 2nd in our Airpods draw",
        "You are among the 20 lucky winners",
        "Your number has been drawn in our monthly raffle",
        "claim your winnings",
        "a mystery box",
    ],
)
def test_broadened_wins_and_draws_are_a_prize(text: str) -> None:
    assert cue_fires("prize", text)


@pytest.mark.parametrize("message_id", ["rm-0bc63d45f348", "rm-91fb2c8c74c3", "rm-79f6b22da626"])
def test_prizes_worded_as_a_draw_or_a_price_are_strong(message_id: str) -> None:
    result = read_dev_message(message_id)
    assert "family:prize-claim" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Claim your reward: your coffee card has 10 stamps. Show this in store. "
        "https://cafe.example.com/rewards",
        "Congratulations Emma, you are among the winners of our school poetry competition! "
        "Photos: https://school.example.org/news",
        "Well done, our team came second in the quiz! See https://photos.example.com/quiz",
    ],
)
def test_ordinary_rewards_and_results_are_not_strong(text: str) -> None:
    result = _not_strong(text)
    assert "family:prize-claim" not in sources(result)


# --- stranger-fortune ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a dormant account with our bank",
        "the deceased customer shares the same last name as you",
        "FIFTEEN MILLION UNITED STATES DOLLARS",
        "an ATM card worth $2.5 million",
        "a diplomatic courier",
        "you will take 30% of the total sum",
        "the Scammed Victim Compensation Fund",
    ],
)
def test_broadened_fortune_wordings_are_a_stranger_fortune(text: str) -> None:
    assert cue_fires("stranger-fortune", text)


def test_a_bank_manager_with_a_dormant_fortune_is_a_warning_sign() -> None:
    text = (
        "Dear friend, I am Mr James Ade, a bank manager. A deceased customer with the same last "
        "name as you left a dormant account of FIFTEEN MILLION UNITED STATES DOLLARS."
    )
    result = check(text, Channel.EMAIL)
    assert "stranger-fortune" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize("text", ["the late train is cancelled", "a sum of money for the trip"])
def test_ordinary_sums_are_no_stranger_fortune(text: str) -> None:
    assert not cue_fires("stranger-fortune", text)


# --- job-offer and easy-pay ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a data optimization task",
        "We are hiring now",
        "a side hustle",
        "You can also work at home",
        "remote data entry agents",
        "help optimize data and rankings for hotels",
    ],
)
def test_broadened_task_wordings_are_a_job_offer(text: str) -> None:
    assert cue_fires("job-offer", text)


@pytest.mark.parametrize(
    "text",
    [
        "make $300 a day",
        "get paid same day",
        "earn money online",
        "a commission for each task",
        "working 1-2 hours a day",
    ],
)
def test_broadened_pay_wordings_are_easy_pay(text: str) -> None:
    assert cue_fires("easy-pay", text)


def test_a_task_job_paid_same_day_over_whatsapp_is_strong() -> None:
    text = (
        "Hi, we are hiring now for remote data optimization tasks. Work only 1-2 hours a day and "
        "get paid same day. Contact us on WhatsApp."
    )
    result = check(text, Channel.SMS)
    assert "job-offer" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "We're hiring now! Warehouse staff needed, £12.50/hr. Apply at https://jobs.example.co.uk",
        "Hi team, from Monday we can work from home two days a week. Please update your rota at "
        "https://intranet.example.com/rota",
    ],
)
def test_ordinary_work_news_is_not_strong(text: str) -> None:
    result = _not_strong(text)
    assert "family:job-offer" not in sources(result)


# --- regional variants and misspellings (second pass) --------------------------------------


@pytest.mark.parametrize(
    ("cue_id", "text"),
    [
        ("road-charge", "Toll By Plate: you have an unpaid trip"),
        ("road-charge", "EastLink: an unpaid trip on your account"),
        ("road-charge", "NZTA: a vehicle registered in your name used a toll road"),
        ("deadline-threat", "Pay before 11:59 PM to avoid extra charges"),
        ("government-money", "Your Economic Impact Payment is ready"),
        ("government-money", "IRD refund notice"),
        ("stranger-fortune", "the sum of EUR 4.5 million"),
    ],
)
def test_regional_variants_and_misspellings_fire(cue_id: str, text: str) -> None:
    assert cue_fires(cue_id, text)


@pytest.mark.parametrize(
    ("cue_id", "text"),
    [
        ("road-charge", "The quick pasta recipe is on page 4"),
        ("deadline-threat", "The shop closes at 11:30 on Saturdays"),
    ],
)
def test_ordinary_lookalikes_do_not_fire(cue_id: str, text: str) -> None:
    assert not cue_fires(cue_id, text)

"""What the twelfth round's reading of the development sets taught, each with counter-examples.

The real messages come from ``fresh-12``, held out in the eleventh round and development data
since the twelfth; the ordinary ones are written here as counter-examples (a regression set,
never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, read_dev_message, read_dev_strong, sources

# --- webmail and mailbox phishing -------------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "IT Administrator has currently upgraded all mailboxes (size to 50.0GB). Please upgrade
        #  your account by clicking on Faculty & Staff Email Upgrade"
        "rm-57d833afac75",
        # "your email will be blacklisted. To avoid blacklisting please … prove that you are
        #  human by entering this code 4925 here."
        "rm-2278adb078ac",
        # "Dear DCU Webmail Owner … We are deleting all DCU Webmail email account … To prevent
        #  your account from closing you will have to update it below … EMAIL Password : ……"
        "rm-f23798508c57",
    ],
)
def test_webmail_phishing_isread_dev_strong(message_id: str) -> None:
    read_dev_strong(message_id, "family:account-locked")


@pytest.mark.parametrize(
    "text",
    [
        "We are upgrading our email system this weekend; there is nothing you need to do.",
        "The upgrade moved all files to the new drive on Sunday.",
        "Once you pay this discounted amount, your account will be closed and marked settled.",
        "Your new mailbox is ready. Sign in at the usual address from Monday.",
    ],
)
def test_ordinary_it_and_account_notices_are_no_webmail_phishing(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "family:account-locked" not in sources(result)
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "EMAIL Password : ...............",
        "Username: ........\nPassword: ________",
        "Current password:……",
    ],
)
def test_a_blank_for_your_password_is_a_strong_sign(text: str) -> None:
    assert "password-form" in sources(check(text, Channel.EMAIL))


@pytest.mark.parametrize(
    "text",
    [
        "Password: use the one you set up at enrolment.",
        "Your new password must have 12 characters.",
        "We will never ask for your password.",
    ],
)
def test_talk_of_passwords_is_no_password_blank(text: str) -> None:
    assert "password-form" not in sources(check(text, Channel.EMAIL))


def test_a_hyphenated_apple_id_said_to_be_disabled_is_an_account_problem() -> None:
    # "Your Apple-ID will be disabled for security reason. to avoid it,You should see more
    #  details and follow the next steps at: [LINK]"
    read_dev_strong("rm-1c76e7c0f615", "family:account-locked")


@pytest.mark.parametrize(
    "text",
    [
        "If so, I'll go ahead and click the link.",
        "I’ll click the link when I get home.",
        "Should I click the link?",
    ],
)
def test_the_writer_saying_they_will_click_is_no_request(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "link" not in result.requests
    assert "click-link" not in sources(result)


@pytest.mark.parametrize(
    "text", ["Please click the link below.", "Kindly click on the Verify button."]
)
def test_asking_the_reader_to_click_is_still_a_request(text: str) -> None:
    assert "link" in check(text, Channel.EMAIL).requests


def test_did_you_send_me_something_is_no_payment_alert() -> None:
    # "I just got an email from Zorpia.com that claims to be from you. Did you send me something
    #  there? If so, I'll go ahead and click the link." (a friend checking)
    result = read_dev_message("rm-14737f95600f", "genuine")
    assert result.verdict is Verdict.NONE_FOUND
    assert "transaction-alert" not in sources(check("Did you send £250 to J SMITH?", Channel.SMS))


# --- a fake boss's favour ----------------------------------------------------------------------


def test_a_boss_asking_for_a_discreet_favour_by_email_isread_dev_strong() -> None:
    # "Are you less busy at the moment? I got a request for you to manage discreetly. I will
    #  be going into a meeting soon, no calls so kindly respond back via mail."
    read_dev_strong("rm-85d884ff230e", "ceo-request", "discreet-task")


def test_a_surprise_gift_card_errand_kept_confidential_isread_dev_strong() -> None:
    read_dev_strong("rm-94646d9b4414", "discreet-task", "family:boss-payment")


@pytest.mark.parametrize(
    "text",
    [
        "The report is confidential until it is published.",
        "Please handle this discreetly.",
        "The surprise party is on Friday, don't forget the card.",
        "Are you busy on Saturday? We need helpers for the fete.",
    ],
)
def test_ordinary_confidentiality_and_plans_are_no_boss_favour(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert not {"discreet-task", "family:boss-payment"} & sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_do_not_let_anyone_in_is_no_secrecy() -> None:
    # A university's real emergency alert: "Do not let anyone into the room until area is
    # deemed clear by authorities."
    result = read_dev_message("rm-d068240dce5a", "genuine")
    assert "dont-tell" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND
    assert "dont-tell" in sources(check("Don't let anyone know about this.", Channel.SMS))


# --- parcels, jobs and compensation ---------------------------------------------------------


def test_a_courier_that_tried_to_deliver_and_asks_you_to_rearrange_isread_dev_strong() -> None:
    # "DPD: we attempted to deliver your package today but were unable to, please arranging a
    #  redelivery"
    read_dev_strong("rm-cc856a7ac950", "delivery-problem", "schedule-delivery")


def test_a_delivered_parcel_is_no_delivery_problem() -> None:
    result = check("We attempted to deliver your parcel and left it with your neighbour.")
    assert "delivery-problem" not in sources(result)


def test_a_remote_research_job_for_students_arranged_by_text_isread_dev_strong() -> None:
    # "…urgently needs the services of students to work remotely as research assistants and
    #  get paid $350 weekly … contact Professor … at (410) 701-0769 via text message"
    read_dev_strong("rm-c284b9e90241", "family:job-offer")


@pytest.mark.parametrize(
    "text",
    [
        "Our library needs volunteers on Saturdays; reply to this email if you can help.",
        "You can work remotely two days a week, as agreed with your manager.",
    ],
)
def test_ordinary_work_talk_is_no_job_scam(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert not {"family:job-offer", "family:job-off-platform"} & sources(result)


def test_an_email_listed_for_scam_victim_compensation_isread_dev_strong() -> None:
    # "your email address have been listed as one of the Scammed victim, to benefit from this
    #  ongoing SCAMMED VICTIM COMPENSATION BENEFITS … 1. Full Name:………… 2. Phone Number:………"
    assert "details" in read_dev_strong("rm-8f2654a15027", "name-on-fund-list").requests


def test_a_form_with_blanks_for_your_details_is_a_request_for_details() -> None:
    assert "details" in check("1. Full Name:…………\n2. Phone Number:………").requests
    assert "details" not in check("Full name: Jane Smith\nPhone number: 0131 496 0000").requests


# --- warnings in the third person --------------------------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "words"),
    [
        # a computer shop: "customers who a being scammed over the phone … They claim to be
        # calling from Microsoft, BT or Global support and say your computer is infected"
        ("rm-f07d4161a771", "calling from Microsoft"),
        # a church's ministers: "Some of you may have received an email, pretending to be Rev.
        # Wendy, requesting gift cards"
        ("rm-3f75372b23e5", "gift cards"),
    ],
)
def test_a_warning_that_tells_of_a_scam_in_the_third_person_is_not_one(
    message_id: str, words: str
) -> None:
    result = read_dev_message(message_id, "genuine")
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "They claim to be calling from Microsoft and say your computer is infected.",
        "Some of you may have received an email asking for gift cards.",
        "Customers are being scammed by callers saying their computer is infected.",
    ],
)
def test_third_person_warning_phrases_are_talk_about_scams(text: str) -> None:
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


def test_a_compensation_scam_naming_scammed_victims_is_not_a_warning() -> None:
    text = (
        "Your email address has been listed as one of the scammed victims to benefit from the "
        "compensation payment of USD $850,000.00. Send your full name and phone number."
    )
    assert check(text, Channel.EMAIL).verdict is not Verdict.NONE_FOUND


# --- more from the development sets -----------------------------------------------------------


def test_a_boss_asking_for_a_wire_transfer_isread_dev_strong() -> None:
    # "Do you have a minute? I need you to make a wire transfer to cover some 'administrative
    #  expenses'. … so you can proceed immediately to payment. I can't take calls right now"
    read_dev_strong("rm-3bf3a5f987fb", "family:boss-payment")


@pytest.mark.parametrize(
    "text",
    ["I need you to make a wire transfer today.", "so you can proceed immediately to payment"],
)
def test_a_wire_transfer_to_make_is_a_payment_request(text: str) -> None:
    assert "pay" in check(text, Channel.EMAIL).requests


def test_go_to_now_at_the_end_of_a_line_points_at_a_removed_link() -> None:
    # "Open24 Security Alert | Due to a suspicious login attempt we have disabled the payment
    #  function of your Current Account. Go to now."
    assert "link" in read_dev_strong("rm-e7bb5c7d4806").requests
    assert "link" not in check("We will go to now. Ready?", Channel.SMS).requests


# --- a business sending to its own site --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ScotRail: Your 08:15 to Glasgow is cancelled. Book a refund at "
        "https://www.scotrail.co.uk/refunds",
        "Stay safe online.\nScotRail: Your 08:15 to Glasgow is cancelled. Book a refund at "
        "https://www.scotrail.co.uk/refunds",
    ],
)
def test_a_refund_from_a_business_on_its_own_site_is_no_scam(text: str) -> None:
    # ScotRail is on no list here; its tag and its site's name agree.
    result = check(text, Channel.SMS)
    assert not {"family:government-payment", "family:text-with-link-lure"} & sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Evri: Your parcel is held due to an unpaid fee of £1.45. Pay at https://evri.top/pay",
        "HMRC: You are due a tax refund of £348.50. Claim at https://hmrc.top/claim",
        "ScotRail: You are due a refund of £48.50 for your delayed journey. Claim at "
        "https://scotrail-refunds.top/claim",
    ],
)
def test_a_known_name_on_another_site_is_no_business_of_its_own(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "family:text-with-link-lure" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_a_support_line_with_a_number_is_a_call_request() -> None:
    text = "If not, please contact Apple Support immediately.\nApple Support: 1-805-362-7442"
    assert "call" in check(text, Channel.EMAIL).requests
    assert "call" not in check("Support: open 9am to 5pm, Monday to Friday.").requests


@pytest.mark.parametrize(
    "message_id",
    [
        # "I KIDNAPPED YOUR DAUGHTER/SON, CALL ME NOW BEFORE I KILL HER...PREPARE A RANSOM OF
        #  10K NOW!!!!!"
        "rm-cd9d91d1d73d",
        # "If tonight you never banking 20K into this acc, i will kidnap your family!!"
        "rm-b79f42b60b67",
    ],
)
def test_a_kidnap_threat_with_a_ransom_isread_dev_strong(message_id: str) -> None:
    read_dev_strong(message_id, "violent-threat")


@pytest.mark.parametrize(
    "text",
    [
        "The man who kidnapped her was jailed for ten years, the court heard.",
        "Before we kill the power, please save your work.",
    ],
)
def test_news_of_a_kidnap_and_ordinary_words_are_no_threat(text: str) -> None:
    assert not {"kidnap-claim", "violent-threat"} & sources(check(text, Channel.EMAIL))


@pytest.mark.parametrize(
    "text",
    [
        "Edinburgh Leisure: Your swimming lesson on Saturday is cancelled. A refund of £6.50 "
        "will be made to your card within 5 days.",
        "A refund of £23.99 will go back to your original payment method.",
    ],
)
def test_a_refund_going_back_to_your_own_card_is_no_refund_lure(text: str) -> None:
    assert "refund-due" not in sources(check(text, Channel.SMS))


def test_a_refund_to_claim_is_still_a_refund_lure() -> None:
    text = "HMRC: a refund of £348.50 is waiting. Claim it at hmrc-refunds.top"
    assert "refund-due" in sources(check(text, Channel.SMS))


def test_a_power_cut_text_from_scottishpowers_network_business_is_its_own() -> None:
    text = (
        "ScottishPower: We are working to restore power in your area (G12). Estimated "
        "restoration 18:00. Updates at spenergynetworks.co.uk or call 105."
    )
    result = check(text, Channel.SMS)
    assert not any(source.startswith("combination") for source in sources(result))
    assert result.verdict is Verdict.NONE_FOUND

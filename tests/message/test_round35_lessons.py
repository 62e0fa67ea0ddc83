"""What the thirty-fifth round's work taught, with the scams that must still be caught.

The scam wordings are the shapes the same signs exist for; the ordinary messages are what a
customer, a patient or a borrower really receives. All are written (a regression set, never a
figure); the development messages named by id are real.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, read_dev_message, read_dev_strong, sources

# --- 1. A service cut off within minutes, and press a key ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You will be experiencing a disconnection of service today within 30 minutes. "
        "Please press 1 to speak to a representative.",
        "You have an automatic interruption of service in the next 30 to 45 minutes due to "
        "delinquent account status. Press 1 to speak with the billing department.",
        "Final notice: shut-off of your power supply in 20 mins. Press one now.",
    ],
)
def test_a_cut_off_within_minutes_with_a_key_to_press_is_strong(text: str) -> None:
    result = check(text, Channel.CALL)
    assert {"cut-off-threat", "family:press-key-call"} <= sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "There will be a planned interruption of your water supply on Tuesday from 9am for "
        "about 90 minutes.",
        "Service interruption: the app will be down for 30 minutes tonight for maintenance.",
        "Planned power cut: your supply will be off between 9am and 1pm on 3 May. We wrote to "
        "you last month.",
    ],
)
def test_planned_work_is_no_cut_off_threat(text: str) -> None:
    assert "cut-off-threat" not in sources(check(text, None))


def test_the_disconnection_robocalls_are_strong() -> None:
    # "… a disconnection of service today within 30 minutes. Please press 1 …"
    read_dev_strong("rm-9e066abefe4e", "cut-off-threat", "family:press-key-call")
    # "… an automatic interruption of service in the next 30 to 45 minutes …"
    read_dev_strong("rm-c544e64df3e5", "cut-off-threat", "family:press-key-call")


# --- 2. Express lanes are a toll road ------------------------------------------------------------


def test_an_express_lanes_charge_is_a_road_charge() -> None:
    # "recent journey On the North Texas express lanes has resulted in a charge of $4.15."
    read_dev_strong("rm-d01038f15ad7", "family:road-charge")
    result = check(
        "Your trip on the I-95 express lanes has an unpaid balance of $6.80. Pay now to avoid "
        "a late fee: https://ezpass-tolls.top/pay",
        Channel.SMS,
    )
    assert "family:road-charge" in sources(result)


def test_a_supermarket_express_lane_is_no_toll() -> None:
    text = "Use the express lane at the checkout for ten items or fewer; pay by card or cash."
    assert "family:road-charge" not in sources(check(text, None))


# --- 3. A cure for an illness that has none ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I was diagnosed with HIV in 2018 and lost hope until I found Dr Oyagu's herbal "
        "medicine. After two weeks I tested negative. Contact him on WhatsApp +234 901 234 5678.",
        "Dr Aziba cured me of my genital herpes with his roots and herbs. Email him on "
        "doctoraziba@gmail.com, he is real.",
        "He has a permanent cure for HPV and diabetes. Reach him on WhatsApp: +27 61 555 0199",
    ],
)
def test_a_miracle_cure_with_a_private_route_is_strong(text: str) -> None:
    result = check(text, None)
    assert {"miracle-cure", "family:cure-contact"} <= sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "There is no cure for herpes, but antiviral tablets help. Questions? Email the clinic "
        "at sexualhealth@nhs.net",
        "Chemotherapy cured my cancer, thanks to the team at the Royal Marsden. Call me on "
        "07700 900123 if you want to talk.",
        "Beware of posts that offer a herbal cure for HIV with a WhatsApp number: there is "
        "none. Report them to Action Fraud on 0300 123 2040.",
        "The diabetes nurse said herbal tea is fine with my medication.",
    ],
)
def test_real_health_messages_are_no_miracle_cure(text: str) -> None:
    result = check(text, None)
    assert "family:cure-contact" not in sources(result)
    assert result.verdict is not Verdict.SCAM


def test_the_spell_caster_with_herbs_for_hiv_is_read_as_a_cure_advert() -> None:
    # "… He has herbs to cure HIV cancer, kidney. …" with a Gmail address and WhatsApp number
    read_dev_strong("rm-1104bc403f41", "miracle-cure", "family:cure-contact")


# --- 4. Debt, student-loan and card-rate relief by cold call -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hello, this is Sarah from the Student Support Center. You are eligible for the "
        "Federal Student Loan Forgiveness Program. Please call us back today.",
        "This is your final opportunity to take advantage of a credit card reduction.",
        "We can write off up to 80% of your debts under a government backed scheme.",
    ],
)
def test_a_cold_call_offering_debt_relief_is_a_warning(text: str) -> None:
    result = check(text, Channel.CALL)
    assert "family:debt-relief-call" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Hi, it's Priya from the Citizens Advice debt team returning your call about the "
        "appointment you booked on Tuesday.",
        "Hello, this is the surgery: your blood test results are ready, nothing to worry about.",
    ],
)
def test_ordinary_calls_are_no_debt_relief_pitch(text: str) -> None:
    assert "family:debt-relief-call" not in sources(check(text, Channel.CALL))


def test_a_written_student_loan_notice_is_no_call() -> None:
    # The family needs a call: an email about student loans is judged by its links and asks.
    text = "Student loan forgiveness: read what the new rules mean for you on our blog."
    assert "family:debt-relief-call" not in sources(check(text, Channel.EMAIL))


def test_the_relief_robocalls_are_strong() -> None:
    # "… alternative federal student loan repayment options and hardship programs …"
    read_dev_strong("rm-4ea0a1d46e67", "family:debt-relief-call")
    # "… your eligibility for rate reduction is about to expire. Call SS1 …"
    read_dev_strong("rm-b273dc473572", "family:debt-relief-call")
    # "Student alerts: Your student loan is flagged for forgiveness pending verification."
    result = read_dev_message("rm-0bf21868fd6e")
    assert "family:debt-writeoff-text" in sources(result)
    assert result.verdict is Verdict.SCAM


# --- 5. A landline a bank does not publish is the scam's own route ------------------------------

_LOCKED = (
    "HSBC: Your account is locked due to suspicious activity. Call our fraud team now on {number} "
    "to unlock it{tail}."
)
_COVER = (
    " This is a genuine message from HSBC. To check it is real, visit hsbc.co.uk or call the "
    "number on the back of your card."
)


@pytest.mark.parametrize("number", ["020 7946 0991", "0161 496 0000", "0800 046 0123"])
def test_a_landline_the_bank_does_not_publish_is_no_cover(number: str) -> None:
    # A bank that lists its numbers (HSBC's, from its service page) is not reached on another
    # landline; beside the named site, or with "the number on the back of your card" as
    # cover, the message is still the scam's own route.
    named = check(_LOCKED.format(number=number, tail=", or log in at hsbc.co.uk"), None)
    assert named.verdict is Verdict.SCAM
    payee = (
        f"HSBC: A new payee was added to your account. If this was NOT you, call us now on "
        f"{number}.{_COVER}"
    )
    assert check(payee, Channel.SMS).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "HSBC: we've blocked a card payment. Check it in the app, at hsbc.co.uk, or call "
        "03457 404 404.",
        "HSBC: We will never ask for your PIN. If you think you've been scammed, call us on "
        "03457 404 404 or Action Fraud on 0300 123 2040. Visit hsbc.co.uk/fraud",
        f"HSBC: A new payee was added to your account. If this was NOT you, call us now on "
        f"03457 404 404.{_COVER}",
    ],
)
def test_the_banks_published_and_public_numbers_stay_below_strong(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.SCAM


def test_the_cash_app_support_robocall_is_strong() -> None:
    # "Hello, hi this is Ami from Cash App Support. … we have blocked all access to your account"
    read_dev_strong("rm-f455ccfaee8a", "family:press-key-call")


# --- 6. Lessons from fresh-43 as development data, after its reading ------------------------------


def test_the_fresh_43_lessons_are_read() -> None:
    # "… got treated from Herpes Simplex Virus by Dr Voke … got vanished … email him"
    read_dev_strong("rm-bce784db37d1", "miracle-cure", "family:cure-contact")
    # "… increase your chances of recovering your funds from these unscrupulous individuals …"
    read_dev_strong("rm-6dd62718c48f", "family:recovery-offer")
    # "To contact Qatar Airways in the UK and speak with a live agent, dial either +44.203.…"
    read_dev_strong("rm-1d5c6d83c68c", "family:helpline-pointer")
    # "This is the Manchester hospital messaging. Your relatives are with us here. …"
    read_dev_strong("rm-4da21185c5d5", "hospital-relative")
    read_dev_strong("rm-db8a7cc7d7e2", "hospital-relative")
    # "… you have not yet submitted your application for the 2025–2026 Winter Fuel Payment."
    result = read_dev_message("rm-6e1a8440e242")
    assert "automatic-payment-application" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your appointment at Manchester Royal Infirmary is on 3 June at 10:30. Reply YES to "
        "confirm.",
        "Mum's been admitted to the Royal Free, she's fine, visiting is 2-8pm x",
        "You do not need to apply for Winter Fuel Payment: it is paid automatically in November.",
        "Check if you can get Pension Credit: apply by 21 December to get the Winter Fuel "
        "Payment too.",
        "We will pay your Winter Fuel Payment of £200 into your account by 20 December.",
        "To contact us and speak with an adviser, call 0345 300 0000.",
        "The bank recovered the money from the fraudster's account within two days.",
    ],
)
def test_hospital_benefit_and_bank_messages_are_not_these_signs(text: str) -> None:
    found = sources(check(text, Channel.SMS))
    assert not found & {
        "hospital-relative",
        "automatic-payment-application",
        "family:helpline-pointer",
        "family:recovery-offer",
    }


def test_a_number_written_with_dots_after_a_country_code_is_a_number() -> None:
    result = check(
        "To reach Expedia and talk to a real person, call +44.203.807.9749 (UK) any time.",
        None,
    )
    assert "family:helpline-pointer" in sources(result)
    # Without a "+" country code, dotted digits stay versions and addresses.
    assert "family:helpline-pointer" not in sources(
        check("To reach Expedia and talk to a real person, see version 1.203.807.9749.", None)
    )

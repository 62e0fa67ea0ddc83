"""What the nineteenth round's reading of ``fresh-20`` taught, each with counter-examples.

The real messages come from ``fresh-20``, held out in the eighteenth round and development
data since the nineteenth (and two from ``fresh-19``); the ordinary ones are written here as
counter-examples (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import (
    check,
    cue_fires,
    families,
    read_dev_message,
    read_dev_warned,
    sources,
)

# --- 1. advance-fee strangers in more words ---------------------------------------------------


def test_a_stranger_asking_permission_to_share_funds_for_a_commission_is_strong() -> None:
    # "… to gain your kind permission and acceptance to assist me secure this funds … I cannot
    #  handle the business myself because of the nature of my job … you are entitled to 40%
    #  commission of the total amount"
    result = read_dev_message("rm-7cb8c826b173")
    assert "stranger-fortune" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "to gain your kind permission and acceptance to assist me",
        "I am writing to you to stand as my partner to receive my share",
        "I came across your email address in your country's email directory",
    ],
)
def test_the_stranger_intro_cue_reads_more_openings(text: str) -> None:
    assert cue_fires("stranger-intro", text)


@pytest.mark.parametrize(
    "text",
    ["We need your permission to share photos of your child.", "Sorry for the late reply!"],
)
def test_ordinary_permissions_and_apologies_are_no_stranger_intro(text: str) -> None:
    assert not cue_fires("stranger-intro", text)


@pytest.mark.parametrize(
    "text",
    [
        "you are entitled to 40% commission of the total amount",
        "The amount is valued at Euro 47,745,533.00 with a financial institution waiting my "
        "instruction for further transfer",
    ],
)
def test_a_share_of_the_total_and_millions_of_euros_in_figures_are_a_windfall(text: str) -> None:
    assert "windfall" in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Staff receive 5% commission of the total amount of each sale they make.",
        "The council's budget is EUR 47,745,533.00 this year.",
    ],
)
def test_ordinary_commissions_and_budgets_are_no_windfall(text: str) -> None:
    assert "windfall" not in sources(check(text))


def test_prize_money_credited_in_your_name_is_a_prize() -> None:
    # "… the office of unclaimed prize money in Spain … a prize money that has been credited in
    #  your name"
    result = read_dev_message("rm-68a317e608fa")
    assert "prize-won" in sources(result)
    assert result.verdict is Verdict.SCAM


# --- 2. the dying benefactor ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "… a widow … I am now a new Christian convert, suffering from long time cancer of the
        #  breast … I may not live more than necessary"  (fresh-19)
        "rm-8de87c816965",
        # "PLEASE ENDEAVOUR TO USED IT FOR THE CHILDREN OF GOD … He died after a brief illness …
        #  we were both born again Christians"
        "rm-228c7cf0abf6",
        # "… directed by my spirit … a God fearing person … I was diagnosed by the doctors that I
        #  am affected by Leukemia … I have no chances of survival"
        "rm-10cfb7658e0e",
    ],
)
def test_a_dying_benefactor_is_a_warning_sign(message_id: str) -> None:
    read_dev_warned(message_id, "family:dying-benefactor")


@pytest.mark.parametrize(
    "text",
    [
        "Please pray for Mary, a widow from our parish, who was diagnosed with cancer last spring.",
        "I was diagnosed with diabetes last year, and the church choir has been a great support.",
        "Thank you for giving to the food bank; God bless.",
    ],
)
def test_illness_widowhood_and_faith_in_ordinary_messages_are_no_benefactor(text: str) -> None:
    assert "dying-benefactor" not in families(check(text, Channel.EMAIL))


# --- 3. loans from private lenders ----------------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "… PROVIDING LOANS TO ALL CUSTOMERS … APPLY FOR URGENT LOAN … Whatsapp Number: …"
        "rm-94eada865e28",
        # "Are you in need of a finance? Personal loans Business Loans … interest rate of 2% just
        #  email us on …@gmail.com call or add us on what's app …"
        "rm-52b13c2f4ed0",
    ],
)
def test_a_private_lender_on_whatsapp_is_a_loan_offer(message_id: str) -> None:
    read_dev_warned(message_id, "family:loan-offer-contact")


def test_a_private_lender_with_urgency_and_a_whatsapp_number_is_strong() -> None:
    assert read_dev_message("rm-94eada865e28").verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Your personal loan has an interest rate of 6.9% APR. Questions? Email us at "
        "loans@examplebank.co.uk",
        "The interest rate is 2% on your savings account.",
        "Are you in need of a finance review? Book a free appointment with our adviser.",
    ],
)
def test_ordinary_loan_and_savings_notices_are_no_loan_offer(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "easy-loan" not in sources(result)
    assert "loan-offer-contact" not in families(result)


# --- 4. boss fraud, fake support, promised money, an attorney's fee --------------------------


def test_a_boss_in_a_meeting_needing_something_right_away_is_a_warning_sign() -> None:
    # "I'm in a meeting right now and that's why I'm contacting you through here … phone is not
    #  allowed … help me out on something very important right away."
    result = read_dev_message("rm-7dd1e4e72316")
    assert "busy-boss" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    ["I'm in a meeting until 3; can you call me after?", "Sorry, I'm in a meeting. Speak later."],
)
def test_ordinary_meetings_are_no_boss_fraud(text: str) -> None:
    assert "busy-boss" not in sources(check(text))


def test_support_on_telegram_is_a_warning_sign() -> None:
    # "you can contact Theta Network Support on Telegram via the weblink www.t.me/…"
    result = read_dev_message("rm-4f6e22962765")
    assert "support-on-messenger" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    ["Join our Telegram channel for news.", "Contact support through the Help page in the app."],
)
def test_community_channels_and_in_app_support_are_no_fake_support(text: str) -> None:
    assert "support-on-messenger" not in sources(check(text))


@pytest.mark.parametrize(
    ("message_id", "rule"),
    [
        # "Baby, resend your Cash App tag. I'm sending you 5k right now"
        ("rm-6a3ba23953b9", "promised-money"),
        # "You will need to send $30 to my manager cash app rn for the attorney fee payment …"
        ("rm-a1fe7b0c2155", "advance-fee"),
    ],
)
def test_sugar_daddy_texts_are_warning_signs(message_id: str, rule: str) -> None:
    read_dev_warned(message_id, rule)


@pytest.mark.parametrize(
    "text",
    ["I'll send you £20 for the tickets tonight.", "I will pay you back the 5 quid tomorrow."],
)
def test_friends_paying_each_other_back_is_no_promised_money(text: str) -> None:
    assert "promised-money" not in sources(check(text, Channel.SMS))


# --- 5. an online job "with attractive income" ------------------------------------------------


def test_an_online_job_with_attractive_income_is_a_job_offer() -> None:
    # "We Are Hiring – Online Job Opportunity! … No advanced experience required … Attractive
    #  income opportunity … please inbox me"
    result = read_dev_message("rm-d94f50ac6cb0")
    assert "job-offer" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_job_advert_with_a_wage_is_no_easy_pay() -> None:
    assert not cue_fires("easy-pay", "We are hiring warehouse staff, £12.50/hr, good pay.")

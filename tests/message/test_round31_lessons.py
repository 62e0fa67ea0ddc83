"""What the thirty-first round's work taught, with the scams that must still be caught.

The ordinary messages are shaped like those of the project's probe sets (``tests/data/probes/``);
the scam wordings are the shapes the same signs exist for. All are written (a regression set,
never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.links import refang
from sochelp.message.model import Channel
from sochelp.message.normalise import clean
from tests.message.helpers import (
    check,
    check_not_strong_without,
    cue_fires,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. A bank's "reply Y or N" check asks for nothing more --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If this was you, reply Y and try again. If it wasn't you, reply N and we'll call you.",
        "Reply Y if yes or N if no.",
        "Yes, reply Yes. No, reply No.",
    ],
)
def test_a_yes_or_no_reply_is_recognised(text: str) -> None:
    assert cue_fires("yes-no-reply", text)


@pytest.mark.parametrize(
    "text",
    ["reply YES to claim your prize", "Reply YES to confirm. Reply STOP to opt out of messages"],
)
def test_one_answer_alone_is_no_yes_or_no_check(text: str) -> None:
    assert not cue_fires("yes-no-reply", text)


@pytest.mark.parametrize(
    "text",
    [
        "Lloyds: We've declined a payment of £129.00 to ARGOS on your debit card ending 3318. If "
        "this was you, reply Y and try again. If it wasn't you, reply N and we'll call you.",
        "HSBC: Did you try to make a payment of GBP 59.99 to JD SPORTS with your debit card "
        "ending 2204 on 11 Apr? Reply Y if yes or N if no. Your card may be blocked until you "
        "reply.",
    ],
)
def test_a_banks_yes_or_no_check_is_not_strong(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # A number of its own to call, or a link, is a route the reply check does not excuse.
        "Barclays: A payment of £420.00 to CURRYS was attempted on your card. If this was you "
        "reply YES. If NO, call our fraud team on 01632 960 123 immediately or your account "
        "will be suspended.",
        "NatWest: Did you try to pay £950.00 to PAYPAL? Reply Y or N. If it wasn't you, secure "
        "your account now at natwest-secure-check.com or it will be blocked.",
    ],
)
def test_a_yes_or_no_check_with_its_own_route_is_still_strong(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.SCAM


# --- 2. A public body's own site is no payment lure's route ---------------------------------------

_NEST_WELCOME = (
    "Subject: Welcome to Nest - you've been enrolled in a workplace pension\n\nHello Amira,\n\n"
    "Your employer, Hillside Bakery Ltd, has enrolled you into Nest, the workplace pension "
    "scheme. Your Nest ID is 01X5523810.\n\nYou pay in a percentage of your qualifying earnings, "
    "your employer pays in too, and you get tax relief from the government.\n\nSet up your "
    "online account\nGo to nestpensions.org.uk and choose 'Set up your online account'. You can "
    "then check your pot and update your details.\n\nNest\nnestpensions.org.uk"
)


def test_a_pension_schemes_welcome_on_its_own_site_is_no_payment_lure() -> None:
    result = check_not_strong_without(_NEST_WELCOME, Channel.EMAIL, "family:government-payment")
    assert "Nest" in result.organisations


@pytest.mark.parametrize(
    "text",
    [
        # The same words sending the reader anywhere else, or to a form attached.
        _NEST_WELCOME.replace("Go to nestpensions.org.uk", "Go to nest-pension-refund.com"),
        "HMRC Tax Credit Office\n\nAfter the last annual calculation of your fiscal activity we "
        "have determined that you are eligible to receive a tax refund of 612.40 GBP. Complete "
        "the tax refund form attached to this message and submit the form. Our address is on "
        "our web site: https://www.gov.uk/government/organisations/hm-revenue-customs",
    ],
)
def test_a_payment_lure_with_a_route_of_its_own_is_still_read(text: str) -> None:
    assert "family:government-payment" in sources(check(text, Channel.EMAIL))


# --- 3. Paying at reception is a route the reader already trusts ---------------------------------


def test_paying_at_the_practices_reception_is_a_trusted_route() -> None:
    assert cue_fires("trusted-route", "You can pay over the phone or at reception on your visit")
    assert cue_fires("trusted-route", "Please pay in person at the front desk")
    check_not_strong_without(
        "Riverside Dental Care: Hi Sam, there is an outstanding balance of £26.80 for your NHS "
        "Band 1 check-up on 12/03. You can pay over the phone or at reception at your next "
        "visit. Thank you",
        Channel.SMS,
        "family:government-fine",
    )


def test_an_nhs_fine_with_a_link_is_still_read() -> None:
    result = check(
        "NHS: You have an outstanding balance of £26.80 for prescription charges. Pay now at "
        "nhs-penalty-charge.com to avoid a £100 penalty.",
        Channel.SMS,
    )
    assert result.verdict is Verdict.SCAM


# --- 4. A testimonial's "not like other scams" is no talk about scams --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he is not like other scam pretending to have the blank ATM cards",
        "unlike other scammers he delivered the card",
    ],
)
def test_vouching_for_a_seller_is_no_talk_about_scams(text: str) -> None:
    assert not cue_fires("talks-about-scams", text)


def test_a_blank_card_testimonial_is_read() -> None:
    assert cue_fires("blank-atm-card", "I got my already programmed and blank ATM card today")
    read_dev_strong("rm-d5ddfba7fcce", "family:blank-atm-card")


def test_a_warning_about_blank_cards_is_not_read_as_an_offer() -> None:
    result = check(
        "Beware of posts selling blank ATM cards: they do not exist. If you got one of these "
        "messages, report it and don't email cardsupport@gmail.com.",
        None,
    )
    assert "family:blank-atm-card" not in sources(result)


# --- 5. A support team's voice with a webmail address ----------------------------------------


def test_a_support_reply_giving_a_webmail_address_is_read() -> None:
    result = read_dev_warned("rm-adcfc5f1c8d7", "family:support-reply-webmail")
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        # A company's own address, or a direct message on the platform, is its own route.
        "@sam_k Thank you for reaching out to us. Please send us a DM with your order number "
        "for fast resolution.",
        "@sam_k Sorry to hear that! Our support team can help at help@examplebank.co.uk",
    ],
)
def test_a_support_reply_through_its_own_route_is_not_read(text: str) -> None:
    assert "family:support-reply-webmail" not in sources(check(text))


# --- 6. Windows punctuation read with the wrong character set --------------------------------


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("don\x92t worry, that\x92s fine", "don't worry, that's fine"),
        ("THAT\x92S AL", "THAT'S AL"),
        ("He said \x93see you there\x94 and left", 'He said "see you there" and left'),
        ("open 9am \x96 5pm", "open 9am - 5pm"),
    ],
)
def test_windows_punctuation_in_its_place_is_read_as_punctuation(raw: str, read: str) -> None:
    cleaned = clean(raw)
    assert cleaned.plain == read
    assert not cleaned.hidden
    assert "hidden:invisible-characters" not in sources(check(raw, Channel.SMS))


@pytest.mark.parametrize(
    "raw", ["Your Pay\x92Pal account", "Your Amaz\x94on order", "clic\x96k here"]
)
def test_the_same_controls_inside_a_word_are_still_hidden_characters(raw: str) -> None:
    assert clean(raw).hidden
    assert "hidden:invisible-characters" in sources(check(raw, Channel.SMS))


# --- 7. More numbers organisations publish ---------------------------------------------------


def test_halifaxs_published_fraud_line_is_a_trusted_route() -> None:
    result = check(
        "Halifax: We've spotted an unusual payment of £212.00 to CURRYS on your debit card. If "
        "this wasn't you, call us on 0800 0 15 15 15.",
        Channel.SMS,
    )
    assert result.verdict is not Verdict.SCAM
    assert any("Halifax publishes" in good for good in result.good_signs)


def test_halifaxs_number_beside_a_link_of_its_own_is_still_read() -> None:
    result = check(
        "Halifax: We've spotted an unusual payment of £212.00 to CURRYS on your debit card. If "
        "this wasn't you, call us on 0800 0 15 15 15 or secure your account at "
        "halifax-secure-check.com",
        Channel.SMS,
    )
    assert result.verdict is Verdict.SCAM


# --- 8. Lessons from fresh-39 as development data ------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "address"),
    [
        ("contact her on fixer.truth88[at]gmail Dot com", "fixer.truth88@gmail.com"),
        ("write to joe@gmail dot com", "joe@gmail.com"),
        ("I contacted [helpdesk@bk.ru](mailto:helpdesk@bk.ru) to help me", "helpdesk@bk.ru"),
    ],
)
def test_an_address_written_to_slip_past_filters_is_read(raw: str, address: str) -> None:
    assert address in [found.address for found in check(raw).addresses]


def test_the_word_dot_is_joined_only_after_an_at_sign() -> None:
    assert refang("the dot com years were wild") == "the dot com years were wild"


@pytest.mark.parametrize(
    "text",
    [
        "If your credit score is not as high as you want it to be, contact this genius "
        "hacker.... credit.genius@gmail.com it 100% guaranteed",
        "She also clear credit card debt and raise my credit score. contact her on "
        "fixer.truth88[at]gmail Dot com",
    ],
)
def test_a_credit_repair_hacker_is_strong(text: str) -> None:
    result = check(text)
    assert "family:credit-fix-hacker" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_a_credit_fix_testimonial_dev_message_is_read() -> None:
    read_dev_warned("rm-55cc2944cbc6", "family:credit-fix-hacker")
    # ("strong" until the thirty-third round's second retrained wording sign, which no longer
    # finds its one line worded like the scams: the family alone reads "some".)
    read_dev_warned("rm-2e9d83681cc7", "family:credit-fix-hacker")


@pytest.mark.parametrize(
    "text",
    [
        "To improve your credit score, pay your bills on time and register to vote. Questions? "
        "Email help@example-credit.co.uk",
        "Beware of 'hackers' on social media who say they can raise your credit score: write to "
        "report@phishing.gov.uk if one contacts you from a gmail.com address.",
    ],
)
def test_credit_advice_is_no_credit_repair_hacker(text: str) -> None:
    assert "family:credit-fix-hacker" not in sources(check(text))


def test_a_locked_download_with_install_steps_is_read() -> None:
    read_dev_warned("rm-68ef3e39c6ab", "family:locked-download")
    read_dev_strong("rm-e9674c40d1b3", "family:locked-download")


@pytest.mark.parametrize(
    "text",
    [
        "Here are the photos from Saturday: https://www.dropbox.com/sh/abc123 password: summer24",
        "Your statement is attached; the password is your date of birth.",
    ],
)
def test_a_shared_file_with_a_password_is_no_malware_lure(text: str) -> None:
    assert "family:locked-download" not in sources(check(text))


def test_a_cash_donation_to_lucky_strangers_is_a_windfall() -> None:
    result = check("we will be giving out a cash donation of £1,500,000 to five lucky individuals")
    assert "windfall" in sources(result)
    read_dev_warned("rm-64587812a9a1", "windfall")


def test_a_psychics_special_price_is_read() -> None:
    read_dev_warned("rm-b75e084897f0", "family:psychic-fee")
    result = check("Psychic night at the Red Lion on Friday: tickets £10, usually £15.")
    assert "family:psychic-fee" not in sources(result)


def test_a_strangers_deal_wanting_details_by_webmail_is_strong() -> None:
    read_dev_strong("rm-c5ff7f8715ab", "family:stranger-deal-details")


def test_a_business_proposal_answered_through_an_official_address_is_not_that_family() -> None:
    result = check(
        "Thanks for your business proposal. Please send your name and phone number to "
        "bids@example-council.gov.uk and we will be in touch."
    )
    assert "family:stranger-deal-details" not in sources(result)


# --- 9. A sender's template gets no wording sign ----------------------------------------------


def test_a_services_template_is_not_judged_by_its_wording() -> None:
    result = check(
        "Verify your email address\n\nYou need to click this link before we can start sending "
        'you letters online:\n\n@{params("verificationLink")}\n\nYou need to do this within 7 '
        "days.",
        Channel.EMAIL,
    )
    assert result.template
    assert "model:wording" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_phishing_template_with_a_link_of_its_own_is_still_read() -> None:
    result = check(
        "Dear {{ first_name }}, your mailbox is full and will be suspended within 24 hours. "
        "Verify your account now at http://mailbox-verify-help.top/login",
        Channel.EMAIL,
    )
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_childless_widows_letter_to_a_beloved_in_christ_is_read() -> None:
    read_dev_warned("rm-8293d9832b47", "family:dying-benefactor")
    result = check("Dear brother in Christ, the harvest supper is on Sunday at 6pm. All welcome.")
    assert "family:dying-benefactor" not in sources(result)

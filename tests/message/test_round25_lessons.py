"""What the twenty-fifth round's study of ``fresh-27`` taught, each with counter-examples.

The real messages come from ``fresh-27`` (held out in the twenty-fourth round, development data
since the twenty-fifth); the ordinary ones are written here as counter-examples (a regression
set, never a figure). Each counter-example was tried before the next batches were read.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.content import FACTS
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

# --- 1. scams the batch's misses taught --------------------------------------------------------


def test_a_repeated_third_person_helpline_is_a_fake_helpline_advert() -> None:
    # "To contact Comcast about email problems, dial the toll-free number +1-877-339-0950 or
    #  +1-877-201-3631. For immediate help, use the Comcast support helpline at …" (was "none":
    #  each number written three times, one short of a repeated-number advert)
    read_dev_strong("rm-0a7577eb0395", "family:helpline-advert")


def test_scam_victim_compensation_of_a_million_each_is_a_windfall() -> None:
    # "we are delegated from the United Nations & Bank of England to pay 150 scam victims
    #  ($1,000,000.00 USD) each. You are listed and approved for this payment as one of the
    #  scammed victims" (was "none": "scam victims" was read as talk about scams)
    read_dev_strong("rm-883f79045ebc", "windfall", "name-on-fund-list")


@pytest.mark.parametrize(
    ("message_id", "sign"),
    [
        # "Do you need an urgent blank ATM CARD to solve your financial needs … HERE is the
        #  email address: (blankatmcard661@gmail.com)" (was "none")
        ("rm-814a2c482a9d", "family:blank-atm-card"),
        # "Once the vault is released to you, we shall divide the content in the ratio of 50% for
        #  you, 50% for me," (was "none": the wording sign alone)
        ("rm-08832ac37bab", "family:split-fortune"),
        # "some of their personal letters and mails will be forwarded to your residence or nearby
        #  post office for you to pick up at your convenience" (was "none")
        ("rm-04bbed8e234c", "reship-for-stranger"),
    ],
)
def test_fake_cards_fortune_splits_and_reshipping_get_a_warning(message_id: str, sign: str) -> None:
    read_dev_warned(message_id, sign)


def test_a_helpline_advert_needs_its_number_three_times() -> None:
    assert "@thrice-number" in FACTS
    advert = (
        "To reach Acme about billing, dial the toll-free number +1-877-555-0101. For help, use "
        "the Acme support helpline at +1-877-555-0101."
    )
    assert "helpline-advert" not in families(check(advert))
    thrice = advert + " Call the toll-free number +1-877-555-0101 for assistance."
    assert "helpline-advert" in families(check(thrice))


def test_three_copies_of_a_number_alone_are_no_sign() -> None:
    text = "Call 0800 123 4567. Ring 0800 123 4567. Dial 0800 123 4567."
    assert check(text).verdict is Verdict.NONE_FOUND


# --- 2. counter-examples, tried before the reading ---------------------------------------------


#: (family, ordinary text it must not find): warnings, advice, a company's own helpline, shares
#: between friends and partners.
COUNTER_EXAMPLES = [
    (
        "blank-atm-card",
        "Police warn of 'blank ATM card' adverts on Facebook: there is no such card. Do not pay "
        "anyone selling one.",
    ),
    (
        "blank-atm-card",
        "Blank ATM cards don't exist. If someone offers you one on WhatsApp, it's a scam.",
    ),
    (
        "blank-atm-card",
        "I saw an advert for a blank ATM card, is it real? The email was blankatm@gmail.com",
    ),
    (
        "blank-atm-card",
        "The ATM card reader was blank when I got there, so I used the bank's app instead.",
    ),
    # a company's own helpline, however often it is written
    (
        "helpline-advert",
        "Dial the toll-free number 0800 123 4567 for our helpline. Our helpline 0800 123 4567 is "
        "free. Call 0800 123 4567 anytime.",
    ),
    (
        "helpline-advert",
        "Questions about your bill? Call our helpline on 0800 123 4567. Lines open 8am-8pm on "
        "0800 123 4567; from abroad, 0800 123 4567.",
    ),
    # a warning that quotes the fake numbers
    (
        "helpline-advert",
        "Fake helplines: search results show a 'Comcast support helpline' at +1-877-339-0950. "
        "Comcast says to call the toll-free number on your bill. Scammers list +1-877-339-0950 "
        "and +1-877-339-0950.",
    ),
    # Found after the reading (see the note below): genuine notices that give their own number
    # three times and say "the customer service number" or "the support helpline" read "some" or
    # "strong"; the advert now needs a toll-free number or the company named.
    (
        "helpline-advert",
        "If you have any questions, call the customer service number on the back of your card, "
        "0345 600 6000. Lines are open 8am to 8pm. Textphone users: 0345 600 6000 via Relay UK. "
        "From abroad: +44 345 600 6000.",
    ),
    (
        "helpline-advert",
        "Can't log in? Use the support helpline at 0800 028 2000. Our lines: 0800 028 2000. Or "
        "0800 028 2000 from a mobile.",
    ),
    (
        "helpline-advert",
        "Reminder: your appointment is on Monday. To rearrange, call the customer service number "
        "0161 496 0000. Missed calls: 0161 496 0000. Text 0161 496 0000.",
    ),
    (
        "helpline-advert",
        "Please call their customer service number 0161 496 0000 (0161 496 0000 from abroad, "
        "0161 496 0000 textphone).",
    ),
    # a charity's number given twice is no advert
    (
        "helpline-advert",
        "Call the Samaritans helpline on 116 123 any time. The Samaritans number 116 123 is free.",
    ),
    ("split-fortune", "Let's split the winnings: 50% for you and 50% for me, fair?"),
    # Found after the reading: a family's own will, shared by percentage, read "some".
    (
        "split-fortune",
        "Dad left the house to us both: 50% for you and 50% for me, the solicitor says the "
        "transfer of funds takes a month.",
    ),
    (
        "split-fortune",
        "The inheritance will be split 50% to you and 50% to me, as Mum wanted; the solicitor "
        "will transfer the funds next week.",
    ),
    (
        "split-fortune",
        "Profit share: 70% for you and 30% for us on each sale through the shop, paid monthly.",
    ),
    ("split-fortune", "Our family business: 60% for me and 40% for my brother, as our dad wanted."),
    (
        "split-fortune",
        "Beware of emails offering 40% for you and 60% for me of a dead man's estate: they are "
        "advance-fee fraud.",
    ),
]


@pytest.mark.parametrize(("family", "text"), COUNTER_EXAMPLES)
def test_warnings_own_helplines_and_ordinary_shares_are_not_the_new_families(
    family: str, text: str
) -> None:
    assert family not in families(check(text))


def test_a_fortune_split_needs_percentages_for_both() -> None:
    assert cue_fires("split-offer", "30% will go to you while 70% will be for me")
    assert not cue_fires("split-offer", "Get 20% off for you and a friend.")
    assert not cue_fires("split-offer", "50% for you and 50% for the charity")


@pytest.mark.parametrize(
    "text",
    [
        "Their parcels will be delivered to your address while they are on holiday, could you "
        "take them in? Thanks, Sue next door",
        "Hi, while we're away our post will be forwarded to your house - thank you so much for "
        "keeping it!",
        "Your parcel will be delivered to your address tomorrow between 9 and 11.",
        # Found after the reading: a grandmother's note read "some".
        "Their letters will be sent to your address for you to collect when you're back, "
        "love Gran x",
    ],
)
def test_a_neighbours_parcels_are_no_reshipping(text: str) -> None:
    result = check(text)
    assert "reship-for-stranger" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Scam victims lost £3,000 each on average, Which? found.",
        "The court ordered the firm to pay victims $1,000,000.00 in compensation.",
        "You are listed and approved for this payment run; the invoice will be paid Friday.",
        "You have been approved for the grant; the money will reach your account in May.",
    ],
)
def test_news_of_compensation_and_ordinary_approvals_are_no_windfall(text: str) -> None:
    assert not {"windfall", "name-on-fund-list"} & sources(check(text))


def test_scam_victims_in_the_news_are_still_talk_about_scams() -> None:
    assert cue_fires("talks-about-scams", "Scam victims lost £3,000 each on average.")
    assert not cue_fires("talks-about-scams", "to pay 150 scam victims ($1,000,000.00 USD) each")


# --- 3. a defect found on the way: "@email" is the channel, not an address ---------------------


def test_spy_hacker_needs_a_contact_not_just_an_email() -> None:
    # The twenty-fourth round's spy-hacker family took "@email" (the message is an email) as a
    # contact; any email offering to monitor a partner was enough. A webmail address is needed.
    text = (
        "Do you know you can monitor all of your partner's activities without them even "
        "suspecting? Our parental app does it."
    )
    assert "spy-hacker" not in families(check(text, Channel.EMAIL))
    offer = text + " Write to spyexpert2@gmail.com"
    assert "spy-hacker" in families(check(offer, Channel.EMAIL))


@pytest.mark.parametrize(
    "text",
    [
        "HERE is the email address: (blankatmcard661@gmail.com)",
        "techcryptorecovery @yahoo.com",
    ],
)
def test_webmail_addresses_are_found_anywhere(text: str) -> None:
    assert cue_fires("webmail-address", text)


def test_a_company_address_is_no_webmail() -> None:
    assert not cue_fires("webmail-address", "Email us at help@royalmail.com")


# --- 4. what was left alone --------------------------------------------------------------------


def test_a_genuine_paypal_receipt_still_reads_some_by_the_wording_sign() -> None:
    # fresh-27's one false alarm: a PayPal receipt ("You sent a payment of $20.00 USD to Media
    # Center Master") reads "some" by the wording sign alone. The fourteenth round's decision on
    # the sign stands (it stays as it is), so this is recorded, not fixed: if it changes, update
    # the closing note.
    result = read_dev_message("rm-29e3466d81f2", "genuine")
    assert sources(result) == {"model:wording"}
    assert result.verdict is Verdict.SUSPICIOUS

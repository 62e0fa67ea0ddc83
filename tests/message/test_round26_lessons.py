"""What the twenty-sixth round's study of ``fresh-28`` and ``fresh-29`` taught, with
counter-examples.

The real messages come from ``fresh-28`` and ``fresh-29`` (held out in the twenty-fifth round,
development data since the twenty-sixth); the ordinary ones are written here as counter-examples
(a regression set, never a figure). Each counter-example was tried before the next batches
(``fresh-30`` and ``fresh-31``) were read.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.content import FACTS
from sochelp.message.links import extract
from sochelp.message.model import Channel
from tests.message.helpers import (
    bundled,
    check,
    cue_fires,
    families,
    read_dev_message,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. genuine messages the batches' false alarms taught ----------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # TV Licensing: "You could be taken to court again … Visit tvlicensing.co.uk/pay • Call
        #  0300 790 6121" (was "some": a threat with a payment route, though every route is
        #  TV Licensing's own)
        "rm-3eb4cc33e722",
        # TV Licensing: "you face a fine of up to £1,000 … payments starting from £5.60 a week
        #  … call 0300 790 6077" (was "some": an instalment read as a premium-rate charge)
        "rm-e8dbe677f8f7",
        # Peterborough council's bulky-waste template: "Dear [% report.name %], … obtaining a
        #  refund: https://www.peterborough.gov.uk/…" (was "some": the template's field
        #  "report.name" read as a link to a .name site, off gov.uk)
        "rm-fa6cfb18f648",
        # An employer's email offering temporary work: "Nurses (non-NHS) … please either Click
        #  here or complete this form" (was "strong": "non-NHS" read as naming the NHS)
        "rm-93262c3ea332",
    ],
)
def test_official_letters_templates_and_an_employer_email_are_calm(message_id: str) -> None:
    result = read_dev_message(message_id, label="genuine")
    assert result.verdict is Verdict.NONE_FOUND


def test_a_tv_licensing_letter_with_a_short_address_is_no_longer_strong() -> None:
    # "A fine of up to £1,000 without a TV Licence … Buy your TV Licence today at tvl.co.uk/pay
    #  Or call 0300 790 6015." (was "strong"; a letter, not a call or text, so not the
    #  tax-threat family. It read "some" until the forty-fifth round, through the wording sign,
    #  which since then cannot warn alone on a letter: calm now)
    result = read_dev_message("rm-87bf501c3894", label="genuine")
    assert result.verdict is not Verdict.SCAM
    assert "tax-threat" not in families(result)


# --- 2. scams the batches' misses taught ----------------------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "sign"),
    [
        # "I can't get into my online banking because it's on my old phone and this number is
        #  not registered to my bank … Could you pay them for me? I'll pay it back this week."
        ("rm-623458a847de", "family:new-number-money"),
        # "… research a recovery platform … Bitcoin Recovery Wizard … Email: …@aol.com"
        ("rm-d106b93d233b", "family:recovery-offer"),
        # "Our system record shows that you have one trip failed to tap-off. Please pay this
        #  outstanding invoice immediately"
        ("rm-6a2be718eea6", "family:road-charge"),
        # "Telstra: To prevent unredeemed points from becoming invalid, please redeem them before
        #  tonight:" (the quote ends where the link was)
        ("rm-8292490bdfe8", "family:points-expiring"),
    ],
)
def test_new_number_recovery_fare_and_points_scams_are_strong(message_id: str, sign: str) -> None:
    read_dev_strong(message_id, sign)


def test_a_free_gift_for_a_questionnaire_gets_a_warning() -> None:
    # "a two-piece luxury cooling pillow set at no charge to your household … After a brief
    #  questionnaire, you may also secure a two-night stay" (was "none")
    read_dev_warned("rm-4fed16476d15", "family:survey-reward")


# --- 3. the general capabilities, with counter-examples -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dear [% report.name %], your collection is booked.",
        "Hello {{ user.email }}, your code is ready.",
        "Hi {{user.first_name}}, thanks for your order.",
        "Order ${order.id} has been sent.",
        "Your reference is <%= case.reference %>.",
    ],
)
def test_a_templates_field_is_not_a_link(text: str) -> None:
    assert extract(text, bundled().suffixes) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dear {{ name }}, verify at paypal-secure-login.com today",
        "Pay at [% https://pay-fines.example.com %]",
        "Visit report.name for the results",
        "See {{ docs }} or example-help.co.uk/faq",
    ],
)
def test_real_links_beside_or_inside_template_markers_are_still_links(text: str) -> None:
    assert extract(text, bundled().suffixes) != []


def test_official_routes_is_a_fact_families_can_use() -> None:
    assert "@official-routes" in FACTS


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        # every route official: the body's own site and an 030 number
        (
            "DVLA: your vehicle tax is due. If you do not tax it you could be fined up to £1,000. "
            "Tax online at gov.uk/vehicle-tax or call 0300 123 4321.",
            Channel.SMS,
        ),
        (
            "HM Courts & Tribunals Service. Notice of a fine. You must pay £200 by 1 March or "
            "enforcement action may be taken. Pay online at www.gov.uk/pay-court-fine-online or "
            "call 0300 790 9901.",
            None,
        ),
        # a council's reminder by post, with the council's own (01) number
        (
            "Council Tax reminder. If you do not pay within 7 days we may take court action. Pay "
            "online at www.peterborough.gov.uk/pay or call 01733 747474.",
            Channel.LETTER,
        ),
    ],
)
def test_a_threat_that_sends_you_only_to_official_routes_is_no_threat_family(
    text: str, channel: Channel | None
) -> None:
    found = families(check(text, channel))
    assert not found & {"tax-threat", "government-fine"}


@pytest.mark.parametrize(
    "text",
    [
        # a scam number beside a decorative official link
        "HMRC: a legal case is filed against you for unpaid tax. Avoid arrest: call 020 7946 0991 "
        "now. www.gov.uk",
        # an official-looking 030 number beside a link off gov.uk
        "HMRC: you face court action for unpaid tax. Pay today at hmrc-tax-settle.com or call "
        "0300 200 3300.",
        # no route at all is not an official route
        "HMRC final notice: pay your tax today or a warrant will be issued for your arrest.",
    ],
)
def test_a_threat_with_any_other_route_is_still_a_scam(text: str) -> None:
    result = check(text, Channel.SMS)
    assert families(result) & {"tax-threat", "government-fine"}
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spread the cost with payments from £5.60 a week.", False),
        ("Pay in weekly instalments of £4 a week at any PayPoint.", False),
        ("Subscription service: £4.50 per week until you text STOP.", True),
        ("Costs £1.50/wk, 18+ only.", True),
        ("Calls cost £1.50 per min.", True),
    ],
)
def test_instalments_are_not_a_premium_rate_charge(text: str, expected: bool) -> None:
    assert cue_fires("premium-cost", text) is expected


@pytest.mark.parametrize(
    ("text", "org_named"),
    [
        ("We need nurses (non-NHS) and drivers.", False),
        ("We are a non-government body.", False),
        ("Your NHS appointment is on Monday.", True),
        ("The NHS will never ask for your bank details.", True),
    ],
)
def test_non_before_a_name_does_not_name_the_organisation(text: str, org_named: bool) -> None:
    assert cue_fires("government-sender", text) is org_named


#: (family, ordinary text it must not find): advice, thanks to a bank or the police, photos on an
#: old phone, a real points reminder, a fare refund, a hotel's questionnaire.
COUNTER_EXAMPLES = [
    (
        "recovery-offer",
        "My bank helped me recover my money after the fraud. If it happens to you, call the "
        "number on the back of your card straight away.",
    ),
    (
        "recovery-offer",
        "Action Fraud and the police helped us recover our savings. Report it on 0300 123 2040.",
    ),
    (
        "recovery-offer",
        "Our data recovery service helped me recover my photos from a broken drive. Contact us on "
        "01234 567890.",
    ),
    (
        "new-number-money",
        "Mum the photos are on my old phone, I'll send them tomorrow. Can you pay me back for the "
        "train tickets? £24",
    ),
    (
        "points-expiring",
        "Your Clubcard points are ready: redeem them in the Tesco app before they expire in June.",
    ),
    (
        "road-charge",
        "TfL: You didn't touch out at the end of your journey so you were charged a maximum fare. "
        "You may be able to get a refund at tfl.gov.uk/refunds",
    ),
    (
        "survey-reward",
        "Thank you for staying with us. Please take a brief questionnaire about your stay.",
    ),
    (
        "survey-reward",
        "Your replacement card will be sent at no charge. Tell us how we did in a short survey.",
    ),
]


@pytest.mark.parametrize(("family", "text"), COUNTER_EXAMPLES)
def test_thanks_advice_and_real_reminders_are_not_the_families(family: str, text: str) -> None:
    assert family not in families(check(text))


def test_a_message_cut_after_a_colon_points_to_a_missing_link() -> None:
    assert cue_fires("link-pointer", "please redeem them before tonight:")
    assert cue_fires("link-pointer", "Confirm your details:")
    # a colon before more words, or a call with nothing after it, is no missing link
    assert not cue_fires("link-pointer", "Please confirm: are you coming on Friday?")
    assert not cue_fires("link-pointer", "Your appointment is at 10am. To rearrange, call:")


def test_the_new_lessons_leave_a_real_scam_the_family_finds_as_it_was() -> None:
    # the HMRC robocall of the test half's kind: a threat and "press 1", no route of its own
    text = (
        "This is the HMRC, a tax fraud case has been filed against your name and an arrest "
        "warrant will be issued, please press 1 to speak to an advisor"
    )
    result = check(text, Channel.CALL)
    assert "family:tax-threat" in sources(result)
    assert result.verdict is Verdict.SCAM


# Found before the reading, probing the new patterns with genuine messages of the same shape: a
# "recovery platform" in IT or health, "set up … at no charge", a stay or gifts "at no cost" and
# "it's on my old phone" were too broad; the cues now need money lost, a gift "at no charge to
# you", and the bank app on the old phone.
@pytest.mark.parametrize(
    ("family", "text"),
    [
        (
            "recovery-offer",
            "Our disaster recovery platform keeps your files safe. Call 01234 567890 for a demo.",
        ),
        (
            "recovery-offer",
            "The NHS recovery platform helps patients after surgery. Call 0161 496 0000 to join.",
        ),
        (
            "unsolicited-offer",
            "We will set up your account at no charge. Call 0800 123 4567 to arrange it.",
        ),
        (
            "unsolicited-offer",
            "Your overnight stay is at no cost to you. Call 0161 496 0000 to book a room.",
        ),
        (
            "unsolicited-offer",
            "I set up the debit; Gran's gifts are at no cost to us. Call me on 07700 900123.",
        ),
        # "it's on my old phone" about anything but the bank is no new number
        ("hi-mum", "Mum it's on my old phone, I'll find the recipe later x"),
    ],
)
def test_it_and_health_platforms_and_free_set_up_are_not_scam_offers(
    family: str, text: str
) -> None:
    assert family not in families(check(text))


# Found after the reading, trying a TV Licensing letter of my own in a terminal: "Writes as TV
# Licensing and gives a number to call" for a 030 number, which only a public body or a charity
# can hold. Both batches were measured again: the same figures.
def test_a_government_body_giving_an_030_number_is_not_impersonation_by_phone() -> None:
    text = (
        "TV Licensing: our records show no licence at this address. To buy one, call 0300 790 6071."
    )
    assert not any("a number in the message" in f.evidence for f in check(text).flags)
    other = text.replace("0300 790 6071", "0161 496 0000")
    assert any("a number in the message" in f.evidence for f in check(other).flags)

"""What the twentieth round's reading of ``fresh-21`` taught, each with counter-examples.

The real messages come from ``fresh-21``, held out in the nineteenth round and development
data since the twentieth; the ordinary ones are written here as counter-examples (a regression
set, never a figure).
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

# --- 1. marketplace "buyers" and small-business scams -----------------------------------------


def test_a_buyer_asking_you_to_activate_payments_by_their_link_is_strong() -> None:
    # "… your account doesn't accept purchases from users who haven't made any recently. They
    #  provided me with a link and instructed me to send it to you so you could activate all
    #  payments … http://my-payments-disable.store/"
    result = read_dev_message("rm-6acc0f08ed45")
    assert "buyer-payment-activation" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Your shop is now set up and ready for orders.",
        "Customer service gave me a refund straight away, so all is well.",
        "The support team sent me a link to reset my own password.",
        "Is the bike still available? I can pay cash when I collect on Saturday.",
    ],
)
def test_ordinary_shop_and_support_messages_are_no_payment_activation(text: str) -> None:
    assert "buyer-payment-activation" not in sources(check(text, Channel.SMS))


@pytest.mark.parametrize(
    ("message_id", "strong"),
    [
        # "… Your website … is infringing on a copyright-protected images owned by me personally.
        #  Check out this report … Download it now and check this out for yourself:"
        ("rm-89f6548924b4", True),
        # "… I came across my images at your web-site … Check out this document with the links to
        #  my images … https://sites.google.com/…" ("strong" since the thirty-fifth round: a
        #  Google Site is free hosting, not Google's official site)
        ("rm-12a3197e74b8", True),
    ],
)
def test_a_stranger_claiming_your_site_uses_their_photos_with_a_download_is_a_warning(
    message_id: str, strong: bool
) -> None:
    result = read_dev_warned(message_id, "copyright-claim-download")
    assert (result.verdict is Verdict.SCAM) is strong


@pytest.mark.parametrize(
    "text",
    [
        "Please don't use copyrighted images in your project; download the guide from our website.",
        "I took these photos at the school fair; download them from the class page.",
    ],
)
def test_ordinary_photo_and_copyright_messages_are_no_copyright_claim(text: str) -> None:
    assert "copyright-claim-download" not in sources(check(text, Channel.EMAIL))


def test_a_call_saying_your_google_listing_will_vanish_is_strong() -> None:
    # "Due to recent changes in Google Maps … unless the business owner reviews and confirms the
    #  information on your Google Plus business page, we will no longer be able to show it …
    #  Please call xxx-xxx-xxxx"
    result = read_dev_message("rm-45eab34f50d0")
    assert "business-listing-threat" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Google Maps will no longer show the old bus route after Monday.",
        "Our business listing on Google shows the new opening hours.",
    ],
)
def test_ordinary_google_maps_news_is_no_listing_threat(text: str) -> None:
    assert "business-listing-threat" not in sources(check(text, Channel.EMAIL))


def test_a_client_whose_private_consultant_has_the_content_is_a_warning_sign() -> None:
    # "… i have a private project consultant, he has the text content and the logos for the site
    #  … My budget is $4000 to $8000 … Kindly get back to me with … your cell phone number"
    result = read_dev_message("rm-8de1e0367d9d")
    assert "private-consultant" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    ["Our consultant has the content ready for the new site.", "My personal trainer has the plan."],
)
def test_ordinary_consultants_are_no_overpayment_sign(text: str) -> None:
    assert "private-consultant" not in sources(check(text, Channel.EMAIL))


# --- 2. advance-fee openings ----------------------------------------------------------------------


def test_a_stranger_with_a_business_proposal_is_a_warning_sign() -> None:
    # the whole email: "Am Mr. Wee Cho Yaw i have a business proposal for you."
    result = read_dev_message("rm-63fdb13f3e61")
    assert "business-proposal-opener" in sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        "We have a business proposal on the agenda for Monday's board meeting.",
        "The business proposal you sent us last week has been approved.",
    ],
)
def test_business_proposals_between_colleagues_are_no_opener(text: str) -> None:
    assert "business-proposal-opener" not in sources(check(text, Channel.EMAIL))


def test_a_fortune_for_a_stranger_with_a_similar_surname_is_strong() -> None:
    # "Are you in anyway related to Mr. Stephen Jecks, an American Businessman who died together
    #  with his entire family … US$18.6 million … transferred … in your name — after all, you
    #  have a similar surname."
    result = read_dev_message("rm-6c83e6425a19")
    assert "namesake-estate" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Two pupils in the class have the same surname, so we use first initials.",
        "Are you related to Mrs Brown who runs the bakery? She is selling her old van for £500.",
    ],
)
def test_shared_surnames_and_relatives_in_ordinary_messages_are_no_namesake_estate(
    text: str,
) -> None:
    assert "namesake-estate" not in families(check(text, Channel.EMAIL))


def test_a_domain_registrar_asking_whether_you_authorised_a_company_is_strong() -> None:
    # "We are the department of Asian \nDomain Registration Service in China … were applying to
    #  register \n"scottlinux" as their Brand Name … whether your company has authorized that
    #  company to register these names" (the quoted email keeps its line breaks)
    result = read_dev_message("rm-1f627e3893e6")
    assert "domain-name-conflict" in sources(result)
    assert result.verdict is Verdict.SCAM


# --- 3. loans, recovery firms and spell casters -------------------------------------------


def test_a_lender_with_the_rate_written_percent_first_is_a_loan_offer() -> None:
    # "… Personal Loans … interest rate is %2 monthly … email zodialfinances@gmail.com …
    #  WhatsApp: +18494802799"
    result = read_dev_message("rm-90a206bb82b2")
    assert "loan-offer-contact" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_savings_rate_written_percent_first_is_no_easy_loan() -> None:
    result = check("Your savings account interest rate is %2 from April.", Channel.EMAIL)
    assert "easy-loan" not in sources(result)


@pytest.mark.parametrize(
    "text",
    [
        "Crypto Tech Recovery can be reached Email: techcryptorecovery @yahoo.com",
        "you can reach him on: healer@example.com",
        "get your money back by emailing them",
    ],
)
def test_more_ways_of_giving_a_private_contact_are_off_platform(text: str) -> None:
    assert cue_fires("off-platform-contact", text)


@pytest.mark.parametrize(
    "text",
    [
        "The office can be reached by bus from the station.",
        "You can reach her on 0131 496 0000 during office hours.",
    ],
)
def test_directions_and_office_numbers_are_not_off_platform(text: str) -> None:
    assert not cue_fires("off-platform-contact", text)


def test_a_spell_caster_testimonial_is_a_warning_sign() -> None:
    # "… Help me thank Dr Omokpo for helping me get my ex husband back to me … This great
    #  powerful spiritual man … you can reach him on: dromokpo@gmail.com"
    result = read_dev_message("rm-faff8af868c0")
    assert "spell-caster" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "My ex and I got back together after the holidays.",
        "The witch in the school play casts a spell on the prince.",
        "Thank Dr Patel for helping me with my knee.",
    ],
)
def test_ordinary_love_stories_plays_and_doctors_are_no_spell_caster(text: str) -> None:
    assert "spell-caster" not in sources(check(text))

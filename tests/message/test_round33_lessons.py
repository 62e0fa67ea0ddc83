"""What the thirty-third round's work taught, with the scams that must still be caught.

The scam wordings are the shapes the same signs exist for; the ordinary messages are what a
friend, a debtor or a seller really receives. All are written (a regression set, never a
figure); the development messages named by id are real.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import _PHONE, Verdict
from tests.message.helpers import (
    check,
    cue_fires,
    read_dev_message,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. A North American number written at home is a phone number ------------------------------


@pytest.mark.parametrize(
    "number", ["226-781-7926", "(909)-314-1750", "(859) 623-7312", "859.623.7312"]
)
def test_a_north_american_number_is_a_number_to_contact(number: str) -> None:
    result = check(f"Can you text me on {number} now please? I had to get a new SIM card.")
    assert "family:new-number-contact" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Call 226-781-7926 or (859) 623-7312 today", ["226-781-7926", "(859) 623-7312"]),
        ("Call (909)-314-1750 or 859.623.7312", ["(909)-314-1750", "859.623.7312"]),
        # A date, a bare run of ten digits, an order number, a version and money are not.
        ("Sent 2024-11-23; ref 2267817926; order 112-3456789-1234567; v123-456-78901", []),
        ("Costs $226-781-7926? No: 126-781-7926 and 226-781-79260 are not numbers", []),
    ],
)
def test_north_american_numbers_are_found_only_in_their_usual_shapes(
    text: str, found: list[str]
) -> None:
    assert [m.group(0) for m in _PHONE.finditer(text)] == found


def test_the_new_sim_and_office_line_dev_texts_are_read() -> None:
    # "Can you text me on 226-781-7926 … since I had to get a new SIM card."
    read_dev_warned("rm-f053fa67f0ac", "family:new-number-contact")
    # A fake contractor client "texting you with my office line" gives a (909)-… number.
    read_dev_warned("rm-673b86ad5f82", "family:new-number-contact")


# --- 2. A debt purchaser's own reminder, by its own routes ---------------------------------------

_CABOT = (
    "Cabot Financial: Hi Lee, we haven't received your payment of £25.00 that was due on 01/05 "
    "for your account ending 8842. Please make a payment online at cabotfinancial.co.uk or call "
    "us on 0344 556 0263 if your circumstances have changed."
)


def test_a_reminder_by_the_companys_own_site_and_number_is_not_a_scam() -> None:
    result = check(_CABOT)
    assert "family:failed-billing" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_the_same_reminder_with_a_link_off_its_site_is_still_read() -> None:
    result = check(
        _CABOT.replace("online at cabotfinancial.co.uk", "online at https://cabot-pay.help/x")
    )
    assert "combination" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_a_failed_payment_with_a_number_the_company_does_not_publish_is_still_read() -> None:
    result = check(
        "Cabot Financial: we haven't received your payment of £25.00. Please make a payment "
        "today by calling 07700 900461."
    )
    assert "family:failed-billing" in sources(result)


# --- 3. A "buyer" who saw your ad on a quoted page, with a link ---------------------------------


def test_an_ad_seen_on_a_quoted_page_is_a_listing_question() -> None:
    assert cue_fires("listing-ask", 'I saw your ad on "Bargain Corner" - contact me here')
    result = check(
        "Hi,I'm EMMA.I saw your ad on \"Bargain Corner\" - Contact me here,I'M VERY INTERESTED: "
        "https://emma-b1985.autos/"
    )
    assert "family:marketplace-buyer-link" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_a_buyer_who_saw_a_quoted_ad_without_a_link_is_no_scam() -> None:
    result = check(
        'Hi, I saw your ad on "Bargain Corner" for the bike. Is it still there? I can collect '
        "on Saturday."
    )
    assert "family:marketplace-buyer-link" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_the_quoted_page_dev_text_is_read() -> None:
    read_dev_strong("rm-528a2bcaeb90", "family:marketplace-buyer-link")


# --- 4. Lessons from fresh-41 as development data -----------------------------------------------


def test_a_notice_whose_only_route_is_a_gov_uk_link_is_not_a_lure() -> None:
    # (The reserved gov.uk ending: no one else can put a site there.)
    result = check(
        "School Experience Service: the school has cancelled your school experience on 3 March. "
        "To make a new request, visit: https://schoolexperience.education.gov.uk/"
    )
    assert not {"family:text-lure-request", "family:org-account-alert"} & sources(result)
    assert result.verdict is Verdict.NONE_FOUND
    assert read_dev_message("rm-5ae6a73eabab", "genuine").verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "route",
    ["visit: https://schoolexperience-education-gov.uk.help/", "call us on 07700 900461"],
)
def test_the_same_notice_with_a_route_of_its_own_is_still_read(route: str) -> None:
    result = check(
        "School Experience Service: the school has cancelled your school experience on 3 March. "
        f"To make a new request, {route}"
    )
    assert result.verdict is not Verdict.NONE_FOUND


def test_an_issue_to_report_to_an_agent_is_not_talk_of_scams() -> None:
    assert not cue_fires("talks-about-scams", "Visit live chat to report this issue to an agent")
    assert cue_fires("talks-about-scams", "Report this to Action Fraud")
    assert cue_fires("talks-about-scams", "If you get one, report this straight away")
    read_dev_strong("rm-6048a9ea05b7", "family:support-chat-link")


def test_an_art_buyer_who_wants_works_as_a_surprise_gift_is_read() -> None:
    result = check(
        "I would like to purchase some of your works as a surprise\ngift to my husband in honor "
        "of our upcoming wedding anniversary."
    )
    assert "family:art-buyer-surprise" in sources(result)
    read_dev_warned("rm-d20178412d8f", "family:art-buyer-surprise")


def test_a_buyer_of_art_without_the_surprise_story_is_no_scam() -> None:
    result = check("We'd like to buy one of your works for the new office. Do you deliver?")
    assert "family:art-buyer-surprise" not in sources(result)


def test_a_stranger_who_wants_to_be_your_friend_by_gmail_is_a_dating_contact() -> None:
    result = check(
        "Am Dr. Ann Lee, living in London with my 2 kids, i want to be your friend, if you "
        "don't mind reply me back; [ ann.lee1975@gmail.com ]"
    )
    assert "family:dating-contact" in sources(result)
    # The family makes "some"; "strong" came with the wording sign, which the forty-seventh
    # round's retrain no longer gives this message.
    read_dev_warned("rm-d50d52e49ad5", "family:dating-contact")


def test_a_friend_from_a_club_is_no_dating_contact() -> None:
    result = check("Great run today! I want to be your friend on Strava too, see you Saturday.")
    assert "family:dating-contact" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Buy Real and Fake passport,drivers license,green card, Visa", "documents-for-sale"),
        ("We are the best producers of forged documents worldwide.", "documents-for-sale"),
        (
            "WE ALSO HAVE SSD SOLUTION AND ACTIVATION POWER TO CLEAN BLACK/STAIN MONEY",
            "counterfeit-money-sale",
        ),
        (
            "We concentrate in cleansing anti breeze bank notes and stained black money",
            "counterfeit-money-sale",
        ),
        ("how to Join illuminati secret society for Money today", "illuminati-recruitment"),
    ],
)
def test_sellers_of_fakes_and_riches_are_read(text: str, rule: str) -> None:
    assert rule in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Never buy fake passports online: it is a crime, and the sellers are scammers.",
        "Our new SSD solutions make laptops start faster.",
        "The government is cracking down on black money and tax evasion.",
        "The documentary asks why so many people believe in the Illuminati.",
    ],
)
def test_talk_of_fakes_and_secret_societies_is_not(text: str) -> None:
    result = check(text)
    assert not {
        "documents-for-sale",
        "counterfeit-money-sale",
        "illuminati-recruitment",
    } & sources(result)


def test_the_fakes_and_riches_dev_posts_are_read() -> None:
    read_dev_strong("rm-ed78d429a407", "documents-for-sale")
    read_dev_strong("rm-bf0aef69a1bb", "counterfeit-money-sale")
    read_dev_strong("rm-1749d8c0eef1", "counterfeit-money-sale")
    # (its "strong" came with the wording sign, which the forty-eighth round's retrain no longer
    # gives it; the rule alone makes "some")
    read_dev_warned("rm-815e69303f1e", "illuminati-recruitment")


def test_a_german_failed_delivery_text_is_a_lure() -> None:
    assert cue_fires("lure-other-languages", "Fehlgeschlagene Zustellung: Keine Postleitzahl")
    result = check(
        "Fehlgeschlagene Zustellung: Keine Postleitzahl in den Lieferdetails. Bitte überprüfen "
        "Sie Folgendes: https://paket-hilfe.qpon/at"
    )
    assert result.verdict is not Verdict.NONE_FOUND
    assert not cue_fires("lure-other-languages", "Ihre Sendung stellen wir in 1 - 2 Werktagen zu.")
    read_dev_warned("rm-afa22e571f83", "family:text-with-link-lure")


def test_dpds_german_site_is_dpds_own() -> None:
    result = check(
        "DPD: Guten Tag, Ihre Sendung stellen wir in 1 - 2 Werktagen zu. Paket verfolgen: "
        "https://my.dpd.de/redirect.aspx?action=2&parcelno=01234567890123"
    )
    assert "link:other-ending" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND
    assert read_dev_message("rm-c4e86d9ff49e", "genuine").verdict is Verdict.NONE_FOUND
    lookalike = check("DPD: your parcel is held. Pay the fee: https://dpd.de.parcel-fee.help/x")
    assert lookalike.verdict is Verdict.SCAM


# --- 5. A stranger's contact block: a messaging app, webmail and an international number ------


def test_an_advert_with_app_webmail_and_international_number_is_read() -> None:
    result = check(
        "100% Legit Hand To Hand Exchange & Fast Discreet Delivery. SERIOUS INQUIRIES ONLY. "
        "CONTACT: Email: dealer.x@gmail.com | WhatsApp +44 7700 900123 | Call/Text: +1 "
        "413-555-0106"
    )
    assert "family:private-contact-block" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        # A firm's own domain, or a UK number written at home, is not the block.
        "Contact us by WhatsApp on 07700 900123 or email info@joesplumbing.co.uk.",
        "WhatsApp us on +44 7700 900123 or email bookings@harbourcafe.co.uk to book a table.",
        # A warning that quotes such a block.
        "Beware of posts offering loans: 'WhatsApp +234 801 234 5678, email fastloan@gmail.com' "
        "is a scammer's contact. Report it.",
    ],
)
def test_an_organisations_own_contacts_are_not_the_block(text: str) -> None:
    assert "family:private-contact-block" not in sources(check(text))


def test_the_contact_block_dev_adverts_are_read() -> None:
    # Three rounds' batches: a loan advert, counterfeit notes and a hacker's advert.
    for message_id in ("rm-52b13c2f4ed0", "rm-bf0aef69a1bb", "rm-ea0c85190d3a"):
        read_dev_strong(message_id, "family:private-contact-block")


# --- 6. Lessons from extra-world13, ordinary UK messages ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sainsburys is giving away £100 gift cards",
        "Each Food box contains groceries worth of $250 and a $35 Costco voucher.",
        "FREE £50 Voucher to celebrate our anniversary",
        "ur awarded 500 pounds of CD gift vouchers",
    ],
)
def test_vouchers_offered_as_a_prize_are_a_prize(text: str) -> None:
    assert cue_fires("prize", text)


@pytest.mark.parametrize(
    "text",
    [
        "We initially used a company called Wonde to issue free school meal vouchers via text.",
        "You can forward the message to someone who can help you redeem the voucher.",
        "You've chosen to get paperless notifications from HMRC.",
        "Support types you selected: none",
    ],
)
def test_a_schools_meal_vouchers_and_the_readers_own_choices_are_no_prize(text: str) -> None:
    assert not cue_fires("prize", text)


def test_a_reader_chosen_as_a_winner_is_still_a_prize() -> None:
    assert cue_fires("prize", "Congratulations, you've been chosen as our lucky winner")
    assert cue_fires("prize", "your postcode has been chosen as the winner")


def test_the_free_school_meal_and_hmrc_letters_read_no_warning() -> None:
    for message_id in ("rm-0af5cb5c3532", "rm-a24e78bc6cfc", "rm-fd826f2515cb", "rm-61a75173d525"):
        result = read_dev_message(message_id, "genuine")
        assert result.verdict is Verdict.NONE_FOUND, message_id


def test_a_name_inside_a_template_expression_is_no_link() -> None:
    result = check(
        "If you did not cancel this test please contact us immediately. You can reply to this "
        "email or telephone ${translate('generalContent.cancelContact.phone')}.\n"
        "Support requested: ${details.supportTypes.length > 0 ? translate('generalContent.yes') "
        ": translate('generalContent.no')}"
    )
    assert result.links == ()
    assert read_dev_message("rm-e04853f1f661", "genuine").verdict is Verdict.NONE_FOUND


def test_a_name_like_a_site_outside_a_template_is_still_a_link() -> None:
    result = check("Pay the fee now at generalcontent.no/pay or (cancel-contact.phone) today")
    assert {report.domain for report in result.links} == {
        "generalcontent.no",
        "cancel-contact.phone",
    }


def test_the_dvsa_is_its_own_organisation() -> None:
    result = check(
        "DVSA: your driving theory test on 3 May has been cancelled. Book again on GOV.UK."
    )
    assert result.claimed_sender is not None
    assert result.claimed_sender.organisation == "DVSA"


def test_a_link_to_reset_your_password_is_not_a_request_for_it() -> None:
    result = check(
        "You've requested us to send you a link to reset your password. Please click the link "
        "below to reset your password."
    )
    assert "asks-password-pin" not in sources(result)
    assert "asks-password-pin" in sources(check("Please reply and send us your password today."))
    assert read_dev_message("rm-b6edffcd16a6", "genuine").verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        # (A bare field directly inside the brackets, "{{ user.name }}", is left out as before.)
        "Pay the fee at {{ visit paypalsecure.com }} today",
        "Log in at ${ see paypalsecure.com now } to keep your account",
    ],
)
def test_a_site_written_inside_template_brackets_but_not_quoted_is_still_a_link(text: str) -> None:
    assert {report.domain for report in check(text).links} == {"paypalsecure.com"}

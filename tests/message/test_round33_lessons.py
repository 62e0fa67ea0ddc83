"""What the thirty-third round's work taught, with the scams that must still be caught.

The scam wordings are the shapes the same signs exist for; the ordinary messages are what a
friend, a debtor or a seller really receives. All are written (a regression set, never a
figure); the development messages named by id are real.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import _PHONE, Verdict
from tests.message.helpers import check, cue_fires, read_dev_strong, read_dev_warned, sources

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

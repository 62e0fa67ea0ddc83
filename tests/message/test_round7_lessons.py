"""What the seventh round's reading of the development sets taught, each with counter-examples.

The real messages come from the extra development sets (``extra-*.jsonl``); the ordinary ones
are written here as counter-examples (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, read_dev_message, sources

# --- a quoter's note in brackets where the link was ---------------------------------------------


def test_a_note_in_brackets_describing_the_fake_link_is_a_removed_link() -> None:
    # "Sainsbury’s is giving away £100 gift cards (with a convincing looking link to a fake
    # website)": the note is where the link was, not the message talking about scams.
    result = read_dev_message("rm-837b40112df3")
    assert "talks-about-scams" not in sources(result)
    assert {"gift-cards", "windfall"} <= sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Tesco is giving away £500 vouchers (followed by a link to a fake site)",
        "Your parcel is held. Pay the fee here (link to a cloned website)",
    ],
)
def test_other_bracketed_notes_about_the_link_are_placeholders(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "talks-about-scams" not in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Beware of texts offering free vouchers (they link to fake websites). Report them to 7726.",
        "Our new opening hours are online (see the link in our bio).",
    ],
)
def test_a_warning_in_brackets_or_a_pointer_to_a_real_link_is_not_a_placeholder(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- a 'new phone' that asks for help ----------------------------------------------------------


def test_a_new_phone_then_a_request_for_help_has_warning_signs() -> None:
    # "I got a new phone. I’m still transferring everything. I have a little problem I can’t
    # solve… Can you help me with it?"
    result = read_dev_message("rm-7cabd906ba7e")
    assert "family:new-number-help" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "I got a new phone today, the camera is amazing. See you Sunday!",
        "Can you help me with the shopping on Saturday, or shall I ask Dad?",
    ],
)
def test_ordinary_news_of_a_new_phone_or_a_plain_request_is_not_flagged(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "family:new-number-help" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_new_phone_without_a_request_for_help_is_not_the_help_family() -> None:
    # (A broken phone alone is still the older "new number" sign; only the family is new.)
    text = "My phone broke so I'm on Tom's for now. Running late, see you at 7."
    assert "family:new-number-help" not in sources(check(text, Channel.SMS))


# --- parcels 'not collected' and a small fee in dollars --------------------------------------


def test_a_parcel_not_collected_and_a_small_fee_to_redeliver_it_is_the_parcel_scam() -> None:
    # "You have a parcel that has not been collected for 7 days, to redeliver it, $1.99 is
    # required,"
    result = read_dev_message("rm-5ba1c4c242fc")
    assert "family:parcel-fee-named" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel is ready to collect from the Post Office on High Street until 12 June.",
        "Coffee is $1.99 all week at our kiosk. See you there!",
    ],
)
def test_collection_notices_and_small_prices_are_not_the_parcel_scam(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_a_delivered_order_costing_a_few_dollars_is_not_a_parcel_fee_family() -> None:
    text = "Your order of $3.50 has been delivered to your safe place. Thanks for shopping."
    found = sources(check(text, Channel.SMS))
    assert not found & {"family:parcel-fee-named", "family:parcel-fee", "family:delivery-small-fee"}


# --- 'lost suitcases' for sale ----------------------------------------------------------------


def test_an_airport_selling_lost_suitcases_is_too_good_to_be_true() -> None:
    # "We are urgently clearing out the airport warehouse and selling more than 750 lost
    # suitcases! To buy, go to the website and place an order,"
    result = read_dev_message("rm-590adade607d")
    assert "lost-luggage-sale" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Lost luggage? Contact your airline's baggage desk within 21 days.",
        "Lost property found on our buses is kept for three months; ask at the depot.",
        "Your lost suitcase has been found and will be delivered to your home tomorrow.",
    ],
)
def test_genuine_lost_luggage_notices_are_not_sales(text: str) -> None:
    assert "lost-luggage-sale" not in sources(check(text, Channel.SMS))

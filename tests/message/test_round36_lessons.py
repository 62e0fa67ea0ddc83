"""What the thirty-sixth round's work taught, with the scams that must still be caught.

The scam wordings are the shapes the same signs exist for; the ordinary messages are what a
customer or a reader really receives. All are written (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, cue_fires, sources

# --- 1. A request, a colon, and the link ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Failed delivery: no postcode in the delivery details. Please check the following: "
        "https://cpoad.example-parcel.top/at",
        "Your parcel is on hold. Update the delivery details:\nhttps://redeliver-uk.top/d",
        "A toll is outstanding on your vehicle. Settle it today: www.road-toll-settle.top",
    ],
)
def test_a_request_then_a_colon_then_the_link_asks_for_the_link(text: str) -> None:
    assert cue_fires("request-link", text)
    assert check(text, Channel.SMS).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Read more: https://www.bbc.co.uk/news/uk-123",
        "We checked the boiler today. Report: https://example.org/report.pdf",
        "Opening times: www.example-library.org.uk",
    ],
)
def test_a_heading_before_a_link_is_no_request(text: str) -> None:
    assert not cue_fires("request-link", text)


def test_a_newsletter_pointing_to_its_own_page_stays_calm() -> None:
    text = (
        "Dear members, the spring newsletter is out. Check the dates of our walks here: "
        "https://www.example-ramblers.org.uk/walks"
    )
    result = check(text, Channel.EMAIL)
    assert result.verdict is Verdict.NONE_FOUND, sources(result)


# --- 2. A stranger's fortune, claimed by writing to a personal webmail address ----------------


@pytest.mark.parametrize(
    "text",
    [
        "I am a widow suffering from terminal cancer and I have USD 4.5 million which I want to "
        "donate to a trusted person. Write to me for the procedures: mrs.helen.donor@yahoo.com",
        "You have been made a beneficiary of the estate of my late client, the sum of "
        "£2,500,000. Reply to barrister.chambers.law@gmail.com with your full name.",
    ],
)
def test_a_strangers_fortune_by_webmail_is_strong(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "family:fortune-by-webmail" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "My late husband's tools are free to a good home: email jean.tools@gmail.com",
        "Mary, a widow from our parish, was diagnosed with cancer; the collection raised £340. "
        "Cards to vicar.stjohns@gmail.com",
        "Beware emails from a 'widow' offering you millions: never reply to such@gmail.com.",
    ],
)
def test_a_neighbours_post_or_a_warning_is_no_fortune_by_webmail(text: str) -> None:
    assert "family:fortune-by-webmail" not in sources(check(text, Channel.EMAIL))


# --- 3. The boss who is stuck in a meeting ----------------------------------------------------


def test_a_boss_asking_for_gift_cards_until_the_meeting_is_over_is_strong() -> None:
    text = (
        "Can you help me get some Apple gift cards from the store? I will pay you back once "
        "I'm done with the meeting. I don't know when the meeting will be over."
    )
    result = check(text, Channel.EMAIL)
    assert {"ceo-request", "family:boss-payment"} <= sources(result)
    assert result.verdict is Verdict.SCAM


def test_minutes_after_a_meeting_are_no_boss_request() -> None:
    text = "Once the meeting is done we'll send the minutes; it should be over by four."
    assert "ceo-request" not in sources(check(text, Channel.EMAIL))

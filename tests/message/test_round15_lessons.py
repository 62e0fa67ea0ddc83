"""What the fifteenth round's reading of ``fresh-16`` taught, each with counter-examples.

The real messages come from ``fresh-16``, held out in the fourteenth round and development data
since the fifteenth; the ordinary ones are written here as counter-examples (a regression set,
never a figure).
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

# --- 1. a "buyer" asking about your listing, with a link --------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "i have some questions about your marketplace post: http://facebok.item… is stil
        #  available?"
        "rm-83a4c6e7125b",
        # "Inquiring around a house I saw on a genuine domain agent's page: https://…"
        "rm-e2e75be679d3",
        # "can you please give me more details about you item: https://instrumentfind.com/?…"
        "rm-5b6eb34f4bdb",
        # "This is your fb pg: shoutlink.net/sl/… I'm interested to view and buy it!"
        "rm-eed31802f299",
    ],
)
def test_a_buyer_asking_about_a_listing_with_a_link_is_a_warning_sign(message_id: str) -> None:
    read_dev_warned(message_id, "family:marketplace-buyer-link")


@pytest.mark.parametrize(
    "text",
    [
        "i have some questions about your marketplace post",
        "Hope you still have this house available on facebook",
        "I'm interested to view and buy it!",
        "is the sofa stil available?",
    ],
)
def test_the_listing_ask_cue_reads_new_wordings(text: str) -> None:
    assert cue_fires("listing-ask", text)


@pytest.mark.parametrize(
    "text",
    [
        "I have a question about the post office opening hours on Saturday.",
        "I'm interested in buying a new phone next month, any tips?",
        "Hi, is the bike still available? I could collect on Saturday with cash.",
        "I saw a house on Rightmove I liked, have a look when you can: https://www.rightmove.co.uk/",
    ],
)
def test_ordinary_listing_talk_is_no_marketplace_scam(text: str) -> None:
    assert "marketplace-buyer-link" not in families(check(text, Channel.SMS))


# --- 2. crypto airdrops ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "you are eligible to an airdrop of tokens worth approximately $5,000 … email address"
        "rm-5d4f7e0f5594",
        # "the StarkNet initiative rewarded its active users … with an airdrop … You're entitled
        #  to collect a reward"
        "rm-2fa565ecb887",
        # "You've Secured Your Spot in the Layerzero Airdrop … [Claim Your Layerzero Airdrop Now]"
        "rm-143ff20d6933",
    ],
)
def test_an_airdrop_waiting_for_you_is_a_warning_sign(message_id: str) -> None:
    result = read_dev_warned(message_id, "family:crypto-airdrop")
    assert result.report_situation == "investment-scam"


def test_an_airdrop_with_a_claim_link_and_pressure_is_strong() -> None:
    result = check(
        "Congratulations! You are eligible for the $ARB airdrop worth $2,400. Only the first "
        "1,000 wallets can claim. Claim your airdrop now: https://arbitrum-claim-drop.xyz",
        Channel.SMS,
    )
    assert "crypto-airdrop" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Use AirDrop to share the photo with your iPhone.",
        "The airdrop snapshot was taken on 1 March; check the project's official blog.",
        "Our food parcels were airdropped to the village after the flood.",
    ],
)
def test_airdrop_talk_without_an_offer_is_no_airdrop_scam(text: str) -> None:
    assert "crypto-airdrop" not in families(check(text))


# --- 3. sitting interviews for someone else ----------------------------------------------------


def test_an_offer_to_sit_interviews_and_split_the_salary_is_a_warning_sign() -> None:
    # "… someone to partner with me to manage technical interviews on my behalf … you'll
    #  represent my skills and experience during interviews … we'll split the salary"
    result = read_dev_message("rm-72ce56d687cb")
    assert "proxy-interview" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Our HR team will attend interviews on behalf of the hiring manager this week.",
        "We can split the bill between us after dinner.",
        "I have two interviews for my new job next week, wish me luck!",
        "We split the salary budget across the two teams.",
    ],
)
def test_ordinary_interview_and_salary_talk_is_no_proxy_interview(text: str) -> None:
    assert "proxy-interview" not in sources(check(text))


# --- 4. "never mind me using a different number" -----------------------------------------------


def test_a_friend_on_a_different_number_asking_for_money_is_strong() -> None:
    # "… I'd need you to send me $5000 … never mind me using a different number to text you."
    result = read_dev_message("rm-20ebd95c0c3d")
    assert "new-number-money" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    ["never mind me using a different number to text you", "i'm texting you with my office line"],
)
def test_the_new_phone_cue_reads_a_different_number(text: str) -> None:
    assert cue_fires("new-phone", text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm using a different phone case now, the old one cracked.",
        "Please use the other number on the letter to reach the office.",
    ],
)
def test_other_phones_and_numbers_are_no_new_number(text: str) -> None:
    assert not cue_fires("new-phone", text)


# --- 5. an IP address in a sign-in alert is information, not a link ---------------------------


def test_an_ip_address_after_a_bold_label_is_not_a_link() -> None:
    # "- **IP Address:** 188.253.117.8" in a fake GitHub alert written in Markdown
    result = read_dev_message("rm-8dc1195a6d29")
    assert all(link.host != "188.253.117.8" for link in result.links)
    assert result.verdict is Verdict.SCAM


def test_a_link_to_an_ip_address_is_still_a_link() -> None:
    result = check("Log in now at http://188.253.117.8/login to keep your account.", Channel.SMS)
    assert any(link.host == "188.253.117.8" for link in result.links)

"""What the sixteenth round's reading of ``fresh-17`` taught, each with counter-examples.

The real messages come from ``fresh-17``, held out in the fifteenth round and development data
since the sixteenth; the ordinary ones are written here as counter-examples (a regression set,
never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.links import refang
from sochelp.message.model import Channel
from tests.message.helpers import (
    check,
    cue_fires,
    families,
    read_dev_message,
    sources,
)

# --- 1. a bracketed dot with spaces around it ---------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (
            "contact us at https:// github-scanner [dot] shop to",
            "contact us at https://github-scanner.shop to",
        ),
        ("visit x [.] com now", "visit x.com now"),
        ("go to secure-login (dot) net today", "go to secure-login.net today"),
        ("example[.]com", "example.com"),
    ],
)
def test_a_bracketed_dot_with_spaces_is_put_back(written: str, read: str) -> None:
    assert refang(written) == read


def test_the_github_scanner_link_is_found_and_the_alert_is_flagged() -> None:
    # "Please contact us at https:// github-scanner [dot] shop to get more information"
    result = read_dev_message("rm-2ccd8b96bee7")
    assert any(link.host == "github-scanner.shop" for link in result.links)
    # "Strong" until the fifty-third round: the wording sign's retrain (with fresh-61) left
    # this alert just under the sign's own threshold, so the rules' "some" is what stays.
    assert result.verdict is not Verdict.NONE_FOUND


def test_words_around_a_bracketed_dot_in_prose_make_no_link() -> None:
    result = check("Join the dots (dot) and see what the picture shows.", Channel.SMS)
    assert result.links == ()


# --- 2. a business's tag with "Alert" and a link to its own site -------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "Citi Alert: A $3.01 transaction was made at … View details at citi.com/citimobileapp"
        "rm-97d2f62db90c",
        # "Discover Card Alert: A transaction of $25.00 … See it at https://app.discover.com/ACTVT"
        "rm-596a0d364faf",
    ],
)
def test_a_card_alert_linking_to_the_senders_own_site_is_no_link_lure(message_id: str) -> None:
    result = read_dev_message(message_id, "genuine")
    assert "text-with-link-lure" not in families(result)
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Citi Alert: your card is locked. Unlock it at citi-secure-login.com/verify",
        "Chase Alert: unusual activity on your account. Verify at https://chase.account-verify.top",
    ],
)
def test_a_card_alert_linking_elsewhere_is_still_a_scam(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is Verdict.SCAM


# --- 3. "this mailbox is closed" is an auto-reply, not a threat --------------------------------


def test_a_councils_closed_mailbox_auto_reply_is_not_an_account_threat() -> None:
    # "This mailbox is now closed and your email will not be responded to. … call 020 8825 6000"
    result = read_dev_message("rm-c8a9f260cdcd", "genuine")
    assert "account-locked" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    ["This mailbox is no longer monitored.", "Our email is closed over Christmas."],
)
def test_the_senders_own_mailbox_is_no_account_problem(text: str) -> None:
    assert not cue_fires("account-problem", text)


@pytest.mark.parametrize(
    "text", ["Your mailbox will be closed today", "your email has been suspended"]
)
def test_the_readers_mailbox_closing_is_still_an_account_problem(text: str) -> None:
    assert cue_fires("account-problem", text)


# --- 4. crypto airdrops and tokens waiting to be claimed ---------------------------------------


def test_unclaimed_airdrop_tokens_with_a_telegram_contact_are_strong() -> None:
    # "This message might seem like a scam … eligible to receive free tokens from the StarkNet
    #  project, but you haven't claimed them yet … verify that it's not a scam … Telegram"
    result = read_dev_message("rm-ac9bc806f4ab")
    assert "crypto-airdrop" in families(result)
    assert "vouches-for-itself" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "your GitHub profile is eligible to claim 2500 FLT tokens",
        "you haven't claimed your tokens yet",
        "claim these free tokens before Friday",
    ],
)
def test_the_airdrop_cue_reads_tokens_waiting_to_be_claimed(text: str) -> None:
    assert cue_fires("airdrop-offer", text)


@pytest.mark.parametrize(
    "text",
    [
        "Board games: players claim tokens when they land on a gold square.",
        "You are eligible to receive a free flu vaccine this autumn.",
    ],
)
def test_tokens_in_ordinary_life_are_no_airdrop(text: str) -> None:
    assert not cue_fires("airdrop-offer", text)


# --- 5. a message vouching for itself is not a warning -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "This message might seem like a scam, but please read to the end.",
        "read about it online to verify that it's not a scam",
    ],
)
def test_the_vouching_rule_reads_might_seem_like_a_scam(text: str) -> None:
    assert "vouches-for-itself" in sources(check(text))


def test_a_warning_that_says_this_is_a_scam_is_still_a_warning() -> None:
    result = check(
        "This is a scam. If you get a text saying you have free tokens to claim, delete it "
        "and report it to 7726.",
        Channel.SMS,
    )
    assert result.verdict is Verdict.NONE_FOUND


# --- 6. sitting interviews for someone else's candidates ---------------------------------------


def test_interviews_on_behalf_of_our_candidates_is_a_warning_sign() -> None:
    # "Attend and pass all rounds of technical interviews on behalf of our candidates."
    result = read_dev_message("rm-ffddb3ec6ab5")
    assert "proxy-interview" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_recruiter_interviewing_candidates_is_no_proxy_interview() -> None:
    text = "Our recruiters conduct interviews on behalf of our clients across the UK."
    assert "proxy-interview" not in sources(check(text))


# --- 7. recovery scams -------------------------------------------------------------------------


def test_an_offer_to_recover_money_lost_to_scammers_is_a_warning_sign() -> None:
    # "There is a tech expert that can help you in recovering all the money lost to scammers
    #  online … Email: … Whatsapp: +44 … Thank me later."
    result = read_dev_message("rm-ea9e33cec528")
    assert "recovery-offer" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND
    assert result.report_situation == "fraud-loss"


@pytest.mark.parametrize(
    "text",
    [
        "Beware of fund recovery experts who contact you on WhatsApp offering to get back money "
        "you lost to scammers: they are scammers too. Report it to Action Fraud.",
        "If you lost money to a scam, call your bank on the number on your card: it may be able "
        "to recover the money lost to the fraudsters.",
    ],
)
def test_warnings_about_recovery_scams_are_no_recovery_offer(text: str) -> None:
    result = check(text)
    assert "recovery-offer" not in families(result)
    assert result.verdict is not Verdict.SCAM


# --- 8. sextortion without the stock lines ------------------------------------------------------


def test_a_video_made_through_an_adult_site_is_a_sextortion_sign() -> None:
    # "… infected with malware through an adult site that you visited … I made a video showing
    #  how you satisfy yourself …"
    result = read_dev_message("rm-56d6328a9d52")
    assert "intimate-images" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Here is a video of you touching the finish line, well done!",
        "The recording of your talk is on the website you visited yesterday.",
    ],
)
def test_ordinary_videos_are_no_sextortion(text: str) -> None:
    assert "intimate-images" not in sources(check(text))


# --- 9. smaller wording: "kindly get back", earnings per month ---------------------------------


def test_kindly_get_back_is_a_request_to_reply() -> None:
    assert cue_fires("request-reply", "kindly get back to immediately on my private email")


@pytest.mark.parametrize(
    "text", ["potential earnings of up to $5,000 per month", "make some money over the internet"]
)
def test_the_easy_pay_cue_reads_monthly_earnings(text: str) -> None:
    assert cue_fires("easy-pay", text)


def test_a_salary_in_a_real_job_advert_is_no_easy_pay() -> None:
    assert not cue_fires("easy-pay", "The salary is £28,000 a year, with 25 days' holiday.")

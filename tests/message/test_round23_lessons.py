"""What the twenty-third round's reading of ``fresh-24`` taught, each with counter-examples.

The real messages come from ``fresh-24`` (held out in the twenty-second round, development data
since the twenty-third) and from earlier development batches with the same shape; the ordinary
ones are written here as counter-examples (a regression set, never a figure).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sochelp.cli import app
from sochelp.message.analyse import Verdict
from sochelp.message.model import OTHER_LANGUAGES_SUFFIX, Channel
from sochelp.render.message import REQUEST_WORDS
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

# --- 1. recovery "hackers" --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "family"),
    [
        # "LEEULTIMATEHACKER@ AOL. COM … telegram:LEEULTIMATE … my testimonial about Lee
        #  Ultimate Hacker … losing a staggering sum of USD 246,000.00" (was "none": its talk
        #  about scams was read as a warning)
        ("rm-7ccb4e320a47", "hacker-recovery"),
        # "… I knew I needed expert assistance to recover my lost funds. That's when I
        #  discovered MUYERN TRUST HACKER … I wholeheartedly recommend MUYERN TRUST HACKER."
        #  (was "some": a long message with no request)
        ("rm-2387efd2d503", "hacker-recovery"),
        # "WHO CAN HELP ME GET MY BITC0IN BACK WITH MIGHTY HACKER REC0VERY … reclaiming my lost
        #  Bitc0in … [1,500 characters on] EM@IL: support @ mightyhackerrecovery . com"
        #  (was "some": the contacts were beyond the recovery family's window)
        ("rm-be15c4310317", "recovery-offer"),
        # "… a cunning hacker … I knew I needed to take action …" (fresh-21, was "some")
        ("rm-1b258e1ee1a3", "recovery-offer"),
        # "The head of Anti Crime Unit at … (EFCC). We have 3 criminals here in our custody …
        #  you are one of the victim … In order to pay back the money to the victims … get
        #  back to us" (was "none")
        ("rm-0b3fb3e067fa", "recovery-offer"),
    ],
)
def test_recovery_adverts_and_offers_are_strong_signs(message_id: str, family: str) -> None:
    read_dev_strong(message_id, f"family:{family}")


@pytest.mark.parametrize(
    "text",
    [
        "MIGHTY HACKER RECOVERY",
        "That's when I discovered MUYERN TRUST HACKER.",
        "a private hacking firm",
        "HIRE THE BEST HACKER FOR ALL HACKER SERVICES",
    ],
)
def test_a_hacker_sold_as_a_firm(text: str) -> None:
    assert cue_fires("hacker-firm", text)


@pytest.mark.parametrize(
    "text",
    [
        "The hacker gained control of my private keys.",
        "The Linux kernel hackers are rewriting the I/O subsystem.",
        "I lost $125,000 to a cunning hacker.",
        "She trained as an ethical hacker and now tests banks' systems.",
        "North Korean expert hackers stole $600 million in crypto, the FBI said.",
        "Cyber hackers attacked the hospital; elite hackers sold hacker services for hire.",
        "Companies hire hackers to test their defences.",
    ],
)
def test_a_hacker_in_a_story_is_no_firm(text: str) -> None:
    assert not cue_fires("hacker-firm", text)


def test_news_of_a_crypto_theft_by_hackers_is_no_recovery_advert() -> None:
    # Found reviewing the round's own patterns after the reading: "expert hackers" with
    # "crypto" read as a recovery advert, "strong signs"; the cue and family were narrowed.
    text = (
        "North Korean expert hackers stole $600 million in crypto from a gaming network, the "
        "FBI said: https://www.fbi.gov/news. Investigators traced the bitcoin through mixers."
    )
    result = check(text)
    assert not families(result) & {"hacker-recovery", "recovery-offer"}
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Beware of 'recovery hackers' on social media who promise to get back crypto you lost "
        "to scammers: they take a fee and recover nothing. Report fraud to Action Fraud on "
        "0300 123 2040.",
        "Scammers pose as 'ultimate hackers' who can recover your lost funds. If you were "
        "scammed, call your bank on the number on the back of your card.",
    ],
)
def test_a_warning_about_recovery_hackers_is_no_offer(text: str) -> None:
    result = check(text)
    assert not families(result) & {"hacker-recovery", "recovery-offer"}
    assert result.verdict is Verdict.NONE_FOUND


def test_a_story_of_losing_money_to_a_hacker_is_no_advert() -> None:
    text = (
        "Last year a hacker gained control of my wallet and I lost my crypto. The police "
        "took a report and my bank was kind. Lesson learned: I use a hardware wallet now."
    )
    assert "hacker-recovery" not in families(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "The court ordered him to pay back the money to the victims.",
        "From today banks must reimburse fraud victims up to £85,000.",
    ],
)
def test_news_of_victims_repaid_is_no_recovery_offer(text: str) -> None:
    assert not cue_fires("fund-recovery-offer", text)


@pytest.mark.parametrize(
    "text",
    [
        "I highly recommend contacting them!",
        "I wholeheartedly recommend MUYERN TRUST HACKER.",
        "I strongly recommend reaching out to their team",
    ],
)
def test_a_testimonial_urging_contact_is_a_request(text: str) -> None:
    assert cue_fires("request-contact", text)
    assert "contact" in check(text).requests


@pytest.mark.parametrize(
    "text", ["I highly recommend the new edition of the book.", "We recommend you update Chrome."]
)
def test_recommending_a_thing_is_no_request_to_contact(text: str) -> None:
    assert not cue_fires("request-contact", text)


def test_every_request_has_words_for_the_reader() -> None:
    # (a request cue for other languages counts as its English kind: request-pay-other-languages
    # is "pay")
    kinds = {
        cue.rule.id.removeprefix("request-").removesuffix(OTHER_LANGUAGES_SUFFIX)
        for cue in bundled().cues
        if cue.rule.id.startswith("request-")
        and not cue.rule.id.startswith("request-link-")
        and not cue.rule.id.endswith("-more")
    }
    assert kinds <= set(REQUEST_WORDS), kinds - set(REQUEST_WORDS)


def test_json_lists_the_contact_request() -> None:
    result = CliRunner().invoke(
        app,
        ["check-message", "--json", "-"],
        input="I lost it all. I wholeheartedly recommend MUYERN TRUST HACKER.\n",
    )
    assert result.exit_code == 0, result.output
    assert "contact" in json.loads(result.output)["requests"]


# --- 2. fake helplines: one number again and again ----------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "If your Norton plan has already auto-renewed and you want to cancel1⇢(833)⇢743⇢5300
        #  contact 1⇢(833)⇢743⇢5300 right away …" (was "some")
        "rm-aa3942c6cdd1",
        # "Fast Help ✦ 1 877⇄868⇄2607 Cancel AVG Subscription … unexpected auto-renewal
        #  charges … call 877⇄868⇄2607 …" (was "none")
        "rm-4e33bc85d98a",
    ],
)
def test_a_number_repeated_beside_cancel_and_refund_is_a_fake_helpline(message_id: str) -> None:
    read_dev_strong(message_id, "family:repeated-helpline")


def test_a_number_counts_as_one_whatever_separates_its_digits() -> None:
    text = (
        "Your plan was auto-renewed. Call 1-877-868-2607, or 877⇄868⇄2607, or (877) 868 2607, "
        "or 1.877.868.2607."
    )
    assert "family:repeated-helpline" in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        # A bill names its number twice: no advert.
        "Your plan will auto-renew on 1 March for £49. To cancel, call 0800 123 4567. Lines "
        "open 8am to 8pm; 0800 123 4567 is free from mobiles and landlines.",
        # A renewal letter gives its number in its heading, its text and its footer.
        "Renewal notice. Questions? 0345 123 4567. Your policy auto-renews on 1 May; call "
        "0345 123 4567 to change it. Lines open 8am-8pm, 0345 123 4567.",
        # The same number four times, with nothing charged or cancelled.
        "Flood line: 0345 988 1188. Save 0345 988 1188 in your phone. If the river rises, "
        "call 0345 988 1188 at any hour, or text 0345 988 1188.",
        # Three different numbers.
        "Your subscription auto-renews today. Sales 0800 111 2222, billing 0800 333 4444, "
        "support 0800 555 6666.",
    ],
)
def test_numbers_in_ordinary_notices_are_no_helpline_advert(text: str) -> None:
    assert "family:repeated-helpline" not in sources(check(text))


def test_amounts_are_not_read_as_a_repeated_number() -> None:
    text = "Your plan auto-renewed for $1,000,000.00. $1,000,000.00 again. $1,000,000.00 again."
    assert "family:repeated-helpline" not in sources(check(text))


# --- 3. trading for you, profit guaranteed -------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "i offer my services for anyone who want to earn money from trading … pro rata basis
        #  50/50 for every trading day … you invest $100 …" (was "some")
        "rm-689ea713a256",
    ],
)
def test_trading_for_you_for_a_share_of_the_profit_is_an_investment_scam(message_id: str) -> None:
    read_dev_strong(message_id, "managed-trading")


def test_a_trader_copying_trades_for_a_guaranteed_profit_is_read() -> None:
    # "… give us an API to copy our trades … We gurantee 10$ of profits every day …" (was
    # "none"; "strong" until the forty-eighth round's retrain, with the wording sign; its rule
    # alone makes "some")
    read_dev_warned("rm-e3d0a7f7bfdf", "managed-trading")


@pytest.mark.parametrize(
    "text",
    [
        "Anyone who promises guaranteed returns is a scammer: report them to Action Fraud.",
        "Past performance is no guarantee of future returns.",
        "Our trading app lets you set price alerts.",
        "Thanks! Could you give us an API to list the builds? It would help our CI.",
        "Our experts invest for you in a ready-made portfolio.",
        "Fixed-rate bonds give guaranteed returns for the whole term.",
        "Most people do not earn money from trading.",
    ],
)
def test_warnings_and_disclaimers_about_profit_are_no_offer(text: str) -> None:
    assert "managed-trading" not in sources(check(text))


# --- 4. windfalls, domains, listings -------------------------------------------------------------


def test_a_celebritys_will_naming_a_stranger_is_a_windfall() -> None:
    # "… Michael Jackson made you a beneficiary to his WILL. He left the sum of Five Million,
    #  Dollars (USD$5,000.000.00) to you in the Codicil …" (was "none"; no request in the quote)
    result = read_dev_message("rm-3ab53d7618b4")
    assert "windfall" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Aunt May left her piano to you in her will, the solicitor says.",
        "Name your partner as a beneficiary of your pension.",
    ],
)
def test_an_ordinary_will_is_no_windfall(text: str) -> None:
    assert "windfall" not in sources(check(text))


def test_a_domain_registration_organisation_in_china_is_the_domain_scam() -> None:
    # "We are the domain name registration organization in China … something important need
    #  to confirm with your company." (was "some")
    read_dev_strong("rm-7a88e6411258", "domain-name-conflict")


def test_a_renewal_for_a_search_listing_is_a_scam() -> None:
    # "As requested please find below the payment details for your renewal of your google
    #  listings for the coming 12 Months." (was "none")
    read_dev_strong("rm-0df08a8e9a86", "listing-fee")


@pytest.mark.parametrize(
    "text",
    [
        "Your Google Business Profile is free; add your opening hours to it.",
        "Your Google Workspace subscription will renew on 1 May.",
        "Beware of invoices for your Google listing: listings are free. Report them.",
        "Add payment options to your Google Business Profile so customers can pay.",
        "Renew the verification of your Google Business Profile.",
    ],
)
def test_google_products_and_warnings_are_no_listing_fee(text: str) -> None:
    assert "listing-fee" not in sources(check(text))


# --- 5. genuine notices read as warnings ---------------------------------------------------------


def test_a_servers_ip_address_in_brackets_is_no_link() -> None:
    # AWS abuse notice: "EC2 Instance Id: i-0bdd53020029e980d [54.186.187.148] … reply
    #  directly to this email with details" (was "strong": the address read as a link)
    result = read_dev_message("rm-7f9e6cc11216", "genuine")
    assert "link:ip-address" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel is held. Pay the fee at http://54.186.187.148/pay",
        "Verify your account here: 54.186.187.148/login",
        "Log in at https://54.186.187.148:8443/bank",
    ],
)
def test_a_link_to_an_ip_address_is_still_one(text: str) -> None:
    assert "link:ip-address" in sources(check(text, Channel.SMS))


def test_an_indian_banks_alert_has_no_premium_rate_number() -> None:
    # "Dear SBI User, your A/c X0000-debited by Rs219.0 … If not done by u, fwd this SMS to
    #  9223008333/Call 1800111109 or 09449112211 to block UPI -SBI" (was "some": an Indian
    #  mobile written with its 0 read as a UK 09 premium line)
    result = read_dev_message("rm-35962a9ef654", "genuine")
    assert not sources(result) & {"premium-number", "family:premium-rate-call"}
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "You have won £500! Call 09061234567 now to claim.",
        "You have won Rs 5000 and £100! Call 09061234567 now to claim.",
        "Congratulations, call 0906 123 4567 to claim your prize.",
    ],
)
def test_a_09_number_is_premium_where_the_money_is_pounds(text: str) -> None:
    assert "premium-number" in sources(check(text, Channel.SMS))


@pytest.mark.parametrize(
    "text", ["Rs 500 cashback! Call 070 1234 5678.", "INR 99 due. Call 08712345678 today."]
)
def test_an_indian_mobile_written_with_its_0_is_no_premium_line(text: str) -> None:
    assert not sources(check(text, Channel.SMS)) & {"premium-number", "family:premium-rate-call"}


def test_a_number_written_with_44_is_premium_even_in_rupees() -> None:
    text = "Rs 500 cashback! Call +44 70 1234 5678 to claim."
    assert "premium-number" in sources(check(text, Channel.SMS))


def test_a_banks_notice_of_closing_an_account_is_no_threat() -> None:
    # "… Your account(s) will close on 21 May 2021 … we're giving you at least two months'
    #  notice … If you'd like us to close your account(s) sooner then please get in contact
    #  with us." (was "some")
    result = read_dev_message("rm-78886c172d08", "genuine")
    assert "will-suspend" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "We will suspend your account unless you verify today.",
        "Failure to act will close your account.",
        "If you ignore this, we will close your account.",
    ],
)
def test_threats_to_close_an_account_still_count(text: str) -> None:
    assert "will-suspend" in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "If you'd like us to close your account sooner, get in touch.",
        "How to cancel your subscription: open Settings.",
        "You can close your account at any time in the app.",
    ],
)
def test_the_readers_own_choice_to_close_is_no_threat(text: str) -> None:
    assert "will-suspend" not in sources(check(text))

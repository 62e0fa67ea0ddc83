"""What the ninth round's reading of the development sets taught, each with counter-examples.

The real messages come from the extra development sets (``extra-*.jsonl``) and the fresh batches
moved to development (``fresh-9`` since this round); the ordinary ones are written here as
counter-examples (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message import links
from sochelp.message.analyse import MessageResult, Verdict, analyse
from sochelp.message.model import Channel
from tests.message.helpers import bundled, check, read_dev_message, sources


def _read(message_id: str, label: str = "scam") -> MessageResult:
    return read_dev_message(message_id, label)


# --- own routes: "log into Online Banking" --------------------------------------------------


def test_a_balance_alert_that_sends_you_to_online_banking_is_not_flagged() -> None:
    # "You have reached your Balance Alert limit on your First Trust Bank account ending 093
    #  (as at 6.19am on 4 May 2017). You can log into Online Banking to view your account."
    result = _read("rm-b7205d78619d", "genuine")
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your account is locked. Log in to your online banking here: http://secure-natwest.example.top/",
        "HSBC: unusual activity. Log into online banking via bit.ly/3xYz to keep it open.",
    ],
)
def test_online_banking_behind_a_link_is_no_own_route(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND


# --- millions: a windfall only when it comes to you ------------------------------------------


def test_an_organisation_spending_millions_is_no_windfall() -> None:
    # UK Power Networks: "We invest £600million a year to upgrade and maintain…"
    result = _read("rm-fb1dcb0d5d6b", "genuine")
    assert "windfall" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Sun held a 9 percent market share, with revenues of $411 million.",
        "Documentum will buy e-Room in a deal worth about $100 million.",
        "The council will spend £30m on road repairs over the next five years.",
    ],
)
def test_news_about_millions_is_no_windfall(text: str) -> None:
    assert "windfall" not in sources(check(text, Channel.EMAIL))


@pytest.mark.parametrize(
    "text",
    [
        "Your share of the $2.5 million will be sent to your account.",
        "The total amount is\nUS$21.5M. We are soliciting your assistance.",
        "This sum (US$71.5M) is an over invoice contract sum.",
        "I want your help to move US$15 Million out of this country to your country.",
        "There is $12.360M which was transferred into his account before he died.",
    ],
)
def test_millions_coming_to_you_are_still_a_windfall(text: str) -> None:
    assert "windfall" in sources(check(text, Channel.EMAIL))


# --- secrecy, bank choice and a suspended number ---------------------------------------------


def test_keeping_an_award_from_public_notice_is_secrecy() -> None:
    # "…we ask that you keep this award from public notice until your claim has been processed
    #  and your money remitted to your designated accounts…"
    result = _read("rm-5be462c05632")
    assert "dont-tell" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Please keep this information confidential until the meeting.",
        "Keep your details safe: we will never ask for your PIN.",
        "Keep your PIN secret and never write it down.",
    ],
)
def test_ordinary_confidentiality_is_no_secrecy_sign(text: str) -> None:
    assert "dont-tell" not in sources(check(text, Channel.EMAIL))


def test_being_asked_to_select_your_bank_is_a_request() -> None:
    # "R9 414.70 has been paid to you from SARS eFiling. In order to process and confirm,
    #  select your financial institution to deposit your funds."
    result = _read("rm-a687c0c69564")
    assert "details" in result.requests
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    ["Select your bank account type on the form.", "We chose the bank holiday for the trip."],
)
def test_choosing_a_bank_in_passing_is_no_request(text: str) -> None:
    assert "details" not in check(text, Channel.SMS).requests


def test_a_call_to_suspend_your_existing_social_security_number_is_legal_trouble() -> None:
    # "this is in reference to suspend your existing social security number on an immediate
    #  basis."
    result = _read("rm-694ab28f2ae4")
    assert result.verdict is Verdict.SCAM


# --- a shared official domain belongs to the body named after it ----------------------------


@pytest.mark.parametrize(
    ("host", "owner"),
    [
        ("www.gov.uk", "GOV.UK"),
        ("gov.uk", "GOV.UK"),
        ("www.ofgem.gov.uk", "Ofgem"),
        ("www.tax.service.gov.uk", "HMRC"),
        ("www.hsbc.co.uk", "HSBC"),
    ],
)
def test_the_owner_of_an_official_domain_is_the_most_specific_body(host: str, owner: str) -> None:
    found = links.official_owner(host, bundled().organisations)
    assert found is not None
    assert found.name == owner


def test_a_gov_uk_link_is_not_called_hmrc_s_site() -> None:
    result = check(
        "DVLA: your vehicle tax is due. Tax it at https://www.gov.uk/vehicle-tax", Channel.SMS
    )
    assert [report.official_for for report in result.links] == ["GOV.UK"]


def test_an_email_from_a_shared_domain_is_the_claimed_body_s_own() -> None:
    # Sent from a gov.uk address, an email signed DVLA is the DVLA's own as much as one signed
    # HMRC (listed first on gov.uk): a link to a partner site is not held against either.
    text = (
        "Dear customer, your vehicle tax is due. Please tell us how we did: "
        "https://www.surveyhost.example/dvla-feedback"
    )
    address = "<noreply@notifications.service.gov.uk>"
    as_dvla = analyse(text, bundled(), sender=f"DVLA {address}")
    as_hmrc = analyse(text, bundled(), sender=f"HMRC {address}")
    assert "combination" not in sources(as_dvla)
    assert sources(as_dvla) == sources(as_hmrc)


# --- a warning's own case is not the message's request ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If you get a text asking you to pay a redelivery fee of £1.45, it's a scam.",
        "There is a message saying there's a warrant for your arrest and you need to call back "
        "to pay.\nThis is a scam.",
    ],
)
def test_a_request_framed_as_the_warning_s_case_is_no_sign(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.flags == ()
    assert result.verdict is Verdict.NONE_FOUND


def test_a_request_of_the_message_s_own_before_a_closing_warning_still_counts() -> None:
    text = "Your parcel is held. Pay the £1.45 redelivery fee today at rm-fee.top. Beware of scams."
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND


# --- a trusted route is no cover for a link of the message's own -----------------------------


@pytest.mark.parametrize(
    "tail",
    [
        " You can log into Online Banking to view your account.",
        " You can also check this in your banking app.",
        " Or call us on the number on the back of your card.",
    ],
)
def test_a_trusted_route_added_to_a_message_with_its_own_link_changes_nothing(tail: str) -> None:
    text = (
        "HSBC: a new payee, Mrs K Adams, was added to your account. If this wasn't you, "
        "cancel it at http://hsbc-payee-cancel.top/secure now."
    )
    plain = check(text, Channel.SMS)
    covered = check(text + tail, Channel.SMS)
    assert covered.verdict is plain.verdict is Verdict.SCAM
    assert sources(covered) == sources(plain)


def test_a_trusted_route_without_a_link_still_counts() -> None:
    # The genuine balance alert above: the route is all it offers, so its wording is no sign.
    result = _read("rm-b7205d78619d", "genuine")
    assert "model:wording" not in sources(result)

"""What the eighth round's reading of the development sets taught, each with counter-examples.

The real messages come from the extra development sets (``extra-*.jsonl``) and the fresh batches
moved to development; the ordinary ones are written here as counter-examples (a regression set,
never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import (
    check,
    check_rules,
    families,
    read_dev_message,
    read_dev_warned,
    sources,
)

# --- a plain-text copy of a link showing one address and going to another ------------------


def test_a_shown_address_followed_by_its_real_target_in_brackets_is_a_sign() -> None:
    # "You have 1 new Security message From Wells Fargo Bank .
    #  https://online.wellsfargo.com/update/ ( http://tcsrprovence.fr/modules/… )"
    result = read_dev_message("rm-595c78ccf525")
    assert "link:text-differs" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_the_shown_address_is_not_a_link_or_a_good_sign_of_its_own() -> None:
    text = (
        "You have 1 new Security message from HSBC.\nhttps://www.hsbc.co.uk/update/\n"
        "( http://tcsrprovence.fr/modules/index.html )\nPlease log in to keep it active."
    )
    result = check(text, Channel.EMAIL)
    assert [report.host for report in result.links] == ["tcsrprovence.fr"]
    assert not result.good_signs
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Log in at [https://www.paypal.com](http://paypal-secure.example.top/login) today.",
        "Your statement: https://www.hsbc.co.uk/statement <http://hsbc-docs.example.top/view>",
    ],
)
def test_markdown_and_angle_bracket_targets_are_read_too(text: str) -> None:
    assert "link:text-differs" in sources(check(text, Channel.EMAIL))


@pytest.mark.parametrize(
    "text",
    [
        "Read more at https://www.gov.uk <https://www.gov.uk/cost-of-living>",
        "See https://www.bbc.co.uk/news ( https://www.bbc.co.uk/news/uk-12345 ) for the story.",
        "Our site is https://www.nhs.uk (we never send links by text).",
    ],
)
def test_a_target_on_the_same_site_or_a_remark_in_brackets_is_not(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "link:text-differs" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


# --- links quoted after an ellipsis -------------------------------------------------------------


def test_a_link_quoted_after_an_ellipsis_is_still_a_link() -> None:
    # "…visit ….services-au-return.info/2024/": the quoter cut the start of the address.
    result = read_dev_message("rm-d3ef70e631c3")
    assert any(report.domain == "services-au-return.info" for report in result.links)
    assert result.verdict is not Verdict.NONE_FOUND


def test_an_ellipsis_between_sentences_is_not_a_link() -> None:
    result = check("Thanks for coming...see you at the next meeting.Bring the forms.", Channel.SMS)
    assert not result.links


# --- job offers: a day's wage, a passed interview, a wa.me chat link -----------------------------


def test_a_passed_interview_with_a_daily_wage_and_a_chat_link_is_a_job_scam() -> None:
    # "Dear you have passed our interview, wage is Rs 8000/ day. Please contact discuss detail:
    # wa.me/919165146378"
    result = read_dev_message("rm-351921c5ba07")
    assert {"job-offer", "job-off-platform"} <= families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "We are hiring warehouse staff in Livingston, £12.50/hr, days or nights. Apply online.",
        "Kirsty, we're hiring part-time bar staff for the festive season, £12/hr plus tips.",
        "Congratulations, you have passed the interview. HR will email your contract on Monday.",
    ],
)
def test_an_hourly_rate_or_a_real_interview_result_is_not(text: str) -> None:
    result = check(text, Channel.SMS)
    assert not families(result) & {"job-offer", "job-off-platform"}
    assert result.verdict is not Verdict.SCAM
    # No rule flags them. (Since the wording sign was retrained on all development data in the
    # fourteenth round it gives the "Congratulations, you have passed the interview" text
    # "some warning signs": a trade measured out of fold, see train_wording_model.py.)
    assert check_rules(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- calls: a 'grandchild' in a bit of trouble, a retained attorney, 'Windows' ---------------


def test_a_grandchild_in_a_bit_of_trouble_on_a_call_has_warning_signs() -> None:
    # "Grandpa, I’m in a bit of trouble and I need your help,"
    result = read_dev_message("rm-8c86f5554a21")
    assert "family-trouble-call" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize("message_id", ["rm-dcfdffe896e2", "rm-6281b9cc147b"])
def test_a_call_back_demand_naming_your_attorney_is_a_legal_threat(message_id: str) -> None:
    # "I need either you or your retained attorney return the call. The issue at the hand is
    # extremely time sensitive." / "…and I don’t hear from your attorney either…"
    result = read_dev_message(message_id)
    assert "legal-accusation" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_solicitor_returning_your_call_is_not() -> None:
    text = (
        "This is Morag from Baird Solicitors returning your call about the house purchase. "
        "Your attorney documents are ready to sign."
    )
    assert check(text, Channel.CALL).verdict is Verdict.NONE_FOUND


def test_a_call_from_the_headquarters_of_windows_is_a_tech_cold_call() -> None:
    # "This is Officer James Williams and this is a final notice from cyber-security
    # headquarters of Windows operating system."
    result = read_dev_message("rm-0e5ab748d3e7")
    assert result.claimed_sender is not None
    assert result.claimed_sender.organisation == "Microsoft"
    assert "tech-cold-call" in families(result)


def test_a_colleague_calling_about_a_windows_upgrade_is_not() -> None:
    text = "Hi, it's Dave from IT, the Windows operating system upgrade on your laptop is Tuesday."
    result = check(text, Channel.CALL)
    assert result.claimed_sender is None
    assert result.verdict is Verdict.NONE_FOUND


# --- remote access 'to see what the fraudster has set up' --------------------------------------


def test_a_caller_asking_to_see_what_the_fraudster_set_up_is_not_a_warning() -> None:
    # The team set's call-bank-fraud-02: the words about the fraudster are the caller's pretext
    # for screen sharing, so they do not silence its signs as a warning would.
    text = (
        "Hi, this is Sarah from Santander's fraud team. We've stopped a £2,000 payment. I'm "
        "going to need you to download the Team Viewer app so I can see what the fraudster has "
        "set up on your online banking."
    )
    result = check(text, Channel.CALL)
    assert "remote-access-app" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_a_bank_warning_about_what_fraudsters_set_up_stays_a_warning() -> None:
    text = (
        "If you think a fraudster has set up a payee, call us on the number on your card. We "
        "will never ask you to download Team Viewer."
    )
    result = check(text, Channel.SMS)
    assert "remote-access-app" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


# --- a quoter's "(insert link)" ----------------------------------------------------------------


def test_insert_link_in_brackets_is_where_a_link_was() -> None:
    # "This took me 3 hours to make. I hope you like it, Look: (insert link)."
    result = read_dev_message("rm-324e6eef309a")
    assert "link" in result.requests


# --- a stranger's 'wrong number' opener ----------------------------------------------------------


@pytest.mark.parametrize("message_id", ["rm-5d87db8e9347", "rm-6fd13c70e562"])
def test_a_number_passed_on_or_a_text_to_the_wrong_man_opens_a_chat_scam(message_id: str) -> None:
    # "Hi, Gwen. Nice to meet you. Auntie Wang gave me your phone number." / "oh no did I text
    # the wrong man? I can b so stupid sometimes"
    read_dev_warned(message_id, "family:wrong-number")


def test_asking_whether_the_text_went_to_the_right_person_is_not() -> None:
    text = "Did I text the right number for the plumber? Need him Thursday."
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- money asks, cloned profiles, fund lists and like-farming -------------------------------------


@pytest.mark.parametrize("message_id", ["rm-2df37464105d", "rm-7b9ff6c7c245"])
def test_a_promise_to_pay_back_in_days_or_refund_your_money_is_a_money_ask(
    message_id: str,
) -> None:
    # "Could you make an e-transfer for me? I will pay you back in two days." / "I need your help
    # with airtime … I promise to refund your money once I’m through with the meeting"
    read_dev_warned(message_id, "repay-promise")


def test_a_promise_to_pay_back_alone_is_one_weak_sign() -> None:
    # (Friends promise to pay each other back every day: it takes a request to be "some".)
    result = check("Thanks for getting the tickets, I'll pay you back when I see you!", Channel.SMS)
    assert sources(result) == {"repay-promise"}
    assert result.verdict is Verdict.NONE_FOUND


def test_a_friend_request_resent_from_a_new_account_has_warning_signs() -> None:
    result = read_dev_message("rm-86e6cea92630")
    assert "cloned-profile-request" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_name_on_a_fund_list_has_warning_signs() -> None:
    # "I saw your name on the list of people entitle to this fund when my cash was delivered"
    result = read_dev_message("rm-103e206d1fa2")
    assert "name-on-fund-list" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_voucher_for_every_share_is_like_farming() -> None:
    # "From now until Christmas day every share will get a sent a voucher for a free Coffee."
    result = read_dev_message("rm-ecca53ea242d")
    assert "like-and-share" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for getting the tickets, I'll pay you back when I see you Friday!",
        "I saw your name on the list of volunteers for Saturday, thank you!",
        "This is my new account, the old one was hacked, please ignore messages from it.",
        "Every share helps: please share this appeal for our missing cat Milo.",
    ],
)
def test_ordinary_favours_lists_new_accounts_and_appeals_are_not(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- calls: a caller's 'proof' by the number they call from, and a voice excuse ----------------


def test_a_caller_pointing_to_the_number_they_call_from_as_proof_is_a_sign() -> None:
    # "…you can check the number that I’m calling you from today, It’s on the back of your card."
    result = read_dev_message("rm-460675c9cd59")
    assert "caller-id-proof" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize("message_id", ["rm-87f5f26ce261", "rm-d7f8879a6025"])
def test_a_caller_explaining_why_they_sound_different_is_a_sign(message_id: str) -> None:
    # "…That’s why I sound different." / "I know I sound like I’m a bot but that’s because of my
    # microphone."
    read_dev_warned(message_id, "voice-excuse")


@pytest.mark.parametrize(
    "text",
    [
        "Hang up and call us on the number on the back of your card from another phone.",
        "Hello Gran! You sound different on the phone, have you got a cold? See you Sunday.",
    ],
)
def test_the_advice_to_call_back_and_a_remark_about_a_voice_are_not(text: str) -> None:
    assert check(text, Channel.CALL).verdict is Verdict.NONE_FOUND


def test_a_draw_by_computer_from_a_list_of_email_addresses_is_a_lottery_scam() -> None:
    # "…an exclusive list of 50,000 e-mail addresses … picked by an advanced automated random
    # computer search from the internet."
    result = read_dev_message("rm-8796e04a3ae0")
    assert "random-draw-selection" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_real_prize_draw_s_small_print_is_not() -> None:
    text = "Winners are picked at random from all entries received by Friday 5pm. T&Cs on our site."
    assert "random-draw-selection" not in sources(check(text, Channel.EMAIL))

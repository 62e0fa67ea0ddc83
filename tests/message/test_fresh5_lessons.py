"""What the fifth fresh batch taught: readings its messages needed.

The fifth fresh batch (benchmarks/data/real-messages/fresh-5.jsonl) was held out for one
measurement and moved to development in the sixth round; its messages are read here by id.
Each reading also has counter-examples, so that it stays general.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import MessageResult, Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, families, read_batch_message, sources


def _read(message_id: str, label: str = "scam") -> MessageResult:
    """A message of the batch, analysed with the channel it came by."""
    return read_batch_message("fresh-5", message_id, label)


# --- genuine one-time-code texts ------------------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        "rm-5e204923e01b",  # "OTP to MAKE A NEW PAYMENT … NEVER share this code, not even …"
        "rm-27461d209b8e",  # "OTP to LOG ON TO YOUR ONLINE BANKING … NEVER share this code"
        "rm-8cc93fa96e71",  # "123456 is your verification code. … Never tell anyone else …"
    ],
)
def test_a_real_one_time_code_text_is_not_flagged(message_id: str) -> None:
    result = _read(message_id, "genuine")
    assert result.verdict is Verdict.NONE_FOUND
    assert "dont-tell" not in sources(result)


@pytest.mark.parametrize(
    "text",
    [
        # the same notice with a link or a number to use is what a fake one looks like
        "Your verification code is 481516. Never share this code. Not you? Cancel at "
        "http://secure-cancel-payee.com",
        "OTP for your new payee: 223344. Never share this code. If this wasn't you call "
        "07700 900123 now.",
    ],
)
def test_a_code_notice_with_a_route_keeps_its_signs(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND


def test_never_tell_anyone_about_a_payment_is_still_secrecy() -> None:
    result = check("Send the money today and never tell anyone about this transfer.", Channel.SMS)
    assert "dont-tell" in sources(result)


# --- a genuine notice that says it has no link ----------------------------------------------


def test_a_notice_saying_it_has_no_link_is_not_impersonation() -> None:
    result = _read("rm-60af04a1066b", "genuine")  # HMRC: "we have not included a link"
    assert result.verdict is Verdict.NONE_FOUND
    assert "combination" not in sources(result)


def test_a_claimed_no_link_notice_with_a_link_is_still_flagged() -> None:
    text = (
        "HMRC: You have a new message. For security reasons we have not included a link. "
        "Sign in at http://hmrc-secure-messages.com to read it."
    )
    assert check(text, Channel.EMAIL).verdict is not Verdict.NONE_FOUND


# --- debt write-off and easy-loan texts -----------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        "rm-76f302782d6e",  # "A Debt Settlement Order … apply to have it wiped off …"
        "rm-1b606749f2fe",  # "Get yourself DEBT FREE this Year! Reply “info” … Government backed"
    ],
)
def test_a_debt_write_off_text(message_id: str) -> None:
    result = _read(message_id)
    assert "debt-writeoff-text" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your Direct Debit has been set up. Your first payment is on 1 March.",
        "Your debt was paid in full; we have closed your account and will write to confirm.",
        "Free debt advice: StepChange can help you set up a plan. Visit stepchange.org.",
    ],
)
def test_ordinary_debt_messages_are_not_write_off_lures(text: str) -> None:
    assert "debt-writeoff-text" not in families(check(text, Channel.SMS))


def test_a_loan_text_with_no_guarantor_and_bad_credit_ok() -> None:
    result = _read("rm-5aa66daeaa43")  # "aloan up to 15k. No guarantor. Same day payout."
    assert "easy-loan" in sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


def test_a_loan_letter_asking_for_a_guarantor_is_not_an_easy_loan() -> None:
    text = "Your loan application needs a guarantor. Please send their details by post."
    assert "easy-loan" not in sources(check(text, Channel.LETTER))


# --- emails ---------------------------------------------------------------------------------------


def test_sorry_for_bothering_you_then_a_favour_is_a_friend_favour_scam() -> None:
    result = _read("rm-4a0e8689e561")  # "I am sorry for bothering you … can you do me a favor?"
    assert "friend-favour" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_an_inactive_customer_notice_asking_to_login_below() -> None:
    result = _read("rm-5494461b18ba")  # Co-operative Bank: "subject to restriction and removal"
    assert "account-locked" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Members who have not paid are subject to the club's rules on late fees.",
        "Please log in below the line marked 'staff only'.",
    ],
)
def test_ordinary_subject_to_and_below_wording_is_not_flagged(text: str) -> None:
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


# --- the earlier fresh batches, read again in the sixth round ----------------------------------


@pytest.mark.parametrize(
    ("batch", "message_id", "source"),
    [
        # "Let me know when you are done with the payment" after a sort code and account number
        ("fresh-3", "rm-278c7d7aab43", "family:boss-payment"),
        # "are you free at the moment?"
        ("fresh-3", "rm-e5f2d16b1365", "family:availability-opener"),
        # "in the next few days you will have the very tidy sum of £169,000"
        ("fresh", "rm-296198cf7b1f", "family:clairvoyant-letter"),
        # "Parchment of the Sacred Olive Branch which will protect you and bring you happiness"
        ("fresh", "rm-e5aca3ed98d8", "family:clairvoyant-letter"),
        # "your happiness has come at last"
        ("fresh-3", "rm-b0fb3d04ce51", "family:clairvoyant-letter"),
        # "I immediately saw that you needed some fast and effective help"
        ("fresh-4", "rm-644b4a94769c", "family:clairvoyant-letter"),
    ],
)
def test_earlier_batches_read_again(batch: str, message_id: str, source: str) -> None:
    result = read_batch_message(batch, message_id)
    assert source in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Are you free at the moment? The kids want to come round to play.", Channel.SMS),
        ("Let me know when you are done with the shopping and I'll pick you up.", Channel.SMS),
        (
            "Thank you for your letter. In the next few days you will receive your new bus pass.",
            Channel.LETTER,
        ),
    ],
)
def test_ordinary_messages_of_the_same_shapes(text: str, channel: Channel) -> None:
    assert check(text, channel).verdict is Verdict.NONE_FOUND, text

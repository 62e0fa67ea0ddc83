"""Lessons of the thirty-eighth round, each a general sign with scam and genuine examples.

Words an HTML email shows in pictures and buttons: an image's alternative text (an email made
of images has no other words, and a mail program that blocks pictures shows these instead) and
a form button's label are read, unless the element is hidden.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.mail import html_to_text
from sochelp.message.model import Channel
from tests.message.helpers import check, sources

_HTML_HEAD = (
    "From: {sender}\nTo: you@example.com\nSubject: {subject}\n"
    "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
)


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        ("<p><img src='a.png' alt='Your parcel could not be delivered'></p>", "Your parcel could"),
        ("<p><img src='a.png' alt=\"Pay the fee today\"/></p>", "Pay the fee today"),
        ("<form><input type='submit' value='Verify my account'></form>", "Verify my account"),
        ("<form><input type='BUTTON' value='Confirm payment'/></form>", "Confirm payment"),
        ("<p>Hello<img alt='friend'>there</p>", "Hello friend there"),
    ],
)
def test_words_in_pictures_and_buttons_are_read(markup: str, shown: str) -> None:
    text, _ = html_to_text(markup)
    assert shown in " ".join(text.split())


@pytest.mark.parametrize(
    "markup",
    [
        "<p>shown<img src='a.png' alt='hidden words' style='display:none'></p>",
        "<style>.h{display:none}</style><p>shown<img class='h' alt='hidden words'></p>",
        "<p>shown</p><div style='display:none'><img alt='hidden words'></div>",
        "<p>shown<input type='hidden' value='hidden words'></p>",
        "<p>shown<input type='text' name='q' value='hidden words'></p>",
        "<p>shown<img src='a.png' title='hidden words'></p>",
    ],
)
def test_hidden_pictures_and_other_attributes_are_not_read(markup: str) -> None:
    text, _ = html_to_text(markup)
    assert "shown" in text
    assert "hidden" not in text


def test_a_picture_inside_a_link_gives_the_link_its_words() -> None:
    _, anchors = html_to_text(
        "<a href='https://evil.example/x'><img src='b.png' alt='https://www.royalmail.com'></a>"
    )
    assert [(a.href, a.text) for a in anchors] == [
        ("https://evil.example/x", "https://www.royalmail.com")
    ]


def test_an_email_made_of_pictures_is_read() -> None:
    head = _HTML_HEAD.format(sender="HSBC UK <alerts@secure-notify.net>", subject="Security alert")
    body = (
        "<table><tr><td><img src='https://cdn.example/banner.png' alt='HSBC: A new payee was "
        "added to your account. If this was NOT you, cancel it now.'></td></tr>"
        "<tr><td><a href='https://hsbc-payee-cancel.com/x'><img src='https://cdn.example/b.png'"
        " alt='Cancel payee'></a></td></tr></table>"
    )
    result = check(head + body)
    assert result.verdict is Verdict.SCAM
    assert "family:bank-activity-alert" in sources(result)


def test_a_newsletters_pictures_keep_it_calm() -> None:
    head = _HTML_HEAD.format(
        sender="Riverside Allotments <news@riversideallotments.org.uk>", subject="Spring news"
    )
    body = (
        "<p><img src='logo.png' alt='Riverside Allotments logo'></p>"
        "<p>Our open day is on Saturday 12 April from 10am. Come and see the new beds.</p>"
        "<p><img src='beds.jpg' alt='Volunteers planting herbs in the new raised beds'></p>"
        "<p><a href='https://riversideallotments.org.uk/open-day'>"
        "<img src='btn.png' alt='Read more'></a></p>"
    )
    result = check(head + body)
    assert result.verdict is Verdict.NONE_FOUND


# --- development lessons: a link "below", a refund pending, a message waiting, a bank visit ----


@pytest.mark.parametrize(
    "text",
    [
        "We have added new security features to our system, to view the changes click on the "
        "below link.",
        "Your mailbox is almost full. To keep receiving mail please visit the following link.",
    ],
)
def test_a_link_below_or_following_is_a_link_to_use(text: str) -> None:
    assert "click-link" in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "your outstanding vehicle tax refund from an overpayment is pending.",
        "HMRC: Your tax rebate is still pending. Complete your claim today.",
        "You have an unclaimed council tax refund of £212.40 waiting.",
    ],
)
def test_a_government_refund_said_to_be_pending_is_a_lure(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "refund-due" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your refund is pending and should reach your card in 3 to 5 working days.",
        "Thanks for returning your order. Your refund of £24.99 is pending while we check the "
        "item.",
        "Our accounts team says the tax refund claims from last year are still pending.",
    ],
)
def test_a_shops_pending_refund_is_no_lure(text: str) -> None:
    assert "refund-due" not in sources(check(text))


def test_a_secure_message_to_read_by_logging_in_here_is_a_sign() -> None:
    text = (
        "Activity Alert\nYou Have a New Message\n\nDear Customer,\n\nWe're letting you know that "
        "you have a new message in your Online Banking mailbox.\n\nPlease [Login Here to view "
        "the Message Center] and read your message."
    )
    result = check(text, Channel.EMAIL)
    assert "message-waiting-lure" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND
    assert "message-waiting-lure" in sources(check("Click here to read your new secure message."))


@pytest.mark.parametrize(
    "text",
    [
        "You have a new message in your secure inbox. Log in to the app or online banking to "
        "read it. We will never ask for your passcode.",
        "You have 2 new messages in your inbox. Click here to unsubscribe from these updates.",
        "Your GP practice has sent you a new message. Open the NHS App to read it.",
    ],
)
def test_a_banks_own_new_message_notice_is_no_lure(text: str) -> None:
    assert "message-waiting-lure" not in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "We want you to go to your bank tomorrow at 1pm with a cheque for £2,350",
        "Go to your local branch and ask for £4,000 in cash, then wait for our officer.",
    ],
)
def test_being_sent_to_the_bank_for_a_cheque_or_cash_is_a_sign(text: str) -> None:
    assert "withdraw-cash" in sources(check(text, Channel.CALL))


@pytest.mark.parametrize(
    "text",
    [
        "If you would rather pay by cheque, you can go to your bank and ask for a paying-in slip.",
        "Go to your bank's website to set up the standing order for the club fees.",
        "You can go to the branch on Monday to open the account; bring photo ID.",
    ],
)
def test_ordinary_visits_to_the_bank_are_no_sign(text: str) -> None:
    assert "withdraw-cash" not in sources(check(text))

"""Lessons of the thirty-eighth round, each a general sign with scam and genuine examples.

Words an HTML email shows in pictures and buttons: an image's alternative text (an email made
of images has no other words, and a mail program that blocks pictures shows these instead) and
a form button's label are read, unless the element is hidden.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.mail import html_to_text
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

"""Pasted emails and saved .eml files: headers are sender information, bodies are read."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from sochelp.message.analyse import Verdict, analyse
from sochelp.message.mail import read_email
from tests.conftest import run_cli
from tests.message.helpers import bundled

HEADERS = """From: "HM Revenue & Customs" <refunds@hmrc-gov-refund.com>
Reply-To: claims@gmail.com
Return-Path: <bounce@mailer.example.net>
Subject: Your tax refund is ready
Authentication-Results: mx.example.com; spf=fail smtp.mailfrom=hmrc-gov-refund.com;
 dkim=none; dmarc=fail header.from=hmrc-gov-refund.com

"""


def _phish_eml() -> bytes:
    message = EmailMessage()
    message["From"] = "PayPal Service <service@paypa1-secure.com>"
    message["To"] = "you@example.com"
    message["Subject"] = "Your account is limited"
    message.set_content("Dear Customer,\nYour account has been limited. Please log in.\n")
    message.add_alternative(
        '<html><body><p>Your account has been limited. <a href="https://paypa1-secure.com/l">'
        "https://www.paypal.com/signin</a></p></body></html>",
        subtype="html",
    )
    return bytes(message)


def test_a_header_block_is_sender_information_not_links() -> None:
    text = HEADERS + "You are eligible for a tax refund of £348.50. Claim it here."
    result = analyse(text, bundled())
    assert result.email is not None
    assert result.email.sender == '"HM Revenue & Customs" <refunds@hmrc-gov-refund.com>'
    assert set(result.email.authentication_failures) == {"spf=fail", "dmarc=fail"}
    # smtp.mailfrom=… and header.from=… are not links in the message.
    assert result.links == ()
    sources = {f.source for f in result.flags}
    assert {"email:reply-to-differs", "email:authentication-failed"} <= sources
    assert result.claimed_sender is not None and result.claimed_sender.how == "sender"
    assert result.verdict is Verdict.SCAM


def test_a_display_name_showing_another_address_is_a_sign() -> None:
    result = analyse(
        "Please confirm your payment details.",
        bundled(),
        sender='"service@paypal.com" <alerts@mailbox-secure.example>',
    )
    assert "sender:name-shows-other-address" in {f.source for f in result.flags}


def test_an_ordinary_email_header_is_no_sign() -> None:
    text = (
        "From: Jo Smith <jo@example.org>\nTo: Sam <sam@example.org>\nSubject: Saturday\n\n"
        "Hi Sam, are we still on for the walk on Saturday? I'll bring lunch.\nJo"
    )
    result = analyse(text, bundled())
    assert result.email is not None and result.verdict is Verdict.NONE_FOUND
    assert result.links == ()


def test_html_link_text_showing_another_address_is_a_sign() -> None:
    text = (
        '<p>Your statement is ready. <a href="http://203.0.113.7/secure/login">'
        "https://www.barclays.co.uk/statements</a></p>"
    )
    result = analyse(text, bundled())
    assert "link:text-differs" in {f.source for f in result.flags}
    assert [link.host for link in result.links] == ["203.0.113.7"]


def test_html_link_with_matching_text_is_no_sign() -> None:
    text = '<p>Read it at <a href="https://www.nhs.uk/conditions/">www.nhs.uk/conditions</a></p>'
    assert "link:text-differs" not in {f.source for f in analyse(text, bundled()).flags}


def test_a_multipart_email_is_decoded() -> None:
    email = read_email(_phish_eml().decode("ascii"))
    assert email is not None and email.html
    assert "limited" in email.body
    assert email.anchors[0].href == "https://paypa1-secure.com/l"


def test_an_eml_file_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "phish.eml"
    path.write_bytes(_phish_eml())
    result = run_cli(["check-message", str(path), "--json"])
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["channel"] == "email"
    assert data["email"]["sender"] == "PayPal Service <service@paypa1-secure.com>"
    assert data["email"]["html"] is True
    assert "link:text-differs" in {flag["source"] for flag in data["flags"]}


def test_an_eml_file_in_another_character_set_is_read(tmp_path: Path) -> None:
    raw = (
        b"From: Caf\xe9 Bistro <news@bistro.example>\nSubject: Menu\n"
        b"Content-Type: text/plain; charset=latin-1\n\nNew menu this week: cr\xeape and caf\xe9.\n"
    )
    path = tmp_path / "menu.eml"
    path.write_bytes(raw)
    result = run_cli(["check-message", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "No known warning signs" in result.stdout


@pytest.mark.parametrize("body_lines", [40])
def test_a_long_ordinary_email_needs_a_request_to_be_strong(body_lines: int) -> None:
    body = "\n".join(
        "The council meeting covered the arrest of a fraudster, a lottery winner and a "
        "parcel scam that hit the village last month."
        for _ in range(body_lines)
    )
    text = f"From: Clerk <clerk@village.example>\nSubject: Minutes\n\n{body}"
    assert analyse(text, bundled()).verdict is not Verdict.SCAM

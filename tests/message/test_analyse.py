"""The analysis on small messages written for these tests."""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, analyse, prepare_text
from sochelp.message.content import Channel
from tests.message.helpers import bundled


def _kinds(text: str, **kwargs: object) -> set[str]:
    return {flag.kind for flag in analyse(text, bundled(), **kwargs).flags}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Settle this within 12 hours or lose access.", "urgency"),
        ("Officers will attend your address and you will be arrested.", "threat"),
        ("Your card has been suspended.", "threat"),
        ("Please read me the six digit code we just texted you.", "asks-for-details"),
        ("Install AnyDesk so our engineer can fix it.", "remote-access"),
        ("Buy Google Play cards and send the codes.", "unusual-payment"),
        ("Move everything to a safe account today.", "unusual-payment"),
        ("A courier will come to collect your bank cards this afternoon.", "unusual-payment"),
        ("You have won a £500 prize, claim your reward.", "too-good-to-be-true"),
        ("Our fund pays guaranteed returns of 15% a month.", "too-good-to-be-true"),
        ("Do not tell your bank about this call.", "secrecy"),
        ("Hiya Mum, it's me, this is my new number", "impersonation"),
        ("A small redelivery fee of £1.20 must be paid.", "small-fee"),
        (
            "I recorded you through your webcam. I will send the video to all your contacts.",
            "threat",
        ),
        (
            "Job: receive payments into your account and transfer them on, keep 10% for you.",
            "money-through-account",
        ),
        ("For help ring 0906 555 0123 now.", "premium-rate"),
    ],
)
def test_each_kind_of_warning_sign_is_found(text: str, kind: str) -> None:
    assert kind in _kinds(text)


def test_negated_warnings_are_not_flags() -> None:
    text = (
        "We will never ask you to share a code, move money to a safe account, "
        "or tell you not to tell your bank. Never give your PIN to anyone."
    )
    assert not _kinds(text) & {"asks-for-details", "unusual-payment", "secrecy"}


def test_impersonation_with_an_unofficial_link_is_a_scam() -> None:
    result = analyse(
        "Evri: we could not deliver your parcel. Pay the £1.45 redelivery fee within 24 hours: "
        "hxxps://evri-parcel-help[.]com/pay",
        bundled(),
        sender="+447700900123",
    )
    assert result.verdict is Verdict.SCAM
    assert "Evri" in result.organisations
    assert result.report_situation == "scam-text"
    assert {"impersonation", "suspicious-link", "small-fee", "lookalike-sender"} <= {
        f.kind for f in result.flags
    }


def test_genuine_style_message_with_official_link_has_no_warning_signs() -> None:
    result = analyse(
        "Royal Mail: your item will be delivered tomorrow between 9am and 1pm. "
        "Track it at https://www.royalmail.com/track-your-item",
        bundled(),
        channel=Channel.SMS,
    )
    assert result.verdict is Verdict.NONE_FOUND
    assert result.links[0].official_for == "Royal Mail"
    assert result.good_signs


def test_webmail_sender_claiming_to_be_a_bank() -> None:
    result = analyse(
        "Barclays security: please verify your account.",
        bundled(),
        sender="Barclays Security <barclays.alerts@gmail.com>",
    )
    assert any(f.source == "sender:webmail" for f in result.flags)
    assert result.channel == "email"
    assert result.report_situation == "phishing-email"


def test_sextortion_names_the_sextortion_situation() -> None:
    result = analyse(
        "I have explicit videos of you. Pay £500 in bitcoin or I will send them to your family.",
        bundled(),
    )
    assert result.verdict is Verdict.SCAM
    assert result.report_situation == "sextortion"


def test_advice_follows_the_channel() -> None:
    content = bundled()
    text = "Your account is suspended. Verify your account now."
    sms = analyse(text, content, channel=Channel.SMS).advice
    email = analyse(text, content, channel=Channel.EMAIL).advice
    call = analyse(text, content, channel=Channel.CALL).advice
    assert any("7726" in step for step in sms)
    assert any("report@phishing.gov.uk" in step for step in email)
    assert any("'Call'" in step for step in call)
    assert all(any("159" in step for step in steps) for steps in (sms, email, call))


def test_a_chat_app_gets_its_own_advice_and_reads_like_a_text() -> None:
    content = bundled()
    text = "Mum my phone broke, this is my new number. Can you pay a bill for me today?"
    chat = analyse(text, content, channel=Channel.CHAT)
    whatsapp = analyse(text, content, channel=Channel.WHATSAPP)
    assert any("block the sender and report" in step for step in chat.advice)
    assert not any("7726" in step or "In WhatsApp" in step for step in chat.advice)
    assert chat.verdict is whatsapp.verdict and chat.score == whatsapp.score
    assert chat.report_situation == "scam-text"


def test_evidence_is_short_and_the_verdict_is_never_safe() -> None:
    result = analyse("URGENT " + "x" * 500 + " act now", bundled())
    assert all(len(flag.evidence) <= 80 for flag in result.flags)
    assert {v.value for v in Verdict} == {"scam", "suspicious", "none_found"}


def test_prepare_text_collapses_whitespace_and_quotes() -> None:
    assert prepare_text("don’t \t  tell\r\n\n\n  anyone") == "don't tell\nanyone"


@pytest.mark.parametrize(
    "text",
    [
        "A redelivery fee of £1.45 is due.",
        "Pay a small fee of 2.99 to rebook your parcel.",
        "A small redelivery charge of 1.45 GBP is outstanding.",
        "Your parcel is held: a £2.50 fee must be paid.",
    ],
)
def test_small_fees_in_their_common_forms(text: str) -> None:
    result = analyse(text, bundled())
    assert "small-fee" in {flag.kind for flag in result.flags}
    assert result.verdict is not Verdict.NONE_FOUND


def test_overlapping_signs_of_one_kind_are_shown_once() -> None:
    result = analyse("A small fee of £1.45 is due.", bundled())
    fees = [flag for flag in result.flags if flag.kind == "small-fee"]
    assert len(fees) == 1
    assert "£1.45" in fees[0].evidence and fees[0].weight >= 3


def test_link_that_imitates_an_organisation_is_impersonation_on_its_own() -> None:
    result = analyse("https://xn--pypal-4ve.com/login", bundled(), channel=Channel.WEB)
    assert result.verdict is Verdict.SCAM
    assert any(f.kind == "impersonation" and "PayPal" in f.explanation for f in result.flags)


def test_the_analysis_reads_writes_and_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything the analysis needs is loaded beforehand: no file, cache or network is touched
    while a message is parsed, and the content passed in is left as it was."""
    import builtins
    import copy
    import io
    import os
    import pathlib
    import socket

    from sochelp.content import cache

    content = bundled()
    before = copy.deepcopy(content)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("I/O during the analysis")

    text = (
        "Royal Mail: your parcel is on hold. Pay the £1.45 fee at royalmaii.com/pay or "
        "hxxps://evri-redelivery[.]top today. Questions: hmrc.refunds@gmail.com"
    )
    with monkeypatch.context() as patch:
        for target, name in (
            (builtins, "open"), (io, "open"), (os, "open"), (pathlib.Path, "read_bytes"),
            (pathlib.Path, "open"), (cache, "load"), (cache, "save"), (socket, "getaddrinfo"),
        ):  # fmt: skip
            patch.setattr(target, name, refuse)
        result = analyse(text, content, sender="Royal Mail <help@royalmail-support.com>")
    assert result.verdict is Verdict.SCAM
    assert [link.domain for link in result.links] == ["royalmaii.com", "evri-redelivery.top"]
    assert [address.address for address in result.addresses] == ["hmrc.refunds@gmail.com"]
    assert content == before

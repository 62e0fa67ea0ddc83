"""Lessons of the forty-sixth round.

The content rule ``international-premium-number`` (a number with the country code of a
satellite network, an international network or a tiny island) gave its flag, but the code's own
idea of a premium number, the ``@premium`` fact the premium-rate-call and prize-claim families
combine, knew only UK 09, 070 and 087 numbers. "Ring this number now: 00247…" therefore made no
family, where "ring 0906…" does. The fact now takes the rule's places, so the list of codes
lives in one place (content). The sender's number is judged by the same UK pattern as a number
in the text, less 087 (a company's ordinary business line is often one). Examples written for
these tests.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, analyse
from sochelp.message.model import Channel
from tests.message.helpers import bundled, check, families, sources


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Ring meg nå på dette nummeret 002475510292, det haster.", "premium-rate-call"),
        ("Please call +882 1600 1234 about your parcel today.", "premium-rate-call"),
        ("You have won 5000 EUR! To claim your prize call +247 551 0292.", "prize-claim"),
    ],
)
def test_a_call_to_a_satellite_or_island_number_makes_the_premium_families(
    text: str, family: str
) -> None:
    result = check(text, Channel.SMS)
    assert family in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Please call us on +44 20 7946 0000 about your parcel today.",
        "Please call +33 1 23 45 67 89 about your appointment.",
        "Your order 24705 123 was dispatched today. Call 0800 123 4567 with questions.",
    ],
)
def test_an_ordinary_number_makes_no_premium_family(text: str) -> None:
    result = check(text, Channel.SMS)
    assert not families(result) & {"premium-rate-call", "prize-claim"}
    assert "international-premium-number" not in sources(result)


@pytest.mark.parametrize("sender", ["09011234567", "+44 70 1234 5678", "0906 123 4567"])
def test_a_premium_or_personal_sender_number_is_a_sign(sender: str) -> None:
    result = analyse("Hi, your code is ready.", bundled(), sender=sender, channel=Channel.SMS)
    assert "sender:premium" in sources(result)


@pytest.mark.parametrize("sender", ["08712345678", "0800 123 4567", "+44 20 7946 0000"])
def test_a_business_or_ordinary_sender_number_is_not_premium(sender: str) -> None:
    result = analyse("Hi, your code is ready.", bundled(), sender=sender, channel=Channel.SMS)
    assert "sender:premium" not in sources(result)

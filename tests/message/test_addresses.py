"""Email addresses in a message body are judged like senders and links."""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, analyse
from sochelp.message.links import scan
from tests.message.helpers import bundled


def _address_sources(text: str, sender: str | None = None) -> set[str]:
    result = analyse(text, bundled(), sender=sender)
    return {f.source for f in result.flags if f.source.startswith("address:")}


def test_addresses_are_told_apart_from_disguised_links() -> None:
    links, addresses = scan(
        "Write to hmrc.refunds@gmail.com or jo@example.co.uk; log in at "
        "www.paypal.com@login-check.example.ru/verify",
        bundled().suffixes,
    )
    assert addresses == ["hmrc.refunds@gmail.com", "jo@example.co.uk"]
    assert [c.host for c in links] == ["login-check.example.ru"]
    assert links[0].has_userinfo


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Questions? Contact hmrc.refunds@gmail.com today.", "address:webmail"),
        ("Royal Mail: reply to parcels-support@outlook.com", "address:webmail"),
        ("Your PayPal is limited. Write to service@paypa1.com", "address:lookalike-domain"),
        ("Email the team at help@royalmail-redelivery.com", "address:org-name-in-domain"),
        ("HMRC: send your form to claims@taxrefundoffice.co.uk", "address:unofficial-domain"),
    ],
)
def test_a_suspicious_address_in_the_message_is_a_sign(text: str, source: str) -> None:
    assert source in _address_sources(text)


@pytest.mark.parametrize(
    "text",
    [
        # The reader's own address, shown by the organisation, masked or not.
        "Amazon: we sent your receipt to jane.doe@gmail.com.",
        "New sign-in to your Microsoft account ja*****@outlook.com.",
        # A shop's own address in a message that mentions its carrier.
        "Your order is on its way with Royal Mail. Questions? orders@thistleandpine.co.uk",
        "Email your friend at sam.jones@hotmail.co.uk about the party.",
    ],
)
def test_ordinary_addresses_are_not_signs(text: str) -> None:
    assert _address_sources(text) == set()


def test_official_address_is_a_good_sign() -> None:
    result = analyse("Royal Mail: questions to help@royalmail.com", bundled())
    assert result.addresses[0].official_for == "Royal Mail"
    assert result.addresses[0].flags == ()
    assert any("email address on an official domain" in sign for sign in result.good_signs)


def test_named_organisation_with_a_lookalike_address_is_impersonation() -> None:
    result = analyse("HMRC: contact hmrc@hmrc-gov-uk.com to claim your refund", bundled())
    assert any(f.kind == "impersonation" and "hmrc-gov-uk.com" in f.explanation
               for f in result.flags)  # fmt: skip
    assert result.verdict is not Verdict.NONE_FOUND


def test_sender_display_name_decides_who_it_speaks_for() -> None:
    shop = analyse(
        "Your order left today with Royal Mail Tracked 48.",
        bundled(),
        sender="Thistle & Pine <orders@thistleandpine.co.uk>",
    )
    assert not any(f.source.startswith("sender:") for f in shop.flags)
    fake = analyse(
        "Your parcel is waiting.",
        bundled(),
        sender="Royal Mail <tracking@royalmail-parcels.com>",
    )
    assert "sender:org-name-in-domain" in {f.source for f in fake.flags}
    assert any(f.kind == "impersonation" for f in fake.flags)
    department = analyse(
        "Your Barclays account is locked.",
        bundled(),
        sender="Security Department <alerts@securemailcentre.com>",
    )
    assert "sender:unofficial-domain" in {f.source for f in department.flags}


def test_sender_address_is_not_judged_twice() -> None:
    result = analyse(
        "Reply to barclays.alerts@gmail.com",
        bundled(),
        sender="Barclays <barclays.alerts@gmail.com>",
    )
    assert result.addresses == ()
    assert [f.source for f in result.flags if "webmail" in f.source] == ["sender:webmail"]

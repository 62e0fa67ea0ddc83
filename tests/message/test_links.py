"""Finding links in text and judging them on their registrable domain, offline."""

from __future__ import annotations

import socket

import pytest

from sochelp.message import links, suffixes
from sochelp.message.links import Candidate, judge
from sochelp.message.suffixes import load_suffix_list
from tests.message.helpers import bundled


def extract(text: str) -> list[Candidate]:
    return links.extract(text, load_suffix_list())


def parse_link(url: str) -> Candidate | None:
    return links.parse_link(url, load_suffix_list())


def _urls(text: str) -> list[str]:
    return [c.url for c in extract(text)]


def test_links_are_found_in_every_written_form() -> None:
    text = (
        "Pay at hxxps://evil.example[.]com/pay or www.parcel-help.co.uk/track, "
        "see royalmail-fee.com. Also (http://192.168.0.1/login) and bit.ly/abc!"
    )
    assert _urls(text) == [
        "https://evil.example.com/pay",
        "www.parcel-help.co.uk/track",
        "royalmail-fee.com",
        "http://192.168.0.1/login",
        "bit.ly/abc",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "From: Artlon.Ruiz[@]sweetwaterschools[.]org",
        "write to support(at)admin-desk.example[.]com today",
        "reply to payroll{@}hr-portal.example.net",
    ],
)
def test_defanged_email_addresses_are_found(text: str) -> None:
    _, addresses = links.scan(text, load_suffix_list())
    assert len(addresses) == 1
    assert "@" in addresses[0]


def test_at_in_brackets_between_words_of_a_sentence_is_no_address() -> None:
    _, addresses = links.scan("Meet me (at) the station at noon.", load_suffix_list())
    assert addresses == []


def test_ordinary_text_is_not_taken_for_links() -> None:
    text = "Hello.It was fine, e.g. at 10.30 we ate. Email me at jo@example.com please."
    assert _urls(text) == []


def test_user_at_host_trick_is_found() -> None:
    (candidate,) = extract("log in: www.paypal.com@login-check.example.ru/verify")
    assert candidate.has_userinfo and candidate.host == "login-check.example.ru"


def test_link_extraction_is_capped() -> None:
    text = " ".join(f"site{n}.example.com" for n in range(500))
    assert len(extract(text)) == links.MAX_LINKS


def _codes(url: str) -> list[str]:
    candidate = parse_link(url)
    assert candidate is not None
    return [flag.code for flag in judge(candidate, bundled()).flags]


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://royalmaii.com/track", "lookalike-domain"),
        ("https://paypa1.com", "lookalike-domain"),
        ("https://xn--pypal-4ve.com/login", "punycode"),
        ("https://xn--pypal-4ve.com/login", "mixed-scripts"),
        ("https://evri-redelivery.com", "org-name-in-domain"),
        ("https://hmrc-refunds.help", "org-name-in-domain"),
        ("https://www.gov.uk.tax-refund.example.com/", "official-domain-inside"),
        ("https://amazon.co.uk.example.net", "official-domain-inside"),
        ("https://bit.ly/3abc", "shortener"),
        ("http://203.0.113.9/login", "ip-address"),
        ("http://example.org/", "plain-http"),
        ("https://a.b.c.d.example.org/", "deep-subdomain"),
        ("https://www.paypal.com@evil.example/", "user-at-host"),
        ("https://parcel-help.top/", "risky-ending"),
    ],
)
def test_link_problems(url: str, code: str) -> None:
    assert code in _codes(url)


@pytest.mark.parametrize(
    ("url", "org"),
    [
        ("https://www.royalmail.com/track-your-item", "Royal Mail"),
        ("https://www.tax.service.gov.uk/account", "HMRC"),
        ("nhs.uk/conditions", "NHS"),
        ("https://www.scotland.police.uk/contact-us/", "Police Scotland"),
        ("https://www.amazon.co.uk/your-orders", "Amazon"),
    ],
)
def test_official_links_are_a_good_sign_not_a_flag(url: str, org: str) -> None:
    candidate = parse_link(url)
    assert candidate is not None
    report = judge(candidate, bundled())
    assert report.flags == ()
    assert report.official_for == org


def test_registrable_domains_agree_with_tldextract() -> None:
    import tldextract

    reference = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )
    hosts = [
        "www.bbc.co.uk", "gov.uk", "www.gov.uk", "a.b.kawasaki.jp", "city.kawasaki.jp",
        "x.y.github.io", "royalmail.com.parcel-fee.co.uk", "scotland.police.uk",
        "foo.bar.nhs.uk", "example.com", "sub.example.ck", "www.ck",
        "xn--80ak6aa92e.com", "deep.sub.domain.web.app", "abc.blogspot.com",
    ]  # fmt: skip
    for host in hosts:
        ours, suffix = load_suffix_list().split(host)
        theirs = reference(host)
        # Ours are shown in Unicode (how the list is written); compare in ASCII form.
        assert suffix.encode("idna").decode() == theirs.suffix, host
        assert (ours.encode("idna").decode() if ours else "") == (
            theirs.top_domain_under_public_suffix
        ), host


def test_judging_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network use")

    content = bundled()
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    found = links.extract(
        "go to https://royalmaii.com and http://example.org bit.ly/x", content.suffixes
    )
    reports = [judge(candidate, content) for candidate in found]
    assert [r.domain for r in reports] == ["royalmaii.com", "example.org", "bit.ly"]
    assert "lookalike-domain" in {flag.code for flag in reports[0].flags}


def test_generic_organisation_words_count_only_as_whole_parts() -> None:
    # "live" (Microsoft) inside "redeliver", "office" inside "taxrefundoffice" are not claims.
    assert "org-name-in-domain" not in _codes("https://parcel-redeliver-gb.top/")
    assert "org-name-in-domain" not in _codes("https://taxrefundoffice.co.uk/")
    assert "org-name-in-domain" in _codes("https://office-verify.com/")


def test_punycode_domain_is_shown_in_ascii() -> None:
    candidate = parse_link("https://xn--pypal-4ve.com/login")
    assert candidate is not None
    report = judge(candidate, bundled())
    assert report.domain == "xn--pypal-4ve.com"
    assert report.imitates == "PayPal"
    assert {flag.label for flag in report.flags} <= set(links.LABELS.values())


def test_snapshot_is_found_without_importing_tldextract() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from sochelp.message.suffixes import load_suffix_list, snapshot_path\n"
        "assert snapshot_path() is not None and len(load_suffix_list().exact) > 5000\n"
        "print(sorted(m for m in ('tldextract', 'requests', 'httpx') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


def test_missing_snapshot_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from sochelp.errors import ServiceError

    monkeypatch.setattr(suffixes, "find_spec", lambda name: None)
    load_suffix_list.cache_clear()
    try:
        with pytest.raises(ServiceError, match="list of web address endings") as caught:
            load_suffix_list()
        assert caught.value.hint is not None and "tldextract" in caught.value.hint
    finally:
        monkeypatch.undo()
        load_suffix_list.cache_clear()

"""An organisation's name inside an address: borrowed (a scam's) or a coincidence (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.message import content as message_content
from sochelp.message.links import judge, parse_link
from tests.message.helpers import bundled


def _report(url: str) -> tuple[list[str], str | None]:
    candidate = parse_link(url, bundled().suffixes)
    assert candidate is not None
    report = judge(candidate, bundled())
    return [flag.code for flag in report.flags], report.official_for


@pytest.mark.parametrize(
    ("host", "code"),
    [
        ("royalmailredelivery.com", "org-name-in-domain"),  # name + lure word, one part
        ("hmrcrefund.co.uk", "org-name-in-domain"),
        ("paypal-secure.com", "org-name-in-domain"),  # a whole part
        ("secure-natwest-online.com", "org-name-in-domain"),
        ("amazonprime-support.net", "org-name-in-domain"),
        ("evri-parcel.info", "org-name-in-domain"),
        ("royal-mail-fee.com", "org-name-in-domain"),  # spans two parts
        ("dvla-refund.uk", "org-name-in-domain"),
        ("hmrc2024-refund.com", "org-name-in-domain"),  # digits count as filler
        ("securepaypalverify.com", "org-name-in-domain"),  # lure words on both sides
        ("paypal.example-shop.com", "org-name-in-domain"),  # a sub-domain of another site
        ("paypa1.com", "lookalike-domain"),
    ],
)
def test_borrowed_names_are_still_flagged(host: str, code: str) -> None:
    codes, official = _report(f"https://{host}/")
    assert code in codes
    assert official is None


@pytest.mark.parametrize(
    "host",
    [
        "aldil.org",
        "starlingtech.com",
        "santanderine.com",
        # Real domains from the SpamAssassin and Mendeley dev halves that hold a brand's letters
        # by coincidence ("aldi" in "aldil", "starling" in "starlingtech", "tesco" across
        # "updates.com" and "bites.com").
        "redhat.aldil.org",
        "www.starlingtech.com",
        "www.cnupdates.com",
        "www.spambites.com",
    ],
)
def test_a_name_inside_an_unrelated_word_is_not_an_imitation(host: str) -> None:
    codes, _ = _report(f"https://{host}/")
    assert "org-name-in-domain" not in codes
    assert "lookalike-domain" not in codes


def test_a_word_outside_the_lure_list_does_not_make_a_borrowing() -> None:
    # "tech" is not a lure word, so neither side of the name may be an ordinary word.
    assert "org-name-in-domain" not in _report("https://paypaltech.com/")[0]
    assert "org-name-in-domain" in _report("https://paypalsupport.com/")[0]


@pytest.mark.parametrize(
    "host", ["amazon.de", "www.amazon.fr", "amazon.it", "amazon.es", "amazon.ca"]
)
def test_amazons_country_shops_are_amazons_own(host: str) -> None:
    codes, official = _report(f"https://{host}/")
    assert codes == []
    assert official == "Amazon"


def test_other_endings_of_other_brands_are_still_flagged() -> None:
    assert "other-ending" in _report("https://paypal.de/")[0]


def test_lure_words_are_loaded_from_content() -> None:
    words = bundled().domains_of("lure-word")
    assert {"secure", "refund", "redelivery", "parcel", "support", "prime"} <= set(words)
    assert "tech" not in words


def _overlay(tmp_path: Path, text: str) -> ContentStore:
    folder = tmp_path / "link_rules"
    folder.mkdir()
    (folder / "extra.toml").write_text(text, encoding="utf-8")
    return ContentStore(overlay=tmp_path)


@pytest.mark.parametrize("word", ["pay.pal", "secure-login", "x", "login2"])
def test_a_lure_word_that_is_not_a_plain_word_is_reported(tmp_path: Path, word: str) -> None:
    text = (
        '[[domain_list]]\nid = "more-lures"\nkind = "lure-word"\nweight = 0\n'
        f'explanation = "x"\ndomains = ["{word}"]\n'
    )
    problems = message_content.check(_overlay(tmp_path, text))
    assert any("domain_list" in p.key and "extra.toml" in p.file for p in problems), problems


def test_an_overlay_can_add_lure_words(tmp_path: Path) -> None:
    text = (
        '[[domain_list]]\nid = "more-lures"\nkind = "lure-word"\nweight = 0\n'
        'explanation = "Extra words."\ndomains = ["tech"]\n'
    )
    store = _overlay(tmp_path, text)
    assert message_content.check(store) == []
    content = message_content.load(store)
    candidate = parse_link("https://paypaltech.com/", content.suffixes)
    assert candidate is not None
    assert "org-name-in-domain" in [f.code for f in judge(candidate, content).flags]

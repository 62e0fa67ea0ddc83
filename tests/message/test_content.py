"""Message content: the bundled files are valid, and every kind of mistake is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.message import content as message_content
from sochelp.message.content import literal_prefixes
from sochelp.redflags import RED_FLAGS
from tests.message.helpers import bundled

REQUIRED_FLAGS = {
    "urgency",
    "threat",
    "asks-for-details",
    "remote-access",
    "unusual-payment",
    "too-good-to-be-true",
    "secrecy",
    "small-fee",
    "money-through-account",
    "premium-rate",
    "impersonation",
}


def test_bundled_content_has_no_problems() -> None:
    assert message_content.check(ContentStore()) == []


def test_rules_cover_the_required_kinds_and_use_the_vocabulary() -> None:
    content = bundled()
    vocabulary = ContentStore().collection(RED_FLAGS)
    kinds = {compiled.rule.flag for compiled in content.rules}
    assert kinds >= REQUIRED_FLAGS
    assert all(kind in vocabulary for kind in kinds)
    assert len(content.rules) >= 50


def test_organisations_include_the_commonly_spoofed_ones() -> None:
    domains = {org.id: set(org.domains) for org in bundled().organisations}
    assert "gov.uk" in domains["hmrc"]
    assert "royalmail.com" in domains["royal-mail"]
    assert "evri.com" in domains["evri"]
    assert "nhs.uk" in domains["nhs"]
    assert "scotland.police.uk" in domains["police-scotland"]
    assert {"amazon.co.uk", "amazon.com"} <= domains["amazon"]


def _overlay(tmp_path: Path, folder: str, text: str) -> ContentStore:
    (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    (tmp_path / folder / "extra.toml").write_text(text, encoding="utf-8")
    return ContentStore(overlay=tmp_path)


def _rule(pattern: str, **extra: str) -> str:
    fields = {
        "id": "test-rule",
        "flag": "urgency",
        "weight": "2",
        "explanation": "Test.",
        "examples": '["act now"]',
        **extra,
    }
    raw = ("weight", "examples", "counter_examples")
    lines = [f"{key} = {value if key in raw else repr(value)}" for key, value in fields.items()]
    return "[[rule]]\n" + f"pattern = '''{pattern}'''\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("pattern", "extra", "reason"),
    [
        (r"(act now", {}, "does not compile"),
        (r"(?:a|b)*", {"examples": '["xyz"]'}, "matches empty text"),
        (r"(?:\w+\s?)+now", {}, "backtrack"),
        (r"\bact now\b", {"flag": "no-such-flag"}, "unknown red flag"),
        (r"\bact later\b", {}, "does not match it"),
        (r"\bact now\b", {"counter_examples": '["please act now"]'}, "the pattern matches it"),
    ],
)
def test_rule_problems_are_reported(
    tmp_path: Path, pattern: str, extra: dict[str, str], reason: str
) -> None:
    store = _overlay(tmp_path, "message_rules", _rule(pattern, **extra))
    problems = message_content.check(store)
    assert any(reason in problem.reason for problem in problems), problems
    assert all("extra.toml" in problem.file for problem in problems)


def test_unknown_report_situation_is_reported(tmp_path: Path) -> None:
    store = _overlay(
        tmp_path, "message_rules", _rule(r"\bact now\b", report_situation="no-such-situation")
    )
    problems = message_content.check(store)
    assert any("unknown situation 'no-such-situation'" in p.reason for p in problems)


def test_official_domain_in_a_shortener_list_is_reported(tmp_path: Path) -> None:
    text = (
        '[[domain_list]]\nid = "bad"\nkind = "shortener"\nweight = 1\n'
        'explanation = "x"\ndomains = ["royalmail.com"]\n'
    )
    problems = message_content.check(_overlay(tmp_path, "link_rules", text))
    assert any("official domain of 'royal-mail'" in p.reason for p in problems)


PHRASE_CUE = """
[[cue]]
id = "test-phrase"
only_in_patterns = true
description = "x"
pattern = '''\\bnever\\b'''
examples = ["never"]
"""

FAMILY_NAMING_IT = """
[[family]]
id = "test-family"
flag = "urgency"
weight = 2
explanation = "x"
all = ["test-phrase"]
examples = ["never"]
"""


def test_a_phrase_cue_is_for_patterns_only(tmp_path: Path) -> None:
    """A cue marked ``only_in_patterns`` serves other patterns (``{{id}}``) but is never looked
    for by itself, so a family naming it is a content problem; the negation phrase the rules'
    ``unless_before`` share is one."""
    content = bundled()
    assert "advice-or-report" not in {cue.rule.id for cue in content.cues}
    compiled = {rule.rule.id: rule for rule in content.rules}["dont-tell"]
    assert compiled.rule.unless_before == "{{advice-or-report}}"
    assert compiled.unless is not None and compiled.unless.search("we will never")
    _overlay(tmp_path, "message_cues", PHRASE_CUE)
    store = _overlay(tmp_path, "message_families", FAMILY_NAMING_IT)
    problems = message_content.check(store)
    assert any("unknown cue or rule 'test-phrase'" in p.reason for p in problems), problems


@pytest.mark.parametrize(
    ("named", "counted_as"),
    [
        ("request-link-site", "request-link"),
        ("request-pay-other-languages", "request-pay"),
    ],
)
def test_a_family_naming_a_merged_request_cue_is_a_problem(
    tmp_path: Path, named: str, counted_as: str
) -> None:
    """Other forms of a request are merged into the cue they stand for before families are
    read, so a family naming one could never match: the check says which cue to name."""
    family = FAMILY_NAMING_IT.replace('all = ["test-phrase"]', f'all = ["{named}"]')
    store = _overlay(tmp_path, "message_families", family)
    problems = message_content.check(store)
    assert any(f"name '{counted_as}'" in p.reason for p in problems), problems


def test_literal_prefixes() -> None:
    assert literal_prefixes(r"\b(?:gift ?cards?|bitcoin)\b") == ("bitcoin", "gift card", "giftcard")
    assert literal_prefixes(r"\bre-?delivery\s+fee") == ("re-deliver", "redelivery")
    assert literal_prefixes(r"\b\w+ now") is None


def test_a_broken_private_regex_parser_degrades_safely(monkeypatch: pytest.MonkeyPatch) -> None:
    """The nested-repeat check and the prefix search read ``re._parser``; if it changes, content
    still loads and rules still match (the timing test in test_redos.py is the real guard)."""
    import re
    import types

    from sochelp.message.analyse import analyse
    from sochelp.message.content import _nested_repeat

    def broken(*args: object, **kwargs: object) -> None:
        raise AttributeError("parser changed")

    # Only what ``from re import _parser`` finds; re.compile keeps its own reference.
    monkeypatch.setattr(re, "_parser", types.SimpleNamespace(parse=broken), raising=False)
    assert literal_prefixes(r"\bgift cards?\b") is None
    assert _nested_repeat(r"(?:\w+\s?)+now") is False
    content = message_content.load(ContentStore())
    assert all(compiled.prefixes is None for compiled in content.rules)
    kinds = {f.kind for f in analyse("Buy gift cards and read me the code now.", content).flags}
    assert {"unusual-payment", "asks-for-details"} <= kinds


def test_every_bundled_rule_and_cue_has_literal_prefixes() -> None:
    """A pattern without literal prefixes is searched through the whole text, which on a 1 MB
    message cost as much as all the others together (``device-infected`` did until the fourth
    round): write each alternative so it starts with words."""
    content = message_content.load(ContentStore())
    missing = [c.rule.id for c in (*content.rules, *content.cues) if c.prefixes is None]
    assert missing == []


# --- named choices of items (content/message_family_choices/) --------------------------------

FAMILY_NAMING_A_CHOICE = """
[[family]]
id = "test-choice-family"
flag = "urgency"
weight = 2
explanation = "A test family."
all = ["choice:test-lures|@concept-link-lure", "choice:test-requests"]
none = ["choice:test-warnings"]
examples = ["Votre colis est bloqué. Cliquez ici: http://colis-bloque.example"]
"""

TEST_CHOICES = """
[[choice]]
id = "test-lures"
description = "two lures"
items = ["lure-other-languages", "alert-other-languages"]

[[choice]]
id = "test-requests"
description = "two requests"
items = ["asks-to-act-other-languages", "request-link"]

[[choice]]
id = "test-warnings"
description = "two warnings"
items = ["talks-about-scams", "trusted-route"]
"""


def test_a_family_naming_a_choice_accepts_each_of_its_items(tmp_path: Path) -> None:
    """``choice:<id>`` in a family's group stands for the choice's items, in its ``none`` too,
    and beside other items of the same group."""
    _overlay(tmp_path, "message_family_choices", TEST_CHOICES)
    store = _overlay(tmp_path, "message_families", FAMILY_NAMING_A_CHOICE)
    assert message_content.check(store) == []
    content, _ = message_content.collect(store, bundled().suffixes)
    assert content is not None
    family = {f.id: f for f in content.families}["test-choice-family"]
    assert family.all == (
        ("lure-other-languages", "alert-other-languages", "@concept-link-lure"),
        ("asks-to-act-other-languages", "request-link"),
    )
    assert family.none == ("talks-about-scams", "trusted-route")


def test_the_bundled_families_name_the_bundled_choices() -> None:
    """The lists several families share are named once: every item of a choice reaches each
    family that names it."""
    store = ContentStore()
    choices = store.collection(message_content.CHOICES)
    lures = choices["other-language-lures"].items
    families = {f.id: f for f in bundled().families}
    groups = families["lure-request-link-other-languages"].all
    assert any(set(lures) <= set(group) for group in groups)


@pytest.mark.parametrize(
    ("choices", "family_all", "reason"),
    [
        # a family naming a choice nobody defined
        ("", '["choice:no-such-choice"]', "unknown choice 'choice:no-such-choice'"),
        # a choice listing something that is not a cue, rule or fact
        (
            TEST_CHOICES.replace('"talks-about-scams"', '"no-such-cue"'),
            '["choice:test-lures", "choice:test-requests"]',
            "unknown cue or rule 'no-such-cue'",
        ),
        # a choice naming another choice, or a family (read before both)
        (
            TEST_CHOICES.replace('"trusted-route"', '"choice:test-lures"'),
            '["choice:test-lures", "choice:test-requests"]',
            "a choice lists cues, rules and facts only, not 'choice:test-lures'",
        ),
        (
            TEST_CHOICES.replace('"trusted-route"', '"family:hi-mum"'),
            '["choice:test-lures", "choice:test-requests"]',
            "a choice lists cues, rules and facts only, not 'family:hi-mum'",
        ),
    ],
)
def test_a_mistaken_choice_is_a_content_problem(
    tmp_path: Path, choices: str, family_all: str, reason: str
) -> None:
    if choices:
        _overlay(tmp_path, "message_family_choices", choices)
    family = FAMILY_NAMING_A_CHOICE.replace(
        'all = ["choice:test-lures|@concept-link-lure", "choice:test-requests"]',
        f"all = {family_all}",
    ).replace('none = ["choice:test-warnings"]\n', "")
    store = _overlay(tmp_path, "message_families", family)
    problems = message_content.check(store)
    assert any(reason in p.reason for p in problems), problems
    assert all(p.file and p.key for p in problems if reason in p.reason)


def test_a_choice_of_one_item_is_a_content_problem(tmp_path: Path) -> None:
    one = '[[choice]]\nid = "lonely"\ndescription = "one"\nitems = ["prize"]\n'
    store = _overlay(tmp_path, "message_family_choices", one)
    problems = message_content.check(store)
    assert any("choice" in p.key and "items" in p.key for p in problems), problems

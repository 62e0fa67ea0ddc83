"""Validation of the bundled checklists and of each kind of content problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp.checkup import content as checkup_content
from sochelp.checkup.content import MIN_ITEMS_PER_AUDIENCE, SOC_SECTION, SOC_TOPICS
from sochelp.content.registry import CHECKERS
from sochelp.content.store import ContentStore
from sochelp.content.types import Audience
from sochelp.errors import ContentError
from sochelp.scopes import Activity, audiences_for
from tests.checkup.fixtures import audience_file, item_toml, store_for

#: Situations and guides the report and signs capabilities must provide (issue 2 / signs brief).
REPORT_SITUATIONS = {
    "emergency", "crime-report", "anonymous-tip", "fraud-loss", "phishing-email", "scam-text",
    "scam-call", "scam-website", "investment-scam", "romance-scam", "identity-theft",
    "sextortion", "human-trafficking", "drugs-community", "money-laundering",
    "business-cyber-attack", "counterfeit-goods", "doorstep-crime", "corruption",
    "victim-support",
}  # fmt: skip
CHECKUP_AUDIENCES = list(audiences_for(Activity.CHECKUP))
SIGNS_GUIDES = {"human-trafficking", "cuckooing", "county-lines", "money-mule", "doorstep-crime"}


# --- the bundled checklists -------------------------------------------------------------------


def _bundled_items() -> list[checkup_content.Item]:
    items, problems = ContentStore().collect(checkup_content.ITEMS)
    assert problems == []
    return list(items)


def test_bundled_checklists_have_no_problems_of_their_own() -> None:
    # Includes every link to a `sochelp report` situation and a `sochelp signs` guide.
    assert checkup_content.check(ContentStore()) == []
    content = checkup_content.load(ContentStore())
    for audience in CHECKUP_AUDIENCES:
        assert len(content.for_audience(audience)) >= MIN_ITEMS_PER_AUDIENCE


@pytest.mark.parametrize("audience", CHECKUP_AUDIENCES)
def test_every_audience_checklist(audience: Audience) -> None:
    items = [i for i in _bundled_items() if i.audience is audience]
    assert len(items) >= MIN_ITEMS_PER_AUDIENCE
    assert len({i.section for i in items}) >= 2
    for item in items:
        assert item.question.endswith("?")
        assert item.links and all(link.startswith("https://") for link in item.links)
        assert len(item.steps) >= 2
        assert 1 <= item.effort <= 3 and 1 <= item.impact <= 3
        assert item.report_situation is None or item.report_situation in REPORT_SITUATIONS
        assert item.signs_guide is None or item.signs_guide in SIGNS_GUIDES
    # A plan needs a spread of impact and effort to be worth ordering.
    assert len({(i.impact, i.effort) for i in items}) >= 2


def test_public_body_has_the_soc_self_assessment() -> None:
    soc = [
        i
        for i in _bundled_items()
        if i.audience is Audience.PUBLIC_BODY and i.section == SOC_SECTION
    ]
    assert {t for i in soc for t in i.topics} >= set(SOC_TOPICS)
    text = " ".join(i.question + " ".join(i.steps) for i in soc)
    assert "sections 28 and 31" in text


def test_every_item_links_to_the_rest_of_sochelp_somewhere() -> None:
    items = _bundled_items()
    assert {i.report_situation for i in items} - {None}
    assert {i.signs_guide for i in items} - {None} == SIGNS_GUIDES
    assert {i.quiz_topic for i in items} - {None}


def test_checker_is_registered() -> None:
    assert "sochelp.checkup.content:check" in CHECKERS


# --- each kind of problem, on small fixtures --------------------------------------------------


def test_fixture_tree_is_valid(tmp_path: Path) -> None:
    assert checkup_content.check(store_for(tmp_path)) == []


def _problems(tmp_path: Path, overrides: dict[str, str]) -> list[str]:
    return [str(p) for p in checkup_content.check(store_for(tmp_path, overrides))]


def _with_extra(audience: str, text: str) -> dict[str, str]:
    return {f"checkup/{audience}.toml": audience_file(Audience(audience)) + text}


@pytest.mark.parametrize(
    ("extra_item", "expected"),
    [
        (item_toml("x-q", "business", question="Tell me about backups"), "must end with '?'"),
        (item_toml("x-why", "business", why="One. Two. Three."), "one or two sentences"),
        (item_toml("x-effort", "business", effort=4), "effort"),
        (item_toml("x-impact", "business", impact=0), "impact"),
        (item_toml("x-link", "business", link="http://example.org/x"), "https://"),
        (item_toml("x-key", "business", extra='colour = "red"'), "unknown key"),
        (item_toml("Bad Id", "business"), "item[Bad Id].id"),
        (item_toml("x-aud", "ministers"), "audience"),
        (item_toml("x-young", "young-people"), "'young-people' has no check-up"),
        (item_toml("business-0", "business"), "duplicate id"),
    ],
)
def test_item_problems(tmp_path: Path, extra_item: str, expected: str) -> None:
    problems = _problems(tmp_path, _with_extra("business", extra_item))
    assert any(expected in p for p in problems), problems
    with pytest.raises(ContentError):
        checkup_content.load(store_for(tmp_path / "again", _with_extra("business", extra_item)))


def test_missing_key(tmp_path: Path) -> None:
    broken = item_toml("x-missing", "business").replace("impact = 2\n", "")
    problems = _problems(tmp_path, _with_extra("business", broken))
    assert (
        "content/checkup/business.toml: item[x-missing].impact: required key is missing" in problems
    )


def test_too_few_items(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {"checkup/elected.toml": audience_file(Audience.ELECTED, 3)})
    assert any("audience[elected]" in p and "has 3 items" in p for p in problems), problems


def test_missing_soc_topic(tmp_path: Path) -> None:
    text = audience_file(Audience.PUBLIC_BODY).replace('topics = ["licensing"]', "")
    problems = _problems(tmp_path, {"checkup/public-body.toml": text})
    assert any("no item with topic 'licensing'" in p for p in problems), problems


def test_item_in_the_wrong_file(tmp_path: Path) -> None:
    problems = _problems(tmp_path, _with_extra("business", item_toml("x-lost", "finance")))
    assert any("item[x-lost].audience" in p and "finance.toml" in p for p in problems), problems


def test_unknown_situation_and_guide_are_problems_but_do_not_block(tmp_path: Path) -> None:
    extra = item_toml(
        "x-links",
        "business",
        extra='report_situation = "no-such-situation"\nsigns_guide = "no-such-guide"\n'
        'quiz_topic = "anything"',
    )
    overrides = _with_extra("business", extra)
    problems = _problems(tmp_path, overrides)
    assert any("unknown situation 'no-such-situation'" in p for p in problems)
    assert any("unknown signs guide 'no-such-guide'" in p for p in problems)
    content = checkup_content.load(store_for(tmp_path / "load", overrides))
    item = next(i for i in content.for_audience(Audience.BUSINESS) if i.id == "x-links")
    assert item.report_situation is None and item.signs_guide is None
    assert item.quiz_topic == "anything"


def test_known_links_are_kept(tmp_path: Path) -> None:
    extra = item_toml(
        "x-ok", "business", extra='report_situation = "fraud-loss"\nsigns_guide = "money-mule"'
    )
    overrides = _with_extra("business", extra)
    assert _problems(tmp_path, overrides) == []
    content = checkup_content.load(store_for(tmp_path / "load", overrides))
    item = next(i for i in content.for_audience(Audience.BUSINESS) if i.id == "x-ok")
    assert (item.report_situation, item.signs_guide) == ("fraud-loss", "money-mule")


def test_overlay_replaces_an_item(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    (overlay / "checkup").mkdir(parents=True)
    (overlay / "checkup" / "business.toml").write_text(
        item_toml("business-0", "business", section="Local"), encoding="utf-8"
    )
    store = store_for(tmp_path / "bundled")
    store = ContentStore(overlay=overlay, bundled=store.bundled)
    content = checkup_content.load(store)
    first = content.for_audience(Audience.BUSINESS)[0]
    assert first.id == "business-0" and first.section == "Local"


def test_quiz_topics_exist_in_the_quiz() -> None:
    from sochelp.quiz.content import QUESTIONS

    questions, _ = ContentStore().collect(QUESTIONS)
    known = {topic for question in questions for topic in question.topics}
    used = {i.quiz_topic for i in _bundled_items()} - {None}
    assert used and used <= known, used - known


def test_young_people_need_no_checklist() -> None:
    """young-people is a quiz audience only: the bundled content has no checklist for it and
    validation does not ask for one."""
    assert Audience.YOUNG_PEOPLE not in CHECKUP_AUDIENCES
    assert Audience.YOUNG_PEOPLE in audiences_for(Activity.QUIZ)
    assert not Path("content/checkup/young-people.toml").exists()
    content = checkup_content.load(ContentStore())
    assert content.for_audience(Audience.YOUNG_PEOPLE) == ()
    assert not any("young-people" in str(p) for p in checkup_content.check(ContentStore()))


def test_a_tree_without_checklists_is_not_held_to_the_counts(tmp_path: Path) -> None:
    overrides = {f"checkup/{a.value}.toml": "" for a in CHECKUP_AUDIENCES}
    store = store_for(tmp_path, overrides)
    assert checkup_content.check(store) == []
    content = checkup_content.load(store)
    with pytest.raises(ContentError, match="1 problem"):
        checkup_content.items_for(content, Audience.BUSINESS)


QUIZ_QUESTION = """
[[question]]
id = "q-one"
format = "scam-or-genuine"
topics = ["phishing"]
audiences = ["business"]
difficulty = "easy"
prompt = "Scam or genuine?"
report_situation = "fraud-loss"
reviewed = 2026-01-01
sources = ["https://example.org/q"]
answer = "genuine"
explanation = "It is genuine because you asked for it."
what_to_do = "Nothing to do."
[question.scenario]
medium = "sms"
body = "Your code is 123456."
"""


def test_unknown_quiz_topic_is_a_problem_and_is_dropped(tmp_path: Path) -> None:
    extra = item_toml("x-quiz", "business", extra='quiz_topic = "no-such-topic"') + item_toml(
        "x-quiz-ok", "business", extra='quiz_topic = "phishing"'
    )
    overrides = {**_with_extra("business", extra), "quiz/q.toml": QUIZ_QUESTION}
    problems = _problems(tmp_path, overrides)
    assert [p for p in problems if "quiz_topic" in p] == [
        "content/checkup/business.toml: item[x-quiz].quiz_topic: unknown quiz topic "
        "'no-such-topic' (see 'sochelp scam-quiz --list-topics')"
    ]
    content = checkup_content.load(store_for(tmp_path / "load", overrides))
    items = {i.id: i for i in content.for_audience(Audience.BUSINESS)}
    assert items["x-quiz"].quiz_topic is None
    assert items["x-quiz-ok"].quiz_topic == "phishing"

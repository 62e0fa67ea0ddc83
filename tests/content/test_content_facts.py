"""Facts fixed in issue 15, each pinned so that it cannot quietly come back wrong."""

from __future__ import annotations

import re

import pytest

from sochelp.checkup.content import ITEMS
from sochelp.content.sources import host_of
from sochelp.content.store import ContentStore
from sochelp.message.content import RULES, compile_pattern
from sochelp.quiz.content import QUESTIONS, Question
from sochelp.signs.content import GUIDES

#: Domains that were invented or placeholders, once shown as genuine senders.
INVENTED = (
    "glenmorven",
    "kelvinhall-boxoffice",
    "example-neighbourhoodalert",
    "example-firm",
    "example-homes",
    "example-council",
    "example-charity",
    "example-group",
    "example-stores",
    "example.co.uk",
    "theharbourkitchen",
    "glenview-catering",
)
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:co\.uk|org\.uk|gov\.uk|scot|com|uk|org)\b", re.I)


def _questions() -> dict[str, Question]:
    return {q.id: q for q in ContentStore().collection(QUESTIONS)}


def _genuine_text(question: Question) -> str:
    scenario = question.scenario
    parts = [scenario.sender, scenario.to, scenario.reply_to, scenario.subject, scenario.body]
    return " ".join(p for p in parts if p)


def test_royal_mail_fee_to_pay_card_matches_royal_mails_own_help_page() -> None:
    question = _questions()["genuine-royal-mail-fee-to-pay-card"]
    body = question.scenario.body
    assert "handling fee £8.00" in body
    assert "£6.00" not in body
    assert "card or PayPal" in body
    assert "personal.help.royalmail.com" in " ".join(question.sources)
    # The total is the customs charge plus the £8 handling fee.
    total, customs = (float(x) for x in re.findall(r"£(\d+\.\d\d)", body)[:2])
    assert total == pytest.approx(customs + 8.0)


def test_no_invented_domain_is_shown_as_a_genuine_sender() -> None:
    for question in _questions().values():
        if question.answer != "genuine":
            continue
        text = _genuine_text(question).lower()
        for invented in INVENTED:
            assert invented not in text, (question.id, invented)


def test_genuine_senders_use_real_organisations_domains() -> None:
    """Every domain in a genuine example belongs to the real organisation it names."""
    real = {
        "royalmail.com",
        "dpd.co.uk",
        "fife.gov.uk",
        "eastdunbarton.gov.uk",
        "aberdeenshire.gov.uk",
        "publiccontractsscotland.gov.uk",
        "parliament.scot",
        "oscr.org.uk",
        "neighbourhoodwatchscotland.co.uk",
        "usherhall.co.uk",
        "gov.uk",
        "steampowered.com",
        "ticketmaster.co.uk",
        "childline.org.uk",
        "fearless.org",
    }
    for question in _questions().values():
        if question.answer != "genuine":
            continue
        for found in _DOMAIN.findall(_genuine_text(question)):
            domain = found.lower().removeprefix("www.")
            assert any(domain == r or domain.endswith("." + r) for r in real), (question.id, domain)


def test_weekday_fixes_in_the_genuine_quiz() -> None:
    questions = _questions()
    ticket = _genuine_text(questions["genuine-ticket-order-confirmation"])
    assert "Saturday 13 March 2027" in ticket
    assert "Wed 9 Dec" in _genuine_text(questions["genuine-nhs-appointment-text"])
    assert "Saturday 5 December" in _genuine_text(questions["genuine-parliament-it-maintenance"])
    assert "Friday 11 December" in _genuine_text(questions["genuine-gifts-register-reminder"])


def test_pension_age_is_55_rising_to_57_in_the_quiz() -> None:
    questions = _questions()
    scam = questions["pension-review-cold-call"]
    texts = [
        q.explanation + " " + _genuine_text(q)
        for q in questions.values()
        if "pension" in " ".join(q.topics)
    ]
    assert texts
    joined = " ".join(texts)
    assert "rising to 57" in joined and "6 April 2028" in joined
    assert "before 55 is normally not possible" not in joined
    assert "rising to 57 on 6 April 2028" in scam.explanation
    assert "commonslibrary.parliament.uk" in " ".join(scam.sources)


def test_pension_rule_knows_the_minimum_age_rises_to_57() -> None:
    rule = ContentStore().collection(RULES)["pension-offer"]
    assert "rising to 57 on 6 April 2028" in rule.explanation
    regex = compile_pattern(rule.pattern)
    assert regex.search("release 25% of your pension before 57")
    assert regex.search("access your pension before age 55")
    assert not regex.search("retire at 60 with your pension")


def test_councillor_complaints_go_to_the_ethical_standards_commissioner() -> None:
    items = {item.id: item for item in ContentStore().collection(ITEMS)}
    steps = " ".join(items["ele-interests"].steps)
    assert "Ethical Standards Commissioner, who investigates" in steps
    assert "Standards Commission for Scotland then decides" in steps
    assert "monitoring officer or Standards Commission and" not in steps


def test_public_body_self_assessment_is_honest_about_its_source() -> None:
    items = [i for i in ContentStore().collection(ITEMS) if i.audience == "public-body"]
    text = " ".join(i.question + " " + i.why + " " + " ".join(i.steps) for i in items)
    assert "every two years" not in text and "last two years" not in text
    first = next(i for i in items if i.id == "pub-soc-self-assessment")
    assert "sochelp's own" in first.why and "not published" in first.why


def test_procurement_exclusion_duty_sits_next_to_the_declaration() -> None:
    items = [i.id for i in ContentStore().collection(ITEMS) if i.audience == "public-body"]
    declaration = items.index("pub-procurement-declaration")
    assert items[declaration + 1] == "pub-procurement-exclusion"
    item = ContentStore().collection(ITEMS)["pub-procurement-exclusion"]
    assert "regulation 8 of the Procurement (Scotland) Regulations 2016" in item.question
    assert "https://www.legislation.gov.uk/ssi/2016/145/regulation/8/made" in item.links


def test_no_quiz_or_guide_cites_action_fraud() -> None:
    store = ContentStore()
    urls = [u for q in store.collection(QUESTIONS) for u in q.sources]
    urls += [u for g in store.collection(GUIDES) for u in g.sources]
    assert not [u for u in urls if host_of(u).endswith("actionfraud.police.uk")]

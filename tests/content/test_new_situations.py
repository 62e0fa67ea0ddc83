"""The situations added for issue 15: present for all three regions, sourced, routed correctly,
and found from the words people actually use."""

from __future__ import annotations

import json

import pytest

from sochelp.content.sources import ALLOWED, is_allowed
from sochelp.content.store import ContentStore
from sochelp.report import content as report_content
from sochelp.report import core
from sochelp.scopes import Region
from sochelp.signs.content import GUIDES
from tests.conftest import run_cli

NEW_SITUATIONS = [
    "hacked-account",
    "public-sector-fraud",
    "public-office-misconduct",
    "money-advice-after-scam",
    "vulnerable-adult-financial-abuse",
    "child-online-harm",
    "help-someone",
]
REGIONS = [r.value for r in Region]


@pytest.fixture(scope="module")
def content() -> report_content.ReportContent:
    return report_content.load(ContentStore())


@pytest.mark.parametrize("situation", NEW_SITUATIONS)
def test_new_situation_is_sourced_for_every_region(
    content: report_content.ReportContent, situation: str
) -> None:
    found = content.situations[situation]
    allowed = [d.id for d in ContentStore().collection(ALLOWED)]
    assert found.sources and all(is_allowed(url, allowed) for url in found.sources)
    for region in Region:
        advice = found.regions[region]
        assert advice.contacts, region
        steps = advice.steps or found.steps
        assert steps and len(steps) >= 4, region


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("situation", NEW_SITUATIONS)
def test_new_situation_report(situation: str, region: str) -> None:
    result = run_cli(["report", situation, "--region", region, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["situation"] == situation and data["steps"] and data["contacts"]
    plain = run_cli(["report", situation, "--region", region])
    assert plain.exit_code == 0 and "Who to contact:" in plain.stdout


@pytest.mark.parametrize(
    "situation", sorted(ContentStore().collection(report_content.SITUATIONS).ids())
)
def test_scotland_is_never_routed_to_report_fraud(situation: str) -> None:
    data = json.loads(run_cli(["report", situation, "-r", "scotland", "--json"]).stdout)
    for contact in data["contacts"]:
        shown = " ".join(str(contact[k]) for k in ("name", "web", "phone", "email")).lower()
        assert "reportfraud" not in shown and "report fraud" not in shown
        assert contact["phone"] != "0300 123 2040"
    # "sochelp report fraud-loss" is a command, not the Report Fraud service.
    steps = " ".join(data["steps"]).lower().replace("report fraud-loss", "")
    assert "report fraud" not in steps and "0300 123 2040" not in steps


def test_hacked_account_recovers_first_then_reports(content: report_content.ReportContent) -> None:
    for region in Region:
        steps = [
            s.lower() for s in content.situations["hacked-account"].regions[region].steps or []
        ]
        recover = next(i for i, s in enumerate(steps) if "recover the account" in s)
        report = next(i for i, s in enumerate(steps) if s.startswith("then report it"))
        assert recover < report
    scotland = content.situations["hacked-account"].regions[Region.SCOTLAND].contacts
    assert "police-scotland-cybercrime" in scotland and "report-fraud" not in scotland
    assert (
        "report-fraud"
        in content.situations["hacked-account"].regions[Region.ENGLAND_WALES].contacts
    )


def test_public_sector_fraud_routes(content: report_content.ReportContent) -> None:
    regions = content.situations["public-sector-fraud"].regions
    assert {"dwp-benefit-fraud", "social-security-scotland", "nhs-scotland-counter-fraud"} <= set(
        regions[Region.SCOTLAND].contacts
    )
    assert {"dwp-benefit-fraud", "nhs-counter-fraud-authority"} <= set(
        regions[Region.ENGLAND_WALES].contacts
    )
    assert {"ni-benefit-fraud", "hsc-counter-fraud-ni"} <= set(
        regions[Region.NORTHERN_IRELAND].contacts
    )


def test_misconduct_goes_to_each_nations_standards_bodies(
    content: report_content.ReportContent,
) -> None:
    regions = content.situations["public-office-misconduct"].regions
    scotland = regions[Region.SCOTLAND]
    assert scotland.contacts[:2] == [
        "ethical-standards-commissioner",
        "standards-commission-scotland",
    ]
    text = " ".join(scotland.steps or [])
    assert "Ethical Standards Commissioner decides whether to investigate, and investigates" in text
    assert "Standards Commission for Scotland, which decides" in text
    england = " ".join(regions[Region.ENGLAND_WALES].steps or [])
    assert "Monitoring Officer" in england and "Public Services Ombudsman for Wales" in england
    assert {"lgsco", "ombudsman-wales"} <= set(regions[Region.ENGLAND_WALES].contacts)
    assert "ni-commissioner-standards" in regions[Region.NORTHERN_IRELAND].contacts


def test_money_advice_uses_each_nations_citizens_advice(
    content: report_content.ReportContent,
) -> None:
    regions = content.situations["money-advice-after-scam"].regions
    assert regions[Region.SCOTLAND].contacts[0] == "citizens-advice-scotland"
    assert regions[Region.ENGLAND_WALES].contacts[0] == "citizens-advice-england-wales"
    assert regions[Region.NORTHERN_IRELAND].contacts[0] == "advice-ni"


def test_vulnerable_adult_situation_names_the_protections(
    content: report_content.ReportContent,
) -> None:
    found = content.situations["vulnerable-adult-financial-abuse"]
    assert found.urgent
    scotland = " ".join(found.regions[Region.SCOTLAND].steps or [])
    for needle in (
        "Banking Protocol",
        "call blocker",
        "cold calling control zone",
        "Nominated Neighbour",
    ):
        assert needle in scotland
    assert "adult-protection-scotland" in found.regions[Region.SCOTLAND].contacts
    assert "adult-safeguarding-england-wales" in found.regions[Region.ENGLAND_WALES].contacts
    assert "adult-protection-ni" in found.regions[Region.NORTHERN_IRELAND].contacts
    england = " ".join(found.regions[Region.ENGLAND_WALES].steps or [])
    assert "no cold calling zone" in england and "Buy With Confidence" in england


def test_child_online_harm_reuses_the_childrens_contacts(
    content: report_content.ReportContent,
) -> None:
    found = content.situations["child-online-harm"]
    assert found.urgent and found.signs == ["online-child-exploitation"]
    for region in Region:
        contacts = found.regions[region].contacts
        assert {"ceop", "nspcc-helpline", "childline", "report-remove"} <= set(contacts)
    assert "guardianship-scotland" in found.regions[Region.SCOTLAND].contacts
    assert "Guardianship Scotland" in " ".join(found.regions[Region.SCOTLAND].steps or [])


def test_new_sign_guides_link_back() -> None:
    guides = ContentStore().collection(GUIDES)
    assert guides["online-child-exploitation"].report_situation == "child-online-harm"
    assert guides["romance-investment-grooming"].report_situation == "romance-scam"
    result = run_cli(["signs", "online-child-exploitation"])
    assert result.exit_code == 0 and "sochelp report child-online-harm" in result.stdout


def test_help_someone_is_for_relatives_neighbours_and_carers() -> None:
    result = run_cli(["report", "help-someone"])
    assert result.exit_code == 0
    assert "I want to help a relative, friend or neighbour stay safe from scams" in result.stdout
    assert "vulnerable-adult-financial-abuse" in result.stdout


PHRASINGS = {
    "hacked-account": [
        "my facebook was hacked",
        "someone hacked my email",
        "my instagram got hacked",
        "I can't log in to my email, someone changed my password",
        "my whatsapp account was taken over",
        "friends are getting messages from my account asking for money",
        "how do I get my facebook account back",
    ],
    "public-sector-fraud": [
        "someone is claiming benefits they shouldn't",
        "my neighbour is working and claiming universal credit",
        "report benefit fraud",
        "council tax single person discount fraud",
        "someone is using their dead mother's blue badge",
        "someone gets free prescriptions but isn't entitled",
    ],
    "public-office-misconduct": [
        "my councillor didn't declare an interest",
        "complain about a councillor",
        "a councillor is bullying staff",
        "nhs board member misconduct",
        "how do I complain about my msp",
    ],
    "money-advice-after-scam": [
        "a scam has left me in debt",
        "I can't pay my rent after being scammed",
        "I need debt advice",
        "my bank refused a refund",
        "free debt advice",
    ],
    "vulnerable-adult-financial-abuse": [
        "my dad keeps getting scammed",
        "my mum keeps falling for scams",
        "my gran's carer is taking her money",
        "my father has dementia and keeps sending money to scammers",
        "elderly neighbour being financially abused",
        "my mum gets scam calls every day and keeps paying scammers",
    ],
    "child-online-harm": [
        "my daughter is being groomed online",
        "a stranger is messaging my child on snapchat",
        "my son is being blackmailed over nude photos",
        "my 14 year old sent a nude and now they want money",
        "report child abuse images",
        "a child arrived alone and may be trafficked",
    ],
    "help-someone": [
        "how can I help my mum avoid scams",
        "I want to protect my elderly parents from scams",
        "I'm a carer",
        "help vulnerable relatives friends or neighbours",
    ],
}


@pytest.mark.parametrize(
    ("words", "expected"),
    [(words, situation) for situation, phrases in PHRASINGS.items() for words in phrases],
)
def test_free_text_finds_the_new_situation(
    content: report_content.ReportContent, words: str, expected: str
) -> None:
    matches = core.match_situations(content, words)
    assert matches and matches[0].id == expected, [m.id for m in matches]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("sextortion", "sextortion"),
        ("a councillor took a bribe", "corruption"),
        ("our company was hacked", "business-cyber-attack"),
        ("someone opened a loan in my name", "identity-theft"),
        ("lost money", "fraud-loss"),
    ],
)
def test_older_situations_still_win_their_own_words(
    content: report_content.ReportContent, words: str, expected: str
) -> None:
    assert core.match_situations(content, words)[0].id == expected


def test_free_text_through_the_command() -> None:
    result = run_cli(["report", "my", "facebook", "was", "hacked", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["situation"] == "hacked-account"

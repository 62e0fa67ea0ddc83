"""`sochelp report` over the real bundled content: every situation in every region."""

from __future__ import annotations

import json
import re

import pytest

from sochelp.content.store import ContentStore
from sochelp.content.types import Region
from sochelp.report import content as report_content
from tests.conftest import run_cli

REQUIRED_SITUATIONS = [
    "emergency",
    "crime-report",
    "anonymous-tip",
    "fraud-loss",
    "phishing-email",
    "scam-text",
    "scam-call",
    "scam-website",
    "investment-scam",
    "romance-scam",
    "identity-theft",
    "sextortion",
    "human-trafficking",
    "drugs-community",
    "money-laundering",
    "business-cyber-attack",
    "counterfeit-goods",
    "doorstep-crime",
    "corruption",
    "victim-support",
]
REGIONS = [r.value for r in Region]
CONTACT_KEYS = {"name", "phone", "text", "email", "web", "hours", "purpose", "source", "checked"}


def test_every_required_situation_exists() -> None:
    content = report_content.load(ContentStore())
    missing = [s for s in REQUIRED_SITUATIONS if s not in content.situations]
    assert missing == []


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("situation", REQUIRED_SITUATIONS)
def test_json_report(situation: str, region: str) -> None:
    result = run_cli(["report", situation, "--region", region, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["situation"] == situation
    assert data["region"] == region
    assert isinstance(data["urgent"], bool)
    assert data["steps"] and all(isinstance(s, str) and s for s in data["steps"])
    assert data["contacts"]
    for contact in data["contacts"]:
        assert set(contact) >= CONTACT_KEYS
        assert contact["name"] and contact["purpose"]
        assert contact["source"].startswith("https://")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", contact["checked"])
        assert any(contact[k] for k in ("phone", "text", "email", "web"))
    if region == "scotland":
        # In Scotland fraud and cyber crime go to Police Scotland on 101, never to Report Fraud.
        for contact in data["contacts"]:
            shown = " ".join(str(contact[k]) for k in ("name", "web", "phone", "email")).lower()
            assert "reportfraud" not in shown and "action fraud" not in shown
            assert "report fraud" not in shown and contact["phone"] != "0300 123 2040"
        steps = " ".join(data["steps"]).lower()
        assert "reportfraud.police.uk" not in steps and "0300 123 2040" not in steps


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("situation", REQUIRED_SITUATIONS)
def test_plain_report(situation: str, region: str) -> None:
    result = run_cli(["report", situation], env={"SOCHELP_REGION": region})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "What to do now:" in out and "Who to contact:" in out
    assert "\x1b[" not in out, "plain output must have no colour codes when piped"
    assert "1. " in out
    assert "  Source: " in out and re.search(r"[Cc]hecked 20\d\d-\d\d-\d\d", out)


def test_urgent_situations_show_the_emergency_banner() -> None:
    data = json.loads(run_cli(["report", "emergency", "--json"]).stdout)
    assert data["urgent"] is True
    banner = " ".join(data["emergency"])
    for needle in ("999", "55", "18000", "BSL"):
        assert needle in banner
    plain = run_cli(["report", "emergency"]).stdout
    assert plain.startswith("!! ")


def test_non_urgent_situation_has_no_banner() -> None:
    data = json.loads(run_cli(["report", "scam-text", "--json"]).stdout)
    assert data["urgent"] is False
    assert data["emergency"] == []


@pytest.mark.parametrize("region", REGIONS)
def test_money_lost_starts_with_the_bank_or_159(region: str) -> None:
    data = json.loads(run_cli(["report", "fraud-loss", "-r", region, "--json"]).stdout)
    first = data["steps"][0].lower()
    assert "bank" in first and "159" in first


def test_scotland_fraud_goes_to_police_scotland_101() -> None:
    data = json.loads(run_cli(["report", "fraud-loss", "--json"]).stdout)
    phones = [c["phone"] for c in data["contacts"]]
    assert "101" in phones
    names = " ".join(c["name"] for c in data["contacts"])
    assert "Police Scotland" in names


@pytest.mark.parametrize("region", ["england-wales", "northern-ireland"])
def test_outside_scotland_fraud_goes_to_report_fraud(region: str) -> None:
    data = json.loads(run_cli(["report", "fraud-loss", "-r", region, "--json"]).stdout)
    webs = " ".join(str(c["web"]) for c in data["contacts"])
    assert "reportfraud.police.uk" in webs


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["I got a weird text"], "scam-text"),
        (["lost", "money"], "fraud-loss"),
        (["someone is being exploited"], "human-trafficking"),
        (["fake email from my bank"], "phishing-email"),
        (["my neighbour's flat has been taken over by dealers"], "drugs-community"),
        (["bogus builder at the door"], "doorstep-crime"),
    ],
)
def test_free_text_finds_the_situation(words: list[str], expected: str) -> None:
    result = run_cli(["report", *words, "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["situation"] == expected


def test_unknown_situation_id_suggests_closest_and_exits_2() -> None:
    result = run_cli(["report", "scam-txt"])
    assert result.exit_code == 2
    assert "scam-text" in result.stderr
    assert "Traceback" not in result.stderr


def test_nonsense_text_exits_2_with_the_list_hint() -> None:
    result = run_cli(["report", "zzzz qqqq"])
    assert result.exit_code == 2
    assert "sochelp report --list" in result.stderr


def test_list_and_no_argument_off_a_terminal_print_the_list() -> None:
    listed = run_cli(["report", "--list"])
    bare = run_cli(["report"])
    assert listed.exit_code == bare.exit_code == 0
    assert listed.stdout == bare.stdout
    for situation in REQUIRED_SITUATIONS:
        assert situation in listed.stdout


def test_list_as_json() -> None:
    data = json.loads(run_cli(["report", "--list", "--json"]).stdout)
    assert {item["id"] for item in data} >= set(REQUIRED_SITUATIONS)


def test_bad_region_is_a_usage_error() -> None:
    result = run_cli(["report", "scam-text", "--region", "france"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert "'france' is not a part of the UK" in result.stderr
    assert "scotland, england-wales, northern-ireland" in result.stderr


def test_broken_content_gives_file_key_reason_and_exit_2(tmp_path: object) -> None:
    from pathlib import Path

    overlay = Path(str(tmp_path)) / "local"
    (overlay / "contacts").mkdir(parents=True)
    (overlay / "contacts" / "bad.toml").write_text(
        '[[contact]]\nid = "bad-one"\nname = "Bad"\nregions = ["scotland"]\nphone = "abc"\n'
        'purpose = "p"\nsource = "https://example.org"\nchecked = 2026-01-01\n',
        encoding="utf-8",
    )
    result = run_cli(["--content-dir", str(overlay), "report", "scam-text"])
    assert result.exit_code == 2
    assert f"{overlay}/contacts/bad.toml: contact[bad-one].phone: not a phone number" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_overlay_contact_appears_in_report(tmp_path: object) -> None:
    from pathlib import Path

    overlay = Path(str(tmp_path)) / "local"
    (overlay / "contacts").mkdir(parents=True)
    (overlay / "situations").mkdir(parents=True)
    (overlay / "contacts" / "council.toml").write_text(
        '[[contact]]\nid = "council-adult-protection"\nname = "Our Council Adult Protection"\n'
        'regions = ["scotland"]\nphone = "01234 567890"\npurpose = "A vulnerable neighbour."\n'
        'source = "https://council.example.org/ap"\nchecked = 2026-01-01\n',
        encoding="utf-8",
    )
    content = report_content.load(ContentStore())
    original = content.situations["drugs-community"]
    regions = "\n".join(
        f"[situation.regions.{region}]\ncontacts = {json.dumps(list(advice.contacts) + extra)}\n"
        + (f"steps = {json.dumps(list(advice.steps))}\n" if advice.steps else "")
        for region, advice in original.regions.items()
        for extra in [["council-adult-protection"] if region == "scotland" else []]
    )
    (overlay / "situations" / "local.toml").write_text(
        f'[[situation]]\nid = "drugs-community"\ntitle = {json.dumps(original.title)}\n'
        f"summary = {json.dumps(original.summary)}\nkeywords = {json.dumps(original.keywords)}\n"
        f"urgent = {str(original.urgent).lower()}\n"
        + (f"steps = {json.dumps(original.steps)}\n" if original.steps else "")
        + f"signs = {json.dumps(original.signs)}\n{regions}",
        encoding="utf-8",
    )
    result = run_cli(
        ["report", "drugs-community", "--json"], env={"SOCHELP_CONTENT_DIR": str(overlay)}
    )
    assert result.exit_code == 0, result.stderr
    names = [c["name"] for c in json.loads(result.stdout)["contacts"]]
    assert "Our Council Adult Protection" in names
    check = run_cli(["content", "check", str(overlay)])
    assert check.exit_code == 0, check.stdout

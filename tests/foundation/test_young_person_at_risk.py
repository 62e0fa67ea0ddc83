"""`sochelp report young-person-at-risk`, its contacts in each nation, the
young-person-exploitation signs guide, and free text that should find them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.content.types import Region
from sochelp.matching import Candidate, rank
from sochelp.report import content as report_content
from sochelp.signs import content as signs_content
from tests.conftest import run_cli

SITUATION = "young-person-at-risk"
GUIDE = "young-person-exploitation"
#: Contacts every region must list: UK-wide help for the adult and for the young person.
UK_WIDE = {"nspcc-helpline", "childline", "crimestoppers", "fearless", "emergency-999"}
#: Each nation's police and child protection route.
LOCAL = {
    "scotland": {"police-scotland-101", "council-social-work-scotland"},
    "england-wales": {"police-101-england-wales", "council-childrens-services-england-wales"},
    "northern-ireland": {"psni-101", "hsc-trust-gateway-ni"},
}


def _report(region: str) -> dict[str, object]:
    result = run_cli(["report", SITUATION, "--region", region, "--json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("region", [r.value for r in Region])
def test_every_region_has_ordered_steps_and_local_contacts(region: str) -> None:
    data = _report(region)
    steps = [str(s) for s in data["steps"]]  # type: ignore[attr-defined]
    assert data["urgent"] is True and data["emergency"]
    assert "999" in steps[0]
    joined = " ".join(steps).lower()
    for phrase in ("keep talking", "don't confront", "record what you see", "share your worry"):
        assert phrase in joined, phrase
    # online sexual harm is another situation's: named as text, not as a structured link
    assert "sochelp report child-online-harm" in joined
    content = report_content.load(ContentStore())
    ids = set(content.situations[SITUATION].regions[Region(region)].contacts)
    assert UK_WIDE | LOCAL[region] <= ids
    assert ids & {
        "missing-people-safecall",
        "action-for-children-soceis",
        "st-giles-trust",
        "catch22-county-lines",
        "youth-justice-agency-ni",
    }
    if region != "scotland":
        assert "Police Scotland" not in joined.title()


def test_scotland_never_sends_people_to_report_fraud() -> None:
    text = json.dumps(_report("scotland"))
    assert "reportfraud" not in text and "Action Fraud" not in text


def test_new_contacts_are_sourced_and_checked() -> None:
    text = Path("content/contacts/young-people.toml").read_text(encoding="utf-8")
    content = report_content.load(ContentStore())
    new = [c for c in content.contacts if f'id = "{c.id}"' in text]
    assert len(new) >= 7
    used = {cid for s in content.situations for a in s.regions.values() for cid in a.contacts}
    for contact in new:
        assert contact.checked == dt.date(2026, 12, 1), contact.id
        assert contact.source.startswith("https://"), contact.id
        assert contact.id in used, f"{contact.id} is not used by any situation"
    regions = {r for c in new for r in c.regions}
    assert regions == set(Region)


def test_situation_links_its_guides_and_the_guide_links_back() -> None:
    content = report_content.load(ContentStore())
    assert content.situations[SITUATION].signs == [
        GUIDE,
        "county-lines",
        "money-mule",
        "online-child-exploitation",
    ]
    guides = signs_content.load(ContentStore())
    guide = guides[GUIDE]
    assert guide.report_situation == SITUATION
    assert guide.see_also == ["county-lines", "money-mule"]
    kinds = " ".join(g.kind.lower() for g in guide.groups)
    for kind in ("behaviour", "money", "possessions", "phone", "friends", "missing"):
        assert kind in kinds, kind


def test_signs_command_shows_the_links() -> None:
    text = run_cli(["signs", GUIDE])
    assert text.exit_code == 0, text.stderr
    assert f"Who to tell: sochelp report {SITUATION}" in text.stdout
    assert "See also: sochelp signs county-lines, sochelp signs money-mule" in text.stdout
    data = json.loads(run_cli(["signs", GUIDE, "--json"]).stdout)
    assert data["see_also"] == ["county-lines", "money-mule"]
    older = json.loads(run_cli(["signs", "cuckooing", "--json"]).stdout)
    assert older["see_also"] == []
    assert "See also" not in run_cli(["signs", "cuckooing"]).stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('see_also = ["no-such-guide"]', "guide[g-x].see_also[0]: unknown signs guide"),
        ('see_also = ["g-x"]', "guide[g-x].see_also[0]: a guide cannot point to itself"),
    ],
)
def test_a_bad_see_also_is_a_content_problem(tmp_path: Path, extra: str, message: str) -> None:
    overlay = tmp_path / "local"
    (overlay / "signs").mkdir(parents=True)
    (overlay / "signs" / "x.toml").write_text(
        '[[guide]]\nid = "g-x"\ntitle = "T"\nsummary = "S"\nreport_situation = "drugs-community"\n'
        f'{extra}\nsources = ["https://example.org"]\nchecked = 2026-01-01\n'
        'do = ["d"]\ndont = ["n"]\n[[guide.groups]]\nkind = "K"\nsigns = ["s"]\n',
        encoding="utf-8",
    )
    result = run_cli(["--content-dir", str(overlay), "signs", "--list"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "words",
    [
        "my son has a new phone and money",
        "I think my pupil is dealing",
        "my daughter keeps going missing and has new clothes",
        "my son is being used by a gang",
        "worried my teenager is a money mule",
        "someone is using my son's bank account",
        "my grandson says he owes money to older boys",
        "my 14 year old has two phones",
        "a pupil in my class has expensive trainers and cash",
        "my daughter is picked up by older men in cars",
        "my son was found in another town by police",
        "I'm a youth worker and a boy in my group is selling drugs",
        "my foster child keeps going missing",
        "my son says he owes a drug debt",
        "teenager carrying a knife",
        "my nephew is running drugs",
        "my kid has unexplained money",
        "my son has been recruited into county lines",
        "our pupil has a burner phone",
    ],
)
def test_free_text_finds_the_situation(words: str) -> None:
    result = run_cli(["report", *words.split(), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["situation"] == SITUATION


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("drug dealing in my street", "drugs-community"),
        ("my neighbour's flat has been taken over by dealers", "drugs-community"),
        ("my son is being blackmailed with nudes", "sextortion"),
        ("lost money to a scam", "fraud-loss"),
    ],
)
def test_other_situations_keep_their_own_words(words: str, expected: str) -> None:
    result = run_cli(["report", *words.split(), "--json"])
    assert json.loads(result.stdout)["situation"] == expected


def test_no_other_situation_loses_one_of_its_own_keywords() -> None:
    """Adding this situation must not change where any other situation's keywords lead."""
    content = report_content.load(ContentStore())
    every = [Candidate(s.id, s.title, s.keywords) for s in content.situations]
    others = [c for c in every if c.id != SITUATION]
    moved = [
        (c.id, keyword)
        for c in others
        for keyword in c.keywords
        if rank(others, keyword, 1)[0].id != rank(every, keyword, 1)[0].id
    ]
    assert moved == []

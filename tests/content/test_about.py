"""`sochelp about`, and the counts in README.md agreeing with the content and with `about`."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from sochelp import __version__
from sochelp.content.about import gather
from sochelp.content.store import ContentStore
from sochelp.quiz.content import QUESTIONS
from sochelp.report.content import CONTACTS, SITUATIONS
from sochelp.signs.content import GUIDES
from tests.conftest import REPO, run_cli

README = (REPO / "README.md").read_text(encoding="utf-8")


def _about_json(env: dict[str, str] | None = None) -> dict[str, Any]:
    result = run_cli(["about", "--json"], env=env)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_about_json_counts_match_the_content() -> None:
    store = ContentStore()
    data = _about_json()
    assert data["version"] == __version__
    counts = data["counts"]
    assert isinstance(counts, dict)
    assert counts["contacts"] == len(store.collection(CONTACTS))
    assert counts["situations"] == len(store.collection(SITUATIONS))
    assert counts["quiz_questions"] == len(store.collection(QUESTIONS))
    assert counts["sign_guides"] == len(store.collection(GUIDES))
    assert counts["regions"] == 3
    assert counts["secondary_contacts"] == 4
    assert data["overlay"] is None
    assert data["oldest_checked"] <= data["content_date"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(data["content_date"]))


def test_about_counts_stale_contacts_from_today() -> None:
    assert _about_json({"SOCHELP_TODAY": "2026-12-01"})["counts"]["stale_contacts"] == 0
    later = _about_json({"SOCHELP_TODAY": "2028-06-01"})["counts"]
    assert later["stale_contacts"] == later["contacts"]


def test_about_plain_text() -> None:
    result = run_cli(["about"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Version:" in out and __version__ in out
    assert "Content checked up to:" in out and "Oldest check:" in out
    assert "Situations:" in out and "each for 3 parts of the UK" in out
    assert "4 not confirmed on the organisation's own site" in out
    assert "Local content:         none (bundled content only)" in out
    assert "\x1b[" not in out


def test_about_names_the_overlay_and_counts_its_items(tmp_path: Path) -> None:
    overlay = tmp_path / "local"
    (overlay / "contacts").mkdir(parents=True)
    (overlay / "contacts" / "council.toml").write_text(
        '[[contact]]\nid = "our-council"\nname = "Our Council"\nregions = ["scotland"]\n'
        'phone = "01234 567890"\npurpose = "Local help."\n'
        'source = "https://council.example.org/help"\nchecked = 2024-01-10\n',
        encoding="utf-8",
    )
    base = _about_json()["counts"]
    data = _about_json({"SOCHELP_CONTENT_DIR": str(overlay), "SOCHELP_TODAY": "2026-12-01"})
    assert data["overlay"] == str(overlay)
    assert data["counts"]["contacts"] == base["contacts"] + 1
    assert data["counts"]["stale_contacts"] == 1
    assert data["oldest_checked"] == "2024-01-10"
    assert data["oldest_item"] == "contact[our-council]"
    plain = run_cli(["--content-dir", str(overlay), "about"]).stdout
    assert f"Local content:         {overlay}" in plain
    assert "1 last checked over a year ago" in plain


def test_gather_takes_today_as_an_argument() -> None:
    info = gather(ContentStore(), dt.date(2026, 12, 1))
    assert info.counts.stale_contacts == 0
    assert gather(ContentStore(), dt.date(2030, 1, 1)).counts.stale_contacts == info.counts.contacts


@pytest.mark.pty
def test_about_in_a_terminal() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sochelp", "about"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )
    child.expect("Version")
    child.expect("Contacts")
    child.expect("Situations")
    child.expect("Local content")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


# --- README.md must state the same counts as the content -------------------------------------


def _readme_number(pattern: str) -> int:
    match = re.search(pattern, README)
    assert match, f"README.md no longer says {pattern!r}"
    return int(match.group(1))


def test_readme_counts_match_the_content_and_about() -> None:
    store = ContentStore()
    counts = _about_json()["counts"]
    assert isinstance(counts, dict)
    contacts = _readme_number(r"`sochelp report`: (\d+) contacts")
    situations = _readme_number(r"(\d+) situations × 3 regions")
    questions = _readme_number(r"\| `quiz/` \| (\d+) scam-quiz questions")
    guides = _readme_number(r"`sochelp signs`: (\d+) guides")
    assert contacts == len(store.collection(CONTACTS)) == counts["contacts"]
    assert situations == len(store.collection(SITUATIONS)) == counts["situations"]
    assert questions == len(store.collection(QUESTIONS)) == counts["quiz_questions"]
    assert guides == len(store.collection(GUIDES)) == counts["sign_guides"]


def test_readme_lists_every_situation() -> None:
    section = README.split("## `sochelp report`", 1)[1].split("\n## ", 1)[0]
    listed = section.split("Situations:", 1)[1].split("Describe it", 1)[0]
    named = set(re.findall(r"`([a-z0-9-]+)`", listed))
    assert named == set(ContentStore().collection(SITUATIONS).ids())

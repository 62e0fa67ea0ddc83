"""`sochelp signs` over the bundled guides."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

REQUIRED_GUIDES = ["human-trafficking", "cuckooing", "county-lines", "money-mule", "doorstep-crime"]


@pytest.mark.parametrize("guide", REQUIRED_GUIDES)
def test_guide_json_and_text(guide: str) -> None:
    result = run_cli(["signs", guide, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == guide
    assert data["groups"] and all(g["signs"] for g in data["groups"])
    assert data["do"] and data["dont"]
    assert any("confront" in item.lower() for item in data["dont"])
    report = run_cli(["report", data["report_situation"], "--json"])
    assert report.exit_code == 0
    text = run_cli(["signs", guide])
    assert f"sochelp report {data['report_situation']}" in text.stdout
    assert "What not to do:" in text.stdout


def test_list() -> None:
    listed = run_cli(["signs", "--list"])
    assert listed.exit_code == 0
    for guide in REQUIRED_GUIDES:
        assert guide in listed.stdout
    data = json.loads(run_cli(["signs", "--list", "--json"]).stdout)
    assert {g["id"] for g in data} >= set(REQUIRED_GUIDES)


def test_words_find_a_guide() -> None:
    result = run_cli(["signs", "cuckoo", "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "cuckooing"


def test_unknown_guide_suggests_and_exits_2() -> None:
    typo = run_cli(["signs", "cukooing"])
    assert typo.exit_code == 2
    assert "cuckooing" in typo.stderr
    missing = run_cli(["signs", "zzzz"])
    assert missing.exit_code == 2
    assert "sochelp signs --list" in missing.stderr
    assert "Traceback" not in missing.stderr

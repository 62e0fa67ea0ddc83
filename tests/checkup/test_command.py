"""`sochelp checkup` driven from stdin through the real CLI (run_cli): saving, resuming,
comparing, exporting and the usage errors."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from sochelp.checkup import content as checkup_content
from sochelp.checkup.engine import Answer, build_plan
from sochelp.content.store import ContentStore
from sochelp.content.types import Audience
from sochelp.scopes import Activity, audiences_for
from tests.conftest import CliResult, run_cli

BUSINESS = checkup_content.load(ContentStore()).for_audience(Audience.BUSINESS)
COUNT = len(BUSINESS)
AUDIENCES = [a.value for a in audiences_for(Activity.CHECKUP)]


def data_file() -> Path:
    return Path(os.environ["SOCHELP_DATA_DIR"]) / "checkup.json"


def saved() -> dict[str, Any]:
    document = json.loads(data_file().read_text(encoding="utf-8"))
    assert document["version"] == 1
    data: dict[str, Any] = document["data"]
    return data


def answers_text(*answers: str) -> str:
    return "".join(f"{a}\n" for a in answers)


def run_json(*args: str, input: str = "") -> tuple[CliResult, dict[str, Any]]:
    result = run_cli(["checkup", *args, "--json"], input=input)
    assert result.exit_code == 0, result.stderr
    return result, json.loads(result.stdout)


def test_full_run_json_shape_and_plan_order() -> None:
    typed = ["n", "p", "y", "na"] * COUNT
    typed = typed[:COUNT]
    _, data = run_json("business", input=answers_text(*typed))
    assert data["audience"] == "business" and data["complete"] is True
    assert data["answered"] == data["total"] == COUNT
    expected = {"n": "no", "p": "partly", "y": "yes", "na": "na"}
    assert data["answers"] == {
        item.id: expected[t] for item, t in zip(BUSINESS, typed, strict=True)
    }
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    given = {item.id: Answer(expected[t]) for item, t in zip(BUSINESS, typed, strict=True)}
    assert [p["id"] for p in data["plan"]] == [s.id for s in build_plan(BUSINESS, given)]
    for step in data["plan"]:
        assert set(step) >= {"id", "title", "steps", "impact", "effort"}
        assert step["answer"] in ("no", "partly") and step["steps"]
    assert {s["name"] for s in data["sections"]} == {i.section for i in BUSINESS}
    assert data["changes"] is None
    assert saved()["audiences"]["business"]["history"][0]["answers"] == data["answers"]


def test_plain_text_output() -> None:
    result = run_cli(["checkup", "business"], input=answers_text(*(["n"] * COUNT)))
    assert result.exit_code == 0
    assert "Overall score: 0%" in result.stdout
    assert "Your action plan (most worthwhile first):" in result.stdout
    assert "1. " in result.stdout and "Source: https://" in result.stdout
    assert result.stderr == ""


def test_stop_resume_then_compare() -> None:
    first = run_cli(["checkup", "business"], input=answers_text("y", "n", "q", "y"))
    assert first.exit_code == 0
    assert f"Unfinished: 2 of {COUNT} answered" in first.stdout
    unfinished = saved()["audiences"]["business"]["unfinished"]["answers"]
    assert unfinished == {BUSINESS[0].id: "yes", BUSINESS[1].id: "no"}

    # End of input also stops cleanly and keeps what was answered.
    second = run_cli(["checkup", "business"], input=answers_text("p"))
    assert second.exit_code == 0
    assert len(saved()["audiences"]["business"]["unfinished"]["answers"]) == 3

    _, done = run_json("business", input=answers_text(*(["n"] * (COUNT - 3))))
    assert done["complete"] is True
    assert done["answers"][BUSINESS[0].id] == "yes" and done["answers"][BUSINESS[2].id] == "partly"
    assert "unfinished" not in saved()["audiences"]["business"]

    # A later check-up shows what changed since last time.
    again = ["y"] + ["n"] * (COUNT - 1)
    _, later = run_json("business", input=answers_text(*again))
    changes = later["changes"]
    assert changes["previous_date"] == done["date"]
    assert changes["previous_score"] == done["score"]
    assert changes["improved"] == [] and BUSINESS[2].id not in changes["improved"]
    assert BUSINESS[2].id in changes["worsened"]
    assert changes["unchanged"] == COUNT - 1
    text = run_cli(["checkup", "business"], input=answers_text(*(["y"] * COUNT)))
    assert "Since your check-up of" in text.stdout and "Better:" in text.stdout
    assert len(saved()["audiences"]["business"]["history"]) == 3
    _, last = run_json("business", "--last")
    assert last["changes"]["improved"] and last["changes"]["previous_score"] == later["score"]


def test_restart_ignores_the_unfinished_answers() -> None:
    run_cli(["checkup", "business"], input=answers_text("y", "y"))
    _, data = run_json("business", "--restart", input=answers_text("n"))
    assert data["answers"] == {BUSINESS[0].id: "no"}


def test_no_save_reads_and_writes_nothing() -> None:
    run_cli(["checkup", "business"], input=answers_text("y", "y"))
    before = data_file().read_bytes()
    _, data = run_json("business", "--no-save", input=answers_text("n"))
    assert data["answers"] == {BUSINESS[0].id: "no"} and data["saved"] is False
    assert data_file().read_bytes() == before
    run_cli(["checkup", "finance", "--no-save"], input=answers_text(*(["y"] * 20)))
    assert "finance" not in saved()["audiences"]


def test_reset_one_audience_and_all() -> None:
    run_cli(["checkup", "business"], input=answers_text("y"))
    run_cli(["checkup", "elected"], input=answers_text("y"))
    refused = run_cli(["checkup", "business", "--reset"])  # off a terminal: needs --yes
    assert refused.exit_code == 2 and "sochelp checkup business --reset --yes" in refused.stderr
    assert "business" in saved()["audiences"]
    one = run_cli(["checkup", "business", "--reset", "--yes"])
    assert one.exit_code == 0
    assert (
        "Deleted your saved answers for business (an unfinished check-up with 1 answer)."
        in one.stdout
    )
    assert "business" not in saved()["audiences"] and "elected" in saved()["audiences"]
    everything = run_cli(["checkup", "--reset", "--yes"])
    assert everything.exit_code == 0
    assert (
        "Deleted your saved answers for elected (an unfinished check-up with 1 answer)."
        in everything.stdout
    )
    assert not data_file().exists()
    nothing = run_cli(["checkup", "--reset"])
    assert nothing.exit_code == 0 and "no saved answers" in nothing.stdout


def test_last_shows_saved_answers_without_asking() -> None:
    missing = run_cli(["checkup", "business", "--last"])
    assert missing.exit_code == 2 and "no saved business check-up" in missing.stderr
    _, done = run_json("business", input=answers_text(*(["p"] * COUNT)))
    _, last = run_json("business", "--last")
    assert last["answers"] == done["answers"] and last["plan"] == done["plan"]


def test_export_markdown_to_stdout_and_file(tmp_path: Path) -> None:
    typed = ["n", "y"] * COUNT
    result = run_cli(
        ["checkup", "business", "--export", "markdown"], input=answers_text(*typed[:COUNT])
    )
    assert result.exit_code == 0
    markdown = result.stdout
    assert markdown.startswith("# Action plan: Businesses\n")
    assert "| Section | Score | Yes | Partly | No | N/A |" in markdown
    assert "### 1. " in markdown and "Owner: ____" in markdown
    assert "## Already in place" in markdown
    first_action = build_plan(BUSINESS, {i.id: Answer.NO for i in BUSINESS[::2]})[0]
    assert f"### 1. {first_action.title}" in markdown

    target = tmp_path / "plan.md"
    written = run_cli(
        ["checkup", "business", "--last", "--export", "markdown", "--output", str(target)]
    )
    assert written.exit_code == 0
    assert target.read_text(encoding="utf-8") == markdown
    assert f"Action plan written to {target}" in written.stderr
    assert "Overall score" in written.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["checkup"], "Say who the check-up is for"),
        (["checkup", "ministers"], "'ministers' is not a check-up audience"),
        (["checkup", "business", "--output", "x.md"], "--output is only used with --export"),
        (["checkup", "business", "--json", "--export", "markdown"], "both write to stdout"),
        (["checkup", "business", "--no-save", "--last"], "cannot be combined"),
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    result = run_cli(args, input="y\n")
    assert result.exit_code == 2
    assert message in result.stderr
    if "audience" in message or "who" in message:
        for audience in AUDIENCES:
            assert audience in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["young-people", "Young People", "young_people"])
def test_quiz_only_audience_is_refused_with_the_checkup_list(name: str) -> None:
    result = run_cli(["checkup", name], input="y\n")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first == (
        "sochelp: There is no check-up for 'young-people'; check-up audiences are: "
        + ", ".join(AUDIENCES)
        + "."
    )
    assert "sochelp scam-quiz --audience young-people" in result.stderr
    assert "Traceback" not in result.stderr
    assert not data_file().exists()


def test_aliases_and_case() -> None:
    _, data = run_json("Charity", input="y\n")
    assert data["audience"] == "third-sector"
    _, data = run_json("council", input="y\n")
    assert data["audience"] == "public-body"


def test_invalid_lines_are_reported_and_skipped() -> None:
    result, data = run_json("business", input=answers_text("maybe", "y", "?", "n", "q"))
    assert "'maybe' is not an answer" in result.stderr
    assert list(data["answers"].values()) == ["yes", "no"]


def test_q_first_gives_no_plan() -> None:
    result = run_cli(["checkup", "business"], input="q\n")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no answers given" in result.stderr


def test_ctrl_c_exits_130_and_keeps_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from sochelp import prompting

    calls = {"n": 0}
    real_ask = prompting.StreamPrompter.ask

    def ask(self: prompting.StreamPrompter, prompt: str) -> str | None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_ask(self, prompt)

    monkeypatch.setattr(prompting.StreamPrompter, "ask", ask)
    result = run_cli(["checkup", "business"], input=answers_text("y", "n", "y", "y"))
    assert result.exit_code == 130
    assert "2 of" in result.stderr and "sochelp checkup business" in result.stderr
    assert result.stdout == ""
    assert len(saved()["audiences"]["business"]["unfinished"]["answers"]) == 2


def test_corrupt_progress_file_is_set_aside_with_a_notice() -> None:
    data_file().parent.mkdir(parents=True, exist_ok=True)
    data_file().write_text("{not json", encoding="utf-8")
    result, data = run_json("business", input="y\n")
    assert "was unreadable" in result.stderr and "moved to" in result.stderr
    assert data["answers"] == {BUSINESS[0].id: "yes"}
    assert list(data_file().parent.glob("checkup.corrupt-*.json"))


def test_malformed_progress_is_moved_aside_not_half_read() -> None:
    data_file().parent.mkdir(parents=True, exist_ok=True)
    document = {
        "version": 1,
        "data": {
            "audiences": {
                "business": {
                    "unfinished": {"answers": {BUSINESS[0].id: "yes", BUSINESS[1].id: "maybe"}},
                    "history": ["junk", {"completed": 5}],
                },
                "elected": "junk",
            }
        },
    }
    data_file().write_text(json.dumps(document), encoding="utf-8")
    result = run_cli(["checkup", "business", "--json"], input="n\n")
    assert json.loads(result.stdout)["answers"] == {BUSINESS[0].id: "no"}
    assert "could not be understood" in result.stderr and "moved to" in result.stderr
    aside = list(data_file().parent.glob("checkup.invalid-*.json"))
    assert len(aside) == 1 and json.loads(aside[0].read_text()) == document


def test_help_lists_checkup() -> None:
    result = run_cli(["--help"])
    assert "checkup" in result.stdout
    detail = run_cli(["checkup", "--help"])
    assert detail.exit_code == 0 and "--export" in detail.stdout


def test_unwritable_data_dir_warns_once_and_finishes(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = run_cli(
        ["checkup", "business", "--json"],
        input=answers_text(*["y"] * COUNT),
        env={"SOCHELP_DATA_DIR": str(blocker / "sub")},
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["complete"] is True and data["saved"] is False and data["score"] == 100
    assert result.stderr.count("will not be saved") == 1
    assert "Traceback" not in result.stderr


def test_unreadable_progress_file_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "checkup.json").mkdir(parents=True)  # a folder where the file should be
    result = run_cli(
        ["checkup", "business"],
        input=answers_text("n", "q"),
        env={"SOCHELP_DATA_DIR": str(folder)},
    )
    assert result.exit_code == 0, result.stderr
    assert "will not be saved" in result.stderr
    assert "Your answers were not saved." in result.stdout
    assert (folder / "checkup.json").is_dir()


def test_export_hint_matches_whether_answers_were_saved() -> None:
    from tests.conftest import run_cli

    unsaved = run_cli(["checkup", "business", "--no-save"], input="y\nn\nq\n")
    assert "Nothing was saved (--no-save)" in unsaved.stdout
    assert "--last" not in unsaved.stdout
    saved = run_cli(["checkup", "business"], input="y\nn\nq\n")
    assert "sochelp checkup business --last --export markdown" in saved.stdout

"""The committed JSON Schemas (docs/schema) are current, and real outputs match them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import sochelp.content.store as content_store
from sochelp.render import schema
from tests.conftest import REPO
from tests.foundation.minimal import FIXTURE
from tests.golden.cases import CASES, Case, run_case

#: Golden case name prefix -> the schema its output follows (longest prefix wins).
SCHEMA_OF = {
    "report-list": "report-list",
    "report": "report",
    "signs-list": "signs-list",
    "signs": "signs",
    "message": "check-message",
    "quiz-topics": "scam-quiz-topics",
    "quiz-session": "scam-quiz",
    "quiz-confidence": "scam-quiz",
    "quiz-stats": "scam-quiz-stats",
    "quiz-export-stdout": "scam-quiz-export",
    "quiz-export-file": "scam-quiz-export-written",
    "quiz-reset": "reset",
    "password": "password",
    "audit": "audit",
    "checkup": "checkup",
}


def _schema_name(case: Case) -> str:
    prefix = max((p for p in SCHEMA_OF if case.name.startswith(p)), key=len)
    return SCHEMA_OF[prefix]


@pytest.mark.parametrize("name", list(schema.OUTPUTS))
def test_committed_schema_is_current(name: str) -> None:
    # The repository's copy (schema.DEFAULT_FOLDER points elsewhere when sochelp is installed
    # from a wheel, as .ci/run does).
    committed = REPO / "docs" / "schema" / f"{name}.json"
    assert committed.read_text(encoding="utf-8") == schema.render(name), (
        f"docs/schema/{name}.json is stale: run 'python -m sochelp.render.schema'"
    )


#: Outputs whose schema checks live with their own tests (the room session, check-up returns and
#: roll-ups: tests/quiz/test_present.py, tests/checkup/test_rollup.py; sochelp config:
#: tests/terminal/test_config.py).
CHECKED_ELSEWHERE = {
    "config",
    "content-check",
    "content-links",
    "about",
    "scam-quiz-present",
    "checkup-return",
    "checkup-rollup",
}


def test_every_output_has_a_schema_and_a_case() -> None:
    assert {_schema_name(c) for c in CASES} | CHECKED_ELSEWHERE == set(schema.OUTPUTS)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_output_matches_its_schema(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(content_store, "bundled_root", lambda: FIXTURE)
    _, output = run_case(case, tmp_path, normalised=False)
    jsonschema.validate(output, schema.schema_for(_schema_name(case)))


def test_content_check_output_matches_its_schema(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    broken = tmp_path / "overlay" / "contacts"
    broken.mkdir(parents=True)
    (broken / "bad.toml").write_text('[[contact]]\nid = "x"\n', encoding="utf-8")
    result = run_cli(["content", "check", str(tmp_path / "overlay"), "--json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and data["ok"] is False and data["problems"]
    jsonschema.validate(data, schema.schema_for("content-check"))


def test_about_output_matches_its_schema() -> None:
    from tests.conftest import run_cli

    result = run_cli(["about", "--json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["counts"]["contacts"] > 0
    jsonschema.validate(data, schema.schema_for("about"))


def test_a_wrong_output_fails_validation() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"verdict": "maybe"}, schema.schema_for("check-message"))


def test_the_generator_writes_every_schema(tmp_path: Path) -> None:
    written = schema.write(tmp_path / "schemas")
    assert sorted(p.name for p in written) == sorted(f"{name}.json" for name in schema.OUTPUTS)
    for path in written:
        assert path.read_text(encoding="utf-8") == schema.render(path.stem)
        assert (
            json.loads(path.read_text(encoding="utf-8"))["title"] == f"sochelp {path.stem} --json"
        )

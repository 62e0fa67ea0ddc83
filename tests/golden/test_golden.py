"""Every ``--json`` output stays key-for-key what it was before results became typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sochelp.content.store as content_store
from tests.foundation.minimal import FIXTURE
from tests.golden.cases import CASES, GOLDEN, Case, run_case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_json_output_matches_golden(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(content_store, "bundled_root", lambda: FIXTURE)
    expected = json.loads((GOLDEN / f"{case.name}.json").read_text(encoding="utf-8"))
    code, output = run_case(case, tmp_path)
    assert code == expected["exit_code"]
    assert output == expected["output"]
